import type { PeerStats } from './types.js';

/**
 * The result shape of the original SDK's `getStats(peerId)`, with its defects fixed: `latency` is the
 * current RTT (not measured once) and `bitrate` a current rate (not cumulative kilobits).
 */
export interface LegacyPeerStats {
  /** Current round-trip time, ms; `null` until measured. */
  latency: number | null;
  /** Current inbound bitrate (audio + video), kbps; `null` until two samples were taken. */
  bitrate: number | null;
  /** Inbound packets lost since the start (a count, as in the original SDK). */
  packetsLost: number;
  /** Current inbound jitter, ms; `null` without inbound media. */
  jitter: number | null;
  /** Current outbound bitrate (audio + video), kbps. */
  outgoingBitrate: number | null;
  /** Inbound packet loss over the last interval, %. */
  packetLossPercent: number | null;
  /** Inbound video frame rate. */
  framesPerSecond: number | null;
  /** Inbound video resolution, e.g. `"640x480"`. */
  resolution: string | null;
  /** Whether the media goes through a TURN relay; `null` when unknown. */
  relayed: boolean | null;
}

function sum(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.round((a + b) * 10) / 10;
}

/**
 * Maps {@link PeerStats} to the original SDK's `{ latency, bitrate, packetsLost, jitter }` shape
 * (plus a few more fields), for `SmaRTCClient.getStats(peerId)`.
 *
 * @example
 * collector.on('stats', (peerId, stats) => {
 *   const { latency, bitrate } = toLegacyStats(stats);
 *   console.log(`${peerId}: ${latency} ms, ${bitrate} kbps`);
 * });
 */
export function toLegacyStats(stats: PeerStats): LegacyPeerStats {
  const { inbound, outbound } = stats;
  const video = inbound.video;
  const relayed =
    stats.localCandidateType === null && stats.remoteCandidateType === null
      ? null
      : stats.localCandidateType === 'relay' || stats.remoteCandidateType === 'relay';
  return {
    latency: stats.rttMs,
    bitrate: sum(inbound.audioKbps, inbound.videoKbps),
    packetsLost: inbound.packetsLostTotal,
    jitter: inbound.jitterMs,
    outgoingBitrate: sum(outbound.audioKbps, outbound.videoKbps),
    packetLossPercent: inbound.packetLossPercent,
    framesPerSecond: video?.framesPerSecond ?? null,
    resolution: video?.width && video.height ? `${video.width}x${video.height}` : null,
    relayed,
  };
}
