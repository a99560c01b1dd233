/**
 * The SmaRTC signaling hub (`/signalhub`): `createSignaling(deps)` builds the SignalR hub and the
 * handle the REST app uses (participants, endSession, removeUser, close).
 */
import { HUB_PATH, Limits, type ParticipantDto } from '@smartc/protocol';
import { SignalRHub, type SignalRHubOptions } from '@smartc/signalr-server';
import { createAuthenticate } from './authenticate.js';
import type { HubPrincipal, Signaling, SignalingDeps } from './deps.js';
import { createHubDefinition } from './hubDefinition.js';
import { createSignalingMetrics } from './metrics.js';
import { InMemoryPresenceStore, type PresenceStore, toParticipantDto } from './presence.js';
import { createResumeTokens } from './resumeTokens.js';
import { DEFAULT_SIGNAL_QUEUE_LIMITS, type SignalQueueLimits } from './signalQueue.js';
import {
  announceLeft,
  dropParticipant,
  endGrace,
  quietly,
  removeParticipant,
  type SignalingEvents,
  type SignalingState,
  sessionGroup,
  userLeftEvent,
} from './state.js';

export type { HubPrincipal, SessionRecord, Signaling, SignalingConfig, SignalingDeps } from './deps.js';
export { SignalingError } from './errors.js';
export { SignalingMetricName } from './metrics.js';
export { InMemoryPresenceStore, type Participant, type PresenceStore } from './presence.js';
export type { SignalingEvents } from './state.js';

/** Options beyond {@link SignalingDeps} (mostly for tests and scale-out). */
export interface SignalingOptions {
  /** Presence storage. Default: in-memory. */
  presence?: PresenceStore;
  /** Bounds of the per-peer signal queue while a peer waits for a resume. Default 64 signals / 256 KiB. */
  signalQueue?: SignalQueueLimits;
  /** Extra options for the SignalR hub (timeouts, transports, CORS). */
  hubOptions?: Partial<
    Pick<
      SignalRHubOptions<HubPrincipal, SignalingEvents>,
      'transports' | 'keepAliveIntervalMs' | 'clientTimeoutMs' | 'cors' | 'lifetimeManager'
    >
  >;
}

/**
 * Creates the signaling hub over the given dependencies.
 *
 * @example
 * ```ts
 * const signaling = createSignaling(deps);
 * server.on('request', (req, res) => signaling.hub.handleRequest(req, res) || app(req, res));
 * server.on('upgrade', (req, socket, head) => signaling.hub.handleUpgrade(req, socket, head) || socket.destroy());
 * ```
 */
export function createSignaling(deps: SignalingDeps, options: SignalingOptions = {}): Signaling {
  const presence = options.presence ?? new InMemoryPresenceStore();
  let hub: SignalRHub<SignalingEvents, HubPrincipal> | undefined;
  const state: SignalingState = {
    deps,
    presence,
    tokens: createResumeTokens({ key: deps.resumeTokenKey, ttlSeconds: deps.config.resumeTokenTtlSeconds }),
    metrics: createSignalingMetrics(deps.metrics, {
      connections: () => hub?.connectionCount ?? 0,
      participants: () => presence.size,
    }),
    queueLimits: options.signalQueue ?? DEFAULT_SIGNAL_QUEUE_LIMITS,
    queues: new Map(),
    graceTimers: new Map(),
    liveConnections: new Set(),
    // The hub is created below from this state; the outlet reads it lazily.
    outlet: {
      get clients() {
        return hub!.clients;
      },
      get groups() {
        return hub!.groups;
      },
    },
    closing: false,
  };
  const authenticate = createAuthenticate(deps);
  hub = new SignalRHub<SignalingEvents, HubPrincipal>({
    ...options.hubOptions,
    path: HUB_PATH,
    hub: createHubDefinition(state),
    authenticate: (token) => authenticate(token),
    maxMessageSize: Limits.hubMessageMaxBytes,
    logger: deps.logger,
  });
  const signalrHub = hub;

  return {
    hub: signalrHub,
    participants(sessionId: string): ParticipantDto[] {
      return presence.list(sessionId).map(toParticipantDto);
    },
    async endSession(sessionId: string): Promise<void> {
      const participants = presence.list(sessionId).map((p) => ({ p, connectionId: p.connectionId }));
      for (const { p } of participants) dropParticipant(state, p, 'session-ended');
      const group = sessionGroup(sessionId);
      const { clients } = signalrHub;
      await quietly(state, 'SessionEnded', clients.group(group).send('SessionEnded', { sessionId }));
      for (const { p, connectionId } of participants) {
        const others = clients.groupExcept(group, connectionId === null ? [] : [connectionId]);
        await quietly(state, 'UserLeft', others.send('UserLeft', userLeftEvent(p, 'session-ended')));
      }
      await Promise.all(
        participants.map(({ p, connectionId }) => announceLeft(state, p, connectionId, null)),
      );
    },
    async removeUser(sessionId: string, userId: string): Promise<void> {
      for (const p of presence.list(sessionId)) {
        if (p.userId === userId) await removeParticipant(state, p, 'left');
      }
    },
    async close(): Promise<void> {
      state.closing = true;
      for (const peerId of [...state.graceTimers.keys()]) endGrace(state, peerId);
      await signalrHub.close({ allowReconnect: true });
      presence.clear();
      state.queues.clear();
      state.liveConnections.clear();
    },
  };
}
