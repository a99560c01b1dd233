import { SignalingClient, type SignalingClientOptions } from '@smartc/core';
import { MeshPeerManager, type MeshPeerManagerOptions } from '../../src/peers/index.js';
import { type Bot, countFrames, webrtc } from './peers.js';

/**
 * Like `createBot`, with options for its SignalingClient (e.g. a short `peerLeftGraceMs`), and the decoded
 * frames of the latest remote video track per peerId in `videos`.
 */
export function createRejoinBot(
  serverUrl: string,
  name: string,
  signalingOptions: Partial<Omit<SignalingClientOptions, 'serverUrl'>> = {},
  meshOptions: Partial<Omit<MeshPeerManagerOptions, 'signaling'>> = {},
): Bot & { videos: Map<string, ReturnType<typeof countFrames>> } {
  const signaling = new SignalingClient({ serverUrl, ...signalingOptions });
  const mesh = new MeshPeerManager({ signaling, webrtc, iceServers: () => [], ...meshOptions });
  const videos = new Map<string, ReturnType<typeof countFrames>>();
  const bot: Bot & { videos: typeof videos } = {
    name,
    signaling,
    mesh,
    peerId: '',
    errors: [],
    failed: [],
    restarts: [],
    received: [],
    videos,
    async close() {
      for (const sink of videos.values()) sink.stop();
      videos.clear();
      mesh.close();
      await signaling.dispose().catch(() => {});
    },
  };
  mesh.on('error', (error) => bot.errors.push(error));
  mesh.on('peer-failed', (peerId, error) => bot.failed.push({ peerId, code: error.code }));
  mesh.on('ice-restart', (peerId, attempt) => bot.restarts.push({ peerId, attempt }));
  mesh.on('data', (from, data, channel) => bot.received.push({ from, data, channel }));
  mesh.on('remote-track', (peerId, track) => {
    if (track.kind !== 'video') return;
    videos.get(peerId)?.stop();
    videos.set(peerId, countFrames(track));
  });
  return bot;
}
