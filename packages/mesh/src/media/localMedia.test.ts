import type { SmaRTCError } from '@smartc/core';
import { describe, expect, it } from 'vitest';
import { createFakeStream, FakeMediaDevices, type FakeStream, type FakeTrack } from './fakes.testkit.js';
import { LocalMedia, type LocalMediaEvents } from './localMedia.js';

function setup() {
  const devices = new FakeMediaDevices();
  const media = new LocalMedia({ mediaDevices: devices, createStream: createFakeStream });
  const events: unknown[][] = [];
  for (const name of [
    'track-replaced',
    'mute-changed',
    'device-lost',
    'devices-changed',
    'screen-share-started',
    'screen-share-ended',
    'error',
  ] as const) {
    media.on(name, (...args: LocalMediaEvents[typeof name]) => events.push([name, ...args]));
  }
  const tracksOf = () =>
    (media.stream as unknown as FakeStream).getTracks().map((t) => `${t.kind}:${t.deviceId}`);
  return { devices, media, events, tracksOf };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LocalMedia.start', () => {
  it('captures audio and video by default and exposes stream, tracks and state', async () => {
    const { devices, media, tracksOf } = setup();
    expect(media.state).toBe('idle');
    const stream = await media.start();
    expect(stream).toBe(media.stream);
    expect(devices.calls).toEqual([{ audio: true, video: true }]);
    expect(tracksOf()).toEqual(['audio:mic-1', 'video:cam-1']);
    expect(media.state).toBe('started');
    expect(media.audioTrack?.kind).toBe('audio');
    expect(media.videoTrack?.kind).toBe('video');
    expect([media.audioEnabled, media.videoEnabled]).toEqual([true, true]);
    await expect(media.start()).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it.each([
    ['NotAllowedError', 'MEDIA_PERMISSION_DENIED'],
    ['NotReadableError', 'MEDIA_DEVICE_IN_USE'],
    ['NotFoundError', 'MEDIA_DEVICE_NOT_FOUND'],
    ['OverconstrainedError', 'MEDIA_CONSTRAINTS_UNSATISFIABLE'],
    ['NotSupportedError', 'MEDIA_UNSUPPORTED'],
  ])('normalises %s to %s and goes back to idle', async (name, code) => {
    const { devices, media } = setup();
    devices.fail.video = new DOMException('', name);
    await expect(media.start({ audio: true, video: true })).rejects.toMatchObject({ code });
    expect(media.state).toBe('idle');
    expect(media.stream).toBeNull();
    expect(devices.listeners).toBe(0);
  });

  it('rejects with MEDIA_UNSUPPORTED without mediaDevices (Node)', async () => {
    await expect(new LocalMedia().start()).rejects.toMatchObject({ code: 'MEDIA_UNSUPPORTED' });
  });

  it.each(['NotFoundError', 'NotReadableError'])(
    'falls back to audio-only when the camera fails with %s and reports it',
    async (name) => {
      const { devices, media, events, tracksOf } = setup();
      devices.fail.video = new DOMException('', name);
      await media.start({ audio: true, video: { width: 640 }, fallbackToAudioOnly: true });
      expect(tracksOf()).toEqual(['audio:mic-1']);
      expect(devices.calls.at(-1)).toEqual({ audio: true, video: false });
      expect(media.videoTrack).toBeNull();
      expect(media.videoEnabled).toBe(false);
      expect(events).toHaveLength(1);
      expect(events[0]?.[0]).toBe('error');
      expect((events[0]?.[1] as SmaRTCError | undefined)?.cause).toBe(devices.fail.video);
    },
  );

  it('does not fall back for permission errors or without the option', async () => {
    const { devices, media } = setup();
    devices.fail.video = new DOMException('', 'NotAllowedError');
    await expect(media.start({ audio: true, video: true, fallbackToAudioOnly: true })).rejects.toMatchObject({
      code: 'MEDIA_PERMISSION_DENIED',
    });
    devices.fail.video = new DOMException('', 'NotFoundError');
    await expect(media.start({ audio: true, video: true })).rejects.toMatchObject({
      code: 'MEDIA_DEVICE_NOT_FOUND',
    });
    expect(devices.calls).toHaveLength(2);
  });
});

describe('LocalMedia mute', () => {
  it('toggles track.enabled without release and emits mute-changed once per change', async () => {
    const { media, events, devices } = setup();
    await media.start();
    const video = media.videoTrack as unknown as FakeTrack;
    await media.setVideoEnabled(false);
    await media.setVideoEnabled(false);
    await media.setAudioEnabled(false);
    expect(video.enabled).toBe(false);
    expect(video.readyState).toBe('live');
    expect((media.audioTrack as unknown as FakeTrack).enabled).toBe(false);
    expect(events).toEqual([
      ['mute-changed', { audio: true, video: false }],
      ['mute-changed', { audio: false, video: false }],
    ]);
    await media.setVideoEnabled(true);
    expect(video.enabled).toBe(true);
    expect(devices.calls).toHaveLength(1);
  });

  it('releases the camera (track stopped, light off) and re-acquires the same device', async () => {
    const { media, events, devices, tracksOf } = setup();
    await media.start();
    await media.switchDevice('videoinput', 'cam-2');
    events.length = 0;
    const old = media.videoTrack as unknown as FakeTrack;
    await media.setVideoEnabled(false, { release: true });
    expect(old.readyState).toBe('ended');
    expect(media.videoTrack).toBeNull();
    expect(tracksOf()).toEqual(['audio:mic-1']);
    expect(events).toEqual([
      ['track-replaced', 'video', old, null],
      ['mute-changed', { audio: true, video: false }],
    ]);
    events.length = 0;
    await media.setVideoEnabled(true);
    const fresh = media.videoTrack as unknown as FakeTrack;
    expect(fresh).not.toBe(old);
    expect(fresh.readyState).toBe('live');
    expect(fresh.enabled).toBe(true);
    expect(fresh.deviceId).toBe('cam-2');
    expect(devices.calls.at(-1)).toEqual({ video: { deviceId: { exact: 'cam-2' } }, audio: false });
    expect(tracksOf()).toEqual(['audio:mic-1', 'video:cam-2']);
    expect(events).toEqual([
      ['track-replaced', 'video', null, fresh],
      ['mute-changed', { audio: true, video: true }],
    ]);
  });

  it('stays released and rejects normalised when re-acquiring fails', async () => {
    const { media, devices } = setup();
    await media.start();
    await media.setVideoEnabled(false, { release: true });
    devices.fail.video = new DOMException('', 'NotReadableError');
    await expect(media.setVideoEnabled(true)).rejects.toMatchObject({ code: 'MEDIA_DEVICE_IN_USE' });
    expect(media.videoEnabled).toBe(false);
    expect(media.videoTrack).toBeNull();
  });
});

describe('LocalMedia devices', () => {
  it('lists devices by kind', async () => {
    const { media } = setup();
    const list = await media.listDevices();
    expect(list.audioinput.map((d) => d.deviceId)).toEqual(['mic-1', 'mic-2']);
    expect(list.videoinput.map((d) => d.deviceId)).toEqual(['cam-1', 'cam-2']);
    expect(list.audiooutput.map((d) => d.deviceId)).toEqual(['speaker-1']);
  });

  it('switchDevice acquires the new track before stopping the old one and keeps mute state', async () => {
    const { media, events, devices, tracksOf } = setup();
    await media.start();
    await media.setAudioEnabled(false);
    events.length = 0;
    const old = media.audioTrack;
    await media.switchDevice('audioinput', 'mic-2');
    expect(devices.log).toEqual([
      'acquire:audio:mic-1',
      'acquire:video:cam-1',
      'acquire:audio:mic-2',
      'stop:audio:mic-1',
    ]);
    expect(tracksOf()).toEqual(['video:cam-1', 'audio:mic-2']);
    expect(media.audioTrack?.enabled).toBe(false);
    expect(events).toEqual([['track-replaced', 'audio', old, media.audioTrack]]);
  });

  it('switchDevice keeps the old track when the new device fails', async () => {
    const { media, events } = setup();
    await media.start();
    const old = media.videoTrack;
    await expect(media.switchDevice('videoinput', 'nope')).rejects.toMatchObject({
      code: 'MEDIA_CONSTRAINTS_UNSATISFIABLE',
    });
    expect(media.videoTrack).toBe(old);
    expect(old?.readyState).toBe('live');
    expect(events).toEqual([]);
  });

  it('falls back to the default device when the active one disappears', async () => {
    const { media, events, devices } = setup();
    await media.start();
    await media.switchDevice('videoinput', 'cam-2');
    const old = media.videoTrack;
    events.length = 0;
    devices.unplug('cam-2');
    await tick();
    await tick();
    expect(old?.readyState).toBe('ended');
    expect((media.videoTrack as unknown as FakeTrack).deviceId).toBe('cam-1');
    expect(events.map((e) => e.slice(0, 3))).toEqual([
      [
        'devices-changed',
        expect.objectContaining({ videoinput: [expect.objectContaining({ deviceId: 'cam-1' })] }),
      ],
      ['device-lost', 'videoinput', 'cam-2'],
      ['track-replaced', 'video', old],
    ]);
    expect(events[2]?.[3]).toBe(media.videoTrack);
  });

  it('only emits devices-changed when an unused device disappears', async () => {
    const { media, events, devices } = setup();
    await media.start();
    devices.unplug('mic-2');
    await tick();
    expect(events.map((e) => e[0])).toEqual(['devices-changed']);
  });
});

describe('LocalMedia screen share', () => {
  it('is MEDIA_UNSUPPORTED without getDisplayMedia', async () => {
    const devices = new FakeMediaDevices();
    devices.getDisplayMedia = undefined;
    await expect(new LocalMedia({ mediaDevices: devices }).startScreenShare()).rejects.toMatchObject({
      code: 'MEDIA_UNSUPPORTED',
    });
  });

  it('normalises a cancelled picker', async () => {
    const { media, devices } = setup();
    devices.fail.display = new DOMException('', 'NotAllowedError');
    await expect(media.startScreenShare()).rejects.toMatchObject({ code: 'MEDIA_PERMISSION_DENIED' });
  });

  it('replaces the camera and restores it when the user stops sharing', async () => {
    const { media, events, devices, tracksOf } = setup();
    await media.start();
    const camera = media.videoTrack;
    events.length = 0;
    const screen = await media.startScreenShare({ replaceCamera: true });
    expect(media.screenTrack).toBe(screen);
    expect(tracksOf()).toEqual(['audio:mic-1', 'video:screen']);
    expect(events).toEqual([
      ['screen-share-started', screen],
      ['track-replaced', 'video', camera, screen],
    ]);
    events.length = 0;
    devices.lastDisplayTrack?.end();
    expect(tracksOf()).toEqual(['audio:mic-1', 'video:cam-1']);
    expect(camera?.readyState).toBe('live');
    expect(events).toEqual([
      ['track-replaced', 'video', screen, camera],
      ['screen-share-ended', screen],
    ]);
    expect(devices.lastDisplayTrack?.listeners).toBe(0);
    expect(media.screenTrack).toBeNull();
  });

  it('shares beside the camera and stopScreenShare stops the track', async () => {
    const { media, events, tracksOf } = setup();
    await media.start();
    events.length = 0;
    const screen = (await media.startScreenShare()) as unknown as FakeTrack;
    expect(tracksOf()).toEqual(['audio:mic-1', 'video:cam-1']);
    media.stopScreenShare();
    expect(screen.readyState).toBe('ended');
    expect(screen.listeners).toBe(0);
    expect(events).toEqual([
      ['screen-share-started', screen],
      ['screen-share-ended', screen],
    ]);
  });
});

describe('LocalMedia.stop', () => {
  it('stops every track and leaves no listener on mediaDevices or tracks', async () => {
    const { media, devices } = setup();
    await media.start();
    expect(devices.listeners).toBe(1);
    const tracks = [media.audioTrack, media.videoTrack] as unknown as FakeTrack[];
    const screen = (await media.startScreenShare({ replaceCamera: true })) as unknown as FakeTrack;
    media.stop();
    expect(devices.listeners).toBe(0);
    expect(screen.listeners).toBe(0);
    expect([...tracks, screen].map((t) => t.readyState)).toEqual(['ended', 'ended', 'ended']);
    expect(media.state).toBe('stopped');
    expect(media.stream).toBeNull();
    // devicechange after stop does nothing; start works again
    devices.unplug('cam-1');
    await media.start({ audio: true });
    expect(devices.listeners).toBe(1);
    media.stop();
    expect(devices.listeners).toBe(0);
  });

  it('stops tracks acquired by a start() that stop() overtook', async () => {
    const { media, devices } = setup();
    const starting = media.start();
    media.stop();
    await expect(starting).rejects.toMatchObject({ code: 'ABORTED' });
    expect(devices.log).toEqual([
      'acquire:audio:mic-1',
      'acquire:video:cam-1',
      'stop:audio:mic-1',
      'stop:video:cam-1',
    ]);
    expect(devices.listeners).toBe(0);
  });
});
