import type { IncomingHttpHeaders } from 'node:http';
import { createCallerClients } from '../clientProxies.js';
import { Dispatcher } from '../dispatcher.js';
import { buildErrorMessage, errorMessage, HandshakeError } from '../errors.js';
import type { ResolvedHubOptions } from '../options.js';
import { parseHandshakeRequest, writeHandshakeResponse } from '../protocol/handshake.js';
import { parseHubMessage, writeMessage } from '../protocol/jsonHubProtocol.js';
import type { HubMessage } from '../protocol/messages.js';
import { MessageType } from '../protocol/messageType.js';
import { TextMessageParser } from '../protocol/textMessageFormat.js';
import type { Transport, TransportEvents } from '../transports/transport.js';
import type {
  CallerClients,
  ClientEventMap,
  HubCallerContext,
  HubClients,
  HubGroups,
  HubInvocationContext,
  HubLifetimeManager,
  ManagedConnection,
  TransportName,
} from '../types.js';
import { createCallerContext } from './callerContext.js';
import { SendQueue } from './sendQueue.js';

/** How long a closing connection may take to flush its last messages. */
const CLOSE_FLUSH_TIMEOUT_MS = 5000;
/** Hub messages buffered while `onConnected` runs. */
const MAX_BACKLOG_MESSAGES = 1000;
const CLOSED_WITH_ERROR = 'Connection closed with an error.';

export type ConnectionState = 'negotiated' | 'handshaking' | 'connected' | 'closed';

/** The request that created the connection, as seen by the hub. */
export interface ConnectionRequestInfo {
  readonly remoteAddress: string | undefined;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
}

/** Hub-wide collaborators of a connection. */
export interface HubConnectionDeps<TUser> {
  readonly options: ResolvedHubOptions<TUser>;
  readonly lifetimeManager: HubLifetimeManager;
  readonly clients: HubClients<ClientEventMap>;
  readonly groups: HubGroups;
  onConnected(connection: HubConnection<TUser>): void;
  onClosed(connection: HubConnection<TUser>, wasConnected: boolean): void;
  onDisposed(connection: HubConnection<TUser>): void;
}

/** Options of a server-initiated close. */
export interface CloseOptions {
  readonly error?: string;
  readonly allowReconnect?: boolean;
}

/**
 * One SignalR connection: handshake, parsing, dispatch, keep-alive, client timeout and close.
 * The transport is attached after negotiate (or immediately for skipNegotiation WebSockets).
 */
export class HubConnection<TUser> implements ManagedConnection {
  readonly connectionId: string;
  readonly connectionToken: string;
  readonly createdAt = Date.now();
  readonly #deps: HubConnectionDeps<TUser>;
  readonly #user: TUser;
  readonly #request: ConnectionRequestInfo;
  readonly #parser: TextMessageParser;
  readonly #sendQueue: SendQueue;
  readonly #abort = new AbortController();
  readonly #items = new Map<string, unknown>();
  #state: ConnectionState = 'negotiated';
  #closing = false;
  #transport: Transport | undefined;
  #claimed: TransportName | undefined;
  #transportAttachedAt = 0;
  #lastReceiveAt = Date.now();
  #clientTimeoutArmed = false;
  #backlog: HubMessage[] | undefined;
  #dispatcher: Dispatcher<TUser> | undefined;
  #callerClients: CallerClients<ClientEventMap> | undefined;
  #callerContext: HubCallerContext<TUser> | undefined;
  #hubStarted: Promise<boolean> = Promise.resolve(false);

  /** Callbacks handed to the transport. */
  readonly events: TransportEvents = {
    onData: (chunk) => this.receive(chunk),
    onProtocolError: (error) => this.#fail(error),
    onClose: (error) => this.#finalize(error),
  };

  constructor(
    ids: { connectionId: string; connectionToken: string },
    user: TUser,
    request: ConnectionRequestInfo,
    deps: HubConnectionDeps<TUser>,
  ) {
    this.connectionId = ids.connectionId;
    this.connectionToken = ids.connectionToken;
    this.#user = user;
    this.#request = request;
    this.#deps = deps;
    this.#parser = new TextMessageParser(deps.options.maxMessageSize);
    this.#sendQueue = new SendQueue((error) => this.#onSendError(error));
  }

  get state(): ConnectionState {
    return this.#state;
  }

  get transport(): Transport | undefined {
    return this.#transport;
  }

  /** Transport claimed (possibly not yet attached, e.g. during a WebSocket upgrade). */
  get claimedTransport(): TransportName | undefined {
    return this.#claimed;
  }

  /** Reserves the connection for one transport; false when one is already claimed. */
  claimTransport(name: TransportName): boolean {
    if (this.#claimed !== undefined || this.#state !== 'negotiated') return false;
    this.#claimed = name;
    return true;
  }

  attachTransport(transport: Transport): void {
    this.#claimed = transport.name;
    this.#transport = transport;
    this.#state = 'handshaking';
    this.#transportAttachedAt = Date.now();
    this.#sendQueue.attach((payload) => transport.write(payload));
  }

  /** ManagedConnection: queues one serialised record. */
  write(record: string): void {
    if (this.#state === 'connected' && !this.#closing) this.#sendQueue.enqueue(record);
  }

  /** Bytes from the client (a WebSocket frame or a POST body). */
  receive(chunk: Buffer): void {
    if (this.#state === 'closed' || this.#state === 'negotiated' || this.#closing) return;
    this.#lastReceiveAt = Date.now();
    let records: string[];
    try {
      records = this.#parser.push(chunk);
    } catch (error) {
      if (this.#state === 'handshaking') this.#rejectHandshake('Handshake was canceled.');
      else this.#fail(error as Error);
      return;
    }
    for (const record of records) {
      if (this.#closing) return;
      if (this.#state === 'handshaking') {
        this.#handshake(record);
        continue;
      }
      let message: HubMessage | undefined;
      try {
        message = parseHubMessage(record);
      } catch (error) {
        this.#fail(error as Error);
        return;
      }
      if (message) this.#onMessage(message);
    }
  }

  /** Heartbeat: handshake timeout, keep-alive ping, client timeout, reaping. */
  tick(now: number): void {
    const { options } = this.#deps;
    if (this.#state === 'negotiated' && now - this.createdAt >= options.disconnectTimeoutMs) {
      this.#finalize(undefined);
      return;
    }
    this.#transport?.tick?.(now);
    if (this.#state === 'handshaking' && now - this.#transportAttachedAt >= options.handshakeTimeoutMs) {
      this.#rejectHandshake('Handshake was canceled.');
      return;
    }
    if (this.#state !== 'connected' || this.#closing) return;
    if (this.#clientTimeoutArmed && now - this.#lastReceiveAt >= options.clientTimeoutMs) {
      options.logger.debug({ connectionId: this.connectionId }, 'client timeout');
      void this.close({ allowReconnect: true });
      return;
    }
    const idle = now - this.#sendQueue.lastWriteAt >= options.keepAliveIntervalMs;
    if (idle && this.#transport && !this.#transport.inherentKeepAlive)
      this.#sendQueue.enqueue(writeMessage.ping());
  }

  /** Sends a Close message (when connected), flushes, then ends the transport. */
  async close(options: CloseOptions = {}): Promise<void> {
    if (this.#state === 'closed' || this.#closing) return;
    if (this.#state === 'negotiated') {
      this.#finalize(undefined);
      return;
    }
    this.#closing = true;
    if (this.#state === 'connected') {
      this.#sendQueue.enqueue(writeMessage.close(options.error, options.allowReconnect));
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLOSE_FLUSH_TIMEOUT_MS);
    });
    await Promise.race([this.#sendQueue.flush(), timeout]);
    clearTimeout(timer);
    this.#transport?.close();
    this.#finalize(options.error === undefined ? undefined : new Error(options.error));
  }

  #closeText(error: unknown): string {
    return buildErrorMessage(CLOSED_WITH_ERROR, error, this.#deps.options.detailedErrors);
  }

  #fail(error: Error): void {
    this.#deps.options.logger.debug(
      { connectionId: this.connectionId, err: error.message },
      'closing connection after a protocol error',
    );
    if (this.#state === 'handshaking') {
      this.#rejectHandshake('Handshake was canceled.');
      return;
    }
    void this.close({ error: this.#closeText(error) });
  }

  #onSendError(error: Error): void {
    this.#deps.options.logger.debug({ connectionId: this.connectionId, err: error.message }, 'send failed');
    this.#transport?.close();
    this.#finalize(error);
  }

  #rejectHandshake(message: string): void {
    if (this.#closing || this.#state === 'closed') return;
    this.#closing = true;
    this.#sendQueue.enqueue(writeHandshakeResponse(message));
    void this.#sendQueue.flush().then(() => {
      this.#transport?.close();
      this.#finalize(new HandshakeError(message));
    });
  }

  #handshake(record: string): void {
    try {
      parseHandshakeRequest(record);
    } catch (error) {
      const message = error instanceof HandshakeError ? error.message : 'Handshake was canceled.';
      this.#deps.options.logger.debug({ connectionId: this.connectionId, err: message }, 'handshake failed');
      this.#rejectHandshake(message);
      return;
    }
    this.#state = 'connected';
    this.#sendQueue.enqueue(writeHandshakeResponse());
    const queue = this.#sendQueue;
    this.#callerContext = createCallerContext(this, {
      user: this.#user,
      items: this.#items,
      transport: this.#transport?.name ?? 'WebSockets',
      request: this.#request,
    });
    this.#dispatcher = new Dispatcher({
      options: this.#deps.options,
      connectionId: this.connectionId,
      signal: this.#abort.signal,
      get queuedBytes() {
        return queue.queuedLength;
      },
      send: (record) => this.#sendQueue.enqueue(record),
      flush: () => this.#sendQueue.flush(),
      createContext: (signal) => this.#context(signal),
      fail: (error) => this.#fail(error),
    });
    this.#backlog = [];
    this.#deps.onConnected(this);
    this.#hubStarted = this.#startHub();
  }

  async #startHub(): Promise<boolean> {
    const { lifetimeManager, options } = this.#deps;
    try {
      await lifetimeManager.onConnected(this);
      if (this.#state !== 'connected') return true;
      await options.hub.onConnected?.(this.#context(this.#abort.signal));
    } catch (error) {
      options.logger.warn(
        { connectionId: this.connectionId, err: errorMessage(error) },
        'onConnected failed',
      );
      void this.close({ error: this.#closeText(error) });
      return true;
    }
    const backlog = this.#backlog ?? [];
    this.#backlog = undefined;
    for (const message of backlog) if (!this.#closing) this.#dispatcher?.handle(message);
    return true;
  }

  #onMessage(message: HubMessage): void {
    switch (message.type) {
      case MessageType.Ping:
        this.#clientTimeoutArmed = true;
        return;
      case MessageType.Close:
        this.#closing = true;
        this.#transport?.close();
        this.#finalize(message.error === undefined ? undefined : new Error(message.error));
        return;
      case MessageType.Ack:
      case MessageType.Sequence:
        return;
      default:
        if (!this.#backlog) {
          this.#dispatcher?.handle(message);
        } else if (this.#backlog.length < MAX_BACKLOG_MESSAGES) {
          this.#backlog.push(message);
        } else {
          this.#fail(new Error('Too many messages before the connection was ready.'));
        }
    }
  }

  #context(signal: AbortSignal): HubInvocationContext<TUser> {
    this.#callerClients ??= createCallerClients(
      this.#deps.clients,
      this.#deps.lifetimeManager,
      this.connectionId,
    );
    const caller = this.#callerContext;
    if (!caller) throw new Error('The connection has not completed its handshake.');
    return { caller, clients: this.#callerClients, groups: this.#deps.groups, signal };
  }

  #finalize(error: Error | undefined): void {
    if (this.#state === 'closed') return;
    const wasConnected = this.#state === 'connected';
    this.#state = 'closed';
    this.#closing = true;
    this.#abort.abort(error ?? new Error('The connection was closed.'));
    this.#dispatcher?.dispose();
    this.#sendQueue.stop();
    this.#deps.onClosed(this, wasConnected);
    if (wasConnected) void this.#stopHub(error);
    if (this.#transport?.name !== 'LongPolling') this.#deps.onDisposed(this);
  }

  async #stopHub(error: Error | undefined): Promise<void> {
    const { lifetimeManager, options } = this.#deps;
    const started = await this.#hubStarted;
    try {
      await lifetimeManager.onDisconnected(this);
      if (started) await options.hub.onDisconnected?.(this.#context(this.#abort.signal), error);
    } catch (err) {
      options.logger.warn(
        { connectionId: this.connectionId, err: errorMessage(err) },
        'onDisconnected failed',
      );
    }
  }
}
