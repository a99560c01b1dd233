import wrtc from '@roamhq/wrtc';
import type { PeerStats, StatsCollector } from '../../src/stats/index.js';
import { startSources } from './peers.js';

/** Two real @roamhq/wrtc peer connections connected in-process, one sending video and audio to the other. */
export interface MediaPair {
  sender: RTCPeerConnection;
  receiver: RTCPeerConnection;
  videoSender: RTCRtpSender;
  audioSender: RTCRtpSender;
  /** Stops the sources and closes both connections. Idempotent. */
  close(): void;
}

function waitConnected(pc: RTCPeerConnection, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not connected: ${pc.connectionState}`)), timeoutMs);
    const check = () => {
      if (pc.connectionState === 'connected') {
        clearTimeout(timer);
        resolve();
      }
    };
    pc.addEventListener('connectionstatechange', check);
    check();
  });
}

/** Connects a sender (video 320x240 at 30 fps + audio) to a receiver: offer/answer/candidates exchanged directly. */
export async function connectMediaPair(): Promise<MediaPair> {
  const sender = new wrtc.RTCPeerConnection({ iceServers: [] }) as unknown as RTCPeerConnection;
  const receiver = new wrtc.RTCPeerConnection({ iceServers: [] }) as unknown as RTCPeerConnection;
  const sources = startSources();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    sources.stop();
    sender.close();
    receiver.close();
  };
  try {
    sender.onicecandidate = (e) => {
      if (e.candidate && receiver.signalingState !== 'closed')
        void receiver.addIceCandidate(e.candidate).catch(() => {});
    };
    receiver.onicecandidate = (e) => {
      if (e.candidate && sender.signalingState !== 'closed')
        void sender.addIceCandidate(e.candidate).catch(() => {});
    };
    const videoStream = new wrtc.MediaStream([sources.videoTrack as never]) as unknown as MediaStream;
    const audioStream = new wrtc.MediaStream([sources.audioTrack as never]) as unknown as MediaStream;
    const videoSender = sender.addTrack(sources.videoTrack, videoStream);
    const audioSender = sender.addTrack(sources.audioTrack, audioStream);
    await sender.setLocalDescription(await sender.createOffer());
    await receiver.setRemoteDescription(sender.localDescription!);
    await receiver.setLocalDescription(await receiver.createAnswer());
    await sender.setRemoteDescription(receiver.localDescription!);
    await Promise.all([waitConnected(sender, 10_000), waitConnected(receiver, 10_000)]);
    return { sender, receiver, videoSender, audioSender, close };
  } catch (error) {
    close();
    throw error;
  }
}

/** Resolves the next `count` stats the collector reports for `peerId` (in order). */
export function nextStats(collector: StatsCollector, peerId: string, count: number): Promise<PeerStats[]> {
  return new Promise((resolve) => {
    const seen: PeerStats[] = [];
    const off = collector.on('stats', (id, stats) => {
      if (id !== peerId) return;
      seen.push(stats);
      if (seen.length === count) {
        off();
        resolve(seen);
      }
    });
  });
}
