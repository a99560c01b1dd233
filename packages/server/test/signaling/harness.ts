/**
 * Runs the real SmaRTC server in-process (REST + signaling hub, SQLite storage) on an ephemeral
 * port for the signaling integration tests. Users sign up and create sessions through REST.
 */
import { Writable } from 'node:stream';
import { ApiRoutes, type LoginResponse, type SessionDto } from '@smartc/protocol';
import { pino } from 'pino';
import type { Registry } from 'prom-client';
import { type CreateServerOptions, createServer, type SmaRTCServer, TokenService } from '../../src/index.js';
import type { Signaling } from '../../src/signaling/deps.js';

/** The JWT secret of every test server: resume keys derive from it, so tokens survive a restart. */
export const TEST_JWT_SECRET = 'signaling-tests-secret-0123456789-abcdefghijklmnop';
const PASSWORD = 'Passw0rd!';

/** A signed-up user. */
export interface TestUser {
  token: string;
  userId: string;
  username: string;
}

/** Options of {@link startSignalingServer}. */
export type TestServerOptions = Pick<
  CreateServerOptions,
  'allowGuests' | 'adhocRooms' | 'resumeGraceMs' | 'resumeTokenTtlSeconds' | 'dbPath'
>;

/** A running test server with REST helpers and the signaling logs it wrote. */
export class TestServer {
  constructor(
    readonly server: SmaRTCServer,
    /** Every log line the server wrote (JSON, debug level and up). */
    readonly logs: string[],
  ) {}

  get url(): string {
    return this.server.url;
  }

  get signaling(): Signaling {
    return this.server.signaling;
  }

  get registry(): Registry {
    return this.server.metrics.registry;
  }

  /** A REST call with an optional bearer token and JSON body. */
  async request<T>(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  readonly #users = new Map<string, Promise<TestUser>>();

  /** Registers and signs in through REST, once per name and server (later calls reuse the token). */
  signUp(username: string): Promise<TestUser> {
    let user = this.#users.get(username);
    if (!user) {
      user = this.#register(username);
      this.#users.set(username, user);
    }
    return user;
  }

  async #register(username: string): Promise<TestUser> {
    const registered = await this.request('POST', ApiRoutes.register, undefined, {
      username,
      password: PASSWORD,
    });
    if (registered.status !== 201 && registered.status !== 409)
      throw new Error(`register ${username}: ${registered.status}`);
    const login = await this.request<LoginResponse>('POST', ApiRoutes.login, undefined, {
      username,
      password: PASSWORD,
    });
    if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
    return { token: login.body.token, userId: login.body.user.id, username };
  }

  /** Creates a session through REST (as `owner`, signed up on demand); returns its id. */
  async createSession(name: string, maxParticipants?: number, owner?: TestUser): Promise<string> {
    const creator = owner ?? (await this.signUp('owner'));
    const reply = await this.request<SessionDto>('POST', ApiRoutes.sessions, creator.token, {
      name,
      maxParticipants,
    });
    if (reply.status !== 201)
      throw new Error(`create session: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.id;
  }

  /** `GET /api/session/{id}` as seen by `viewer`. */
  async session(id: string, viewer: TestUser): Promise<{ status: number; body: SessionDto }> {
    return this.request<SessionDto>('GET', ApiRoutes.session(id), viewer.token);
  }

  /** An access token for `user` that expired a minute ago. */
  async expiredToken(user: TestUser): Promise<string> {
    const tokens = new TokenService(TEST_JWT_SECRET, 60);
    const { token } = await tokens.issue(
      { userId: user.userId, username: user.username, role: 'user' },
      new Date(Date.now() - 3_600_000),
    );
    return token;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

/**
 * Starts the full server with `:memory:` storage (or `dbPath`), no guests and no ad-hoc rooms
 * unless asked, and a 300 ms resume grace window.
 */
export async function startSignalingServer(options: TestServerOptions = {}): Promise<TestServer> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const server = await createServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: ':memory:',
    jwtSecret: TEST_JWT_SECRET,
    rateLimits: false,
    allowGuests: false,
    adhocRooms: false,
    resumeGraceMs: 300,
    ...options,
    logger: pino({ level: 'debug' }, sink),
  });
  await server.listen();
  return new TestServer(server, logs);
}
