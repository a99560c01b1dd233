import type { PeerStats } from '../stats/types.js';
import {
  LEVEL_RANK,
  type Limits,
  type QualityLevel,
  type QualityReason,
  type QualityThresholds,
} from './thresholds.js';

/** Per-reason levels of the previous assessment (for hysteresis). */
export type ReasonLevels = Partial<Record<QualityReason, QualityLevel>>;

function average(values: Array<number | null | undefined>): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    sum += value;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

function max(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.max(a, b);
}

/**
 * Level of a metric with hysteresis: worsening uses the limits as they are; staying at a worse level
 * `previous` until the value is better than that level's limit by `margin`.
 */
export function levelOf(
  value: number | null,
  limits: Limits,
  previous: QualityLevel | undefined,
  margin: number,
  lowerIsWorse = false,
): QualityLevel {
  if (value === null) return 'good';
  const worse = (v: number, limit: number) => (lowerIsWorse ? v < limit : v > limit);
  const raw: QualityLevel = worse(value, limits.bad)
    ? 'bad'
    : worse(value, limits.warning)
      ? 'warning'
      : 'good';
  if (previous === undefined || LEVEL_RANK[raw] >= LEVEL_RANK[previous]) return raw;
  const strict = (limit: number) => (lowerIsWorse ? limit / margin : limit * margin);
  // Improving: the value must clear the stricter limits to leave `previous`.
  const held: QualityLevel = worse(value, strict(limits.bad))
    ? 'bad'
    : worse(value, strict(limits.warning))
      ? 'warning'
      : 'good';
  return LEVEL_RANK[held] > LEVEL_RANK[raw] ? held : raw;
}

/** Levels of every reason over a window of samples (oldest first). Reasons at `good` are left out. */
export function assessWindow(
  window: readonly PeerStats[],
  t: QualityThresholds,
  previous: ReasonLevels,
): ReasonLevels {
  const margin = t.recoveryMargin;
  const receivingVideo = window.filter((s) => s.inbound.video !== null);
  const limited = (reason: string) =>
    window.length === 0
      ? 0
      : window.filter((s) => s.outbound.qualityLimitationReason === reason).length / window.length;
  const levels: ReasonLevels = {
    'high-rtt': levelOf(average(window.map((s) => s.rttMs)), t.rttMs, previous['high-rtt'], margin),
    'packet-loss': levelOf(
      average(window.map((s) => max(s.inbound.packetLossPercent, s.outbound.packetLossPercent))),
      t.packetLossPercent,
      previous['packet-loss'],
      margin,
    ),
    jitter: levelOf(
      average(window.map((s) => max(s.inbound.jitterMs, s.outbound.jitterMs))),
      t.jitterMs,
      previous.jitter,
      margin,
    ),
    'low-bitrate': levelOf(
      average(receivingVideo.map((s) => s.inbound.videoKbps)),
      t.videoKbps,
      previous['low-bitrate'],
      margin,
      true,
    ),
    'low-framerate': levelOf(
      average(receivingVideo.map((s) => s.inbound.video?.framesPerSecond)),
      t.framesPerSecond,
      previous['low-framerate'],
      margin,
      true,
    ),
    'cpu-limited': limited('cpu') >= t.limitedShare ? 'warning' : 'good',
    'bandwidth-limited': limited('bandwidth') >= t.limitedShare ? 'warning' : 'good',
  };
  for (const key of Object.keys(levels) as QualityReason[]) if (levels[key] === 'good') delete levels[key];
  return levels;
}
