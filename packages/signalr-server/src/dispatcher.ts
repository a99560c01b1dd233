import { InvocationLimiter } from './connection/invocationLimiter.js';
import { UploadStream } from './connection/uploadStream.js';
import { buildErrorMessage, errorMessage, ProtocolError } from './errors.js';
import type { ResolvedHubOptions, ResolvedMethod } from './options.js';
import { writeMessage } from './protocol/jsonHubProtocol.js';
import type {
  CompletionMessage,
  HubMessage,
  InvocationMessage,
  StreamInvocationMessage,
  StreamItemMessage,
} from './protocol/messages.js';
import { MessageType } from './protocol/messageType.js';
import type { HubInvocationContext } from './types.js';

/** Queued bytes above which a streaming method waits for the transport before producing more. */
const STREAM_BACKPRESSURE_BYTES = 256 * 1024;

/** What the dispatcher needs from its connection. */
export interface DispatcherHost<TUser> {
  readonly options: ResolvedHubOptions<TUser>;
  readonly connectionId: string;
  /** Aborted when the connection closes. */
  readonly signal: AbortSignal;
  readonly queuedBytes: number;
  send(record: string): void;
  flush(): Promise<void>;
  createContext(signal: AbortSignal): HubInvocationContext<TUser>;
  /** Closes the connection because the client broke the protocol or a limit. */
  fail(error: Error): void;
  /** A Completion that is not an upload stream's: maybe the answer to a client-result call. */
  completeClientResult(message: CompletionMessage): boolean;
}

type Invocation = InvocationMessage | StreamInvocationMessage;

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'
  );
}

/** Rejects when `signal` aborts, so a stalled stream can still be cancelled. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Per-connection dispatch of hub messages: looks up targets, checks arguments, runs methods
 * (bounded parallelism), streams results, feeds upload streams and answers failures with
 * error Completions (the connection stays up).
 */
export class Dispatcher<TUser> {
  readonly #host: DispatcherHost<TUser>;
  readonly #limiter: InvocationLimiter;
  /** Invocation ids in use; streams keep the controller that cancels them (plain invocations cannot be cancelled). */
  readonly #active = new Map<string, AbortController | null>();
  readonly #uploads = new Map<string, UploadStream>();

  constructor(host: DispatcherHost<TUser>) {
    this.#host = host;
    this.#limiter = new InvocationLimiter(host.options.maxParallelInvocationsPerClient);
  }

  handle(message: HubMessage): void {
    switch (message.type) {
      case MessageType.Invocation:
      case MessageType.StreamInvocation:
        this.#invoke(message);
        return;
      case MessageType.StreamItem:
        this.#streamItem(message);
        return;
      case MessageType.Completion:
        this.#completion(message);
        return;
      case MessageType.CancelInvocation:
        this.#active.get(message.invocationId)?.abort(new Error('The invocation was canceled.'));
        return;
      default:
        return;
    }
  }

  /** The connection closed: ends upload streams and lets queued invocations drain out. */
  dispose(): void {
    for (const stream of this.#uploads.values()) stream.complete('The connection was closed.');
    this.#uploads.clear();
    this.#limiter.releaseAll();
  }

  #streamItem(message: StreamItemMessage): void {
    const stream = this.#uploads.get(message.invocationId);
    if (!stream) {
      this.#host.options.logger.debug({ streamId: message.invocationId }, 'stream item for unknown stream');
      return;
    }
    if (!stream.push(message.item)) {
      this.#host.fail(
        new ProtocolError('The client sent stream items faster than the hub method reads them.'),
      );
    }
  }

  #completion(message: CompletionMessage): void {
    const stream = this.#uploads.get(message.invocationId);
    if (!stream) {
      if (!this.#host.completeClientResult(message)) {
        this.#host.options.logger.debug({ invocationId: message.invocationId }, 'completion for unknown id');
      }
      return;
    }
    this.#uploads.delete(message.invocationId);
    stream.complete(message.error);
  }

  #sendError(invocationId: string | undefined, error: string): void {
    if (invocationId !== undefined) this.#host.send(writeMessage.error(invocationId, error));
  }

  #invoke(message: Invocation): void {
    const { invocationId: id, target } = message;
    const isStreamCall = message.type === MessageType.StreamInvocation;
    if (id !== undefined && this.#active.has(id)) {
      this.#sendError(id, `Invocation ID '${id}' is already in use.`);
      return;
    }
    const method = this.#host.options.methods.get(target);
    const failure = this.#validate(message, method, isStreamCall);
    if (failure !== undefined || !method) {
      this.#host.options.logger.debug(
        { connectionId: this.#host.connectionId, target },
        'invocation rejected',
      );
      this.#sendError(id, failure ?? `Unknown hub method '${target}'`);
      return;
    }
    const streams = (message.streamIds ?? []).map((streamId) => {
      const stream = new UploadStream();
      this.#uploads.set(streamId, stream);
      return stream;
    });
    // Only streams can be cancelled one by one (CancelInvocation); a plain invocation ends with its
    // connection, so it shares the connection's signal instead of paying for a combined one per call.
    const controller = isStreamCall ? new AbortController() : null;
    const signal = controller ? AbortSignal.any([controller.signal, this.#host.signal]) : this.#host.signal;
    if (id !== undefined) this.#active.set(id, controller);
    const args = [...message.arguments, ...streams];
    const done = () => {
      if (id !== undefined && this.#active.get(id) === controller) this.#active.delete(id);
      for (const streamId of message.streamIds ?? []) this.#uploads.delete(streamId);
    };
    if (isStreamCall) {
      void this.#runStream(method, id as string, args, signal).finally(done);
      return;
    }
    if (!this.#limiter.canAccept) {
      done();
      this.#host.fail(new ProtocolError('Too many invocations are waiting.'));
      return;
    }
    void this.#limiter.run(() => this.#runInvocation(method, id, args, signal)).finally(done);
  }

  #validate(message: Invocation, method: ResolvedMethod<TUser> | undefined, isStreamCall: boolean) {
    const { target } = message;
    if (!method) return `Unknown hub method '${target}'`;
    if (isStreamCall && !method.streaming) {
      return `The client attempted to invoke the non-streaming '${target}' method with a streaming invocation.`;
    }
    if (!isStreamCall && method.streaming) {
      return `The client attempted to invoke the streaming '${target}' method with a non-streaming invocation.`;
    }
    const count = message.arguments.length + (message.streamIds?.length ?? 0);
    if (count < method.minArgs || count > method.maxArgs) {
      const expected =
        method.minArgs === method.maxArgs ? `${method.minArgs}` : `${method.minArgs}-${method.maxArgs}`;
      return buildErrorMessage(
        `Failed to invoke '${target}' due to an error on the server.`,
        new ProtocolError(`Invocation provides ${count} argument(s) but target expects ${expected}.`),
        this.#host.options.detailedErrors,
      );
    }
    if (new Set(message.streamIds ?? []).size !== (message.streamIds?.length ?? 0)) {
      return `Failed to invoke '${target}' due to an error on the server.`;
    }
    return undefined;
  }

  async #runInvocation(
    method: ResolvedMethod<TUser>,
    id: string | undefined,
    args: unknown[],
    signal: AbortSignal,
  ): Promise<void> {
    if (this.#host.signal.aborted) return;
    const { detailedErrors, logger } = this.#host.options;
    let result: unknown;
    try {
      result = await method.handler(this.#host.createContext(signal), ...args);
    } catch (error) {
      logger.warn(
        { connectionId: this.#host.connectionId, target: method.name, err: errorMessage(error) },
        'hub method failed',
      );
      const text = `An unexpected error occurred invoking '${method.name}' on the server.`;
      this.#sendError(id, buildErrorMessage(text, error, detailedErrors));
      return;
    }
    if (id === undefined) return;
    let record: string;
    try {
      record = writeMessage.result(id, result);
    } catch (error) {
      const text = `An unexpected error occurred invoking '${method.name}' on the server.`;
      record = writeMessage.error(id, buildErrorMessage(text, error, detailedErrors));
    }
    this.#host.send(record);
  }

  async #runStream(
    method: ResolvedMethod<TUser>,
    id: string,
    args: unknown[],
    signal: AbortSignal,
  ): Promise<void> {
    const { detailedErrors, logger } = this.#host.options;
    let iterable: unknown;
    try {
      iterable = await method.handler(this.#host.createContext(signal), ...args);
      if (!isAsyncIterable(iterable))
        throw new TypeError('A streaming hub method must return an AsyncIterable.');
    } catch (error) {
      const text = `An unexpected error occurred invoking '${method.name}' on the server.`;
      this.#sendError(id, buildErrorMessage(text, error, detailedErrors));
      return;
    }
    const iterator = iterable[Symbol.asyncIterator]();
    const aborted = untilAborted(signal);
    aborted.catch(() => {});
    let finished = false;
    try {
      while (!signal.aborted) {
        const next = await Promise.race([iterator.next(), aborted]);
        if (next.done) {
          finished = true;
          break;
        }
        this.#host.send(writeMessage.streamItem(id, next.value));
        if (this.#host.queuedBytes > STREAM_BACKPRESSURE_BYTES) await this.#host.flush();
      }
      this.#host.send(writeMessage.empty(id));
    } catch (error) {
      if (signal.aborted) {
        this.#host.send(writeMessage.empty(id));
      } else {
        logger.warn({ connectionId: this.#host.connectionId, target: method.name }, 'hub stream failed');
        const text = 'An error occurred on the server while streaming results.';
        this.#host.send(writeMessage.error(id, buildErrorMessage(text, error, detailedErrors)));
        finished = true;
      }
    } finally {
      if (!finished) void Promise.resolve(iterator.return?.()).catch(() => {});
    }
  }
}
