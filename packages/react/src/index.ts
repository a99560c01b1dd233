export type { CallController, CallStore } from './callStore.js';
export { DEVICE_LABELS, DevicePicker, type DevicePickerProps } from './components/DevicePicker.js';
export {
  DEFAULT_GRID_GAP,
  DEFAULT_MAX_COLUMNS,
  DEFAULT_MIN_TILE_WIDTH,
  type GridTile,
  gridColumns,
  ParticipantGrid,
  type ParticipantGridProps,
} from './components/ParticipantGrid.js';
export { QUALITY_LABELS, QualityBadge, type QualityBadgeProps } from './components/QualityBadge.js';
export { SMARTC_STYLES, SmaRTCStyles } from './components/styles.js';
export { VideoTile, type VideoTileProps } from './components/VideoTile.js';
export {
  type SmaRTCContextValue,
  useEnsureCall,
  useEnsureCallStore,
  useMaybeSmaRTCCall,
  useSmaRTCCall,
} from './context.js';
export {
  type DeviceKind,
  DeviceStore,
  type DevicesState,
  NO_DEVICES,
  type SelectedDevices,
} from './devices/deviceStore.js';
export {
  type CallActions,
  type CallOverview,
  type UseCallResult,
  useCall,
  useMessages,
} from './hooks/useCall.js';
export { type SelectionEquality, useCallSelector } from './hooks/useCallSelector.js';
export { type UseDevicesResult, useDevices } from './hooks/useDevices.js';
export { type LocalMediaActions, type UseLocalMediaResult, useLocalMedia } from './hooks/useLocalMedia.js';
export { useParticipant, useParticipantIds, useParticipants } from './hooks/useParticipants.js';
export { useConnectionQuality, usePeerStats, useRemoteStream } from './hooks/usePeer.js';
export { SmaRTCProvider, type SmaRTCProviderProps } from './provider.js';
