export {
  DEFAULT_STATS_INTERVAL_MS,
  StatsCollector,
  type StatsCollectorEvents,
  type StatsCollectorOptions,
  type StatsSource,
} from './collector.js';
export { computePeerStats } from './compute.js';
export { type LegacyPeerStats, toLegacyStats } from './legacy.js';
export { sampleStats } from './sample.js';
export type {
  CandidateType,
  InboundSample,
  InboundStats,
  KindSamples,
  OutboundSample,
  OutboundStats,
  PeerStats,
  QualityLimitationReason,
  StatsReportLike,
  StatsSample,
  VideoStats,
} from './types.js';
