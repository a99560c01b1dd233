import { createCallerClients } from '../clientProxies.js';
import { Dispatcher } from '../dispatcher.js';
import { errorMessage } from '../errors.js';
import type { ResolvedHubOptions } from '../options.js';
import type { HubMessage } from '../protocol/messages.js';
import type {
  CallerClients,
  ClientEventMap,
  HubCallerContext,
  HubClients,
  HubGroups,
  HubInvocationContext,
  HubLifetimeManager,
  ManagedConnection,
} from '../types.js';
import { ClientResults, type InvokeClientOptions } from './clientResults.js';
import type { SendQueue } from './sendQueue.js';

/** Hub messages buffered while `onConnected` runs. */
const MAX_BACKLOG_MESSAGES = 1000;

/** What a session needs from its connection and hub. */
export interface HubSessionHost<TUser> {
  readonly connection: ManagedConnection;
  readonly options: ResolvedHubOptions<TUser>;
  readonly lifetimeManager: HubLifetimeManager;
  readonly clients: HubClients<ClientEventMap>;
  readonly groups: HubGroups;
  readonly caller: HubCallerContext<TUser>;
  readonly sendQueue: SendQueue;
  /** Aborted when the connection closes. */
  readonly signal: AbortSignal;
  /** Closes the connection because of `error` (protocol violation, failed hook). */
  fail(error: unknown): void;
}

/**
 * The hub side of a handshaken connection: lifetime-manager registration, `onConnected` /
 * `onDisconnected`, dispatch of hub messages (held back until `onConnected` finished) and
 * client results.
 */
export class HubSession<TUser> {
  readonly #host: HubSessionHost<TUser>;
  readonly #dispatcher: Dispatcher<TUser>;
  readonly #clientResults = new ClientResults();
  readonly #callerClients: CallerClients<ClientEventMap>;
  #backlog: HubMessage[] | undefined = [];
  #started: Promise<boolean> = Promise.resolve(false);

  constructor(host: HubSessionHost<TUser>) {
    this.#host = host;
    const { connection, sendQueue } = host;
    this.#callerClients = createCallerClients(host.clients, host.lifetimeManager, connection.connectionId);
    this.#dispatcher = new Dispatcher({
      options: host.options,
      connectionId: connection.connectionId,
      signal: host.signal,
      get queuedBytes() {
        return sendQueue.queuedLength;
      },
      send: (record) => sendQueue.enqueue(record),
      flush: () => sendQueue.flush(),
      createContext: (signal) => this.context(signal),
      fail: (error) => host.fail(error),
      completeClientResult: (message) => this.#clientResults.complete(message),
    });
  }

  /** Registers with the lifetime manager and runs `onConnected`, then releases held messages. */
  start(): void {
    this.#started = this.#start();
  }

  /** Dispatches a hub message (held back until `onConnected` finished). */
  handle(message: HubMessage): void {
    if (!this.#backlog) {
      this.#dispatcher.handle(message);
    } else if (this.#backlog.length < MAX_BACKLOG_MESSAGES) {
      this.#backlog.push(message);
    } else {
      this.#host.fail(new Error('Too many messages before the connection was ready.'));
    }
  }

  /** Invokes a client method and awaits its Completion. */
  invokeClient(target: string, args: readonly unknown[], options?: InvokeClientOptions): Promise<unknown> {
    let call: ReturnType<ClientResults['create']>;
    try {
      call = this.#clientResults.create(target, args, options);
    } catch (error) {
      return Promise.reject(error);
    }
    if (!this.#host.sendQueue.enqueue(call.record)) {
      this.#clientResults.cancel(
        call.invocationId,
        new Error('The connection could not send the invocation.'),
      );
    }
    return call.result;
  }

  /** The context a hub method or hook receives. */
  context(signal: AbortSignal): HubInvocationContext<TUser> {
    return { caller: this.#host.caller, clients: this.#callerClients, groups: this.#host.groups, signal };
  }

  /** The connection closed: stop dispatching, fail pending client results, run `onDisconnected`. */
  stop(error: Error | undefined, closedByClient: boolean): void {
    this.#backlog = undefined;
    this.#dispatcher.dispose();
    this.#clientResults.rejectAll(
      new Error(`Connection '${this.#host.connection.connectionId}' disconnected.`),
    );
    void this.#stop(error, closedByClient);
  }

  async #start(): Promise<boolean> {
    const { lifetimeManager, options, connection, signal } = this.#host;
    try {
      await lifetimeManager.onConnected(connection);
      if (signal.aborted) return true;
      await options.hub.onConnected?.(this.context(signal));
    } catch (error) {
      options.logger.warn(
        { connectionId: connection.connectionId, err: errorMessage(error) },
        'onConnected failed',
      );
      this.#host.fail(error);
      return true;
    }
    const backlog = this.#backlog ?? [];
    this.#backlog = undefined;
    for (const message of backlog) if (!signal.aborted) this.#dispatcher.handle(message);
    return true;
  }

  async #stop(error: Error | undefined, closedByClient: boolean): Promise<void> {
    const { lifetimeManager, options, connection, signal } = this.#host;
    const started = await this.#started;
    try {
      await lifetimeManager.onDisconnected(connection);
      if (started) await options.hub.onDisconnected?.(this.context(signal), error, { closedByClient });
    } catch (err) {
      options.logger.warn(
        { connectionId: connection.connectionId, err: errorMessage(err) },
        'onDisconnected failed',
      );
    }
  }
}
