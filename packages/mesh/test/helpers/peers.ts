import wrtc from '@roamhq/wrtc';
import { SignalingClient } from '@smartc/core';
import { type SmaRTCServer, startServer } from '@smartc/server';
import { MeshPeerManager, type MeshPeerManagerOptions } from '../../src/peers/index.js';
import type { WebRTCOption } from '../../src/webrtc/index.js';

export const webrtc = wrtc as unknown as WebRTCOption;

/** The real server, in-process, on an ephemeral port. */
export function startTestServer(): Promise<SmaRTCServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: ':memory:',
    dev: true,
    allowGuests: true,
    adhocRooms: true,
    logLevel: 'silent',
    rateLimits: false,
  });
}

/** Records what a mesh emits, for assertions. */
export interface Bot {
  name: string;
  signaling: SignalingClient;
  mesh: MeshPeerManager;
  peerId: string;
  errors: unknown[];
  failed: Array<{ peerId: string; code: string }>;
  restarts: Array<{ peerId: string; attempt: number }>;
  received: Array<{ from: string; data: string | ArrayBuffer; channel: string }>;
  close(): Promise<void>;
}

/** A guest that joins `room` with a real SignalingClient and a MeshPeerManager on @roamhq/wrtc. */
export function createBot(
  server: SmaRTCServer,
  name: string,
  options: Partial<Omit<MeshPeerManagerOptions, 'signaling'>> = {},
): Bot {
  const signaling = new SignalingClient({ serverUrl: server.url });
  const mesh = new MeshPeerManager({ signaling, webrtc, iceServers: () => [], ...options });
  const bot: Bot = {
    name,
    signaling,
    mesh,
    peerId: '',
    errors: [],
    failed: [],
    restarts: [],
    received: [],
    async close() {
      mesh.close();
      await signaling.dispose().catch(() => {});
    },
  };
  mesh.on('error', (error) => bot.errors.push(error));
  mesh.on('peer-failed', (peerId, error) => bot.failed.push({ peerId, code: error.code }));
  mesh.on('ice-restart', (peerId, attempt) => bot.restarts.push({ peerId, attempt }));
  mesh.on('data', (from, data, channel) => bot.received.push({ from, data, channel }));
  return bot;
}

/** Joins every bot to `room` at the same instant. */
export async function joinAll(bots: Bot[], room: string): Promise<void> {
  const results = await Promise.all(bots.map((b) => b.mesh.join(room, { username: b.name })));
  results.forEach((r, i) => {
    (bots[i] as Bot).peerId = r.peerId;
  });
}

/** Polls `check` until it is true. */
export async function waitFor(
  check: () => boolean,
  timeoutMs: number,
  what: string | (() => string),
): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms: ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** True when every bot sees every other bot `connected`. */
export function fullMesh(bots: Bot[]): boolean {
  return bots.every((a) => bots.every((b) => a === b || a.mesh.getPeer(b.peerId)?.state === 'connected'));
}

/** Describes who is not connected to whom (for timeout messages). */
export function meshReport(bots: Bot[]): string {
  const lines: string[] = [];
  for (const a of bots)
    for (const b of bots) {
      if (a === b) continue;
      const p = a.mesh.getPeer(b.peerId);
      if (p?.state !== 'connected')
        lines.push(`${a.name}→${b.name}: ${p ? `${p.state}/${p.pc.signalingState}` : 'none'}`);
    }
  return lines.join(', ');
}

export const WIDTH = 320;
export const HEIGHT = 240;

/** A real video source (changing I420 frames at ~30 fps) and an audio source (sine tone). */
export function startSources() {
  const video = new wrtc.nonstandard.RTCVideoSource();
  const audio = new wrtc.nonstandard.RTCAudioSource();
  const frame = new Uint8Array(WIDTH * HEIGHT * 1.5);
  let n = 0;
  const videoTimer = setInterval(() => {
    n += 1;
    for (let i = n % 61; i < frame.length; i += 61) frame[i] = (i + n * 13) & 0xff;
    video.onFrame({ width: WIDTH, height: HEIGHT, data: frame });
  }, 33);
  const samples = new Int16Array(480);
  let phase = 0;
  const audioTimer = setInterval(() => {
    for (let i = 0; i < samples.length; i++) {
      phase += 0.06;
      samples[i] = Math.round(Math.sin(phase) * 8000);
    }
    audio.onData({ samples, sampleRate: 48_000 });
  }, 10);
  const videoTrack = video.createTrack() as unknown as MediaStreamTrack;
  const audioTrack = audio.createTrack() as unknown as MediaStreamTrack;
  const stream = new wrtc.MediaStream([videoTrack as never, audioTrack as never]) as unknown as MediaStream;
  return {
    stream,
    videoTrack,
    audioTrack,
    stop() {
      clearInterval(videoTimer);
      clearInterval(audioTimer);
      videoTrack.stop();
      audioTrack.stop();
    },
  };
}

/** Counts decoded frames of a remote video track. */
export function countFrames(track: MediaStreamTrack) {
  const sink = new wrtc.nonstandard.RTCVideoSink(track as never);
  const stats = { frames: 0, width: 0, height: 0 };
  sink.onframe = ({ frame }: { frame: { width: number; height: number } }) => {
    stats.frames += 1;
    stats.width = frame.width;
    stats.height = frame.height;
  };
  return { stats, stop: () => sink.stop() };
}

/** Counts audio chunks of a remote audio track. */
export function countAudio(track: MediaStreamTrack) {
  const sink = new wrtc.nonstandard.RTCAudioSink(track as never);
  const stats = { chunks: 0 };
  sink.ondata = () => {
    stats.chunks += 1;
  };
  return { stats, stop: () => sink.stop() };
}

export function bytes(data: string | ArrayBuffer): number[] {
  return typeof data === 'string' ? [] : [...new Uint8Array(data)];
}
