import type { IncomingHttpHeaders } from 'node:http';
import { buildErrorMessage, HandshakeError } from '../errors.js';
import type { ResolvedHubOptions } from '../options.js';
import { parseHandshakeRequest, writeHandshakeResponse } from '../protocol/handshake.js';
import { parseHubMessage, writeMessage } from '../protocol/jsonHubProtocol.js';
import type { HubMessage } from '../protocol/messages.js';
import { MessageType } from '../protocol/messageType.js';
import { TextMessageParser } from '../protocol/textMessageFormat.js';
import type { Transport, TransportEvents } from '../transports/transport.js';
import type {
  ClientEventMap,
  HubClients,
  HubGroups,
  HubLifetimeManager,
  ManagedConnection,
  TransportName,
} from '../types.js';
import { createCallerContext } from './callerContext.js';
import type { InvokeClientOptions } from './clientResults.js';
import { HubSession } from './hubSession.js';
import { SendQueue } from './sendQueue.js';

/** How long a closing connection may take to flush its last messages. */
const CLOSE_FLUSH_TIMEOUT_MS = 5000;
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
  /** The client sent a Close message: it stopped on purpose. */
  #closedByClient = false;
  #transport: Transport | undefined;
  #claimed: TransportName | undefined;
  #transportAttachedAt = 0;
  #lastReceiveAt = Date.now();
  #clientTimeoutArmed = false;
  #session: HubSession<TUser> | undefined;

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

  /** Invokes a client method and awaits the client's result (client results). */
  invokeClient(target: string, args: readonly unknown[], options?: InvokeClientOptions): Promise<unknown> {
    if (!this.#session || this.#closing) {
      return Promise.reject(new Error(`Connection '${this.connectionId}' does not exist.`));
    }
    return this.#session.invokeClient(target, args, options);
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
    const { options, lifetimeManager, clients, groups } = this.#deps;
    this.#session = new HubSession({
      connection: this,
      options,
      lifetimeManager,
      clients,
      groups,
      caller: createCallerContext(this, {
        user: this.#user,
        items: this.#items,
        transport: this.#transport?.name ?? 'WebSockets',
        request: this.#request,
      }),
      sendQueue: this.#sendQueue,
      signal: this.#abort.signal,
      fail: (error) => {
        if (!this.#closing) void this.close({ error: this.#closeText(error) });
      },
    });
    options.logger.info(
      { connectionId: this.connectionId, transport: this.#transport?.name },
      'connection opened',
    );
    this.#deps.onConnected(this);
    this.#session.start();
  }

  #onMessage(message: HubMessage): void {
    switch (message.type) {
      case MessageType.Ping:
        this.#clientTimeoutArmed = true;
        return;
      case MessageType.Close:
        this.#closedByClient = true;
        this.#closing = true;
        this.#transport?.close();
        this.#finalize(message.error === undefined ? undefined : new Error(message.error));
        return;
      case MessageType.Ack:
      case MessageType.Sequence:
        return;
      default:
        this.#session?.handle(message);
    }
  }

  #finalize(error: Error | undefined): void {
    if (this.#state === 'closed') return;
    const wasConnected = this.#state === 'connected';
    this.#state = 'closed';
    this.#closing = true;
    this.#abort.abort(error ?? new Error('The connection was closed.'));
    this.#sendQueue.stop();
    this.#deps.onClosed(this, wasConnected);
    if (wasConnected) {
      this.#deps.options.logger.info(
        { connectionId: this.connectionId, transport: this.#transport?.name, error: error?.message },
        'connection closed',
      );
      this.#session?.stop(error, this.#closedByClient);
    }
    if (this.#transport?.name !== 'LongPolling') this.#deps.onDisposed(this);
  }
}
