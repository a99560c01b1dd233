import type { ConnectionState, ConnectionStateReason, SmaRTCError } from '@smartc/core';
import type { ChatMessage, MediaState, PeerInfo } from '@smartc/protocol';
import type { MeshLimitWarning } from '../peers/events.js';
import type { PeerState } from '../peers/types.js';
import type { QualityReport } from '../quality/thresholds.js';
import type { PeerStats } from '../stats/types.js';
import {
  type CallParticipant,
  type CallSnapshot,
  type CallWarning,
  MAX_CALL_MESSAGES,
  MAX_CALL_WARNINGS,
} from './callState.js';

/** Everything that can change a {@link CallSnapshot}. */
export type CallAction =
  | { type: 'join-started'; sessionId: string; media: MediaState; stream: MediaStream | null }
  | { type: 'joined'; peerId: string; peers: readonly PeerInfo[] }
  | { type: 'join-failed'; error: SmaRTCError }
  | { type: 'left'; error?: SmaRTCError }
  | { type: 'signaling-state'; state: ConnectionState; reason?: ConnectionStateReason; error?: SmaRTCError }
  | { type: 'rejoined'; peerId: string; resumed: boolean; peers: readonly PeerInfo[] }
  | { type: 'signaling-error'; error: SmaRTCError }
  | { type: 'peer-joined'; peer: PeerInfo }
  | { type: 'peer-left'; peerId: string }
  | { type: 'peer-state'; peerId: string; state: PeerState }
  | { type: 'peer-reset'; peerId: string }
  | { type: 'remote-stream'; peerId: string; stream: MediaStream }
  | { type: 'media-state'; peerId: string; media: MediaState }
  | { type: 'stats'; peerId: string; stats: PeerStats; quality: QualityReport | null }
  | { type: 'quality'; peerId: string; quality: QualityReport }
  | { type: 'self-media'; media: Partial<MediaState> }
  | { type: 'self-stream'; stream: MediaStream | null; media: MediaState }
  | { type: 'self-screen'; sharing: boolean }
  | { type: 'message'; message: ChatMessage }
  | { type: 'warning'; warning: MeshLimitWarning | CallWarning };

const freeze = Object.freeze;

function sameMedia(a: Readonly<MediaState>, b: Readonly<MediaState>): boolean {
  return a.audio === b.audio && a.video === b.video && a.screen === b.screen;
}

function media(m: Readonly<Partial<MediaState>> | undefined): Readonly<MediaState> {
  return freeze({ audio: !!m?.audio, video: !!m?.video, screen: !!m?.screen });
}

function newParticipant(peer: PeerInfo): CallParticipant {
  return freeze({
    peerId: peer.peerId,
    username: peer.username,
    connectionState: 'connecting',
    media: media(peer.media),
    stream: null,
    stats: null,
    quality: null,
  });
}

/** `p` with `patch` applied, or `p` itself when nothing in `patch` differs. */
function patchParticipant(p: CallParticipant, patch: Partial<CallParticipant>): CallParticipant {
  const keys = Object.keys(patch) as Array<keyof CallParticipant>;
  if (keys.every((k) => p[k] === patch[k])) return p;
  return freeze({ ...p, ...patch });
}

function withParticipants(state: CallSnapshot, participants: readonly CallParticipant[]): CallSnapshot {
  const prev = state.participants;
  if (participants.length === prev.length && participants.every((p, i) => p === prev[i])) return state;
  return freeze({ ...state, participants: freeze([...participants]) });
}

function updateParticipant(
  state: CallSnapshot,
  peerId: string,
  update: (p: CallParticipant) => CallParticipant,
): CallSnapshot {
  return withParticipants(
    state,
    state.participants.map((p) => (p.peerId === peerId ? update(p) : p)),
  );
}

/** Merges a join result's peers into the list: known ones keep their objects (and order), new ones are appended. */
function mergePeers(
  current: readonly CallParticipant[],
  peers: readonly PeerInfo[],
  reset: boolean,
): CallParticipant[] {
  const known = new Map(current.map((p) => [p.peerId, p]));
  const next = current.map((p) => {
    const peer = peers.find((x) => x.peerId === p.peerId);
    const patch: { -readonly [K in keyof CallParticipant]?: CallParticipant[K] } = {};
    if (peer) {
      if (peer.username !== p.username) patch.username = peer.username;
      if (!sameMedia(p.media, media(peer.media))) patch.media = media(peer.media);
    }
    if (reset)
      Object.assign(patch, { connectionState: 'connecting', stream: null, stats: null, quality: null });
    return patchParticipant(p, patch);
  });
  for (const peer of peers) if (!known.has(peer.peerId)) next.push(newParticipant(peer));
  return next;
}

function patch(state: CallSnapshot, changes: Partial<CallSnapshot>): CallSnapshot {
  const keys = Object.keys(changes) as Array<keyof CallSnapshot>;
  if (keys.every((k) => state[k] === changes[k])) return state;
  return freeze({ ...state, ...changes });
}

function appendBounded<T>(list: readonly T[], item: T, max: number): readonly T[] {
  return freeze([...list, item].slice(-max));
}

/**
 * The pure reducer of a call's state. Returns `state` itself when `action` changes nothing, and
 * keeps the identity of every participant it does not touch.
 */
export function callReducer(state: CallSnapshot, action: CallAction): CallSnapshot {
  switch (action.type) {
    case 'join-started': {
      const sameSession = state.sessionId === action.sessionId;
      return freeze({
        ...state,
        status: 'joining',
        sessionId: action.sessionId,
        error: undefined,
        self: freeze({ ...state.self, peerId: null, media: media(action.media), stream: action.stream }),
        participants: freeze([]),
        messages: sameSession ? state.messages : freeze([]),
        warnings: freeze([]),
      });
    }
    case 'joined':
      if (state.status !== 'joining') return state;
      return withParticipants(
        patch(state, {
          status: 'joined',
          self:
            state.self.peerId === action.peerId
              ? state.self
              : freeze({ ...state.self, peerId: action.peerId }),
        }),
        mergePeers(state.participants, action.peers, false),
      );
    case 'join-failed':
      if (state.status !== 'joining') return state;
      return patch(state, { status: 'failed', error: action.error, participants: freeze([]) });
    case 'left':
      if (state.status === 'left' && state.participants.length === 0) return state;
      return patch(state, {
        status: 'left',
        ...(action.error ? { error: action.error } : {}),
        participants: state.participants.length ? freeze([]) : state.participants,
      });
    case 'signaling-state': {
      const sig =
        state.signaling.state === action.state && state.signaling.reason === action.reason
          ? state.signaling
          : freeze(action.reason ? { state: action.state, reason: action.reason } : { state: action.state });
      let status = state.status;
      let error = state.error;
      if (action.state === 'reconnecting' && status === 'joined') status = 'reconnecting';
      if (
        action.state === 'disconnected' &&
        action.reason === 'reconnect-failed' &&
        status === 'reconnecting'
      ) {
        status = 'failed';
        error = action.error ?? error;
      }
      return patch(state, { signaling: sig, status, error });
    }
    case 'rejoined':
      if (state.status !== 'reconnecting' && state.status !== 'joined') return state;
      return withParticipants(
        patch(state, {
          status: 'joined',
          self:
            state.self.peerId === action.peerId
              ? state.self
              : freeze({ ...state.self, peerId: action.peerId }),
        }),
        mergePeers(state.participants, action.peers, !action.resumed),
      );
    case 'signaling-error':
      if (state.status === 'reconnecting') return patch(state, { status: 'failed', error: action.error });
      return patch(state, { error: action.error });
    case 'peer-joined':
      if (state.status !== 'joined' && state.status !== 'reconnecting') return state;
      if (state.participants.some((p) => p.peerId === action.peer.peerId)) return state;
      return withParticipants(state, [...state.participants, newParticipant(action.peer)]);
    case 'peer-left':
      return withParticipants(
        state,
        state.participants.filter((p) => p.peerId !== action.peerId),
      );
    case 'peer-state':
      return updateParticipant(state, action.peerId, (p) =>
        patchParticipant(p, { connectionState: action.state }),
      );
    case 'peer-reset':
      return updateParticipant(state, action.peerId, (p) =>
        patchParticipant(p, { stream: null, stats: null, quality: null }),
      );
    case 'remote-stream':
      return updateParticipant(state, action.peerId, (p) => patchParticipant(p, { stream: action.stream }));
    case 'media-state':
      return updateParticipant(state, action.peerId, (p) =>
        sameMedia(p.media, action.media) ? p : patchParticipant(p, { media: media(action.media) }),
      );
    case 'stats':
      return updateParticipant(state, action.peerId, (p) =>
        patchParticipant(p, { stats: action.stats, ...(action.quality ? { quality: action.quality } : {}) }),
      );
    case 'quality':
      return updateParticipant(state, action.peerId, (p) => patchParticipant(p, { quality: action.quality }));
    case 'self-media': {
      const next = media({ ...state.self.media, ...action.media });
      if (sameMedia(next, state.self.media)) return state;
      return patch(state, { self: freeze({ ...state.self, media: next }) });
    }
    case 'self-stream': {
      const next = media(action.media);
      if (state.self.stream === action.stream && sameMedia(next, state.self.media)) return state;
      return patch(state, { self: freeze({ ...state.self, stream: action.stream, media: next }) });
    }
    case 'self-screen': {
      const next = media({ ...state.self.media, screen: action.sharing });
      if (state.self.screenSharing === action.sharing && sameMedia(next, state.self.media)) return state;
      return patch(state, { self: freeze({ ...state.self, screenSharing: action.sharing, media: next }) });
    }
    case 'message':
      if (state.messages.some((m) => m.id === action.message.id)) return state;
      return patch(state, {
        messages: appendBounded(state.messages, freeze({ ...action.message }), MAX_CALL_MESSAGES),
      });
    case 'warning':
      return patch(state, {
        warnings: appendBounded(state.warnings, freeze({ ...action.warning }), MAX_CALL_WARNINGS),
      });
    default:
      return state;
  }
}
