// The signaling client over @microsoft/signalr.

export type { SignalingClientOptions, SignalingJoinOptions } from './clientOptions.js';
export type {
  ConnectionState,
  ConnectionStateChange,
  ConnectionStateReason,
  RejoinedEvent,
  SignalingEvents,
  SignalPayload,
} from './events.js';
export {
  DEFAULT_KEEP_ALIVE_INTERVAL_MS,
  DEFAULT_SERVER_TIMEOUT_MS,
  type SignalingLogger,
  type SignalingTransport,
} from './hubConnection.js';
export { toSmaRTCError } from './hubErrors.js';
export type { PeerLeftReason } from './knownPeers.js';
export {
  createReconnectPolicy,
  DEFAULT_RECONNECT_DELAYS_MS,
  type ReconnectContext,
  type ReconnectPolicy,
  type ReconnectPolicyInput,
  type ReconnectPolicyOptions,
} from './reconnectPolicy.js';
export { SignalingClient } from './signalingClient.js';
