import type { SignalingLogger } from '@smartc/core';

/** Where the peer layer's log lines go (every method optional). SDP is never logged. */
export type MeshLogger = SignalingLogger;

/** The two pre-negotiated data channels of every peer connection. */
export type DataChannelKind = 'reliable' | 'unreliable';

/** What can be sent on a data channel. */
export type DataPayload = string | ArrayBuffer | ArrayBufferView;

/** What arrives on a data channel: text as `string`, binary as `ArrayBuffer`. */
export type ReceivedData = string | ArrayBuffer;

/**
 * The state of one remote peer:
 * - `connecting`: first negotiation and ICE in progress;
 * - `connected`: media and data flow;
 * - `reconnecting`: was connected, ICE is disconnected or restarting;
 * - `failed`: ICE restarts ran out (`peer-failed` was emitted), the connection is closed;
 * - `closed`: the peer left or the manager was closed.
 */
export type PeerState = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

/** ICE restart policy. */
export interface IceRestartOptions {
  /** How long `disconnected` may last before an ICE restart (default 3000 ms). `failed` restarts at once. */
  disconnectedGraceMs?: number;
  /** Restarts per outage before `peer-failed` (default 3). */
  maxAttempts?: number;
  /** How long one restart may take to reach `connected` before the next one (default 10000 ms). */
  attemptTimeoutMs?: number;
}

/** Provides (fresh) ICE servers: called before every connection and ICE restart, since TURN credentials expire. */
export type IceServersProvider = () => Promise<RTCIceServer[]> | RTCIceServer[];

/** @internal no-op logger */
