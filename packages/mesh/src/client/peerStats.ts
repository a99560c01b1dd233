import type { CallParticipant } from '../call/callState.js';
import { applyQuality } from '../quality/applyQuality.js';
import type { QualityPreset } from '../quality/presets.js';
import { computePeerStats } from '../stats/compute.js';
import { type LegacyPeerStats, toLegacyStats } from '../stats/legacy.js';
import { sampleStats } from '../stats/sample.js';
import type { PeerStats, StatsReportLike } from '../stats/types.js';
import type { SmaRTCStatsEvent } from './legacy.js';

/** Milliseconds between the two reports of an on-demand sample. */
export const ON_DEMAND_SAMPLE_MS = 300;

/** Legacy stats from two `getStats()` reports `ON_DEMAND_SAMPLE_MS` apart (current rates, not totals). */
export async function sampleOnDemand(pc: RTCPeerConnection): Promise<LegacyPeerStats> {
  const read = async () =>
    sampleStats((await pc.getStats()) as unknown as StatsReportLike, performance.now());
  const first = await read();
  await new Promise((resolve) => setTimeout(resolve, ON_DEMAND_SAMPLE_MS));
  return toLegacyStats(computePeerStats(first, await read()));
}

/** The `stats` event payload of one participant's sample. */
export function statsEvent(p: CallParticipant, stats: PeerStats): SmaRTCStatsEvent {
  const legacy = toLegacyStats(stats);
  return {
    peerId: p.peerId,
    username: p.username,
    ...legacy,
    bandwidth: legacy.bitrate,
    roundTripTime: legacy.latency,
  };
}

/**
 * Applies `preset` to every video sender of `pc`. Resolves the first failure (e.g. an implementation
 * refusing `setParameters`), or `null` when every sender took it; never rejects.
 */
export async function applyToConnection(
  pc: RTCPeerConnection,
  preset: QualityPreset | 'auto',
  options: { peerCount: number; stats: PeerStats | null },
): Promise<unknown> {
  for (const sender of pc.getSenders()) {
    if (sender.track?.kind !== 'video') continue;
    try {
      await applyQuality(sender, preset, options);
    } catch (error) {
      return error ?? new Error('setParameters failed');
    }
  }
  return null;
}
