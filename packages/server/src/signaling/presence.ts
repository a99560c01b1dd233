/**
 * Who is in which session. The hub keeps presence behind {@link PresenceStore} so a shared
 * (e.g. Redis-replicated) store can replace the in-memory one when the server scales out.
 */
import type { MediaState, ParticipantDto } from '@smartc/protocol';

/** One participant of a session. Lives from its first join until it leaves or its grace expires. */
export interface Participant {
  readonly sessionId: string;
  /** Stable, unguessable id other peers address signals to. */
  readonly peerId: string;
  /** Display name: the account username, or the guest's chosen name. */
  readonly username: string;
  /** `null` for guests. */
  readonly userId: string | null;
  /** Who may resume this participant: `user:<id>` or `guest:<name>`. */
  readonly principal: string;
  readonly joinedAt: string;
  media: MediaState;
  /** The SignalR connection currently attached, or `null` while the participant waits for a resume. */
  connectionId: string | null;
  /** `Date.now()` of the last call or heartbeat. */
  lastSeen: number;
}

/** Storage of participants, indexed by peerId, session and attached connection. */
export interface PresenceStore {
  /** Adds a participant (replacing one with the same peerId). */
  add(participant: Participant): void;
  get(peerId: string): Participant | undefined;
  /** The participant attached to this SignalR connection, if any. */
  byConnection(connectionId: string): Participant | undefined;
  /** Participants of a session, in join order (including those waiting for a resume). */
  list(sessionId: string): Participant[];
  count(sessionId: string): number;
  /** Attaches a connection (or detaches with `null`), keeping the connection index in step. */
  attach(peerId: string, connectionId: string | null): void;
  /** Removes a participant; returns it if it was present. */
  remove(peerId: string): Participant | undefined;
  /** Every session id with at least one participant. */
  sessionIds(): string[];
  /** Total number of participants. */
  readonly size: number;
  clear(): void;
}

/** The default, single-process {@link PresenceStore}. */
export class InMemoryPresenceStore implements PresenceStore {
  readonly #peers = new Map<string, Participant>();
  readonly #sessions = new Map<string, Set<string>>();
  readonly #connections = new Map<string, string>();

  get size(): number {
    return this.#peers.size;
  }

  add(participant: Participant): void {
    this.remove(participant.peerId);
    this.#peers.set(participant.peerId, participant);
    let peers = this.#sessions.get(participant.sessionId);
    if (!peers) {
      peers = new Set();
      this.#sessions.set(participant.sessionId, peers);
    }
    peers.add(participant.peerId);
    if (participant.connectionId !== null) this.#bind(participant.connectionId, participant.peerId);
  }

  get(peerId: string): Participant | undefined {
    return this.#peers.get(peerId);
  }

  byConnection(connectionId: string): Participant | undefined {
    const peerId = this.#connections.get(connectionId);
    return peerId === undefined ? undefined : this.#peers.get(peerId);
  }

  list(sessionId: string): Participant[] {
    const peers = this.#sessions.get(sessionId);
    if (!peers) return [];
    return [...peers].map((peerId) => this.#peers.get(peerId)).filter((p): p is Participant => !!p);
  }

  count(sessionId: string): number {
    return this.#sessions.get(sessionId)?.size ?? 0;
  }

  attach(peerId: string, connectionId: string | null): void {
    const participant = this.#peers.get(peerId);
    if (!participant) return;
    if (participant.connectionId !== null && this.#connections.get(participant.connectionId) === peerId) {
      this.#connections.delete(participant.connectionId);
    }
    participant.connectionId = connectionId;
    if (connectionId !== null) this.#bind(connectionId, peerId);
  }

  remove(peerId: string): Participant | undefined {
    const participant = this.#peers.get(peerId);
    if (!participant) return undefined;
    this.#peers.delete(peerId);
    const peers = this.#sessions.get(participant.sessionId);
    peers?.delete(peerId);
    if (peers?.size === 0) this.#sessions.delete(participant.sessionId);
    if (participant.connectionId !== null && this.#connections.get(participant.connectionId) === peerId) {
      this.#connections.delete(participant.connectionId);
    }
    return participant;
  }

  sessionIds(): string[] {
    return [...this.#sessions.keys()];
  }

  clear(): void {
    this.#peers.clear();
    this.#sessions.clear();
    this.#connections.clear();
  }

  /** A connection carries at most one participant: binding it elsewhere detaches the previous one. */
  #bind(connectionId: string, peerId: string): void {
    const previous = this.#connections.get(connectionId);
    if (previous !== undefined && previous !== peerId) {
      const other = this.#peers.get(previous);
      if (other) other.connectionId = null;
    }
    this.#connections.set(connectionId, peerId);
  }
}

/** The REST view of a participant. */
export function toParticipantDto(participant: Participant): ParticipantDto {
  return {
    peerId: participant.peerId,
    username: participant.username,
    userId: participant.userId,
    joinedAt: participant.joinedAt,
  };
}
