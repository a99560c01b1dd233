/** Quality level of a peer connection, as Daily's `networkState`. */
export type QualityLevel = 'good' | 'warning' | 'bad';

/** Why a connection is not `good`. */
export type QualityReason =
  | 'high-rtt'
  | 'packet-loss'
  | 'jitter'
  | 'low-bitrate'
  | 'low-framerate'
  | 'cpu-limited'
  | 'bandwidth-limited';

/** A peer's quality: `reasons` is empty when `level` is `good`, most severe first otherwise. */
export interface QualityReport {
  level: QualityLevel;
  reasons: QualityReason[];
}

/** Warning and bad limits of one metric. */
export interface Limits {
  warning: number;
  bad: number;
}

/** Thresholds of the {@link QualityMonitor}; see {@link QUALITY_THRESHOLDS}. */
export interface QualityThresholds {
  /** How many recent samples are averaged. */
  windowSize: number;
  /** Higher is worse: round-trip time (ms), packet loss in either direction (%), jitter (ms). */
  rttMs: Limits;
  packetLossPercent: Limits;
  jitterMs: Limits;
  /** Lower is worse, checked only while video is received: inbound video kbps and frames per second. */
  videoKbps: Limits;
  framesPerSecond: Limits;
  /** Share (0–1) of the window's samples whose encoder is CPU- or bandwidth-limited to warn. */
  limitedShare: number;
  /** Hysteresis: to leave a level, a metric must be better than its limit by this factor (0.8 = 20 %). */
  recoveryMargin: number;
  /** Hysteresis: consecutive better samples before the overall level improves (it worsens at once). */
  samplesToImprove: number;
}

/**
 * Default thresholds: RTT > 300 ms warning / > 600 ms bad, loss > 2 % / > 8 %, jitter > 30 / > 100 ms,
 * inbound video < 150 / < 50 kbps, < 15 / < 8 fps, over the last 5 samples.
 */
export const QUALITY_THRESHOLDS: Readonly<QualityThresholds> = Object.freeze({
  windowSize: 5,
  rttMs: { warning: 300, bad: 600 },
  packetLossPercent: { warning: 2, bad: 8 },
  jitterMs: { warning: 30, bad: 100 },
  videoKbps: { warning: 150, bad: 50 },
  framesPerSecond: { warning: 15, bad: 8 },
  limitedShare: 0.6,
  recoveryMargin: 0.8,
  samplesToImprove: 3,
});

/** Severity rank of a level. */
export const LEVEL_RANK: Readonly<Record<QualityLevel, number>> = { good: 0, warning: 1, bad: 2 };
