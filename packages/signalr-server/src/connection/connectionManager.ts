import { randomBytes } from 'node:crypto';
import type { ResolvedHubOptions } from '../options.js';
import type { ClientEventMap, HubClients, HubGroups, HubLifetimeManager } from '../types.js';
import { type CloseOptions, type ConnectionRequestInfo, HubConnection } from './hubConnection.js';

/** CSPRNG bytes per connection id / token (base64url → 22 URL-safe characters, as in .NET). */
const ID_BYTES = 16;

function newId(): string {
  return randomBytes(ID_BYTES).toString('base64url');
}

/** Shared collaborators handed to every connection. */
export interface ConnectionManagerDeps<TUser> {
  readonly options: ResolvedHubOptions<TUser>;
  readonly lifetimeManager: HubLifetimeManager;
  readonly clients: HubClients<ClientEventMap>;
  readonly groups: HubGroups;
}

/**
 * Owns the connections of a hub, keyed by their secret connection token, and the heartbeat
 * that drives their timers (keep-alive, timeouts, reaping of unused negotiations).
 */
export class ConnectionManager<TUser> {
  readonly #deps: ConnectionManagerDeps<TUser>;
  readonly #byToken = new Map<string, HubConnection<TUser>>();
  readonly #negotiated = new Set<HubConnection<TUser>>();
  readonly #byId = new Map<string, HubConnection<TUser>>();
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(deps: ConnectionManagerDeps<TUser>) {
    this.#deps = deps;
  }

  /** Handshaken, open connections. */
  get connectedCount(): number {
    return this.#byId.size;
  }

  /** Negotiated connections no transport has claimed yet. */
  get pendingCount(): number {
    return this.#negotiated.size;
  }

  get(connectionToken: string): HubConnection<TUser> | undefined {
    return this.#byToken.get(connectionToken);
  }

  /** A connected (handshaken) connection by its public id. */
  getConnected(connectionId: string): HubConnection<TUser> | undefined {
    return this.#byId.get(connectionId);
  }

  /** Creates a connection (at negotiate, or on a skipNegotiation upgrade). */
  create(user: TUser, request: ConnectionRequestInfo): HubConnection<TUser> {
    const { options, lifetimeManager, clients, groups } = this.#deps;
    const connection = new HubConnection<TUser>(
      { connectionId: newId(), connectionToken: newId() },
      user,
      request,
      {
        options,
        lifetimeManager,
        clients,
        groups,
        onConnected: (opened) => {
          this.#byId.set(opened.connectionId, opened);
        },
        onClosed: (closed, wasConnected) => {
          this.#negotiated.delete(closed);
          if (wasConnected && this.#byId.get(closed.connectionId) === closed)
            this.#byId.delete(closed.connectionId);
        },
        onDisposed: (disposed) => this.#remove(disposed),
      },
    );
    this.#byToken.set(connection.connectionToken, connection);
    this.#negotiated.add(connection);
    this.#startHeartbeat();
    return connection;
  }

  /** A transport claimed the connection: it no longer counts as pending. */
  markClaimed(connection: HubConnection<TUser>): void {
    this.#negotiated.delete(connection);
  }

  /** Closes every connection (Close message first) and stops the heartbeat. */
  async closeAll(options: CloseOptions): Promise<void> {
    await Promise.all([...this.#byToken.values()].map((connection) => connection.close(options)));
    this.#stopHeartbeat();
  }

  /** Forgets a connection once its transport is done (long polling lingers to answer 204). */
  dispose(connection: HubConnection<TUser>): void {
    this.#remove(connection);
  }

  #remove(connection: HubConnection<TUser>): void {
    if (this.#byToken.get(connection.connectionToken) === connection) {
      this.#byToken.delete(connection.connectionToken);
    }
    this.#negotiated.delete(connection);
    if (this.#byToken.size === 0) this.#stopHeartbeat();
  }

  #startHeartbeat(): void {
    if (this.#heartbeat) return;
    this.#heartbeat = setInterval(() => this.#tick(), this.#deps.options.heartbeatIntervalMs);
    this.#heartbeat.unref();
  }

  #stopHeartbeat(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
  }

  #tick(): void {
    const now = Date.now();
    for (const connection of [...this.#byToken.values()]) {
      try {
        connection.tick(now);
      } catch (error) {
        this.#deps.options.logger.error(
          { connectionId: connection.connectionId, err: String(error) },
          'tick failed',
        );
      }
    }
  }
}
