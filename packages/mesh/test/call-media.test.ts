import wrtc from '@roamhq/wrtc';
import type { SmaRTCServer } from '@smartc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../src/call/index.js';
import type { LocalMediaDevicesLike } from '../src/media/index.js';
import { createCall, participant, startVideo, waitForSnapshot } from './helpers/callHarness.js';
import { startTestServer, waitFor } from './helpers/peers.js';

// @roamhq/wrtc's getUserMedia returns fake live tracks; a given camera deviceId gets a frame-fed track of its own.
const createStream = (tracks: MediaStreamTrack[]) =>
  new wrtc.MediaStream(tracks as never) as unknown as MediaStream;
const cleanups: Array<() => void> = [];

function sourceTrack(): MediaStreamTrack {
  const source = new wrtc.nonstandard.RTCVideoSource();
  const frame = new Uint8Array(320 * 240 * 1.5);
  const timer = setInterval(() => source.onFrame({ width: 320, height: 240, data: frame }), 33);
  const track = source.createTrack() as unknown as MediaStreamTrack;
  cleanups.push(() => {
    clearInterval(timer);
    track.stop();
  });
  return track;
}

function fakeDevices(overrides: Partial<LocalMediaDevicesLike> = {}): LocalMediaDevicesLike {
  const real = wrtc.mediaDevices as unknown as LocalMediaDevicesLike;
  return {
    getUserMedia: async (constraints: MediaStreamConstraints) => {
      const video = constraints.video;
      const exact =
        typeof video === 'object' && video.deviceId ? (video.deviceId as { exact: string }).exact : '';
      if (exact === 'second-camera') return createStream([sourceTrack()]);
      const plain = (c: MediaStreamConstraints['audio']) => (typeof c === 'object' ? true : c);
      return real.getUserMedia({ audio: plain(constraints.audio), video: plain(video) });
    },
    getDisplayMedia: async () => createStream([sourceTrack()]),
    ...overrides,
  } as LocalMediaDevicesLike;
}

let server: SmaRTCServer;
let room = 0;
const nextRoom = () => `call-media-${process.pid}-${++room}`;
const calls: Call[] = [];

function newCall(username: string, devices = fakeDevices()): Call {
  const { call } = createCall(server, username, { media: { mediaDevices: devices, createStream } });
  calls.push(call);
  return call;
}

/** The track alice sends bob for `kind` (null: nothing). */
function sent(call: Call, to: Call, kind: string): MediaStreamTrack | null | undefined {
  const peer = call.mesh.getPeer(to.getSnapshot().self.peerId ?? '');
  const senders = peer?.pc.getSenders() ?? [];
  const transceiver = peer?.pc.getTransceivers().find((t) => t.receiver.track?.kind === kind);
  return (transceiver?.sender ?? senders.find((s) => s.track?.kind === kind))?.track;
}

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await Promise.all(calls.splice(0).map((c) => c.dispose()));
  for (const cleanup of cleanups.splice(0)) cleanup();
});
afterAll(async () => {
  await server?.close();
});

describe('Call with its own media', () => {
  it('captures, releases and re-acquires the camera, switches devices, shares the screen, and stops its tracks', async () => {
    const alice = newCall('alice');
    const bob = newCall('bob');
    const bobVideo = startVideo();
    cleanups.push(() => bobVideo.stop());
    const id = nextRoom();
    await Promise.all([
      alice.join(id, { media: { audio: true, video: true } }),
      bob.join(id, { localStream: bobVideo.stream }),
    ]);
    const media = alice.localMedia!;
    expect(media).not.toBeNull();
    expect(bob.localMedia).toBeNull();
    expect(alice.getSnapshot().self).toMatchObject({
      stream: media.stream,
      screenSharing: false,
      media: { audio: true, video: true, screen: false },
    });
    const aliceId = alice.getSnapshot().self.peerId;
    await waitForSnapshot(
      bob,
      () => {
        const s = participant(bob, aliceId)?.stream;
        return !!s && s.getAudioTracks().length === 1 && s.getVideoTracks().length === 1;
      },
      'bob receives alice audio+video',
    );
    await waitFor(
      () => !!sent(alice, bob, 'video'),
      10_000,
      () => 'alice sends video',
    );

    // release: the camera stops and every peer is sent nothing
    const camera = media.videoTrack!;
    await alice.setCameraEnabled(false, { release: true });
    expect(camera.readyState).toBe('ended');
    expect(alice.getSnapshot().self.media.video).toBe(false);
    await waitForSnapshot(bob, () => participant(bob, aliceId)?.media.video === false, 'bob sees video off');
    const peer = alice.mesh.getPeer(bob.getSnapshot().self.peerId!)!;
    const videoSenders = peer.pc.getSenders().filter((s) => s.track?.kind !== 'audio');
    expect(videoSenders.length).toBeGreaterThan(0);
    expect(videoSenders.every((s) => s.track === null)).toBe(true);

    // re-enable: a new live track reaches the peer
    await alice.setCameraEnabled(true);
    const fresh = media.videoTrack!;
    expect(fresh).not.toBe(camera);
    expect(fresh.readyState).toBe('live');
    expect(sent(alice, bob, 'video')).toBe(fresh);
    await waitForSnapshot(bob, () => participant(bob, aliceId)?.media.video === true, 'bob sees video on');

    // switch camera
    await alice.switchDevice('videoinput', 'second-camera');
    const second = media.videoTrack!;
    expect(second).not.toBe(fresh);
    expect(fresh.readyState).toBe('ended');
    expect(sent(alice, bob, 'video')).toBe(second);

    // mute the microphone for every peer
    await alice.setMicrophoneEnabled(false);
    expect(media.audioTrack!.enabled).toBe(false);
    await waitForSnapshot(bob, () => participant(bob, aliceId)?.media.audio === false, 'bob sees audio off');

    // screen share
    const screen = await alice.startScreenShare();
    expect(alice.getSnapshot().self).toMatchObject({ screenSharing: true, media: { screen: true } });
    expect(sent(alice, bob, 'video')).toBe(screen);
    await waitForSnapshot(bob, () => participant(bob, aliceId)?.media.screen === true, 'bob sees the screen');
    await alice.stopScreenShare();
    expect(screen.readyState).toBe('ended');
    expect(alice.getSnapshot().self).toMatchObject({ screenSharing: false, media: { screen: false } });
    expect(sent(alice, bob, 'video')).toBe(second);
    await waitForSnapshot(bob, () => participant(bob, aliceId)?.media.screen === false, 'bob sees no screen');

    // leave: owned tracks stop, the app's stream does not
    const owned = media.stream!.getTracks();
    await Promise.all([alice.leave(), bob.leave()]);
    expect(owned.map((t) => t.readyState)).toEqual(['ended', 'ended']);
    expect(alice.getSnapshot().self.stream).toBeNull();
    expect(bobVideo.stream.getTracks().map((t) => t.readyState)).toEqual(['live', 'live']);
  });

  it('shares the screen in place of an app stream camera, then sends the camera again', async () => {
    const alice = newCall('alice');
    const bob = newCall('bob');
    const [aliceVideo, bobVideo] = [startVideo(), startVideo()];
    cleanups.push(aliceVideo.stop, bobVideo.stop);
    const id = nextRoom();
    await Promise.all([
      alice.join(id, { localStream: aliceVideo.stream }),
      bob.join(id, { localStream: bobVideo.stream }),
    ]);
    await waitFor(
      () => !!sent(alice, bob, 'video'),
      10_000,
      () => 'alice sends video',
    );
    const screen = await alice.startScreenShare();
    expect(sent(alice, bob, 'video')).toBe(screen);
    await waitForSnapshot(
      bob,
      () => participant(bob, alice.getSnapshot().self.peerId)?.media.screen === true,
      'bob sees the screen',
    );
    await alice.stopScreenShare();
    expect(sent(alice, bob, 'video')).toBe(aliceVideo.track);
    expect(alice.getSnapshot().self.screenSharing).toBe(false);
    await alice.dispose();
    expect(aliceVideo.track.readyState).toBe('live');
  });

  it('fails the join with the normalised media error, or goes on audio-only with fallbackToAudioOnly', async () => {
    const denied = Object.assign(new Error('denied'), { name: 'NotAllowedError' });
    const alice = newCall('alice', fakeDevices({ getUserMedia: () => Promise.reject(denied) }));
    await expect(alice.join(nextRoom(), { media: { audio: true, video: true } })).rejects.toMatchObject({
      code: 'MEDIA_PERMISSION_DENIED',
    });
    expect(alice.getSnapshot()).toMatchObject({
      status: 'failed',
      error: { code: 'MEDIA_PERMISSION_DENIED' },
    });

    const real = wrtc.mediaDevices as unknown as LocalMediaDevicesLike;
    const noCamera = Object.assign(new Error('no camera'), { name: 'NotFoundError' });
    const bob = newCall(
      'bob',
      fakeDevices({ getUserMedia: (c) => (c?.video ? Promise.reject(noCamera) : real.getUserMedia(c)) }),
    );
    await bob.join(nextRoom(), { media: { audio: true, video: true }, fallbackToAudioOnly: true });
    const s = bob.getSnapshot();
    expect(s.status).toBe('joined');
    expect(s.self.media).toEqual({ audio: true, video: false, screen: false });
    expect(s.self.stream?.getTracks().map((t) => t.kind)).toEqual(['audio']);
    expect(s.warnings).toEqual([expect.objectContaining({ reason: 'media-fallback' })]);
  });
});
