import type {
  InboundSample,
  InboundStats,
  OutboundSample,
  OutboundStats,
  PeerStats,
  StatsSample,
  VideoStats,
} from './types.js';

const MS_PER_SECOND = 1000;
const BITS_PER_BYTE = 8;
const BITS_PER_KILOBIT = 1000;

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** kbps between two byte counters; `null` when unknown, the clock did not move, or the counter went back (reset). */
function kbps(
  previous: number | undefined,
  current: number | undefined,
  seconds: number | null,
): number | null {
  if (previous === undefined || current === undefined || seconds === null) return null;
  const delta = current - previous;
  if (delta < 0) return null;
  return round((delta * BITS_PER_BYTE) / BITS_PER_KILOBIT / seconds, 1);
}

function perSecond(previous: number | null | undefined, current: number | null, seconds: number | null) {
  if (previous === null || previous === undefined || current === null || seconds === null) return null;
  const delta = current - previous;
  return delta < 0 ? null : round(delta / seconds, 1);
}

function lossPercent(previous: InboundSample | null | undefined, current: InboundSample | null) {
  if (!previous || !current) return null;
  const received = current.packetsReceived - previous.packetsReceived;
  // packetsLost may decrease (late or duplicate packets): never a negative loss.
  const lost = Math.max(0, current.packetsLost - previous.packetsLost);
  if (received < 0 || received + lost === 0) return null;
  return round((lost / (received + lost)) * 100, 2);
}

function sumInbound(sample: StatsSample | undefined): InboundSample | null {
  if (!sample) return null;
  const { audio, video } = sample.inbound;
  if (!audio || !video) return audio ?? video;
  return {
    ...video,
    bytesReceived: audio.bytesReceived + video.bytesReceived,
    packetsReceived: audio.packetsReceived + video.packetsReceived,
    packetsLost: audio.packetsLost + video.packetsLost,
    jitterSeconds: worst(audio.jitterSeconds, video.jitterSeconds),
  };
}

function video(
  current: { framesPerSecond: number | null; frameWidth: number | null; frameHeight: number | null } | null,
  previousFrames: number | null | undefined,
  currentFrames: number | null | undefined,
  seconds: number | null,
): VideoStats | null {
  if (!current) return null;
  return {
    framesPerSecond: current.framesPerSecond ?? perSecond(previousFrames, currentFrames ?? null, seconds),
    width: current.frameWidth,
    height: current.frameHeight,
  };
}

function inbound(
  previous: StatsSample | undefined,
  current: StatsSample,
  seconds: number | null,
): InboundStats {
  const { audio, video: vid } = current.inbound;
  const all = sumInbound(current);
  return {
    audioKbps: kbps(previous?.inbound.audio?.bytesReceived, audio?.bytesReceived, seconds),
    videoKbps: kbps(previous?.inbound.video?.bytesReceived, vid?.bytesReceived, seconds),
    packetLossPercent: lossPercent(sumInbound(previous), all),
    jitterMs: all?.jitterSeconds == null ? null : round(all.jitterSeconds * MS_PER_SECOND, 1),
    packetsLostTotal: all?.packetsLost ?? 0,
    video: video(vid, previous?.inbound.video?.framesDecoded, vid?.framesDecoded, seconds),
  };
}

function worst(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null) return b ?? null;
  return b == null ? a : Math.max(a, b);
}

function outbound(
  previous: StatsSample | undefined,
  current: StatsSample,
  seconds: number | null,
): OutboundStats {
  const { audio, video: vid } = current.outbound;
  const fraction = worst(audio?.remoteFractionLost, vid?.remoteFractionLost);
  const jitter = worst(audio?.remoteJitterSeconds, vid?.remoteJitterSeconds);
  const previousVideo: OutboundSample | null | undefined = previous?.outbound.video;
  return {
    audioKbps: kbps(previous?.outbound.audio?.bytesSent, audio?.bytesSent, seconds),
    videoKbps: kbps(previousVideo?.bytesSent, vid?.bytesSent, seconds),
    packetLossPercent: fraction === null ? null : round(fraction * 100, 2),
    jitterMs: jitter === null ? null : round(jitter * MS_PER_SECOND, 1),
    qualityLimitationReason: vid?.qualityLimitationReason ?? null,
    video: video(vid, previousVideo?.framesEncoded, vid?.framesEncoded, seconds),
  };
}

/**
 * Turns two consecutive {@link StatsSample}s of one peer connection into {@link PeerStats}:
 * bitrates in kbps from byte deltas over the time delta, packet loss % from packet deltas,
 * RTT and jitter in ms. Pure: no clock, no I/O.
 *
 * Without `previous` (first sample) or when the clock did not advance, every rate is `null`:
 * cumulative totals are never reported as rates.
 *
 * @example
 * const first = sampleStats(await pc.getStats(), Date.now());
 * // … one or two seconds later
 * const second = sampleStats(await pc.getStats(), Date.now());
 * const { rttMs, inbound } = computePeerStats(first, second);
 * console.log(`${rttMs} ms, ${inbound.videoKbps} kbps`);
 */
export function computePeerStats(previous: StatsSample | undefined, current: StatsSample): PeerStats {
  const elapsedMs = previous ? current.timestampMs - previous.timestampMs : 0;
  const seconds = elapsedMs > 0 ? elapsedMs / MS_PER_SECOND : null;
  const rates = seconds === null ? undefined : previous;
  const rttSeconds =
    current.candidatePairRttSeconds ??
    worst(
      current.outbound.video?.remoteRoundTripTimeSeconds,
      current.outbound.audio?.remoteRoundTripTimeSeconds,
    );
  return {
    timestampMs: current.timestampMs,
    rttMs: rttSeconds === null ? null : round(rttSeconds * MS_PER_SECOND, 1),
    availableOutgoingKbps:
      current.availableOutgoingBitrate === null
        ? null
        : round(current.availableOutgoingBitrate / BITS_PER_KILOBIT, 1),
    localCandidateType: current.localCandidateType,
    remoteCandidateType: current.remoteCandidateType,
    inbound: inbound(rates, current, seconds),
    outbound: outbound(rates, current, seconds),
  };
}
