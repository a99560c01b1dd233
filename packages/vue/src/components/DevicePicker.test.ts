import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { deviceInfo, FakeMediaDevices, ScriptedCall } from '../scriptedCall.testkit.js';
import { DevicePicker } from './DevicePicker.js';

const DEVICES = [
  deviceInfo('audioinput', 'mic-1', 'Built-in microphone'),
  deviceInfo('audioinput', 'mic-2', ''),
  deviceInfo('videoinput', 'cam-1', 'FaceTime HD'),
  deviceInfo('videoinput', 'cam-2', 'USB camera'),
];

function options(wrapper: ReturnType<typeof mount>, kind: string) {
  return wrapper.findAll(`[data-kind="${kind}"] option`).map((o) => o.text());
}

function select(wrapper: ReturnType<typeof mount>, kind: string) {
  return wrapper.get(`[data-kind="${kind}"] select`).element as HTMLSelectElement;
}

describe('DevicePicker', () => {
  it('lists microphones and cameras, disabled until the call captures its own media', async () => {
    const devices = new FakeMediaDevices(DEVICES);
    const store = new ScriptedCall();
    const wrapper = mount(DevicePicker, { props: { call: store.call, mediaDevices: devices } });
    await vi.waitFor(() =>
      expect(options(wrapper, 'audioinput')).toEqual(['Built-in microphone', 'Microphone 2']),
    );
    expect(options(wrapper, 'videoinput')).toEqual(['FaceTime HD', 'USB camera']);
    expect(wrapper.findAll('label').map((l) => l.find('span').text())).toEqual(['Microphone', 'Camera']);
    expect(select(wrapper, 'videoinput').disabled).toBe(true);

    await store.startMedia(devices);
    await vi.waitFor(() => expect(select(wrapper, 'videoinput').disabled).toBe(false));
    expect(select(wrapper, 'videoinput').value).toBe('cam-1');
    wrapper.unmount();
    store.localMedia?.stop(); // LocalMedia listens to devicechange too while started
    expect(devices.listenerCount).toBe(0);
    expect(store.listenerCount).toBe(0);
  });

  it('switches the camera on change, and shows the camera in use again when switching fails', async () => {
    const devices = new FakeMediaDevices(DEVICES);
    const store = new ScriptedCall();
    await store.startMedia(devices);
    const wrapper = mount(DevicePicker, {
      props: {
        call: store.call,
        mediaDevices: devices,
        kinds: ['videoinput'],
        labels: { audioinput: 'Micro', videoinput: 'Caméra' },
      },
    });
    await vi.waitFor(() => expect(options(wrapper, 'videoinput')).toHaveLength(2));
    expect(wrapper.find('[data-kind="audioinput"]').exists()).toBe(false);
    expect(wrapper.get('label span').text()).toBe('Caméra');

    await wrapper.get('select').setValue('cam-2');
    await vi.waitFor(() => expect(store.localMedia?.videoTrack?.getSettings().deviceId).toBe('cam-2'));
    await vi.waitFor(() => expect(select(wrapper, 'videoinput').value).toBe('cam-2'));

    devices.busy.add('cam-1');
    await wrapper.get('select').setValue('cam-1');
    await vi.waitFor(() => expect(wrapper.emitted('error')).toHaveLength(1));
    expect(wrapper.emitted('error')?.[0]?.[0]).toMatchObject({ code: 'MEDIA_DEVICE_IN_USE' });
    expect(select(wrapper, 'videoinput').value).toBe('cam-2');
    wrapper.unmount();
    store.localMedia?.stop();
  });
});
