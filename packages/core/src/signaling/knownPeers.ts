import type { MediaState, PeerInfo, UserJoinedEvent, UserLeftEvent } from '@smartc/protocol';

/** Why a peer left, as the app sees it. */
export type PeerLeftReason = UserLeftEvent['reason'];

/** Callbacks of {@link KnownPeers}: what the app should be told. */
export interface KnownPeersListener {
  joined(peer: PeerInfo): void;
  left(peer: PeerInfo, reason: PeerLeftReason): void;
}

/**
 * The peers of the current session, kept from join results and hub events, so the app sees
 * each peer join once and leave once:
 * - a `UserJoined` for a known peerId (the compat announce after a join, or `resumed: true`
 *   after a server restart) only updates it;
 * - after a rejoin, known peers missing from the result are kept `graceMs` and reported as left
 *   only if they have not reappeared by then.
 *
 * @example
 * const peers = new KnownPeers({ joined: (p) => add(p), left: (p, why) => remove(p, why) }, 15_000);
 * peers.reset(joinResult.peers);
 * peers.userJoined(event); // no callback when event.peerId is already known
 */
export class KnownPeers {
  readonly #peers = new Map<string, PeerInfo>();
  readonly #pendingLeave = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #listener: KnownPeersListener;
  readonly #graceMs: number;

  constructor(listener: KnownPeersListener, graceMs: number) {
    this.#listener = listener;
    this.#graceMs = graceMs;
  }

  /** A snapshot of the known peers by peerId (peers in their grace window included). */
  snapshot(): Map<string, PeerInfo> {
    return new Map([...this.#peers].map(([id, peer]) => [id, clonePeer(peer)]));
  }

  has(peerId: string): boolean {
    return this.#peers.has(peerId);
  }

  get(peerId: string): PeerInfo | undefined {
    const peer = this.#peers.get(peerId);
    return peer && clonePeer(peer);
  }

  get size(): number {
    return this.#peers.size;
  }

  /** Peers waiting out their grace window after a rejoin. */
  get pendingCount(): number {
    return this.#pendingLeave.size;
  }

  /** A fresh join: these are the peers, silently (the app has them from the join result). */
  reset(peers: readonly PeerInfo[]): void {
    this.clear();
    for (const peer of peers) this.#peers.set(peer.peerId, clonePeer(peer));
  }

  /**
   * A rejoin after a reconnect: peers in `peers` are (still) here; new ones are announced;
   * known ones missing get `graceMs` to reappear before they are reported as left.
   */
  reconcile(peers: readonly PeerInfo[]): void {
    const present = new Set<string>();
    for (const peer of peers) {
      present.add(peer.peerId);
      this.#upsert(peer);
    }
    for (const peerId of this.#peers.keys()) {
      if (present.has(peerId) || this.#pendingLeave.has(peerId)) continue;
      const timer = setTimeout(() => this.#expire(peerId), this.#graceMs);
      // Never keep a Node process alive for this.
      (timer as { unref?: () => void }).unref?.();
      this.#pendingLeave.set(peerId, timer);
    }
  }

  /** A `UserJoined`: announced only when the peerId is new. */
  userJoined(event: UserJoinedEvent): void {
    this.#upsert({ peerId: event.peerId, username: event.username, media: event.media });
  }

  /** A `UserLeft`: reported once, for a known peer. */
  userLeft(event: UserLeftEvent): void {
    const peer = this.#peers.get(event.peerId);
    if (!peer) return;
    this.#remove(event.peerId);
    this.#listener.left(peer, event.reason);
  }

  /** A `MediaStateChanged`: returns false for an unknown peer. */
  updateMedia(peerId: string, media: MediaState): boolean {
    const peer = this.#peers.get(peerId);
    if (!peer) return false;
    peer.media = { ...media };
    return true;
  }

  /** Reports every known peer as left with `reason` (e.g. `session-ended`), then forgets them. */
  endAll(reason: PeerLeftReason): void {
    const peers = [...this.#peers.values()];
    this.clear();
    for (const peer of peers) this.#listener.left(peer, reason);
  }

  /** Forgets everything without telling anyone (leave, disconnect). */
  clear(): void {
    for (const timer of this.#pendingLeave.values()) clearTimeout(timer);
    this.#pendingLeave.clear();
    this.#peers.clear();
  }

  #upsert(peer: PeerInfo): void {
    const known = this.#peers.has(peer.peerId);
    this.#cancelPending(peer.peerId);
    this.#peers.set(peer.peerId, clonePeer(peer));
    if (!known) this.#listener.joined(clonePeer(peer));
  }

  #expire(peerId: string): void {
    const peer = this.#peers.get(peerId);
    this.#remove(peerId);
    if (peer) this.#listener.left(peer, 'disconnected');
  }

  #remove(peerId: string): void {
    this.#cancelPending(peerId);
    this.#peers.delete(peerId);
  }

  #cancelPending(peerId: string): void {
    const timer = this.#pendingLeave.get(peerId);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.#pendingLeave.delete(peerId);
  }
}

function clonePeer(peer: PeerInfo): PeerInfo {
  return { peerId: peer.peerId, username: peer.username, media: { ...peer.media } };
}
