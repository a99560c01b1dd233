/**
 * Real `@microsoft/signalr` clients for the signaling integration tests, with every hub event
 * recorded so tests can assert exactly what each client received.
 */
import {
  HttpTransportType,
  type HubConnection,
  HubConnectionBuilder,
  type IHttpConnectionOptions,
  LogLevel,
} from '@microsoft/signalr';
import {
  type ErrorCode,
  HUB_PATH,
  HubEvent,
  type HubEvents,
  type HubMethods,
  type JoinOptions,
  type JoinResult,
  parseHubError,
} from '@smartc/protocol';

/** One event a client received. */
export interface ReceivedEvent<K extends keyof HubEvents = keyof HubEvents> {
  name: K;
  args: HubEvents[K];
}

/** Options of {@link connectClient}. */
export interface ClientOptions {
  token?: string;
  transport?: 'WebSockets' | 'ServerSentEvents' | 'LongPolling';
}

const TRANSPORTS = {
  WebSockets: HttpTransportType.WebSockets,
  ServerSentEvents: HttpTransportType.ServerSentEvents,
  LongPolling: HttpTransportType.LongPolling,
} as const;

/** A connected hub client that records every SmaRTC hub event it receives. */
export class TestClient {
  readonly events: ReceivedEvent[] = [];
  readonly #waiters = new Set<() => void>();

  constructor(readonly connection: HubConnection) {
    for (const name of Object.values(HubEvent)) {
      connection.on(name, (...args: unknown[]) => {
        this.events.push({ name, args } as ReceivedEvent);
        for (const wake of [...this.#waiters]) wake();
      });
    }
  }

  /** `JoinSession`. */
  join(sessionId: string, username: string, options?: JoinOptions): Promise<JoinResult> {
    return options === undefined
      ? this.connection.invoke('JoinSession', sessionId, username)
      : this.connection.invoke('JoinSession', sessionId, username, options);
  }

  /** Invokes a hub method with typed arguments and result. */
  invoke<K extends keyof HubMethods>(
    method: K,
    ...args: HubMethods[K]['args']
  ): Promise<HubMethods[K]['result']> {
    return this.connection.invoke(method, ...args);
  }

  /** Arguments of every received event of this name, in order. */
  received<K extends keyof HubEvents>(name: K): HubEvents[K][] {
    return this.events.filter((e) => e.name === name).map((e) => e.args as HubEvents[K]);
  }

  /** Resolves the first event of this name matching `predicate` (already received or to come). */
  waitFor<K extends keyof HubEvents>(
    name: K,
    predicate: (...args: HubEvents[K]) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<HubEvents[K]> {
    const find = () => this.received(name).find((args) => predicate(...args));
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const wake = () => {
        const hit = find();
        if (!hit) return;
        cleanup();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `timed out waiting for ${name}; received: ${JSON.stringify(this.events.map((e) => e.name))}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.#waiters.delete(wake);
      };
      this.#waiters.add(wake);
    });
  }

  /** Stops the connection on purpose (`HubConnection.stop()` sends a Close message; no LeaveSession). */
  stop(): Promise<void> {
    return this.connection.stop();
  }

  /**
   * Cuts the WebSocket without a Close message, as a network loss does: the server keeps the
   * participant for its grace window. Reaches into the official client's transport to do it.
   */
  async drop(): Promise<void> {
    const internals = this.connection as unknown as {
      connection?: { transport?: { _webSocket?: { terminate?(): void } } };
    };
    const socket = internals.connection?.transport?._webSocket;
    if (typeof socket?.terminate !== 'function') throw new Error('drop() needs a WebSockets connection');
    const closed = new Promise<void>((resolve) => this.connection.onclose(() => resolve()));
    socket.terminate();
    await closed;
  }
}

/** Connects a real SignalR client to `${baseUrl}/signalhub` with its console logging silenced. */
export async function connectClient(baseUrl: string, options: ClientOptions = {}): Promise<TestClient> {
  const connectionOptions: IHttpConnectionOptions = {
    transport: TRANSPORTS[options.transport ?? 'WebSockets'],
    logger: LogLevel.None,
  };
  if (options.token !== undefined) {
    const token = options.token;
    connectionOptions.accessTokenFactory = () => token;
  }
  const connection = new HubConnectionBuilder()
    .withUrl(`${baseUrl}${HUB_PATH}`, connectionOptions)
    .configureLogging(LogLevel.None)
    .build();
  const client = new TestClient(connection);
  await connection.start();
  return client;
}

/** Awaits a hub call that must fail; returns the SmaRTC error code and message the client recovered. */
export async function hubError(call: Promise<unknown>): Promise<{ code: ErrorCode; message: string }> {
  const outcome = await call.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok)
    throw new Error(`expected the hub call to fail, it returned ${JSON.stringify(outcome.value)}`);
  const text = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  const parsed = parseHubError(text);
  if (!parsed) throw new Error(`hub error carries no SmaRTC code: ${text}`);
  return parsed;
}

/** Waits a little, for asserting that something did NOT arrive. */
export function settle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Stops every client, ignoring those already stopped. */
export async function stopAll(clients: readonly TestClient[]): Promise<void> {
  await Promise.all(clients.map((c) => c.stop().catch(() => undefined)));
}
