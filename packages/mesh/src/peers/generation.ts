let last = 0;

/**
 * A new peer-connection generation: strictly increasing within this process and seeded from the
 * clock, so a restarted app does not reuse the numbers of its previous run.
 *
 * @example
 * const gen = nextGeneration(); // tag every signal of this connection with it
 */
export function nextGeneration(): number {
  last = Math.max(last + 1, Date.now());
  return last;
}

/** Verdict of {@link GenerationFilter.check}. */
export type GenerationVerdict = 'current' | 'stale' | 'newer';

/**
 * Which remote generation a connection talks to. The first tagged signal binds it; older
 * generations are stale; a newer one means the remote rebuilt its connection. Untagged signals
 * (other SDKs) are always `current`.
 */
export class GenerationFilter {
  #bound: number | undefined;

  constructor(bound?: number) {
    this.#bound = bound;
  }

  /** The remote generation this connection is bound to, if any yet. */
  get bound(): number | undefined {
    return this.#bound;
  }

  /** Classifies `gen` and binds it when nothing is bound yet. */
  check(gen: number | undefined): GenerationVerdict {
    if (gen === undefined) return 'current';
    if (this.#bound === undefined) {
      this.#bound = gen;
      return 'current';
    }
    if (gen < this.#bound) return 'stale';
    return gen > this.#bound ? 'newer' : 'current';
  }

  /** Binds a newer generation: the remote rebuilt its connection (e.g. to answer our newer offer). */
  rebind(gen: number): void {
    if (this.#bound === undefined || gen > this.#bound) this.#bound = gen;
  }
}
