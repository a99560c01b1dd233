import type { QualityLimitationReason } from '../stats/types.js';

/** A fixed quality preset of {@link applyQuality}. */
export type QualityPreset = 'low' | 'medium' | 'high';

/** What {@link applyQuality} writes into a video sender's encodings. */
export interface EncodingTarget {
  /** Bits per second. */
  maxBitrate: number;
  scaleResolutionDownBy: number;
  maxFramerate: number;
}

/** Encodings of each preset (bitrates in bits per second), lowest first. */
export const QUALITY_PRESETS: Readonly<Record<QualityPreset, Readonly<EncodingTarget>>> = Object.freeze({
  low: Object.freeze({ maxBitrate: 150_000, scaleResolutionDownBy: 4, maxFramerate: 15 }),
  medium: Object.freeze({ maxBitrate: 500_000, scaleResolutionDownBy: 2, maxFramerate: 24 }),
  high: Object.freeze({ maxBitrate: 1_500_000, scaleResolutionDownBy: 1, maxFramerate: 30 }),
});

/** Presets from lowest to highest. */
export const PRESET_ORDER: readonly QualityPreset[] = ['low', 'medium', 'high'];

/** Settings of the `auto` mode of {@link applyQuality}; see {@link AUTO_QUALITY}. */
export interface AutoQualitySettings {
  uplinkBudgetBps: number;
  minBitrateBps: number;
  stepDownFactor: number;
  stepUpFactor: number;
  availableHeadroom: number;
}

/** Settings of the `auto` mode of {@link applyQuality}. */
export const AUTO_QUALITY: Readonly<AutoQualitySettings> = Object.freeze({
  /** Default total uplink shared by every remote peer, bits per second (2.5 Mbps). */
  uplinkBudgetBps: 2_500_000,
  /** Never ask for less than this, bits per second. */
  minBitrateBps: 100_000,
  /** Multiplier when the encoder is bandwidth- or CPU-limited. */
  stepDownFactor: 0.7,
  /** Multiplier per call when nothing limits it (slow climb back). */
  stepUpFactor: 1.15,
  /** Share of `availableOutgoingBitrate` the video may use (audio and overhead need the rest). */
  availableHeadroom: 0.9,
});

/** Inputs of {@link computeAutoTarget}. */
export interface AutoInput {
  /** Remote peers this client sends to (the N − 1 of an N-person mesh); at least 1. */
  peerCount: number;
  uplinkBudgetBps?: number;
  /** The sender's current `maxBitrate`, if any (the state the controller steps from). */
  currentMaxBitrate?: number | undefined;
  /** `availableOutgoingBitrate` of the connection, bits per second. */
  availableOutgoingBps?: number | null;
  qualityLimitationReason?: QualityLimitationReason | null;
}

/** The per-peer share of the uplink: `budget ÷ peerCount`, never above the high preset. */
export function perPeerCap(peerCount: number, uplinkBudgetBps = AUTO_QUALITY.uplinkBudgetBps): number {
  return Math.min(QUALITY_PRESETS.high.maxBitrate, Math.floor(uplinkBudgetBps / Math.max(1, peerCount)));
}

/** The highest preset whose bitrate fits `bitrate` (`low` if none), optionally `stepsDown` lower. */
function presetFor(bitrate: number, stepsDown: number): Readonly<EncodingTarget> {
  let index = 0;
  for (const [i, name] of PRESET_ORDER.entries()) if (QUALITY_PRESETS[name].maxBitrate <= bitrate) index = i;
  return QUALITY_PRESETS[PRESET_ORDER[Math.max(0, index - stepsDown)] ?? 'low'];
}

/**
 * The `auto` encoding: the uplink budget divided across the remote peers, capped by the measured
 * `availableOutgoingBitrate`; stepped down when the encoder is bandwidth- or CPU-limited (CPU also lowers
 * resolution and frame rate one preset), stepped up slowly otherwise. Pure.
 *
 * @example
 * computeAutoTarget({ peerCount: 4, currentMaxBitrate: 600_000, qualityLimitationReason: 'bandwidth' });
 * // → { maxBitrate: 420_000, scaleResolutionDownBy: 4, maxFramerate: 15 }
 */
export function computeAutoTarget(input: AutoInput): EncodingTarget {
  let cap = perPeerCap(input.peerCount, input.uplinkBudgetBps);
  const available = input.availableOutgoingBps;
  if (available !== null && available !== undefined)
    cap = Math.min(cap, available * AUTO_QUALITY.availableHeadroom);
  cap = Math.max(cap, AUTO_QUALITY.minBitrateBps);
  const reason = input.qualityLimitationReason;
  const limited = reason === 'bandwidth' || reason === 'cpu';
  const current = input.currentMaxBitrate ?? cap;
  const stepped = current * (limited ? AUTO_QUALITY.stepDownFactor : AUTO_QUALITY.stepUpFactor);
  const maxBitrate = Math.round(Math.min(cap, Math.max(AUTO_QUALITY.minBitrateBps, stepped)));
  const shape = presetFor(maxBitrate, reason === 'cpu' ? 1 : 0);
  return {
    maxBitrate,
    scaleResolutionDownBy: shape.scaleResolutionDownBy,
    maxFramerate: shape.maxFramerate,
  };
}
