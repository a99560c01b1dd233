/** Bytes a connection may have queued for a slow client before it is aborted. */
export const MAX_QUEUED_BYTES = 8 * 1024 * 1024;

/** Where the queue writes one payload (a transport's `write`). */
export type PayloadSink = (payload: string) => Promise<void>;

/**
 * Per-connection serialised send queue. Records are written in order; records queued while a
 * write is in flight (or in the same tick) are joined into one payload, so a payload always
 * carries whole records. A failed write or an overflow is reported once through `onError`
 * and the queue stops.
 */
export class SendQueue {
  readonly #onError: (error: Error) => void;
  #sink: PayloadSink | undefined;
  #records: string[] = [];
  #queuedLength = 0;
  #writing = false;
  #failed = false;
  #idleWaiters: Array<() => void> = [];
  #lastWriteAt: number;

  constructor(onError: (error: Error) => void, now: number = Date.now()) {
    this.#onError = onError;
    this.#lastWriteAt = now;
  }

  /** Time of the last write handed to the transport (drives keep-alive pings). */
  get lastWriteAt(): number {
    return this.#lastWriteAt;
  }

  /** Characters queued and not yet handed to the transport. */
  get queuedLength(): number {
    return this.#queuedLength;
  }

  /** Connects the transport; records queued before are written now. */
  attach(sink: PayloadSink): void {
    this.#sink = sink;
    this.#schedule();
  }

  /** Queues one serialised record. Returns false when the queue no longer accepts data. */
  enqueue(record: string): boolean {
    if (this.#failed) return false;
    this.#queuedLength += record.length;
    if (this.#queuedLength > MAX_QUEUED_BYTES) {
      this.#fail(new Error('The send queue overflowed; the client is not reading.'));
      return false;
    }
    this.#records.push(record);
    this.#schedule();
    return true;
  }

  /** Resolves when everything queued so far was written (or the queue failed). */
  flush(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Drops queued records and refuses new ones. */
  stop(): void {
    this.#failed = true;
    this.#records = [];
    this.#queuedLength = 0;
    this.#notifyIdle();
  }

  #isIdle(): boolean {
    return this.#failed || (!this.#writing && this.#records.length === 0) || this.#sink === undefined;
  }

  #schedule(): void {
    if (this.#writing || this.#sink === undefined || this.#records.length === 0) return;
    this.#writing = true;
    queueMicrotask(() => void this.#drain());
  }

  async #drain(): Promise<void> {
    const sink = this.#sink;
    try {
      while (sink && !this.#failed && this.#records.length > 0) {
        const payload = this.#records.length === 1 ? this.#records[0]! : this.#records.join('');
        this.#records = [];
        this.#queuedLength = 0;
        this.#lastWriteAt = Date.now();
        await sink(payload);
      }
    } catch (error) {
      this.#fail(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.#writing = false;
      this.#notifyIdle();
    }
  }

  #fail(error: Error): void {
    if (this.#failed) return;
    this.stop();
    this.#onError(error);
  }

  #notifyIdle(): void {
    if (!this.#isIdle()) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
