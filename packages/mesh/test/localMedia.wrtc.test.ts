import wrtc from '@roamhq/wrtc';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalMedia, type LocalMediaDevicesLike } from '../src/media/index.js';

// @roamhq/wrtc's getUserMedia returns fake live tracks ("FakeAudioDevice"/"FakeVideoDevice").
const mediaDevices = wrtc.mediaDevices as unknown as LocalMediaDevicesLike;
const createStream = (tracks: MediaStreamTrack[]) => new wrtc.MediaStream(tracks) as unknown as MediaStream;

describe('LocalMedia on @roamhq/wrtc', () => {
  let media: LocalMedia | undefined;
  afterEach(() => media?.stop());

  it('starts, releases the camera, re-acquires it and stops', async () => {
    media = new LocalMedia({ mediaDevices, createStream });
    const replaced: Array<[string, MediaStreamTrack | null, MediaStreamTrack | null]> = [];
    media.on('track-replaced', (kind, oldTrack, newTrack) => replaced.push([kind, oldTrack, newTrack]));

    const stream = await media.start({ audio: true, video: true });
    expect(stream).toBeInstanceOf(wrtc.MediaStream);
    expect(stream.getTracks().map((t) => [t.kind, t.readyState])).toEqual([
      ['audio', 'live'],
      ['video', 'live'],
    ]);
    const camera = media.videoTrack as MediaStreamTrack;
    expect(camera.getSettings().deviceId).toBe('FakeVideoDevice');

    await media.setVideoEnabled(false, { release: true });
    expect(camera.readyState).toBe('ended');
    expect(stream.getVideoTracks()).toHaveLength(0);
    expect(replaced).toEqual([['video', camera, null]]);

    await media.setVideoEnabled(true);
    const fresh = media.videoTrack as MediaStreamTrack;
    expect(fresh).not.toBe(camera);
    expect(fresh.readyState).toBe('live');
    expect(stream.getVideoTracks().map((t) => t.id)).toEqual([fresh.id]);
    expect(replaced[1]).toEqual(['video', null, fresh]);

    const audio = media.audioTrack as MediaStreamTrack;
    media.stop();
    expect([audio.readyState, fresh.readyState]).toEqual(['ended', 'ended']);
    expect(media.state).toBe('stopped');
  });
});
