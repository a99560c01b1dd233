/**
 * `JoinSession(sessionId, username, options?)`: fresh joins, resumes within the grace window
 * (silent takeover), and resumes after a server restart (re-created with the same peerId).
 */
import { ErrorCode, type JoinResult, type MediaState, NO_MEDIA } from '@smartc/protocol';
import type { HubInvocationContext } from '@smartc/signalr-server';
import type { HubPrincipal, SessionRecord } from './deps.js';
import { SignalingError } from './errors.js';
import type { Participant } from './presence.js';
import type { QueuedSignal } from './signalQueue.js';
import {
  announceLeft,
  dropParticipant,
  endGrace,
  newPeerId,
  principalKey,
  quietly,
  type SignalingEvents,
  type SignalingState,
  sessionGroup,
  toPeerInfo,
  userJoinedEvent,
} from './state.js';
import { parseDisplayName, parseJoinOptions, parseSessionId } from './validation.js';

type Context = HubInvocationContext<HubPrincipal, SignalingEvents>;

async function findSession(state: SignalingState, sessionId: string): Promise<SessionRecord> {
  const session = await state.deps.sessions.findById(sessionId);
  if (session) return session;
  if (state.deps.config.adHocRooms) return state.deps.sessions.createAdHoc(sessionId);
  throw new SignalingError(ErrorCode.SESSION_NOT_FOUND, `session "${sessionId}" does not exist`);
}

/** What the synchronous part of a join decided. */
interface JoinPlan {
  participant: Participant;
  /** `new`: others get UserJoined; `takeover`: silent; `restored`: UserJoined with resumed. */
  kind: 'new' | 'takeover' | 'restored';
  left: Participant | undefined;
  detachedConnection: string | null;
  queued: QueuedSignal[];
  mediaChanged: boolean;
}

/**
 * Handles `JoinSession`. Every await happens before the synchronous section that checks the
 * capacity and mutates presence, so concurrent joins cannot overfill a session.
 */
export async function joinSession(
  state: SignalingState,
  ctx: Context,
  rawSessionId: unknown,
  rawUsername: unknown,
  rawOptions: unknown,
): Promise<JoinResult> {
  const principal = ctx.caller.user;
  const connectionId = ctx.caller.connectionId;
  const sessionId = parseSessionId(rawSessionId);
  const isGuest = principal.kind === 'guest';
  const displayName = parseDisplayName(rawUsername, isGuest);
  const options = parseJoinOptions(rawOptions);
  const username = principal.kind === 'user' ? principal.username : displayName;
  const principalId = principalKey(principal, displayName);

  let peerId: string | undefined;
  if (options.resumeToken !== undefined) {
    const claims = await state.tokens.verify(options.resumeToken);
    if (claims.sessionId !== sessionId || claims.principal !== principalId) {
      throw new SignalingError(
        ErrorCode.SIGNALING_RESUME_REJECTED,
        'resume token belongs to another session or user; join again without it',
      );
    }
    peerId = claims.peerId;
  }
  const session = await findSession(state, sessionId);
  const current = state.presence.byConnection(connectionId);
  if (peerId === undefined && current?.sessionId === sessionId) peerId = current.peerId;
  peerId ??= newPeerId();
  const resuming = options.resumeToken !== undefined;
  const [iceServers, resumeToken] = await Promise.all([
    state.deps.iceServers(principal.kind === 'user' ? principal.userId : peerId),
    state.tokens.issue({ sessionId, peerId, principal: principalId }),
  ]);

  const plan = decide(state, {
    connectionId,
    session,
    peerId,
    username,
    userId: principal.kind === 'user' ? principal.userId : null,
    principal: principalId,
    media: options.media,
    resuming,
  });
  const { participant } = plan;
  const group = sessionGroup(sessionId);

  if (plan.left) await announceLeft(state, plan.left, connectionId, 'left');
  if (plan.detachedConnection !== null) {
    await quietly(state, 'group remove', state.outlet.groups.remove(plan.detachedConnection, group));
  }
  await state.outlet.groups.add(connectionId, group);

  const others = state.presence.list(sessionId).filter((p) => p.peerId !== peerId);
  if (plan.kind !== 'takeover') {
    const event = userJoinedEvent(participant, plan.kind === 'restored');
    await quietly(
      state,
      'UserJoined',
      ctx.clients.groupExcept(group, [connectionId]).send('UserJoined', event),
    );
  }
  if (plan.kind === 'new') {
    // Demo-hub compatibility: one UserJoined per existing peer to the caller.
    for (const other of others) await ctx.clients.caller.send('UserJoined', userJoinedEvent(other));
  }
  if (plan.mediaChanged) {
    await quietly(
      state,
      'MediaStateChanged',
      ctx.clients
        .groupExcept(group, [connectionId])
        .send('MediaStateChanged', { peerId, ...participant.media }),
    );
  }
  for (const queued of plan.queued) {
    await ctx.clients.caller.send(
      'ReceiveSignal',
      queued.fromPeerId,
      queued.signal as SignalingEvents['ReceiveSignal'][1],
    );
  }

  const outcome = plan.kind === 'new' ? 'joined' : plan.kind === 'takeover' ? 'resumed' : 'restored';
  state.metrics.join(outcome);
  state.deps.logger.info({ sessionId, peerId, outcome, guest: isGuest }, 'signaling: participant joined');
  return {
    sessionId,
    peerId,
    username: participant.username,
    peers: others.map(toPeerInfo),
    iceServers,
    resumeToken,
    resumed: resuming,
  };
}

interface JoinRequest {
  connectionId: string;
  session: SessionRecord;
  peerId: string;
  username: string;
  userId: string | null;
  principal: string;
  media: Partial<MediaState> | undefined;
  resuming: boolean;
}

/** The synchronous section of a join: re-checks everything and updates presence. */
function decide(state: SignalingState, req: JoinRequest): JoinPlan {
  const { presence } = state;
  if (state.closing || !state.liveConnections.has(req.connectionId)) {
    throw new SignalingError(ErrorCode.SIGNALING_DISCONNECTED, 'the connection closed during the join');
  }
  const sessionId = req.session.id;
  const existing = presence.get(req.peerId);
  if (existing && (existing.sessionId !== sessionId || existing.principal !== req.principal)) {
    throw new SignalingError(ErrorCode.SIGNALING_RESUME_REJECTED, 'this participant cannot be resumed');
  }
  const current = presence.byConnection(req.connectionId);
  const leaving = current && current.peerId !== req.peerId ? current : undefined;
  if (!existing) {
    const present = presence.count(sessionId) - (leaving?.sessionId === sessionId ? 1 : 0);
    if (present >= req.session.maxParticipants) {
      throw new SignalingError(
        ErrorCode.SESSION_FULL,
        `session "${sessionId}" is full (${req.session.maxParticipants} participants)`,
      );
    }
  }
  // A connection is in one session at a time: joining elsewhere leaves the first (notified by the caller).
  if (leaving) dropParticipant(state, leaving, 'left');

  const now = Date.now();
  if (existing) {
    const previousConnection = existing.connectionId;
    presence.attach(existing.peerId, req.connectionId);
    const queue = endGrace(state, existing.peerId);
    existing.lastSeen = now;
    const before = existing.media;
    if (req.media) existing.media = { ...existing.media, ...req.media };
    const mediaChanged =
      before.audio !== existing.media.audio ||
      before.video !== existing.media.video ||
      before.screen !== existing.media.screen;
    if (previousConnection !== null && previousConnection !== req.connectionId) {
      state.deps.logger.debug({ sessionId, peerId: existing.peerId }, 'signaling: connection taken over');
    }
    return {
      participant: existing,
      kind: 'takeover',
      left: leaving,
      detachedConnection:
        previousConnection !== null && previousConnection !== req.connectionId ? previousConnection : null,
      queued: queue?.drain() ?? [],
      mediaChanged,
    };
  }

  const participant: Participant = {
    sessionId,
    peerId: req.peerId,
    username: req.username,
    userId: req.userId,
    principal: req.principal,
    joinedAt: new Date(now).toISOString(),
    media: { ...NO_MEDIA, ...req.media },
    connectionId: req.connectionId,
    lastSeen: now,
  };
  presence.add(participant);
  return {
    participant,
    kind: req.resuming ? 'restored' : 'new',
    left: leaving,
    detachedConnection: null,
    queued: [],
    mediaChanged: false,
  };
}
