/** ICE candidate type of the selected candidate pair (`relay` means the media goes through TURN). */
export type CandidateType = 'host' | 'srflx' | 'prflx' | 'relay';

/** Why the encoder lowers quality (`outbound-rtp.qualityLimitationReason`). */
export type QualityLimitationReason = 'none' | 'cpu' | 'bandwidth' | 'other';

/** The stats report shape read by {@link sampleStats}: a browser `RTCStatsReport` or a `Map` (@roamhq/wrtc). */
export interface StatsReportLike {
  forEach(callback: (value: unknown) => void): void;
  get(id: string): unknown;
}

/** Cumulative counters of the inbound streams of one kind, summed over its `inbound-rtp` reports. */
export interface InboundSample {
  bytesReceived: number;
  packetsReceived: number;
  packetsLost: number;
  /** Largest jitter of the streams, seconds. */
  jitterSeconds: number | null;
  framesDecoded: number | null;
  framesPerSecond: number | null;
  frameWidth: number | null;
  frameHeight: number | null;
}

/** Cumulative counters of the outbound streams of one kind, summed over its `outbound-rtp` reports. */
export interface OutboundSample {
  bytesSent: number;
  packetsSent: number;
  framesEncoded: number | null;
  framesPerSecond: number | null;
  frameWidth: number | null;
  frameHeight: number | null;
  qualityLimitationReason: QualityLimitationReason | null;
  /** From `remote-inbound-rtp`: the fraction (0–1) the remote side lost, its jitter and the RTT it measured. */
  remoteFractionLost: number | null;
  remoteJitterSeconds: number | null;
  remoteRoundTripTimeSeconds: number | null;
}

/** Per-kind samples. */
export interface KindSamples<T> {
  audio: T | null;
  video: T | null;
}

/**
 * One normalised reading of an `RTCStatsReport` (see {@link sampleStats}): cumulative counters and
 * current values only, no rates. Two consecutive samples give rates through {@link computePeerStats}.
 */
export interface StatsSample {
  /** When the report was taken, in milliseconds (any monotonic clock, as long as it is the same one). */
  timestampMs: number;
  /** `currentRoundTripTime` of the selected candidate pair, seconds. */
  candidatePairRttSeconds: number | null;
  /** `availableOutgoingBitrate` of the selected candidate pair, bits per second. */
  availableOutgoingBitrate: number | null;
  localCandidateType: CandidateType | null;
  remoteCandidateType: CandidateType | null;
  inbound: KindSamples<InboundSample>;
  outbound: KindSamples<OutboundSample>;
}

/** Video state of one direction. `null` fields are unknown (not reported yet, or not by this implementation). */
export interface VideoStats {
  framesPerSecond: number | null;
  width: number | null;
  height: number | null;
}

/** Received media: rates over the last interval. */
export interface InboundStats {
  /** kbps over the last interval; `null` on the first sample, without such a stream, or after a counter reset. */
  audioKbps: number | null;
  videoKbps: number | null;
  /** Lost ÷ (received + lost) packets over the last interval, 0–100; `null` when unknown or no packets flowed. */
  packetLossPercent: number | null;
  /** Largest current jitter, milliseconds; `null` without inbound streams. */
  jitterMs: number | null;
  /** Packets lost since the start (a counter, for the legacy surface). */
  packetsLostTotal: number;
  /** `null` without an inbound video stream. */
  video: VideoStats | null;
}

/** Sent media: rates over the last interval, and what the remote side reported about it. */
export interface OutboundStats {
  audioKbps: number | null;
  videoKbps: number | null;
  /** Loss the remote side reported (`remote-inbound-rtp.fractionLost`), 0–100; `null` when not reported. */
  packetLossPercent: number | null;
  /** Jitter the remote side reported, milliseconds; `null` when not reported. */
  jitterMs: number | null;
  /** Why the video encoder limits quality; `null` when not reported. */
  qualityLimitationReason: QualityLimitationReason | null;
  /** `null` without an outbound video stream. */
  video: VideoStats | null;
}

/**
 * Stats of one peer connection, as rates and current values (never cumulative totals except
 * `inbound.packetsLostTotal`). Every `null` means "unknown": the value needs two samples (rates),
 * the stream does not exist, or the implementation does not report it.
 */
export interface PeerStats {
  timestampMs: number;
  /** Current round-trip time in ms: selected candidate pair, else `remote-inbound-rtp.roundTripTime`. */
  rttMs: number | null;
  /** Estimated uplink capacity of the connection in kbps (`availableOutgoingBitrate`). */
  availableOutgoingKbps: number | null;
  localCandidateType: CandidateType | null;
  remoteCandidateType: CandidateType | null;
  inbound: InboundStats;
  outbound: OutboundStats;
}
