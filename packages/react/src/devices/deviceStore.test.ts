import { describe, expect, it, vi } from 'vitest';
import { FakeMediaDevices } from '../testkit/media.testkit.js';
import { DeviceStore, NO_DEVICES } from './deviceStore.js';

describe('DeviceStore', () => {
  it('lists devices by kind once watched, and again on devicechange', async () => {
    const devices = new FakeMediaDevices();
    const store = new DeviceStore(() => devices);
    expect(store.getSnapshot()).toBe(NO_DEVICES);
    const stop = store.watch();
    await vi.waitFor(() =>
      expect(store.getSnapshot().videoinput.map((d) => d.deviceId)).toEqual(['cam-1', 'cam-2']),
    );
    expect(store.getSnapshot().audiooutput.map((d) => d.label)).toEqual(['Speakers', 'Headset']);
    devices.plug('audioinput', 'mic-2', 'Headset microphone');
    await vi.waitFor(() => expect(store.getSnapshot().audioinput).toHaveLength(2));
    stop();
  });

  it('listens to devicechange while someone watches (reference-counted)', () => {
    const devices = new FakeMediaDevices();
    const store = new DeviceStore(() => devices);
    const a = store.watch();
    const b = store.watch();
    expect(devices.listeners).toBe(1);
    a();
    a(); // idempotent
    expect(devices.listeners).toBe(1);
    b();
    expect(devices.listeners).toBe(0);
  });

  it('keeps its snapshot (and each list) when a refresh finds the same devices', async () => {
    const store = new DeviceStore(() => new FakeMediaDevices());
    await store.refresh();
    const first = store.getSnapshot();
    const listener = vi.fn();
    store.subscribe(listener);
    await store.refresh();
    expect(store.getSnapshot()).toBe(first);
    expect(listener).not.toHaveBeenCalled();
    store.setSelected('videoinput', 'cam-2');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().videoinput).toBe(first.videoinput);
    expect(store.getSnapshot().selected.videoinput).toBe('cam-2');
  });

  it('reports MEDIA_UNSUPPORTED where devices cannot be listed', async () => {
    const store = new DeviceStore(() => undefined);
    await store.refresh();
    expect(store.getSnapshot().error?.code).toBe('MEDIA_UNSUPPORTED');
    expect(store.getSnapshot().videoinput).toEqual([]);
  });
});
