/**
 * Public types of @smartc/signalr-server. This file is the package's contract: other
 * packages (the reference server) code against it. Change it only compatibly.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** Transport names, exactly as the SignalR client spells them. */
export type TransportName = 'WebSockets' | 'ServerSentEvents' | 'LongPolling';

/** Client events a hub can send: target name → argument tuple. */
export type ClientEventMap = { [target: string]: unknown[] };

/** A minimal structured logger (pino-compatible). */
export interface HubLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Who is connected, as the hub sees it. Lives as long as the SignalR connection. */
export interface HubCallerContext<TUser = unknown> {
  /** The public connection id (never the secret connection token). */
  readonly connectionId: string;
  /** What `authenticate` returned for this connection. */
  readonly user: TUser;
  /** Free per-connection storage for the application. */
  readonly items: Map<string, unknown>;
  readonly transport: TransportName;
  /** Remote address of the request that created the connection. */
  readonly remoteAddress: string | undefined;
  /** Query string and headers of the request that created the connection. */
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Closes the connection, sending a Close message with `error`/`allowReconnect` first. */
  abort(options?: { error?: string; allowReconnect?: boolean }): void;
}

/** Sends one client event to some set of connections. Resolves once handed to their transports. */
export interface ClientProxy<E extends ClientEventMap> {
  send<K extends keyof E & string>(target: K, ...args: E[K]): Promise<void>;
}

/** Addressing of client events from anywhere (outside or inside an invocation). */
export interface HubClients<E extends ClientEventMap> {
  readonly all: ClientProxy<E>;
  allExcept(excludedConnectionIds: readonly string[]): ClientProxy<E>;
  client(connectionId: string): ClientProxy<E>;
  clients(connectionIds: readonly string[]): ClientProxy<E>;
  group(groupName: string): ClientProxy<E>;
  groupExcept(groupName: string, excludedConnectionIds: readonly string[]): ClientProxy<E>;
}

/** Addressing available inside an invocation, relative to the caller. */
export interface CallerClients<E extends ClientEventMap> extends HubClients<E> {
  readonly caller: ClientProxy<E>;
  readonly others: ClientProxy<E>;
  othersInGroup(groupName: string): ClientProxy<E>;
}

/** Group membership. Groups die with their connections; they are not persisted. */
export interface HubGroups {
  add(connectionId: string, groupName: string): Promise<void>;
  remove(connectionId: string, groupName: string): Promise<void>;
}

/** What a hub method (or lifecycle hook) receives as its first argument. */
export interface HubInvocationContext<TUser = unknown, E extends ClientEventMap = ClientEventMap> {
  readonly caller: HubCallerContext<TUser>;
  readonly clients: CallerClients<E>;
  readonly groups: HubGroups;
  /** Aborted when the client cancels a stream or the connection closes. */
  readonly signal: AbortSignal;
}

/**
 * A hub method. Its return value (or resolved promise) is the Completion result.
 * A method declared `streaming: true` returns an `AsyncIterable`, sent as StreamItems.
 * Throw {@link HubError} to show its message to the client, as ASP.NET Core does for a HubException:
 * `An unexpected error occurred invoking 'X' on the server. HubException: <message>`.
 * Any other error shows only the generic first sentence (unless `detailedErrors` is on).
 */
export type HubMethodHandler<TUser = unknown, E extends ClientEventMap = ClientEventMap> = (
  context: HubInvocationContext<TUser, E>,
  // biome-ignore lint/suspicious/noExplicitAny: hub arguments arrive as untyped JSON and are validated by the method
  ...args: any[]
) => unknown;

/** A hub method with options. */
export interface HubMethodDefinition<TUser = unknown, E extends ClientEventMap = ClientEventMap> {
  handler: HubMethodHandler<TUser, E>;
  /** The method returns an AsyncIterable and must be called with `stream()`. */
  streaming?: boolean;
  /**
   * Accepted argument counts `[min, max]` (or one exact number). Calls outside get
   * "Failed to invoke 'X' due to an error on the server." Default: any count.
   */
  arity?: number | readonly [min: number, max: number];
}

/** The application's hub: its methods and lifecycle hooks. */
export interface HubDefinition<TUser = unknown, E extends ClientEventMap = ClientEventMap> {
  methods: Record<string, HubMethodHandler<TUser, E> | HubMethodDefinition<TUser, E>>;
  /** After the handshake completes. Throwing closes the connection with an error. */
  onConnected?(context: HubInvocationContext<TUser, E>): void | Promise<void>;
  /**
   * After the connection closed (gracefully or not); `error` says why when it was not graceful, and
   * `details.closedByClient` whether the client ended it on purpose (`HubConnection.stop()` sends a
   * Close message) rather than the transport dropping or the server closing it.
   */
  onDisconnected?(
    context: HubInvocationContext<TUser, E>,
    error: Error | undefined,
    details: DisconnectDetails,
  ): void | Promise<void>;
}

/** How a connection ended, for {@link HubDefinition.onDisconnected}. */
export interface DisconnectDetails {
  /** The client sent a Close message: it stopped on purpose and is not coming back on its own. */
  closedByClient: boolean;
}

/**
 * Result of `authenticate`: accept with a user, or reject with an HTTP status and a message. The message
 * is the negotiate response body (text), so clients can show why; never put a secret in it.
 */
export type AuthenticateResult<TUser> =
  | { ok: true; user: TUser }
  | { ok: false; status: 401 | 403; message: string };

/** CORS policy for browsers calling the hub cross-origin (credentials are always allowed). */
export interface HubCorsOptions {
  /** `true` reflects any origin; a list allows those exact origins; a function decides. */
  origin: true | readonly string[] | ((origin: string) => boolean);
}

/** Options of a {@link SignalRHub}. Defaults follow ASP.NET Core's `HubOptions`. */
export interface SignalRHubOptions<TUser = unknown, E extends ClientEventMap = ClientEventMap> {
  /** URL path of the hub, e.g. `/signalhub`. Negotiate is served at `${path}/negotiate`. */
  path: string;
  hub: HubDefinition<TUser, E>;
  /**
   * Called at negotiate (and on skipNegotiation WebSocket upgrades) with the access token
   * from `Authorization: Bearer` or the `access_token` query (undefined when absent).
   * Default: accept everyone with `user` undefined.
   */
  authenticate?(
    token: string | undefined,
    request: IncomingMessage,
  ): AuthenticateResult<TUser> | Promise<AuthenticateResult<TUser>>;
  /** Transports offered, in preference order. Default: all three. */
  transports?: readonly TransportName[];
  /** Ping when nothing was sent for this long. Default 15 000 ms. */
  keepAliveIntervalMs?: number;
  /** Close a connection silent for this long, once it has sent a first ping. Default 30 000 ms. */
  clientTimeoutMs?: number;
  /** Time allowed for the handshake. Default 15 000 ms. */
  handshakeTimeoutMs?: number;
  /** Negotiated-but-unused and inactive long-polling connections are reaped after this. Default 15 000 ms. */
  disconnectTimeoutMs?: number;
  /** A long poll with nothing to send returns empty after this. Default 90 000 ms. */
  longPollTimeoutMs?: number;
  /** Largest single hub message accepted, in bytes. Default 32 768. */
  maxMessageSize?: number;
  /** Largest request body / WebSocket frame accepted, in bytes. Default 1 MiB. */
  maxPayloadSize?: number;
  /** Parallel invocations per client; further ones wait. Default 1 (ASP.NET's default). */
  maxParallelInvocationsPerClient?: number;
  /** Cap on negotiated connections not yet connected; negotiate answers 429 beyond. Default 10 000. */
  maxPendingConnections?: number;
  /** Append exception type and message to unexpected-error texts. Default false. */
  detailedErrors?: boolean;
  cors?: HubCorsOptions;
  logger?: HubLogger;
  /** Fan-out implementation. Default: in-process. */
  lifetimeManager?: HubLifetimeManager;
}

/** A connection as the lifetime manager sees it: something that can be written serialised hub messages. */
export interface ManagedConnection {
  readonly connectionId: string;
  /** Writes one already-serialised JSON hub record (with its trailing 0x1E). */
  write(record: string): void;
}

/**
 * Fan-out of serialised hub messages to connections and groups. The default keeps everything
 * in this process; a Redis implementation can publish the same records to other nodes.
 */
export interface HubLifetimeManager {
  onConnected(connection: ManagedConnection): void | Promise<void>;
  onDisconnected(connection: ManagedConnection): void | Promise<void>;
  sendAll(record: string, excludedConnectionIds?: readonly string[]): Promise<void>;
  sendConnection(connectionId: string, record: string): Promise<void>;
  sendConnections(connectionIds: readonly string[], record: string): Promise<void>;
  sendGroup(groupName: string, record: string, excludedConnectionIds?: readonly string[]): Promise<void>;
  addToGroup(connectionId: string, groupName: string): Promise<void>;
  removeFromGroup(connectionId: string, groupName: string): Promise<void>;
  close?(): Promise<void>;
}
