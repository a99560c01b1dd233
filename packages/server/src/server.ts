import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import type { App, AppContext } from './appContext.js';
import { AuthRateLimiter } from './auth/loginRateLimiter.js';
import { deriveResumeTokenKey, TokenService } from './auth/tokens.js';
import { resolveConfig, type ServerConfig, type ServerOptions } from './config/serverConfig.js';
import { seedDemoUsers } from './demo/seedDemoUsers.js';
import { AuthGuard } from './http/authGuard.js';
import { isOriginAllowed } from './http/cors.js';
import { IceService } from './ice/iceService.js';
import { createLogger } from './logger.js';
import { createMetrics, type ServerMetrics } from './metrics.js';
import type { Signaling, SignalingDeps } from './signaling/deps.js';
import { createSignaling } from './signaling/index.js';
import { openSqliteStorage } from './storage/database.js';
import type { Storage } from './storage/repositories.js';
import { SERVER_VERSION } from './version.js';

/** Setting key of the JWT secret generated in dev/demo mode. */
export const DEV_JWT_SECRET_SETTING = 'auth.devJwtSecret';

/** Options of {@link createServer}: {@link ServerOptions} plus in-process extras. */
export interface CreateServerOptions extends ServerOptions {
  /** Use this pino logger instead of creating one from `logLevel`. */
  logger?: Logger;
  /** Use this storage instead of opening SQLite at `dbPath` (it is closed with the server). */
  storage?: Storage;
}

/** A running (or ready to run) SmaRTC server. */
export interface SmaRTCServer {
  /** The Fastify instance (use `app.inject()` for requests without a socket). */
  readonly app: App;
  readonly config: ServerConfig;
  readonly storage: Storage;
  readonly signaling: Signaling;
  readonly metrics: ServerMetrics;
  readonly logger: Logger;
  /** `http://host:port` once listening (`127.0.0.1` when bound to every interface). */
  readonly url: string;
  /** The bound port once listening. */
  readonly port: number;
  /** Starts listening on `config.host:config.port`; resolves the URL. */
  listen(): Promise<string>;
  /** Graceful stop: refuse new requests, close hub connections (clients may reconnect), close storage. Idempotent. */
  close(): Promise<void>;
}

/**
 * Creates the server: resolves the config (throws `ConfigError`), opens and migrates storage,
 * seeds demo users in demo mode, wires auth, ICE, metrics and the signaling hub into the app.
 * Call `listen()` to accept connections.
 *
 * @example
 * const server = await createServer({ port: 0, dbPath: ':memory:', dev: true, logLevel: 'silent' });
 * const url = await server.listen();
 */
export async function createServer(options: CreateServerOptions = {}): Promise<SmaRTCServer> {
  const config = resolveConfig(options);
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const storage = options.storage ?? (await openSqliteStorage(config.dbPath));
  try {
    return await assemble(config, logger, storage);
  } catch (error) {
    await storage.close();
    throw error;
  }
}

async function assemble(config: ServerConfig, logger: Logger, storage: Storage): Promise<SmaRTCServer> {
  const jwtSecret =
    config.jwtSecret ??
    (await storage.settings.getOrCreate(DEV_JWT_SECRET_SETTING, () => randomBytes(48).toString('base64url')));
  if (config.demo) {
    const created = await seedDemoUsers(storage.users);
    if (created.length > 0) logger.info({ users: created }, 'demo users created');
  }
  const tokens = new TokenService(jwtSecret, config.jwtTtlSeconds);
  const auth = new AuthGuard(tokens, storage.users);
  const ice = new IceService(config.ice);
  const metrics = createMetrics();
  const deps: SignalingDeps = {
    config: {
      allowGuests: config.allowGuests,
      adHocRooms: config.adhocRooms,
      resumeGraceMs: config.resumeGraceMs,
      resumeTokenTtlSeconds: config.resumeTokenTtlSeconds,
    },
    sessions: {
      findById: (id) => storage.sessions.findById(id),
      createAdHoc: (id) => storage.sessions.createAdHoc(id, config.maxParticipants),
    },
    async verifyAccessToken(token) {
      const user = await auth.userFromToken(token);
      return { userId: user.id, username: user.username, role: user.role };
    },
    iceServers: async (subject) => ice.iceServers(subject),
    resumeTokenKey: deriveResumeTokenKey(jwtSecret),
    logger: logger.child({ component: 'signaling' }),
    metrics: metrics.registry,
  };
  const signaling = createSignaling(deps, {
    hubOptions: { cors: { origin: (origin: string) => isOriginAllowed(config.cors, origin) } },
  });
  const ctx: AppContext = {
    config,
    storage,
    tokens,
    auth,
    rateLimiter: new AuthRateLimiter(config.rateLimits),
    ice,
    signaling,
    metrics,
    version: SERVER_VERSION,
    startedAt: Date.now(),
  };
  const app = await buildApp(ctx, logger);
  app.addHook('onClose', async () => {
    await storage.close();
  });

  let url: string | undefined;
  let closed: Promise<void> | undefined;
  return {
    app,
    config,
    storage,
    signaling,
    metrics,
    logger,
    get url() {
      if (url === undefined) throw new Error('The server is not listening yet: call listen() first');
      return url;
    },
    get port() {
      return (app.server.address() as AddressInfo | null)?.port ?? config.port;
    },
    async listen() {
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address() as AddressInfo;
      url = `http://${urlHost(config.host)}:${address.port}`;
      return url;
    },
    close() {
      closed ??= app.close();
      return closed;
    },
  };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** {@link createServer} then `listen()`. */
export async function startServer(options: CreateServerOptions = {}): Promise<SmaRTCServer> {
  const server = await createServer(options);
  try {
    await server.listen();
  } catch (error) {
    await server.close();
    throw error;
  }
  return server;
}
