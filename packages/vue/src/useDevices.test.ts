import { isSmaRTCError } from '@smartc/core';
import { describe, expect, it } from 'vitest';
import { effectScope } from 'vue';
import { deviceInfo, FakeMediaDevices, fakeStream, fakeTrack, ScriptedCall } from './scriptedCall.testkit.js';
import { useDevices } from './useDevices.js';

const MIC_1 = deviceInfo('audioinput', 'mic-1', 'Built-in microphone');
const MIC_2 = deviceInfo('audioinput', 'mic-2', 'Headset');
const CAM_1 = deviceInfo('videoinput', 'cam-1', 'FaceTime HD');
const CAM_2 = deviceInfo('videoinput', 'cam-2', 'USB camera');
const SPEAKER = deviceInfo('audiooutput', 'spk-1', 'Speakers');

const labels = (list: ReadonlyArray<MediaDeviceInfo>) => list.map((d) => d.label);

function setup(store: ScriptedCall, devices: FakeMediaDevices) {
  const scope = effectScope();
  const result = scope.run(() => useDevices(store.call, { mediaDevices: devices }))!;
  return { scope, ...result };
}

describe('useDevices', () => {
  it('lists devices by kind and follows devicechange until its scope stops', async () => {
    const devices = new FakeMediaDevices([MIC_1, CAM_1, SPEAKER]);
    const store = new ScriptedCall();
    const { scope, audioinput, videoinput, audiooutput, error } = setup(store, devices);
    await expect.poll(() => labels(audioinput.value)).toEqual(['Built-in microphone']);
    expect(labels(videoinput.value)).toEqual(['FaceTime HD']);
    expect(labels(audiooutput.value)).toEqual(['Speakers']);
    expect(error.value).toBeNull();
    expect(devices.listenerCount).toBe(1);

    devices.setDevices([MIC_1, MIC_2, CAM_1, SPEAKER]); // a headset is plugged in
    await expect.poll(() => labels(audioinput.value)).toEqual(['Built-in microphone', 'Headset']);

    scope.stop();
    expect(devices.listenerCount).toBe(0);
    expect(store.listenerCount).toBe(0);
    devices.setDevices([MIC_1]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(labels(audioinput.value)).toEqual(['Built-in microphone', 'Headset']);
  });

  it('reports MEDIA_UNSUPPORTED where devices cannot be listed', async () => {
    const { scope, error, videoinput } = setup(new ScriptedCall(), {} as FakeMediaDevices);
    await expect.poll(() => error.value?.code).toBe('MEDIA_UNSUPPORTED');
    expect(videoinput.value).toEqual([]);
    scope.stop();
  });

  it('shows the devices of a stream the app sends, read from its tracks', async () => {
    const store = new ScriptedCall();
    const { scope, selected, canSwitchInputs } = setup(store, new FakeMediaDevices([MIC_1, MIC_2, CAM_1]));
    expect(selected.value).toEqual({ audioinput: null, videoinput: null, audiooutput: null });
    const stream = fakeStream([fakeTrack('audio', 'mic-2'), fakeTrack('video', 'cam-1')]);
    store.dispatch({ type: 'self-stream', stream, media: { audio: true, video: true, screen: false } });
    expect(selected.value).toEqual({ audioinput: 'mic-2', videoinput: 'cam-1', audiooutput: null });
    expect(canSwitchInputs.value).toBe(false); // the app's own stream: the app switches its devices itself
    scope.stop();
  });

  it('switches the call-owned camera (a real LocalMedia) and shows the new one in use', async () => {
    const devices = new FakeMediaDevices([MIC_1, CAM_1, CAM_2]);
    const store = new ScriptedCall();
    const { scope, selected, canSwitchInputs, select, error: failure } = setup(store, devices);
    expect(canSwitchInputs.value).toBe(false);
    await store.startMedia(devices);
    expect(canSwitchInputs.value).toBe(true);
    expect(selected.value).toMatchObject({ audioinput: 'mic-1', videoinput: 'cam-1' });
    const stream = store.getSnapshot().self.stream;

    await select('videoinput', 'cam-2');
    expect(selected.value.videoinput).toBe('cam-2');
    expect(store.getSnapshot().self.stream).toBe(stream); // same stream, new track inside
    expect(stream?.getVideoTracks().map((t) => t.getSettings().deviceId)).toEqual(['cam-2']);

    devices.busy.add('cam-1');
    const error = await select('videoinput', 'cam-1').catch((e: unknown) => e);
    expect(isSmaRTCError(error) && error.code).toBe('MEDIA_DEVICE_IN_USE');
    expect(failure.value).toBe(error);
    expect(selected.value.videoinput).toBe('cam-2');
    scope.stop();
    store.localMedia?.stop();
  });
});
