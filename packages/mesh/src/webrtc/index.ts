export {
  resolveWebRTC,
  supportsRestartIce,
  type WebRTCImplementation,
  type WebRTCOption,
} from './webRTCImplementation.js';
