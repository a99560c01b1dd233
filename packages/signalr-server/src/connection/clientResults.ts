import { writeMessage } from '../protocol/jsonHubProtocol.js';
import type { CompletionMessage } from '../protocol/messages.js';

/** Options of a server→client invocation that awaits the client's result. */
export interface InvokeClientOptions {
  /** Rejects the call when aborted (the client's late answer is then ignored). */
  readonly signal?: AbortSignal;
}

interface PendingResult {
  resolve(value: unknown): void;
  reject(error: Error): void;
  cleanup(): void;
}

/**
 * Client results: the server invokes a client method with a server-chosen invocation id and
 * awaits the client's Completion. Ids are `s0`, `s1`, … (a separate id space from the client's).
 */
export class ClientResults {
  readonly #pending = new Map<string, PendingResult>();
  #nextId = 0;

  /** Serialises the invocation and registers its pending result. Throws if args are not JSON. */
  create(target: string, args: readonly unknown[], options: InvokeClientOptions = {}) {
    const invocationId = `s${this.#nextId++}`;
    const record = writeMessage.invocation(target, args, invocationId);
    const result = new Promise<unknown>((resolve, reject) => {
      const onAbort = () => {
        this.#pending.delete(invocationId);
        reject(options.signal?.reason ?? new Error('The client invocation was canceled.'));
      };
      if (options.signal?.aborted) {
        onAbort();
        return;
      }
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(invocationId, {
        resolve,
        reject,
        cleanup: () => options.signal?.removeEventListener('abort', onAbort),
      });
    });
    return { invocationId, record, result };
  }

  /** Settles the call a client Completion answers; false when the id is not ours. */
  complete(message: CompletionMessage): boolean {
    const pending = this.#pending.get(message.invocationId);
    if (!pending) return false;
    this.#pending.delete(message.invocationId);
    pending.cleanup();
    if (message.error !== undefined) pending.reject(new Error(message.error));
    else pending.resolve(message.result);
    return true;
  }

  /** Forgets a call whose invocation could not be sent. */
  cancel(invocationId: string, error: Error): void {
    const pending = this.#pending.get(invocationId);
    if (!pending) return;
    this.#pending.delete(invocationId);
    pending.cleanup();
    pending.reject(error);
  }

  /** The connection closed: every pending call fails. */
  rejectAll(error: Error): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const call of pending) {
      call.cleanup();
      call.reject(error);
    }
  }
}
