import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConnectionManager } from '../connection/connectionManager.js';
import type { HubConnection } from '../connection/hubConnection.js';
import { errorMessage } from '../errors.js';
import type { ResolvedHubOptions } from '../options.js';
import { LongPollingTransport } from '../transports/longPollingTransport.js';
import { ServerSentEventsTransport } from '../transports/serverSentEventsTransport.js';
import type { TransportName } from '../types.js';
import { authenticateRequest, type HubRoute, matchRoute } from './authentication.js';
import { answerPreflight, applyCorsHeaders } from './cors.js';
import { PayloadTooLargeError, parseRequestUrl, readBody, sendJson, sendText } from './httpUtils.js';
import { parseNegotiateVersion, writeNegotiateError, writeNegotiateResponse } from './negotiate.js';

/** HTTP statuses of the transport protocol. */
enum Status {
  Ok = 200,
  Accepted = 202,
  BadRequest = 400,
  NotFound = 404,
  MethodNotAllowed = 405,
  Conflict = 409,
  PayloadTooLarge = 413,
  TooManyRequests = 429,
  InternalError = 500,
  Unavailable = 503,
}

const NO_CONNECTION = 'No Connection with that ID';
const ID_REQUIRED = 'Connection ID required';

/** Plain HTTP requests of the hub: negotiate, SSE and long-polling GETs, POST sends, DELETE. */
export class RequestRouter<TUser> {
  readonly #options: ResolvedHubOptions<TUser>;
  readonly #manager: ConnectionManager<TUser>;
  readonly #isClosed: () => boolean;
  readonly #postsInFlight = new WeakSet<HubConnection<TUser>>();

  constructor(
    options: ResolvedHubOptions<TUser>,
    manager: ConnectionManager<TUser>,
    isClosed: () => boolean,
  ) {
    this.#options = options;
    this.#manager = manager;
    this.#isClosed = isClosed;
  }

  handleRequest(req: IncomingMessage, res: ServerResponse): boolean {
    const url = parseRequestUrl(req);
    const route = url && matchRoute(this.#options.path, url.pathname);
    if (!url || !route) return false;
    this.#route(route, url.searchParams, req, res).catch((error) => {
      this.#options.logger.error({ err: errorMessage(error) }, 'request failed');
      if (!res.headersSent) sendText(res, Status.InternalError);
      else res.destroy();
    });
    return true;
  }

  async #route(
    route: HubRoute,
    query: URLSearchParams,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    applyCorsHeaders(req, res, this.#options.cors);
    if (req.method === 'OPTIONS') {
      answerPreflight(req, res, this.#options.cors);
      return;
    }
    if (route === 'negotiate') {
      if (req.method !== 'POST') sendText(res, Status.MethodNotAllowed, '', { Allow: 'POST' });
      else if (this.#isClosed()) sendText(res, Status.Unavailable);
      else await this.#negotiate(req, res, query);
      return;
    }
    switch (req.method) {
      case 'GET':
        this.#get(req, res, query);
        return;
      case 'POST':
        await this.#post(req, res, query);
        return;
      case 'DELETE':
        this.#delete(res, query);
        return;
      default:
        sendText(res, Status.MethodNotAllowed, '', { Allow: 'GET, POST, DELETE' });
    }
  }

  async #negotiate(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
    req.resume();
    const version = parseNegotiateVersion(query);
    if ('error' in version) {
      sendJson(res, Status.Ok, writeNegotiateError(version.error));
      return;
    }
    if (this.#manager.pendingCount >= this.#options.maxPendingConnections) {
      sendText(res, Status.TooManyRequests);
      return;
    }
    const auth = await authenticateRequest(this.#options, req, query);
    if (!auth.ok) {
      sendText(res, auth.status, auth.message, auth.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
      return;
    }
    const connection = this.#manager.create(auth.user, {
      remoteAddress: req.socket.remoteAddress,
      query,
      headers: req.headers,
    });
    this.#options.logger.debug({ connectionId: connection.connectionId }, 'negotiated');
    const { connectionId, connectionToken } = connection;
    sendJson(
      res,
      Status.Ok,
      writeNegotiateResponse(version.version, connectionId, connectionToken, this.#options.transports),
    );
  }

  /** Looks up `?id=`; answers 400/404 itself and returns undefined when there is no usable connection. */
  #lookup(res: ServerResponse, query: URLSearchParams): HubConnection<TUser> | undefined {
    const id = query.get('id');
    if (!id) {
      sendText(res, Status.BadRequest, ID_REQUIRED);
      return undefined;
    }
    const connection = this.#manager.get(id);
    if (!connection) sendText(res, Status.NotFound, NO_CONNECTION);
    return connection;
  }

  #get(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    if (req.headers.upgrade?.toLowerCase() === 'websocket') {
      sendText(res, Status.BadRequest, 'WebSocket requests must be passed to handleUpgrade.');
      return;
    }
    const wanted: TransportName = (req.headers.accept ?? '').includes('text/event-stream')
      ? 'ServerSentEvents'
      : 'LongPolling';
    if (!this.#options.transports.includes(wanted)) {
      sendText(res, Status.NotFound, `${wanted} transport not supported by this end point type`);
      return;
    }
    const connection = this.#lookup(res, query);
    if (!connection) return;
    const transport = connection.transport;
    if (transport instanceof LongPollingTransport && wanted === 'LongPolling') {
      transport.poll(res);
      return;
    }
    if (connection.claimedTransport !== undefined || connection.state === 'closed') {
      const same = connection.claimedTransport === wanted;
      if (same) sendText(res, Status.Conflict, 'Another active request for this connection');
      else if (connection.state === 'closed') sendText(res, Status.NotFound, NO_CONNECTION);
      else sendText(res, Status.BadRequest, 'Cannot change transports mid-connection');
      return;
    }
    connection.claimTransport(wanted);
    this.#manager.markClaimed(connection);
    if (wanted === 'ServerSentEvents') {
      connection.attachTransport(new ServerSentEventsTransport(res, connection.events));
      return;
    }
    const longPolling = new LongPollingTransport(
      connection.events,
      {
        pollTimeoutMs: this.#options.longPollTimeoutMs,
        disconnectTimeoutMs: this.#options.disconnectTimeoutMs,
      },
      () => this.#manager.dispose(connection),
    );
    connection.attachTransport(longPolling);
    longPolling.poll(res);
  }

  async #post(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
    const connection = this.#lookup(res, query);
    if (!connection) {
      req.resume();
      return;
    }
    req.on('error', () => {});
    if (connection.claimedTransport === 'WebSockets') {
      req.resume();
      sendText(res, Status.MethodNotAllowed, 'POST requests are not allowed for WebSocket connections.');
      return;
    }
    if (connection.state === 'closed' || connection.state === 'negotiated') {
      req.resume();
      sendText(res, connection.state === 'closed' ? Status.NotFound : Status.BadRequest, NO_CONNECTION);
      return;
    }
    if (this.#postsInFlight.has(connection)) {
      req.resume();
      sendText(res, Status.Conflict, 'Another send is in progress for this connection');
      return;
    }
    this.#postsInFlight.add(connection);
    try {
      const body = await readBody(req, this.#options.maxPayloadSize);
      connection.receive(body);
      sendText(res, Status.Ok);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        sendText(res, Status.PayloadTooLarge, '', { Connection: 'close' });
        void connection.close({ error: 'Connection closed with an error.' });
      } else {
        res.destroy();
      }
    } finally {
      this.#postsInFlight.delete(connection);
    }
  }

  #delete(res: ServerResponse, query: URLSearchParams): void {
    const connection = this.#lookup(res, query);
    if (!connection) return;
    const transport = connection.transport;
    if (!(transport instanceof LongPollingTransport)) {
      sendText(res, Status.BadRequest, 'Cannot terminate this connection using the DELETE endpoint.');
      return;
    }
    transport.terminate();
    sendText(res, Status.Accepted);
  }
}
