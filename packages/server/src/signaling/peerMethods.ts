/**
 * The hub methods of a joined participant: `SendSignal`, `UpdateMediaState`, `SendMessage`,
 * `Heartbeat` and `LeaveSession`, plus what happens when its connection drops.
 * Membership is checked on every call; signal contents are never logged.
 */
import { randomUUID } from 'node:crypto';
import { type ChatMessage, ErrorCode, type HeartbeatResult, type MediaState } from '@smartc/protocol';
import type { HubInvocationContext } from '@smartc/signalr-server';
import type { HubPrincipal } from './deps.js';
import { SignalingError } from './errors.js';
import type { Participant } from './presence.js';
import {
  beginGrace,
  removeParticipant,
  type SignalingEvents,
  type SignalingState,
  sessionGroup,
} from './state.js';
import {
  parseChatText,
  parseMediaState,
  parseOptionalSessionId,
  parsePeerId,
  parseSignal,
} from './validation.js';

type Context = HubInvocationContext<HubPrincipal, SignalingEvents>;

/** The caller's participant, or `SIGNALING_NOT_JOINED`. Refreshes its last-seen time. */
export function requireParticipant(state: SignalingState, ctx: Context): Participant {
  const participant = state.presence.byConnection(ctx.caller.connectionId);
  if (!participant) {
    throw new SignalingError(ErrorCode.SIGNALING_NOT_JOINED, 'join a session with JoinSession first');
  }
  participant.lastSeen = Date.now();
  return participant;
}

/** `SendSignal(targetPeerId, signal)`: relays to a participant of the caller's session only. */
export async function sendSignal(
  state: SignalingState,
  ctx: Context,
  rawTarget: unknown,
  rawSignal: unknown,
): Promise<null> {
  const from = requireParticipant(state, ctx);
  const targetPeerId = parsePeerId(rawTarget);
  const { signal, bytes } = parseSignal(rawSignal);
  const target = state.presence.get(targetPeerId);
  if (!target || target.sessionId !== from.sessionId) {
    throw new SignalingError(ErrorCode.SIGNALING_PEER_NOT_FOUND, `no peer "${targetPeerId}" in this session`);
  }
  if (target.peerId === from.peerId) {
    throw new SignalingError(ErrorCode.VALIDATION_FAILED, 'a peer cannot signal itself');
  }
  if (target.connectionId === null) {
    state.queues.get(target.peerId)?.push({ fromPeerId: from.peerId, signal, bytes });
    state.metrics.signalRelayed(true);
    return null;
  }
  await state.outlet.clients
    .client(target.connectionId)
    .send('ReceiveSignal', from.peerId, signal as SignalingEvents['ReceiveSignal'][1]);
  state.metrics.signalRelayed(false);
  return null;
}

/** `UpdateMediaState(partial)`: stores and announces the caller's media state; returns it whole. */
export async function updateMediaState(
  state: SignalingState,
  ctx: Context,
  raw: unknown,
): Promise<MediaState> {
  const participant = requireParticipant(state, ctx);
  const partial = parseMediaState(raw);
  participant.media = { ...participant.media, ...partial };
  const media = { ...participant.media };
  await ctx.clients
    .groupExcept(sessionGroup(participant.sessionId), [ctx.caller.connectionId])
    .send('MediaStateChanged', { peerId: participant.peerId, ...media });
  return media;
}

/** `SendMessage(text)`: chat to the others of the session; the caller gets the message back. */
export async function sendMessage(state: SignalingState, ctx: Context, raw: unknown): Promise<ChatMessage> {
  const participant = requireParticipant(state, ctx);
  const text = parseChatText(raw);
  const message: ChatMessage = {
    id: randomUUID(),
    sessionId: participant.sessionId,
    fromPeerId: participant.peerId,
    username: participant.username,
    text,
    sentAt: new Date().toISOString(),
  };
  await ctx.clients
    .groupExcept(sessionGroup(participant.sessionId), [ctx.caller.connectionId])
    .send('ReceiveMessage', message);
  state.metrics.message();
  return message;
}

/** `Heartbeat()`: answers the server time; refreshes the caller's last-seen time if joined. */
export function heartbeat(state: SignalingState, ctx: Context): HeartbeatResult {
  const participant = state.presence.byConnection(ctx.caller.connectionId);
  if (participant) participant.lastSeen = Date.now();
  return { serverTime: new Date().toISOString() };
}

/** `LeaveSession(sessionId?)`: leaves at once; leaving a session one is not in is a no-op. */
export async function leaveSession(state: SignalingState, ctx: Context, raw: unknown): Promise<null> {
  const sessionId = parseOptionalSessionId(raw);
  const participant = state.presence.byConnection(ctx.caller.connectionId);
  if (!participant || (sessionId !== undefined && sessionId !== participant.sessionId)) return null;
  await removeParticipant(state, participant, 'left');
  return null;
}

/**
 * The connection closed. When the client stopped on purpose (`HubConnection.stop()`, as the original
 * SDKs do instead of `LeaveSession`) its participant leaves at once; when the connection dropped or
 * the server closed it, the participant waits `resumeGraceMs` for a resume.
 */
export async function connectionClosed(
  state: SignalingState,
  connectionId: string,
  closedByClient: boolean,
): Promise<void> {
  state.liveConnections.delete(connectionId);
  if (state.closing) return;
  const participant = state.presence.byConnection(connectionId);
  if (!participant) return;
  if (closedByClient) await removeParticipant(state, participant, 'left');
  else await beginGrace(state, participant);
}
