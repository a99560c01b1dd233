export { CALL_KEY, injectCall, provideCall } from './callContext.js';
export { DEVICE_LABELS, DevicePicker } from './components/DevicePicker.js';
export { gridColumns, ParticipantGrid, type ParticipantGridTileProps } from './components/ParticipantGrid.js';
export { QUALITY_LABELS, QualityBadge } from './components/QualityBadge.js';
export { VideoTile } from './components/VideoTile.js';
export {
  useConnectionQuality,
  usePeerStats,
  useRemoteStream,
} from './peerSelectors.js';
export { SmaRTCPlugin, type SmaRTCPluginOptions } from './plugin.js';
export { type UseCallReturn, useCall } from './useCall.js';
export {
  type DeviceKind,
  type SelectedDevices,
  type UseDevicesOptions,
  type UseDevicesReturn,
  useDevices,
} from './useDevices.js';
export { type UseLocalMediaReturn, useLocalMedia } from './useLocalMedia.js';
export { useParticipants } from './useParticipants.js';
