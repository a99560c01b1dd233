export {
  type AudioContextLike,
  type AudioLevelEvents,
  AudioLevelMonitor,
  type AudioLevelMonitorOptions,
} from './audioLevels.js';
export {
  type DeviceList,
  type InputDeviceKind,
  type LocalMediaDevicesLike,
  listMediaDevices,
} from './devices.js';
export { type GetLocalMediaOptions, getLocalMedia, type MediaDevicesLike } from './getLocalMedia.js';
export {
  LocalMedia,
  type LocalMediaEvents,
  type LocalMediaOptions,
  type LocalMediaStartOptions,
  type LocalMediaState,
  type LocalTrackKind,
} from './localMedia.js';
export { MEDIA_ERROR_NAMES, normalizeMediaError } from './normalizeMediaError.js';
export {
  type AttachStreamOptions,
  attachStream,
  type PlayableElementLike,
  PlaybackController,
  type PlaybackEvents,
  setAudioOutput,
  supportsOutputSelection,
} from './playback.js';
