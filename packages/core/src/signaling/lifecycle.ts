/**
 * Serialises lifecycle operations (connect, join, leave, disconnect, rejoin) and tells each one
 * whether it is still wanted. `supersede()` (called by `disconnect()` synchronously) starts a new
 * epoch: operations queued or running under an older epoch are stale, their in-flight awaits are
 * aborted through their `AbortSignal`, and whatever they resolve late must change nothing.
 */

/** The token of one queued operation. */
export interface Attempt {
  /** Increases with every operation. */
  readonly id: number;
  /** The epoch the operation was queued in. */
  readonly epoch: number;
  /** Aborted as soon as a later `supersede()` makes this operation stale. */
  readonly signal: AbortSignal;
  /** False once a later `supersede()` happened: the operation must not change state any more. */
  isCurrent(): boolean;
}

/**
 * A FIFO of async operations with epochs.
 *
 * @example
 * const lifecycle = new Lifecycle();
 * void lifecycle.run(async (attempt) => {
 *   await connect(attempt.signal);
 *   if (!attempt.isCurrent()) return; // a disconnect() came in meanwhile
 * });
 * lifecycle.supersede(); // what disconnect() does first
 */
export class Lifecycle {
  #tail: Promise<unknown> = Promise.resolve();
  #epoch = 0;
  #ids = 0;
  #controller = new AbortController();
  #pending = 0;

  /** The current epoch. */
  get epoch(): number {
    return this.#epoch;
  }

  /** Operations queued or running. */
  get pending(): number {
    return this.#pending;
  }

  /**
   * Makes every operation queued or running so far stale and aborts their signal.
   * Returns the new epoch.
   */
  supersede(reason?: unknown): number {
    this.#epoch += 1;
    const previous = this.#controller;
    this.#controller = new AbortController();
    previous.abort(reason);
    return this.#epoch;
  }

  /**
   * Runs `task` after every operation queued before it has settled (whatever their outcome).
   * `task` receives its {@link Attempt}; when it starts already stale and `onStale` is given,
   * `onStale()` is returned instead of running it.
   */
  run<T>(task: (attempt: Attempt) => Promise<T>, onStale?: () => T | Promise<T>): Promise<T> {
    const epoch = this.#epoch;
    const controller = this.#controller;
    const attempt: Attempt = {
      id: ++this.#ids,
      epoch,
      signal: controller.signal,
      isCurrent: () => this.#epoch === epoch,
    };
    this.#pending += 1;
    const result = this.#tail.then(() => {
      if (!attempt.isCurrent() && onStale) return onStale();
      return task(attempt);
    });
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tail = settled;
    void settled.then(() => {
      this.#pending -= 1;
    });
    return result;
  }

  /** Resolves once everything queued so far has settled. */
  idle(): Promise<void> {
    return this.#tail.then(() => undefined);
  }
}
