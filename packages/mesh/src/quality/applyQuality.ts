import type { PeerStats } from '../stats/types.js';
import {
  AUTO_QUALITY,
  computeAutoTarget,
  type EncodingTarget,
  perPeerCap,
  QUALITY_PRESETS,
  type QualityPreset,
} from './presets.js';

/** What {@link applyQuality} needs of an `RTCRtpSender`. */
export interface SenderLike {
  readonly track: { readonly kind: string } | null;
  getParameters(): RTCRtpSendParameters;
  setParameters(parameters: RTCRtpSendParameters): Promise<void>;
}

/** Options of {@link applyQuality}. */
export interface ApplyQualityOptions {
  /** Remote peers this client sends video to (N − 1 in an N-person mesh). Default 1. */
  peerCount?: number;
  /** Total uplink shared by the peers, bits per second. Default {@link AUTO_QUALITY}.uplinkBudgetBps. */
  uplinkBudgetBps?: number;
  /** For `auto`: latest stats of this sender's connection (`availableOutgoingKbps`, `qualityLimitationReason`). */
  stats?: Pick<PeerStats, 'availableOutgoingKbps' | 'outbound'> | null;
}

function sameTarget(encoding: RTCRtpEncodingParameters, target: EncodingTarget): boolean {
  return (
    encoding.maxBitrate === target.maxBitrate &&
    encoding.scaleResolutionDownBy === target.scaleResolutionDownBy &&
    encoding.maxFramerate === target.maxFramerate
  );
}

/**
 * Applies a quality preset to a video sender through `getParameters()`/`setParameters()`:
 * `low | medium | high` set the preset's `maxBitrate` (capped to `uplinkBudgetBps ÷ peerCount` as the
 * mesh grows), `scaleResolutionDownBy` and `maxFramerate`; `auto` follows {@link computeAutoTarget}
 * from the current encoding and `options.stats`.
 *
 * Audio senders and senders without a track are left untouched (resolves `null`). An empty `encodings`
 * array (some implementations before negotiation) gets one encoding; if the implementation refuses it,
 * or `setParameters()` fails for another reason, the promise rejects with that error. Nothing is
 * written when the encodings already match (resolves the target).
 *
 * @example
 * const videoSender = pc.getSenders().find((s) => s.track?.kind === 'video');
 * if (videoSender) await applyQuality(videoSender, 'auto', { peerCount: 3, stats: collector.get(peerId) });
 */
export async function applyQuality(
  sender: SenderLike,
  preset: QualityPreset | 'auto',
  options: ApplyQualityOptions = {},
): Promise<EncodingTarget | null> {
  if (sender.track?.kind !== 'video') return null;
  const peerCount = Math.max(1, options.peerCount ?? 1);
  const budget = options.uplinkBudgetBps ?? AUTO_QUALITY.uplinkBudgetBps;
  const parameters = sender.getParameters();
  if (!Array.isArray(parameters.encodings) || parameters.encodings.length === 0) parameters.encodings = [{}];
  const first = parameters.encodings[0];
  let target: EncodingTarget;
  if (preset === 'auto') {
    const kbps = options.stats?.availableOutgoingKbps;
    target = computeAutoTarget({
      peerCount,
      uplinkBudgetBps: budget,
      currentMaxBitrate: first?.maxBitrate,
      availableOutgoingBps: kbps === null || kbps === undefined ? null : kbps * 1000,
      qualityLimitationReason: options.stats?.outbound.qualityLimitationReason ?? null,
    });
  } else {
    const chosen = QUALITY_PRESETS[preset];
    target = { ...chosen, maxBitrate: Math.min(chosen.maxBitrate, perPeerCap(peerCount, budget)) };
  }
  if (parameters.encodings.every((encoding) => sameTarget(encoding, target))) return target;
  for (const encoding of parameters.encodings) Object.assign(encoding, target);
  await sender.setParameters(parameters);
  return target;
}
