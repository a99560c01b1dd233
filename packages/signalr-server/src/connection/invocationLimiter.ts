/** Invocations a client may have waiting for a slot before it is disconnected. */
export const MAX_WAITING_INVOCATIONS = 1024;

/** Runs at most `limit` tasks at once, the rest in arrival order (ASP.NET's parallel-invocation limit). */
export class InvocationLimiter {
  readonly #limit: number;
  #running = 0;
  #waiting: Array<() => void> = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Whether another task can be queued without exceeding the waiting cap. */
  get canAccept(): boolean {
    return this.#waiting.length < MAX_WAITING_INVOCATIONS;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#limit) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }

  /** Drops waiting tasks' turns (the connection is gone); they run and fail fast on the aborted signal. */
  releaseAll(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const resume of waiting) resume();
  }
}
