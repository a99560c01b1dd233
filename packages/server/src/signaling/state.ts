/**
 * The signaling hub's shared state and the presence transitions every path goes through
 * (leave, disconnect, grace expiry, takeover, endSession, removeUser, close), so that none
 * of them can leave a ghost participant or a stale group membership behind.
 */
import { randomBytes } from 'node:crypto';
import type { HubEvents, PeerInfo, UserJoinedEvent, UserLeftEvent } from '@smartc/protocol';
import type { HubClients, HubGroups } from '@smartc/signalr-server';
import type { HubPrincipal, SignalingDeps } from './deps.js';
import type { SignalingMetrics } from './metrics.js';
import type { Participant, PresenceStore } from './presence.js';
import type { ResumeTokens } from './resumeTokens.js';
import { SignalQueue, type SignalQueueLimits } from './signalQueue.js';

/** The hub's client events as a SignalR event map. */
export type SignalingEvents = { [K in keyof HubEvents]: HubEvents[K] };

/** How the hub reaches clients and groups outside an invocation (timers, REST calls). */
export interface HubOutlet {
  readonly clients: HubClients<SignalingEvents>;
  readonly groups: HubGroups;
}

/** Everything the hub methods share. */
export interface SignalingState {
  readonly deps: SignalingDeps;
  readonly presence: PresenceStore;
  readonly tokens: ResumeTokens;
  readonly metrics: SignalingMetrics;
  readonly queueLimits: SignalQueueLimits;
  /** Signals for participants waiting for a resume, by peerId. */
  readonly queues: Map<string, SignalQueue>;
  /** Grace timers of participants whose connection dropped, by peerId. */
  readonly graceTimers: Map<string, ReturnType<typeof setTimeout>>;
  /** SignalR connections currently open. */
  readonly liveConnections: Set<string>;
  readonly outlet: HubOutlet;
  closing: boolean;
}

/** Name of the SignalR group of a session. */
export function sessionGroup(sessionId: string): string {
  return `session:${sessionId}`;
}

/** A fresh peerId: 128 random bits, URL-safe, prefixed so it never looks like a SignalR connection id. */
export function newPeerId(): string {
  return `p_${randomBytes(16).toString('base64url')}`;
}

/** Who may resume a participant: the account, or the guest's display name. */
export function principalKey(principal: HubPrincipal, displayName: string): string {
  return principal.kind === 'user' ? `user:${principal.userId}` : `guest:${displayName}`;
}

/** `PeerInfo` of a participant. */
export function toPeerInfo(p: Participant): PeerInfo {
  return { peerId: p.peerId, username: p.username, media: { ...p.media } };
}

/** `UserJoined` payload of a participant (`connectionId` is its peerId). */
export function userJoinedEvent(p: Participant, resumed?: boolean): UserJoinedEvent {
  const event: UserJoinedEvent = {
    username: p.username,
    connectionId: p.peerId,
    peerId: p.peerId,
    media: { ...p.media },
  };
  if (resumed) event.resumed = true;
  return event;
}

/** `UserLeft` payload of a participant. */
export function userLeftEvent(p: Participant, reason: UserLeftEvent['reason']): UserLeftEvent {
  return { username: p.username, connectionId: p.peerId, peerId: p.peerId, reason };
}

/** Runs a send or group change, logging (never throwing) when the target is already gone. */
export async function quietly(state: SignalingState, what: string, action: Promise<void>): Promise<void> {
  try {
    await action;
  } catch (error) {
    state.deps.logger.debug(
      { err: error instanceof Error ? error.message : String(error) },
      `signaling: ${what} failed`,
    );
  }
}

/** Stops waiting for a resume: clears the grace timer and returns the signals queued meanwhile. */
export function endGrace(state: SignalingState, peerId: string): SignalQueue | undefined {
  const timer = state.graceTimers.get(peerId);
  if (timer !== undefined) clearTimeout(timer);
  state.graceTimers.delete(peerId);
  const queue = state.queues.get(peerId);
  state.queues.delete(peerId);
  return queue;
}

/** Takes a participant out of presence (synchronously). Returns false if it was already gone. */
export function dropParticipant(
  state: SignalingState,
  p: Participant,
  reason: UserLeftEvent['reason'] | 'detached',
): boolean {
  endGrace(state, p.peerId);
  if (!state.presence.remove(p.peerId)) return false;
  state.metrics.participantLeft(reason);
  state.deps.logger.info({ sessionId: p.sessionId, peerId: p.peerId, reason }, 'signaling: participant left');
  return true;
}

/** After {@link dropParticipant}: takes its connection out of the group and tells the others. */
export async function announceLeft(
  state: SignalingState,
  p: Participant,
  connectionId: string | null,
  reason: UserLeftEvent['reason'] | null,
): Promise<void> {
  const group = sessionGroup(p.sessionId);
  if (connectionId !== null) {
    await quietly(state, 'group remove', state.outlet.groups.remove(connectionId, group));
  }
  if (reason !== null) {
    await quietly(
      state,
      'UserLeft',
      state.outlet.clients.group(group).send('UserLeft', userLeftEvent(p, reason)),
    );
  }
}

/**
 * Removes a participant from presence right away, then takes its connection out of the
 * session group and tells the others with `UserLeft`.
 */
export async function removeParticipant(
  state: SignalingState,
  p: Participant,
  reason: UserLeftEvent['reason'],
): Promise<void> {
  const connectionId = p.connectionId;
  if (!dropParticipant(state, p, reason)) return;
  await announceLeft(state, p, connectionId, reason);
}

/**
 * The participant's connection dropped without `LeaveSession`: keep it for `resumeGraceMs`,
 * queueing signals sent to it, then remove it with `UserLeft {reason: 'disconnected'}`.
 */
export async function beginGrace(state: SignalingState, p: Participant): Promise<void> {
  const graceMs = state.deps.config.resumeGraceMs;
  if (!(graceMs > 0)) {
    await removeParticipant(state, p, 'disconnected');
    return;
  }
  endGrace(state, p.peerId);
  state.presence.attach(p.peerId, null);
  state.queues.set(p.peerId, new SignalQueue(state.queueLimits));
  const timer = setTimeout(() => {
    state.graceTimers.delete(p.peerId);
    const current = state.presence.get(p.peerId);
    if (current && current.connectionId === null) void removeParticipant(state, current, 'disconnected');
  }, graceMs);
  timer.unref?.();
  state.graceTimers.set(p.peerId, timer);
  state.deps.logger.debug(
    { sessionId: p.sessionId, peerId: p.peerId, graceMs },
    'signaling: waiting for resume',
  );
}
