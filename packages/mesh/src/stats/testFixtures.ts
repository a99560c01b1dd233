/**
 * Hand-built `getStats()` reports for unit tests, shaped like those of @roamhq/wrtc 0.10 and
 * Chromium. Not exported from the package.
 */

type Stat = Record<string, unknown> & { id: string; type: string };

/** Counters of one report; every value is cumulative, as in a real report. */
export interface FixtureCounters {
  rttSeconds?: number;
  availableOutgoingBitrate?: number;
  localCandidateType?: string;
  remoteCandidateType?: string;
  videoBytesReceived?: number;
  videoPacketsReceived?: number;
  videoPacketsLost?: number;
  framesDecoded?: number;
  framesPerSecond?: number;
  audioBytesReceived?: number;
  audioPacketsReceived?: number;
  videoBytesSent?: number;
  audioBytesSent?: number;
  framesEncoded?: number;
  qualityLimitationReason?: string;
  remoteFractionLost?: number;
  remoteRttSeconds?: number;
  jitterSeconds?: number;
}

function toMap(stats: Stat[]): Map<string, Stat> {
  return new Map(stats.map((stat) => [stat.id, stat]));
}

/** A report like @roamhq/wrtc's: a `Map`, the selected pair through `transport.selectedCandidatePairId`. */
export function wrtcReport(c: FixtureCounters = {}): Map<string, Stat> {
  const t = 1_700_000_000_000;
  return toMap([
    {
      id: 'RTCTransport_0_1',
      type: 'transport',
      timestamp: t,
      selectedCandidatePairId: 'CP_sel',
      iceState: 'connected',
    },
    // A nominated-looking pair that is NOT the selected one: the transport must win.
    {
      id: 'CP_other',
      type: 'candidate-pair',
      state: 'succeeded',
      nominated: false,
      currentRoundTripTime: 0.9,
      localCandidateId: 'L2',
      remoteCandidateId: 'R2',
    },
    {
      id: 'CP_sel',
      type: 'candidate-pair',
      state: 'succeeded',
      nominated: true,
      localCandidateId: 'L1',
      remoteCandidateId: 'R1',
      ...(c.rttSeconds === undefined ? {} : { currentRoundTripTime: c.rttSeconds }),
      ...(c.availableOutgoingBitrate === undefined
        ? {}
        : { availableOutgoingBitrate: c.availableOutgoingBitrate }),
    },
    {
      id: 'L1',
      type: 'local-candidate',
      candidateType: c.localCandidateType ?? 'host',
      address: '127.0.0.1',
    },
    {
      id: 'R1',
      type: 'remote-candidate',
      candidateType: c.remoteCandidateType ?? 'host',
      address: '127.0.0.1',
    },
    { id: 'L2', type: 'local-candidate', candidateType: 'relay' },
    { id: 'R2', type: 'remote-candidate', candidateType: 'relay' },
    {
      id: 'RTCInboundRTPVideoStream_1',
      type: 'inbound-rtp',
      kind: 'video',
      mediaType: 'video',
      bytesReceived: c.videoBytesReceived ?? 0,
      packetsReceived: c.videoPacketsReceived ?? 0,
      packetsLost: c.videoPacketsLost ?? 0,
      jitter: c.jitterSeconds ?? 0.006,
      framesDecoded: c.framesDecoded ?? 0,
      framesReceived: c.framesDecoded ?? 0,
      frameWidth: 320,
      frameHeight: 240,
      ...(c.framesPerSecond === undefined ? {} : { framesPerSecond: c.framesPerSecond }),
      decoderImplementation: 'libvpx',
    },
    {
      id: 'RTCInboundRTPAudioStream_2',
      type: 'inbound-rtp',
      kind: 'audio',
      bytesReceived: c.audioBytesReceived ?? 0,
      packetsReceived: c.audioPacketsReceived ?? 0,
      packetsLost: 0,
      jitter: 0.002,
      audioLevel: 0.3,
    },
    {
      id: 'RTCOutboundRTPVideoStream_3',
      type: 'outbound-rtp',
      kind: 'video',
      bytesSent: c.videoBytesSent ?? 0,
      packetsSent: 0,
      framesEncoded: c.framesEncoded ?? 0,
      frameWidth: 320,
      frameHeight: 240,
      qualityLimitationReason: c.qualityLimitationReason ?? 'none',
    },
    {
      id: 'RTCOutboundRTPAudioStream_4',
      type: 'outbound-rtp',
      kind: 'audio',
      bytesSent: c.audioBytesSent ?? 0,
      packetsSent: 0,
    },
    {
      id: 'RTCRemoteInboundRtpVideoStream_3',
      type: 'remote-inbound-rtp',
      kind: 'video',
      jitter: 0.005,
      fractionLost: c.remoteFractionLost ?? 0,
      ...(c.remoteRttSeconds === undefined ? {} : { roundTripTime: c.remoteRttSeconds }),
    },
    { id: 'RTCCodec_0', type: 'codec', mimeType: 'video/VP8' },
  ]);
}

/**
 * A report like Chromium's: no `selectedCandidatePairId`, so the nominated + succeeded pair is used;
 * `remote-inbound-rtp` listed before its `outbound-rtp`.
 */
export function chromiumReport(c: FixtureCounters = {}): Map<string, Stat> {
  return toMap([
    {
      id: 'RI_v',
      type: 'remote-inbound-rtp',
      kind: 'video',
      fractionLost: c.remoteFractionLost ?? 0.01,
      roundTripTime: c.remoteRttSeconds ?? 0.05,
      jitter: 0.004,
    },
    { id: 'T01', type: 'transport', dtlsState: 'connected' },
    {
      id: 'CP_waiting',
      type: 'candidate-pair',
      state: 'waiting',
      nominated: false,
      localCandidateId: 'I_l1',
      remoteCandidateId: 'I_r1',
    },
    {
      id: 'CP_ok',
      type: 'candidate-pair',
      state: 'succeeded',
      nominated: true,
      localCandidateId: 'I_l2',
      remoteCandidateId: 'I_r2',
      ...(c.rttSeconds === undefined ? {} : { currentRoundTripTime: c.rttSeconds }),
      availableOutgoingBitrate: c.availableOutgoingBitrate ?? 2_000_000,
    },
    { id: 'I_l1', type: 'local-candidate', candidateType: 'host' },
    { id: 'I_r1', type: 'remote-candidate', candidateType: 'host' },
    { id: 'I_l2', type: 'local-candidate', candidateType: c.localCandidateType ?? 'srflx' },
    { id: 'I_r2', type: 'remote-candidate', candidateType: c.remoteCandidateType ?? 'relay' },
    {
      id: 'IT_v',
      type: 'inbound-rtp',
      kind: 'video',
      bytesReceived: c.videoBytesReceived ?? 0,
      packetsReceived: c.videoPacketsReceived ?? 0,
      packetsLost: c.videoPacketsLost ?? 0,
      jitter: c.jitterSeconds ?? 0.01,
      framesDecoded: c.framesDecoded ?? 0,
      frameWidth: 640,
      frameHeight: 480,
    },
    {
      id: 'OT_v',
      type: 'outbound-rtp',
      kind: 'video',
      bytesSent: c.videoBytesSent ?? 0,
      packetsSent: 0,
      framesEncoded: c.framesEncoded ?? 0,
      framesPerSecond: c.framesPerSecond ?? 20,
      frameWidth: 640,
      frameHeight: 480,
      qualityLimitationReason: c.qualityLimitationReason ?? 'bandwidth',
    },
    { id: 'MP', type: 'media-playout', kind: 'audio' },
  ]);
}
