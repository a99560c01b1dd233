export { type ApplyQualityOptions, applyQuality, type SenderLike } from './applyQuality.js';
export {
  AUTO_QUALITY,
  type AutoInput,
  type AutoQualitySettings,
  computeAutoTarget,
  type EncodingTarget,
  PRESET_ORDER,
  perPeerCap,
  QUALITY_PRESETS,
  type QualityPreset,
} from './presets.js';
export {
  QualityMonitor,
  type QualityMonitorEvents,
  type QualityMonitorOptions,
} from './qualityMonitor.js';
export {
  type Limits,
  QUALITY_THRESHOLDS,
  type QualityLevel,
  type QualityReason,
  type QualityReport,
  type QualityThresholds,
} from './thresholds.js';
