import wrtc from '@roamhq/wrtc';
import type { SmaRTCServer } from '@smartc/server';
import { Call, type CallOptions, type CallParticipant, type CallSnapshot } from '../../src/call/index.js';
import { waitFor, webrtc } from './peers.js';

/** A real video track fed by an interval (stop() clears it). */
export function startVideo() {
  const source = new wrtc.nonstandard.RTCVideoSource();
  const width = 320;
  const height = 240;
  const frame = new Uint8Array(width * height * 1.5);
  let n = 0;
  const timer = setInterval(() => {
    n += 1;
    for (let i = n % 61; i < frame.length; i += 61) frame[i] = (i + n * 13) & 0xff;
    source.onFrame({ width, height, data: frame });
  }, 33);
  const track = source.createTrack() as unknown as MediaStreamTrack;
  const audioSource = new wrtc.nonstandard.RTCAudioSource();
  const audioTrack = audioSource.createTrack() as unknown as MediaStreamTrack;
  const samples = new Int16Array(480);
  const audioTimer = setInterval(() => audioSource.onData({ samples, sampleRate: 48_000 }), 10);
  const stream = new wrtc.MediaStream([track as never, audioTrack as never]) as unknown as MediaStream;
  return {
    stream,
    track,
    audioTrack,
    stop() {
      clearInterval(timer);
      clearInterval(audioTimer);
      track.stop();
      audioTrack.stop();
    },
  };
}

/** A Call against the test server, with every snapshot it published. */
export function createCall(server: SmaRTCServer, username: string, options: Partial<CallOptions> = {}) {
  const call = new Call({ serverUrl: server.url, username, webrtc, statsIntervalMs: 300, ...options });
  const snapshots: CallSnapshot[] = [];
  call.subscribe((s) => snapshots.push(s));
  return { call, snapshots };
}

/** The participant `peerId` in `call`'s current snapshot. */
export function participant(call: Call, peerId: string | null): CallParticipant | undefined {
  return call.getSnapshot().participants.find((p) => p.peerId === peerId);
}

/** Waits until `check(snapshot)` holds, with the snapshot in the timeout message. */
export function waitForSnapshot(
  call: Call,
  check: (s: CallSnapshot) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  return waitFor(
    () => check(call.getSnapshot()),
    timeoutMs,
    () => `${what}: ${describe(call.getSnapshot())}`,
  );
}

function describe(s: CallSnapshot): string {
  const ps = s.participants.map(
    (p) => `${p.username}/${p.connectionState}/stream=${!!p.stream}/stats=${!!p.stats}/q=${p.quality?.level}`,
  );
  return `status=${s.status} self=${s.self.peerId} signaling=${s.signaling.state} [${ps.join(', ')}]`;
}
