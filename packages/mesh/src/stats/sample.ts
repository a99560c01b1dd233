import type {
  CandidateType,
  InboundSample,
  OutboundSample,
  QualityLimitationReason,
  StatsReportLike,
  StatsSample,
} from './types.js';

type Stat = Record<string, unknown> & { type?: unknown; id?: unknown };

const CANDIDATE_TYPES: ReadonlySet<string> = new Set(['host', 'srflx', 'prflx', 'relay']);
const LIMITATION_REASONS: ReadonlySet<string> = new Set(['none', 'cpu', 'bandwidth', 'other']);

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function kindOf(stat: Stat): 'audio' | 'video' | null {
  const kind = stat.kind ?? stat.mediaType;
  return kind === 'audio' || kind === 'video' ? kind : null;
}

function candidateType(report: StatsReportLike, id: unknown): CandidateType | null {
  if (typeof id !== 'string') return null;
  const candidate = report.get(id) as Stat | undefined;
  const type = candidate?.candidateType;
  return typeof type === 'string' && CANDIDATE_TYPES.has(type) ? (type as CandidateType) : null;
}

/** Keeps the resolution and frame rate of the largest stream of a kind. */
function isLarger(
  width: number | null,
  height: number | null,
  than: { frameWidth: number | null; frameHeight: number | null },
) {
  return (width ?? 0) * (height ?? 0) > (than.frameWidth ?? 0) * (than.frameHeight ?? 0);
}

type FrameFields = { frameWidth: number | null; frameHeight: number | null; framesPerSecond: number | null };

/** With several streams of one kind, the sample describes the largest one (the first one always counts). */
function keepLargestFrame(sample: FrameFields, stat: Stat, first: boolean): void {
  const width = num(stat.frameWidth);
  const height = num(stat.frameHeight);
  if (first || isLarger(width, height, sample)) {
    sample.frameWidth = width;
    sample.frameHeight = height;
    sample.framesPerSecond = num(stat.framesPerSecond);
  }
}

function addInbound(target: InboundSample | null, stat: Stat): InboundSample {
  const sample = target ?? {
    bytesReceived: 0,
    packetsReceived: 0,
    packetsLost: 0,
    jitterSeconds: null,
    framesDecoded: null,
    framesPerSecond: null,
    frameWidth: null,
    frameHeight: null,
  };
  sample.bytesReceived += num(stat.bytesReceived) ?? 0;
  sample.packetsReceived += num(stat.packetsReceived) ?? 0;
  sample.packetsLost += num(stat.packetsLost) ?? 0;
  const jitter = num(stat.jitter);
  if (jitter !== null) sample.jitterSeconds = Math.max(sample.jitterSeconds ?? 0, jitter);
  const decoded = num(stat.framesDecoded);
  if (decoded !== null) sample.framesDecoded = (sample.framesDecoded ?? 0) + decoded;
  keepLargestFrame(sample, stat, target === null);
  return sample;
}

function addOutbound(target: OutboundSample | null, stat: Stat): OutboundSample {
  const sample = target ?? {
    bytesSent: 0,
    packetsSent: 0,
    framesEncoded: null,
    framesPerSecond: null,
    frameWidth: null,
    frameHeight: null,
    qualityLimitationReason: null,
    remoteFractionLost: null,
    remoteJitterSeconds: null,
    remoteRoundTripTimeSeconds: null,
  };
  sample.bytesSent += num(stat.bytesSent) ?? 0;
  sample.packetsSent += num(stat.packetsSent) ?? 0;
  const encoded = num(stat.framesEncoded);
  if (encoded !== null) sample.framesEncoded = (sample.framesEncoded ?? 0) + encoded;
  keepLargestFrame(sample, stat, target === null);
  const reason = stat.qualityLimitationReason;
  // A limited stream wins over an unlimited one: the worst reason is the one that matters.
  if (typeof reason === 'string' && LIMITATION_REASONS.has(reason) && reason !== 'none') {
    sample.qualityLimitationReason = reason as QualityLimitationReason;
  } else if (reason === 'none' && sample.qualityLimitationReason === null) {
    sample.qualityLimitationReason = 'none';
  }
  return sample;
}

function addRemoteInbound(target: OutboundSample | null, stat: Stat): OutboundSample | null {
  if (target === null) return null;
  const fraction = num(stat.fractionLost);
  if (fraction !== null) target.remoteFractionLost = Math.max(target.remoteFractionLost ?? 0, fraction);
  const jitter = num(stat.jitter);
  if (jitter !== null) target.remoteJitterSeconds = Math.max(target.remoteJitterSeconds ?? 0, jitter);
  const rtt = num(stat.roundTripTime);
  if (rtt !== null) target.remoteRoundTripTimeSeconds = Math.max(target.remoteRoundTripTimeSeconds ?? 0, rtt);
  return target;
}

/**
 * Reads an `RTCStatsReport` (browser) or the `Map` @roamhq/wrtc returns into a {@link StatsSample}:
 * one pass over the report, cumulative counters summed per kind, the selected candidate pair
 * found through `transport.selectedCandidatePairId`, Firefox's `selected`, or `nominated` + `succeeded`.
 *
 * @example
 * const sample = sampleStats(await pc.getStats(), performance.now());
 * const stats = computePeerStats(previousSample, sample);
 */
export function sampleStats(report: StatsReportLike, timestampMs: number): StatsSample {
  const sample: StatsSample = {
    timestampMs,
    candidatePairRttSeconds: null,
    availableOutgoingBitrate: null,
    localCandidateType: null,
    remoteCandidateType: null,
    inbound: { audio: null, video: null },
    outbound: { audio: null, video: null },
  };
  let selectedPairId: string | null = null;
  let fallbackPair: Stat | null = null;
  let hasRemoteInbound = false;
  report.forEach((value) => {
    const stat = value as Stat;
    switch (stat.type) {
      case 'transport':
        if (typeof stat.selectedCandidatePairId === 'string') selectedPairId = stat.selectedCandidatePairId;
        break;
      case 'candidate-pair':
        if (stat.selected === true || (stat.nominated === true && stat.state === 'succeeded')) {
          if (fallbackPair === null || stat.selected === true) fallbackPair = stat;
        }
        break;
      case 'inbound-rtp': {
        const kind = kindOf(stat);
        if (kind !== null) sample.inbound[kind] = addInbound(sample.inbound[kind], stat);
        break;
      }
      case 'outbound-rtp': {
        const kind = kindOf(stat);
        if (kind !== null) sample.outbound[kind] = addOutbound(sample.outbound[kind], stat);
        break;
      }
      case 'remote-inbound-rtp':
        hasRemoteInbound = true;
        break;
    }
  });
  // remote-inbound-rtp may come before its outbound-rtp in the report: apply it afterwards.
  if (hasRemoteInbound) {
    report.forEach((value) => {
      const stat = value as Stat;
      const kind = stat.type === 'remote-inbound-rtp' ? kindOf(stat) : null;
      if (kind !== null) sample.outbound[kind] = addRemoteInbound(sample.outbound[kind], stat);
    });
  }
  const pair =
    (selectedPairId === null ? null : (report.get(selectedPairId) as Stat | undefined)) ?? fallbackPair;
  if (pair) {
    sample.candidatePairRttSeconds = num(pair.currentRoundTripTime);
    sample.availableOutgoingBitrate = num(pair.availableOutgoingBitrate);
    sample.localCandidateType = candidateType(report, pair.localCandidateId);
    sample.remoteCandidateType = candidateType(report, pair.remoteCandidateId);
  }
  return sample;
}
