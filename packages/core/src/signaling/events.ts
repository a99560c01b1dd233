import type {
  ChatMessage,
  HubMethods,
  JoinResult,
  MediaState,
  PeerInfo,
  SessionEndedEvent,
} from '@smartc/protocol';
import type { SmaRTCError } from '../errors.js';
import type { PeerLeftReason } from './knownPeers.js';

/** Connection state of a {@link SignalingClient}. `connected` after a reconnect means "rejoined" too. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/**
 * Why the connection state changed:
 * - `client`: `connect()`/`disconnect()` of this app;
 * - `transport-lost`: the network or the transport failed (reconnecting follows);
 * - `server-closed`: the server closed the connection (e.g. a graceful restart; reconnecting follows);
 * - `reconnected`: back after an outage (and rejoined when in a session);
 * - `reconnect-failed`: the reconnect policy gave up, or the server refused the reconnect (e.g. expired token);
 * - `connect-failed`: `connect()` failed (its promise rejects with the error too).
 */
export type ConnectionStateReason =
  | 'client'
  | 'transport-lost'
  | 'server-closed'
  | 'reconnected'
  | 'reconnect-failed'
  | 'connect-failed';

/** Payload of the `connection-state` event. */
export interface ConnectionStateChange {
  state: ConnectionState;
  previous: ConnectionState;
  reason?: ConnectionStateReason;
  error?: SmaRTCError;
}

/** Payload of the `rejoined` event, emitted after every automatic rejoin following a reconnect. */
export interface RejoinedEvent {
  /** True: same peerId, peer connections stay valid. False: a fresh participant (new peerId). */
  resumed: boolean;
  /** The peerId now in use. */
  peerId: string;
  /** The peerId before the outage (differs from `peerId` when `resumed` is false). */
  previousPeerId: string;
  /** The full join result of the rejoin. */
  result: JoinResult;
  /** Why the resume failed, when it did (`SIGNALING_RESUME_REJECTED`). */
  error?: SmaRTCError;
}

/** What can be signalled: a SmaRTC `Signal`, or any JSON string/object the original SDKs send. */
export type SignalPayload = HubMethods['SendSignal']['args'][1];

/**
 * The one EventMap of {@link SignalingClient}.
 *
 * @example
 * client.on('peer-joined', (peer) => console.log(peer.peerId, peer.username));
 * client.on('peer-left', (peer, reason) => console.log(peer.peerId, reason));
 * client.on('signal', (fromPeerId, signal) => negotiator.handle(fromPeerId, signal));
 */
export type SignalingEvents = {
  /** Every state change, with its reason. */
  'connection-state': [change: ConnectionStateChange];
  /** A peer joined the session (never twice for one peerId; not for the peers of the join result). */
  'peer-joined': [peer: PeerInfo];
  /** A known peer left, or did not come back within the grace window after a rejoin (`disconnected`). */
  'peer-left': [peer: PeerInfo, reason: PeerLeftReason];
  /** A peer of the session signalled you. */
  signal: [fromPeerId: string, signal: SignalPayload];
  /** A peer changed its media state. */
  'media-state': [peerId: string, media: MediaState];
  /** A chat message from a peer of the session. */
  message: [message: ChatMessage];
  /** The session was deleted while you were in it; you are no longer joined. */
  'session-ended': [event: SessionEndedEvent];
  /** The automatic rejoin after a reconnect is done: resumed (same peerId) or fresh (new peerId). */
  rejoined: [event: RejoinedEvent];
  /** Failures no caller can be told about (reconnect gave up, automatic rejoin failed). */
  error: [error: SmaRTCError];
};
