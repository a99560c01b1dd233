/**
 * Signals addressed to a participant whose connection dropped, kept until it resumes.
 * Bounded by count and bytes; the oldest signals are dropped first (a fresh offer or
 * candidate matters more than a stale one).
 */

/** One queued signal. */
export interface QueuedSignal {
  fromPeerId: string;
  signal: unknown;
  bytes: number;
}

/** Limits of a {@link SignalQueue}. */
export interface SignalQueueLimits {
  maxSignals: number;
  maxBytes: number;
}

/** Default bounds: 64 signals or 256 KiB per waiting participant. */
export const DEFAULT_SIGNAL_QUEUE_LIMITS: Readonly<SignalQueueLimits> = Object.freeze({
  maxSignals: 64,
  maxBytes: 256 * 1024,
});

/** A bounded FIFO of signals for one waiting participant. */
export class SignalQueue {
  readonly #limits: SignalQueueLimits;
  #items: QueuedSignal[] = [];
  #bytes = 0;
  #dropped = 0;

  constructor(limits: SignalQueueLimits = DEFAULT_SIGNAL_QUEUE_LIMITS) {
    this.#limits = limits;
  }

  get length(): number {
    return this.#items.length;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** How many signals were dropped to respect the bounds. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Appends a signal, dropping the oldest ones while a bound is exceeded. */
  push(item: QueuedSignal): void {
    this.#items.push(item);
    this.#bytes += item.bytes;
    while (
      this.#items.length > 0 &&
      (this.#items.length > this.#limits.maxSignals || this.#bytes > this.#limits.maxBytes)
    ) {
      const oldest = this.#items.shift()!;
      this.#bytes -= oldest.bytes;
      this.#dropped++;
    }
  }

  /** Removes and returns every queued signal, oldest first. */
  drain(): QueuedSignal[] {
    const items = this.#items;
    this.#items = [];
    this.#bytes = 0;
    return items;
  }
}
