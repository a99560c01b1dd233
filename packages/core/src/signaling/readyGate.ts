import type { SmaRTCError } from '../errors.js';

interface Waiter {
  resolve(): void;
  reject(error: SmaRTCError): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Lets calls made while the client is reconnecting wait (bounded) for it to be connected and
 * rejoined again. Waiters are internal, so they never show up in the client's `listenerCount()`.
 *
 * @example
 * const gate = new ReadyGate();
 * await gate.wait(10_000, () => new SignalingError('SIGNALING_DISCONNECTED'));
 * // elsewhere: gate.open() once rejoined, gate.fail(error) once disconnected
 */
export class ReadyGate {
  readonly #waiters = new Set<Waiter>();

  /** Waiting calls. */
  get size(): number {
    return this.#waiters.size;
  }

  /** Resolves on `open()`, rejects on `fail()` or with `onTimeout()` after `timeoutMs`. */
  wait(timeoutMs: number, onTimeout: () => SmaRTCError): Promise<void> {
    if (timeoutMs <= 0) return Promise.reject(onTimeout());
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.delete(waiter);
          reject(onTimeout());
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  /** Releases every waiter. */
  open(): void {
    for (const waiter of this.#take()) waiter.resolve();
  }

  /** Fails every waiter with `error`. */
  fail(error: SmaRTCError): void {
    for (const waiter of this.#take()) waiter.reject(error);
  }

  #take(): Waiter[] {
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const waiter of waiters) clearTimeout(waiter.timer);
    return waiters;
  }
}
