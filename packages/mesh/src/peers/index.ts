export {
  DATA_CHANNELS,
  type DataChannelHandlers,
  type DataChannelLimits,
  PeerDataChannels,
} from './dataChannels.js';
export type { MeshLimitWarning, MeshPeerEvents, PeerDisconnectReason } from './events.js';
export { GenerationFilter, type GenerationVerdict, nextGeneration } from './generation.js';
export { DEFAULT_ICE_RESTART, IceRestarter, type IceRestarterOptions } from './iceRestarter.js';
export {
  type MeshPeer,
  MeshPeerManager,
  type MeshPeerManagerOptions,
  type SendOptions,
} from './meshPeerManager.js';
export { Negotiator, type NegotiatorOptions, type SignalOutcome } from './negotiator.js';
export {
  type LocalTrack,
  PeerSession,
  type PeerSessionHandlers,
  type PeerSessionOptions,
} from './peerSession.js';
export { isPolite } from './politeness.js';
export type {
  DataChannelKind,
  DataPayload,
  IceRestartOptions,
  IceServersProvider,
  MeshLogger,
  PeerState,
  ReceivedData,
} from './types.js';
