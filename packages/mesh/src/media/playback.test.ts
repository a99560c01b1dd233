import { describe, expect, it } from 'vitest';
import { attachStream, PlaybackController, setAudioOutput, supportsOutputSelection } from './playback.js';

class FakeElement {
  srcObject: MediaProvider | null = null;
  muted = false;
  style = { transform: '' };
  plays = 0;
  sinkId = '';
  /** While true, play() rejects like Safari's autoplay policy. */
  blocked = false;
  async play(): Promise<void> {
    this.plays++;
    if (this.blocked) throw new DOMException('play() needs a user gesture', 'NotAllowedError');
  }
}

class SinkElement extends FakeElement {
  async setSinkId(deviceId: string): Promise<void> {
    if (deviceId === 'gone') throw new DOMException('', 'NotFoundError');
    this.sinkId = deviceId;
  }
}

const stream = {} as MediaStream;

describe('attachStream', () => {
  it('sets srcObject, muted and mirror, plays and reports not blocked', async () => {
    const element = new FakeElement();
    await expect(attachStream(element, stream, { muted: true, mirror: true })).resolves.toEqual({
      blocked: false,
    });
    expect(element.srcObject).toBe(stream);
    expect(element.muted).toBe(true);
    expect(element.style.transform).toBe('scaleX(-1)');
    expect(element.plays).toBe(1);
  });

  it('reports an autoplay block (NotAllowedError) instead of throwing', async () => {
    const element = Object.assign(new FakeElement(), { blocked: true });
    await expect(attachStream(element, stream)).resolves.toEqual({ blocked: true });
  });

  it('ignores AbortError and normalises other errors', async () => {
    const element = new FakeElement();
    element.play = () => Promise.reject(new DOMException('', 'AbortError'));
    await expect(attachStream(element, stream)).resolves.toEqual({ blocked: false });
    element.play = () => Promise.reject(new DOMException('', 'NotSupportedError'));
    await expect(attachStream(element, stream)).rejects.toMatchObject({ code: 'MEDIA_UNSUPPORTED' });
  });
});

describe('PlaybackController', () => {
  it('tracks blocked elements and startAudio() plays them', async () => {
    const playback = new PlaybackController();
    const changes: boolean[] = [];
    playback.on('playback-blocked-changed', (blocked) => changes.push(blocked));
    const a = Object.assign(new FakeElement(), { blocked: true });
    const b = Object.assign(new FakeElement(), { blocked: true });
    await playback.attach(a, stream);
    await playback.attach(b, stream);
    expect(playback.canPlaybackAudio).toBe(false);
    expect(changes).toEqual([true]);
    // a gesture that is not one yet: still blocked
    await expect(playback.startAudio()).resolves.toBe(false);
    a.blocked = false;
    b.blocked = false;
    await expect(playback.startAudio()).resolves.toBe(true);
    expect([a.plays, b.plays]).toEqual([3, 3]);
    expect(playback.canPlaybackAudio).toBe(true);
    expect(changes).toEqual([true, false]);
  });

  it('detaching a blocked element unblocks; dispose clears everything', async () => {
    const playback = new PlaybackController();
    const a = Object.assign(new FakeElement(), { blocked: true });
    await playback.attach(a, stream);
    playback.detach(a);
    expect(a.srcObject).toBeNull();
    expect(playback.canPlaybackAudio).toBe(true);
    playback.on('playback-blocked-changed', () => undefined);
    playback.dispose();
    expect(playback.listenerCount()).toBe(0);
  });

  it('applies the preferred output to attached and later elements', async () => {
    const playback = new PlaybackController();
    const a = new SinkElement();
    await playback.attach(a, stream);
    await playback.setOutputDevice('speaker-2');
    const b = new SinkElement();
    await playback.attach(b, stream);
    expect([a.sinkId, b.sinkId, playback.outputDeviceId]).toEqual(['speaker-2', 'speaker-2', 'speaker-2']);
  });

  it('setOutputDevice is MEDIA_UNSUPPORTED when an element cannot choose outputs', async () => {
    const playback = new PlaybackController();
    await playback.attach(new FakeElement(), stream);
    await expect(playback.setOutputDevice('x')).rejects.toMatchObject({ code: 'MEDIA_UNSUPPORTED' });
    expect(playback.outputDeviceId).toBeUndefined();
  });
});

describe('output selection', () => {
  it('detects setSinkId per element and globally (none in Node)', () => {
    expect(supportsOutputSelection(new SinkElement())).toBe(true);
    expect(supportsOutputSelection(new FakeElement())).toBe(false);
    expect(supportsOutputSelection()).toBe(false);
  });

  it('routes with setSinkId, normalises its errors, and is MEDIA_UNSUPPORTED without it', async () => {
    const element = new SinkElement();
    await setAudioOutput(element, 'speaker-1');
    expect(element.sinkId).toBe('speaker-1');
    await expect(setAudioOutput(element, 'gone')).rejects.toMatchObject({ code: 'MEDIA_DEVICE_NOT_FOUND' });
    await expect(setAudioOutput(new FakeElement(), 'speaker-1')).rejects.toMatchObject({
      code: 'MEDIA_UNSUPPORTED',
    });
  });
});
