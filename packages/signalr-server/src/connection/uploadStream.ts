/** Items a client may have sent ahead of the hub method reading them. */
export const UPLOAD_STREAM_CAPACITY = 1000;

interface Waiter {
  resolve(result: IteratorResult<unknown>): void;
  reject(error: Error): void;
}

/**
 * A client→server stream: StreamItems pushed by the dispatcher, read by one hub method
 * through `for await`. A Completion with an error makes the iteration throw it.
 */
export class UploadStream implements AsyncIterable<unknown> {
  #items: unknown[] = [];
  #waiter: Waiter | undefined;
  #done = false;
  #error: Error | undefined;

  /** Returns false when the reader is too far behind (the connection should be closed). */
  push(item: unknown): boolean {
    if (this.#done) return true;
    if (this.#waiter) {
      const waiter = this.#waiter;
      this.#waiter = undefined;
      waiter.resolve({ value: item, done: false });
      return true;
    }
    if (this.#items.length >= UPLOAD_STREAM_CAPACITY) return false;
    this.#items.push(item);
    return true;
  }

  /** Ends the stream, with an error when the client completed it with one. */
  complete(error?: string): void {
    if (this.#done) return;
    this.#done = true;
    if (error !== undefined) this.#error = new Error(error);
    const waiter = this.#waiter;
    this.#waiter = undefined;
    if (!waiter) return;
    if (this.#error) waiter.reject(this.#error);
    else waiter.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<unknown> {
    return {
      next: () => {
        if (this.#items.length > 0) return Promise.resolve({ value: this.#items.shift(), done: false });
        if (this.#done) {
          return this.#error
            ? Promise.reject(this.#error)
            : Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve, reject) => {
          this.#waiter = { resolve, reject };
        });
      },
      return: () => {
        this.#items = [];
        this.complete();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
