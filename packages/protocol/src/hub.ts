import type { IceServer } from './rest.js';
import type { Signal } from './signals.js';

/** Path of the signaling hub on the server origin. */
export const HUB_PATH = '/signalhub';

/** Hub methods clients invoke (client → server). */
export const HubMethod = {
  JoinSession: 'JoinSession',
  SendSignal: 'SendSignal',
  LeaveSession: 'LeaveSession',
  Heartbeat: 'Heartbeat',
  UpdateMediaState: 'UpdateMediaState',
  SendMessage: 'SendMessage',
} as const;
export type HubMethod = (typeof HubMethod)[keyof typeof HubMethod];

/** Hub events the server sends (server → client). */
export const HubEvent = {
  UserJoined: 'UserJoined',
  UserLeft: 'UserLeft',
  ReceiveSignal: 'ReceiveSignal',
  MediaStateChanged: 'MediaStateChanged',
  ReceiveMessage: 'ReceiveMessage',
  SessionEnded: 'SessionEnded',
} as const;
export type HubEvent = (typeof HubEvent)[keyof typeof HubEvent];

/** What a participant is sending. */
export interface MediaState {
  audio: boolean;
  video: boolean;
  screen: boolean;
}

/** A peer already in the session, as returned by `JoinSession`. */
export interface PeerInfo {
  peerId: string;
  username: string;
  media: MediaState;
}

/** Third, optional argument of `JoinSession`. */
export interface JoinOptions {
  /** The `resumeToken` of an earlier join: rejoin under the same peerId. */
  resumeToken?: string;
  /** Initial media state announced to the others. */
  media?: Partial<MediaState>;
}

/** Result of `JoinSession`. */
export interface JoinResult {
  sessionId: string;
  /** Stable for the life of this participant, across signaling reconnects. */
  peerId: string;
  username: string;
  /** The others already present (never includes the caller). */
  peers: PeerInfo[];
  iceServers: IceServer[];
  /** Pass back in {@link JoinOptions.resumeToken} after a reconnect to keep `peerId`. */
  resumeToken: string;
  /** True when the join resumed an earlier participant (same peerId). */
  resumed: boolean;
}

/** `UserJoined` payload. `connectionId` is the joiner's peerId (original demo-hub contract). */
export interface UserJoinedEvent {
  username: string;
  connectionId: string;
  peerId: string;
  media: MediaState;
  /** True when a known participant came back after a server restart. */
  resumed?: boolean;
}

/** `UserLeft` payload. `connectionId` is the leaver's peerId. */
export interface UserLeftEvent {
  username: string;
  connectionId: string;
  peerId: string;
  reason: 'left' | 'disconnected' | 'session-ended';
}

/** `MediaStateChanged` payload. */
export interface MediaStateChangedEvent extends MediaState {
  peerId: string;
}

/** A chat message as delivered by `ReceiveMessage` (and returned by `SendMessage`). */
export interface ChatMessage {
  id: string;
  sessionId: string;
  fromPeerId: string;
  username: string;
  text: string;
  /** ISO 8601 server time. */
  sentAt: string;
}

/** `SessionEnded` payload: the session was deleted while you were in it. */
export interface SessionEndedEvent {
  sessionId: string;
}

/** `Heartbeat` result. */
export interface HeartbeatResult {
  serverTime: string;
}

/**
 * Hub methods with their argument tuples and results. A signal is a SmaRTC {@link Signal}
 * or, for the original SDKs, any JSON string/object within `Limits.signalMaxBytes`.
 */
export interface HubMethods {
  JoinSession: { args: [sessionId: string, username: string, options?: JoinOptions]; result: JoinResult };
  SendSignal: { args: [targetPeerId: string, signal: Signal | string | object]; result: null };
  LeaveSession: { args: [sessionId?: string]; result: null };
  Heartbeat: { args: []; result: HeartbeatResult };
  UpdateMediaState: { args: [state: Partial<MediaState>]; result: MediaState };
  SendMessage: { args: [text: string]; result: ChatMessage };
}

/** Hub events with their argument tuples (the client's `on(name, handler)` signatures). */
export interface HubEvents {
  UserJoined: [event: UserJoinedEvent];
  UserLeft: [event: UserLeftEvent];
  ReceiveSignal: [fromPeerId: string, signal: Signal | string | object];
  MediaStateChanged: [event: MediaStateChangedEvent];
  ReceiveMessage: [message: ChatMessage];
  SessionEnded: [event: SessionEndedEvent];
}

/** A fresh media state: everything off. */
export const NO_MEDIA: Readonly<MediaState> = Object.freeze({ audio: false, video: false, screen: false });
