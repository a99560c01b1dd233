import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { createHubClients, createHubGroups } from './clientProxies.js';
import type { InvokeClientOptions } from './connection/clientResults.js';
import { ConnectionManager } from './connection/connectionManager.js';
import { RequestRouter } from './http/requestRouter.js';
import { UpgradeHandler } from './http/upgradeHandler.js';
import { InProcessLifetimeManager } from './lifetime/inProcessLifetimeManager.js';
import { type ResolvedHubOptions, resolveHubOptions } from './options.js';
import type {
  ClientEventMap,
  HubClients,
  HubGroups,
  HubLifetimeManager,
  SignalRHubOptions,
} from './types.js';

/**
 * A SignalR hub host for Node: negotiate, WebSockets, Server-Sent Events and long polling with
 * the JSON hub protocol, for the unmodified `@microsoft/signalr` client.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { SignalRHub } from '@smartc/signalr-server';
 *
 * type Events = { message: [from: string, text: string] };
 * const hub = new SignalRHub<Events>({
 *   path: '/chat',
 *   hub: {
 *     methods: {
 *       Send: async (ctx, text: string) => { await ctx.clients.all.send('message', ctx.caller.connectionId, text); },
 *     },
 *   },
 * });
 * const server = createServer();
 * hub.attach(server);
 * server.listen(5000);
 * ```
 */
export class SignalRHub<E extends ClientEventMap = ClientEventMap, TUser = unknown> {
  /** Client events addressed to all / some connections / groups. */
  readonly clients: HubClients<E>;
  /** Group membership. */
  readonly groups: HubGroups;
  readonly #options: ResolvedHubOptions<TUser>;
  readonly #lifetimeManager: HubLifetimeManager;
  readonly #manager: ConnectionManager<TUser>;
  readonly #router: RequestRouter<TUser>;
  readonly #upgrades: UpgradeHandler<TUser>;
  readonly #wss: WebSocketServer;
  #closed = false;

  constructor(options: SignalRHubOptions<TUser, E>) {
    this.#options = resolveHubOptions(options as SignalRHubOptions<TUser>);
    this.#lifetimeManager = options.lifetimeManager ?? new InProcessLifetimeManager();
    this.clients = createHubClients<E>(this.#lifetimeManager);
    this.groups = createHubGroups(this.#lifetimeManager);
    this.#manager = new ConnectionManager<TUser>({
      options: this.#options,
      lifetimeManager: this.#lifetimeManager,
      clients: this.clients as HubClients<ClientEventMap>,
      groups: this.groups,
    });
    this.#wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.#options.maxPayloadSize,
      perMessageDeflate: false,
      clientTracking: false,
    });
    const isClosed = () => this.#closed;
    this.#router = new RequestRouter(this.#options, this.#manager, isClosed);
    this.#upgrades = new UpgradeHandler(this.#options, this.#manager, this.#wss, isClosed);
  }

  /** Connections that completed the handshake and are open. */
  get connectionCount(): number {
    return this.#manager.connectedCount;
  }

  /**
   * Serves a request if its path is the hub's (`path` or `path/negotiate`), including CORS
   * preflights; returns false and leaves the request untouched otherwise.
   *
   * @example
   * ```ts
   * createServer((req, res) => { if (!hub.handleRequest(req, res)) app(req, res); });
   * ```
   */
  handleRequest(req: IncomingMessage, res: ServerResponse): boolean {
    return this.#router.handleRequest(req, res);
  }

  /**
   * Takes a WebSocket upgrade of the hub path; returns false (socket untouched) for other paths.
   *
   * @example
   * ```ts
   * server.on('upgrade', (req, socket, head) => { if (!hub.handleUpgrade(req, socket, head)) socket.destroy(); });
   * ```
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    return this.#upgrades.handleUpgrade(req, socket, head);
  }

  /**
   * Invokes a method on one client of this process and awaits its result ("client results").
   * The client answers with the value its `on(target)` handler returns; a throwing handler or a
   * missing one rejects with the client's error text. Rejects when the connection is unknown
   * or closes first, or when `options.signal` aborts.
   *
   * @example
   * ```ts
   * const answer = await hub.invokeClient(connectionId, 'Confirm', ['Delete the room?']);
   * ```
   */
  invokeClient<T = unknown>(
    connectionId: string,
    target: string,
    args: readonly unknown[] = [],
    options?: InvokeClientOptions,
  ): Promise<T> {
    const connection = this.#manager.getConnected(connectionId);
    if (!connection) return Promise.reject(new Error(`Connection '${connectionId}' does not exist.`));
    return connection.invokeClient(target, args, options) as Promise<T>;
  }

  /**
   * Wires the hub into a plain `node:http` server: an `upgrade` listener (other upgrades are
   * destroyed) and a `request` listener that answers 404 to every non-hub request. Use
   * {@link handleRequest} from your own handler instead when the server serves other routes.
   *
   * @example
   * ```ts
   * const server = createServer();
   * hub.attach(server);
   * ```
   */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!this.handleUpgrade(req, socket, head)) socket.destroy();
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (this.handleRequest(req, res)) return;
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not Found');
    });
  }

  /**
   * Sends a Close message (with `error`/`allowReconnect`) to every connection, ends their
   * transports and stops the timers. Later requests get 503.
   *
   * @example
   * ```ts
   * await hub.close({ allowReconnect: true }); // clients with automatic reconnect will retry
   * ```
   */
  async close(options: { error?: string; allowReconnect?: boolean } = {}): Promise<void> {
    this.#closed = true;
    await this.#manager.closeAll(options);
    this.#wss.close();
    await this.#lifetimeManager.close?.();
  }
}
