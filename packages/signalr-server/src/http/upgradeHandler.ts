import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import type { ConnectionManager } from '../connection/connectionManager.js';
import type { HubConnection } from '../connection/hubConnection.js';
import type { ResolvedHubOptions } from '../options.js';
import { WebSocketTransport } from '../transports/webSocketTransport.js';
import { authenticateRequest, matchRoute } from './authentication.js';
import { isWebSocketOriginAllowed } from './cors.js';
import { parseRequestUrl, rejectUpgrade } from './httpUtils.js';

/** HTTP statuses of rejected upgrades. */
enum UpgradeStatus {
  BadRequest = 400,
  Forbidden = 403,
  NotFound = 404,
  Conflict = 409,
  Unavailable = 503,
}

/** WebSocket upgrades of the hub path: with `?id=` for a negotiated connection, or without (skipNegotiation). */
export class UpgradeHandler<TUser> {
  readonly #options: ResolvedHubOptions<TUser>;
  readonly #manager: ConnectionManager<TUser>;
  readonly #wss: WebSocketServer;
  readonly #isClosed: () => boolean;

  constructor(
    options: ResolvedHubOptions<TUser>,
    manager: ConnectionManager<TUser>,
    wss: WebSocketServer,
    isClosed: () => boolean,
  ) {
    this.#options = options;
    this.#manager = manager;
    this.#wss = wss;
    this.#isClosed = isClosed;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = parseRequestUrl(req);
    if (!url || matchRoute(this.#options.path, url.pathname) !== 'connection') return false;
    socket.on('error', () => {});
    if (this.#isClosed() && !url.searchParams.has('id')) {
      rejectUpgrade(socket, UpgradeStatus.Unavailable);
    } else if (!this.#options.transports.includes('WebSockets')) {
      rejectUpgrade(
        socket,
        UpgradeStatus.NotFound,
        'WebSockets transport not supported by this end point type',
      );
    } else if (req.method !== 'GET' || req.headers.upgrade?.toLowerCase() !== 'websocket') {
      rejectUpgrade(socket, UpgradeStatus.BadRequest, 'Not a WebSocket request.');
    } else if (!isWebSocketOriginAllowed(req, this.#options.cors)) {
      rejectUpgrade(socket, UpgradeStatus.Forbidden);
    } else {
      this.#upgrade(req, socket, head, url.searchParams).catch((error) => {
        this.#options.logger.error({ err: String(error) }, 'WebSocket upgrade failed');
        socket.destroy();
      });
    }
    return true;
  }

  async #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, query: URLSearchParams): Promise<void> {
    const id = query.get('id');
    let connection: HubConnection<TUser> | undefined;
    if (id === null) {
      const auth = await authenticateRequest(this.#options, req, query);
      if (!auth.ok) {
        rejectUpgrade(socket, auth.status);
        return;
      }
      if (socket.destroyed) return;
      connection = this.#manager.create(auth.user, {
        remoteAddress: req.socket.remoteAddress,
        query,
        headers: req.headers,
      });
    } else {
      connection = this.#manager.get(id);
      if (!connection || connection.state === 'closed') {
        rejectUpgrade(socket, UpgradeStatus.NotFound, 'No Connection with that ID');
        return;
      }
      if (connection.claimedTransport !== undefined) {
        const sameTransport = connection.claimedTransport === 'WebSockets';
        rejectUpgrade(
          socket,
          sameTransport ? UpgradeStatus.Conflict : UpgradeStatus.BadRequest,
          sameTransport ? 'Connection ID already in use' : 'Cannot change transports mid-connection',
        );
        return;
      }
    }
    const target = connection;
    target.claimTransport('WebSockets');
    this.#manager.markClaimed(target);
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      target.attachTransport(new WebSocketTransport(ws, target.events));
    });
  }
}
