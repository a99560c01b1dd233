/** How many times in a row one peer's connection is rebuilt after failed negotiations before it is given up. */
export const MAX_NEGOTIATION_REBUILDS = 3;

/**
 * Decides what to do when a negotiation step of a peer connection fails (a remote description that cannot be
 * applied, an offer that cannot be made). Such a connection can be stuck for good, e.g. in `have-local-offer`
 * waiting for an answer that was refused, which neither ICE restarts (they need `stable`) nor the other side
 * can undo. The cure is a fresh RTCPeerConnection under a new generation, which makes the other side rebuild
 * its own when our first offer arrives; after {@link MAX_NEGOTIATION_REBUILDS} rebuilds without reaching
 * `connected`, the peer is given up (`PEER_CONNECTION_FAILED`).
 *
 * @example
 * const recovery = new NegotiationRecovery();
 * if (recovery.failed(peerId) === 'rebuild') rebuild(peerId); else giveUp(peerId);
 * recovery.connected(peerId); // the counter starts again
 */
export class NegotiationRecovery {
  readonly #rebuilds = new Map<string, number>();
  readonly #max: number;

  constructor(maxRebuilds = MAX_NEGOTIATION_REBUILDS) {
    this.#max = maxRebuilds;
  }

  /** A negotiation of `peerId` failed: rebuild its connection, or give it up. */
  failed(peerId: string): 'rebuild' | 'give-up' {
    const count = (this.#rebuilds.get(peerId) ?? 0) + 1;
    this.#rebuilds.set(peerId, count);
    return count > this.#max ? 'give-up' : 'rebuild';
  }

  /** `peerId` connected: later failures start a new series. */
  connected(peerId: string): void {
    this.#rebuilds.delete(peerId);
  }

  /** Forgets `peerId` (left), or everyone. */
  forget(peerId?: string): void {
    if (peerId === undefined) this.#rebuilds.clear();
    else this.#rebuilds.delete(peerId);
  }
}
