import type { ConnectionState, ConnectionStateReason, SmaRTCError } from '@smartc/core';
import type { ChatMessage, MediaState } from '@smartc/protocol';
import type { MeshLimitWarning } from '../peers/events.js';
import type { PeerState } from '../peers/types.js';
import type { QualityReport } from '../quality/thresholds.js';
import type { PeerStats } from '../stats/types.js';

/**
 * Where a {@link Call} is:
 * - `idle`: created, never joined;
 * - `joining`: `join()` is in progress;
 * - `joined`: in the session;
 * - `reconnecting`: signaling is down; peer connections (and media) are kept while it reconnects;
 * - `left`: `leave()`/`dispose()` was called, or the session ended;
 * - `failed`: the join failed, or signaling gave up reconnecting (see `error`).
 */
export type CallStatus = 'idle' | 'joining' | 'joined' | 'reconnecting' | 'left' | 'failed';

/** Recursively readonly (MediaStreams and errors are left as they are). */
export type DeepReadonly<T> = T extends MediaStream | SmaRTCError | ((...args: never[]) => unknown)
  ? T
  : T extends ReadonlyArray<infer U>
    ? ReadonlyArray<DeepReadonly<U>>
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/** You, in the call. */
export interface CallSelf {
  /** Your peerId in the session (`null` until joined); kept across a resumed reconnect. */
  readonly peerId: string | null;
  readonly username: string;
  /** What you announce to the others. */
  readonly media: Readonly<MediaState>;
  /** The local stream you send (`null`: nothing); with Call-owned media, `call.localMedia.stream`. */
  readonly stream: MediaStream | null;
  /** Whether you share your screen (`call.startScreenShare()`); `media.screen` follows it. */
  readonly screenSharing: boolean;
}

/** One remote participant. The object keeps its identity until something of it changes. */
export interface CallParticipant {
  readonly peerId: string;
  readonly username: string;
  /** The state of the peer connection with this participant. */
  readonly connectionState: PeerState;
  /** What this participant announces it sends (from signaling). */
  readonly media: Readonly<MediaState>;
  /** Its remote media (`null` until a track arrives). */
  readonly stream: MediaStream | null;
  /** Rates over the last stats interval (`null` until the first sample). */
  readonly stats: DeepReadonly<PeerStats> | null;
  readonly quality: DeepReadonly<QualityReport> | null;
}

/** The signaling connection, as the UI needs it. */
export interface CallSignalingState {
  readonly state: ConnectionState;
  readonly reason?: ConnectionStateReason;
}

/**
 * A non-fatal media problem of Call-owned media: `media-fallback` (the camera failed, the call went on
 * audio-only) or `media-error` (e.g. a lost device could not be replaced).
 */
export interface CallMediaWarning {
  reason: 'media-fallback' | 'media-error';
  /** The normalised `MEDIA_*` error. */
  error: SmaRTCError;
  message: string;
}

/** A warning about the call: the mesh is larger than what connects or carries well, or a media problem. */
export type CallWarning = Readonly<MeshLimitWarning> | Readonly<CallMediaWarning>;

/**
 * The immutable state of a {@link Call}. A new object only when something changed; never mutated.
 */
export interface CallSnapshot {
  readonly status: CallStatus;
  readonly sessionId: string | null;
  /** Why the call is `failed` (or the last error that did not end it). */
  readonly error?: SmaRTCError;
  readonly self: CallSelf;
  /** Remote participants, in join order. */
  readonly participants: ReadonlyArray<CallParticipant>;
  readonly signaling: CallSignalingState;
  /** The chat, oldest first (the last {@link MAX_CALL_MESSAGES}). */
  readonly messages: ReadonlyArray<Readonly<ChatMessage>>;
  /** The last {@link MAX_CALL_WARNINGS} warnings, oldest first. */
  readonly warnings: ReadonlyArray<CallWarning>;
}

/** How many chat messages a snapshot keeps. */
export const MAX_CALL_MESSAGES = 200;
/** How many warnings a snapshot keeps. */
export const MAX_CALL_WARNINGS = 20;

/** No media. */
export const NO_MEDIA: Readonly<MediaState> = Object.freeze({ audio: false, video: false, screen: false });

/** The snapshot of a call that never joined. */
export function initialCallState(username: string): CallSnapshot {
  return Object.freeze({
    status: 'idle',
    sessionId: null,
    self: Object.freeze({ peerId: null, username, media: NO_MEDIA, stream: null, screenSharing: false }),
    participants: Object.freeze([]),
    signaling: Object.freeze({ state: 'disconnected' }),
    messages: Object.freeze([]),
    warnings: Object.freeze([]),
  });
}

/**
 * The participant `peerId` of `snapshot`, or `undefined` when it is not (or no longer) in the call. What every
 * binding's per-participant selector starts from.
 *
 * @example
 * const bob = participantOf(call.getSnapshot(), bobPeerId);
 * if (bob?.stream) attachStream(video, bob.stream);
 */
export function participantOf(
  snapshot: CallSnapshot,
  peerId: string | null | undefined,
): CallParticipant | undefined {
  return peerId ? snapshot.participants.find((p) => p.peerId === peerId) : undefined;
}
