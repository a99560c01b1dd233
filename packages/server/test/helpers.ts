import type { LoginResponse, UserDto } from '@smartc/protocol';
import { afterEach } from 'vitest';
import { type CreateServerOptions, createServer, type SmaRTCServer } from '../src/index.js';

/** A 48-character secret for tests. */
export const TEST_JWT_SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

const running: SmaRTCServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** A real server on an ephemeral port with in-memory storage, closed after the test. */
export async function startTestServer(options: CreateServerOptions = {}): Promise<TestServer> {
  const server = await createServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: ':memory:',
    jwtSecret: TEST_JWT_SECRET,
    logLevel: 'silent',
    rateLimits: false,
    ...options,
  });
  running.push(server);
  await server.listen();
  return new TestServer(server);
}

/** A fetch result with its parsed JSON (or text) body. */
export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Thin fetch helpers against a running test server. */
export class TestServer {
  constructor(readonly server: SmaRTCServer) {}

  get url(): string {
    return this.server.url;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${this.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text !== '')
      parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  async register(username: string, password = 'Passw0rd!'): Promise<UserDto> {
    const reply = await this.request<UserDto>('POST', '/api/auth/register', { body: { username, password } });
    if (reply.status !== 201) throw new Error(`register ${username}: ${reply.status} ${reply.text}`);
    return reply.body;
  }

  async login(username: string, password = 'Passw0rd!'): Promise<LoginResponse> {
    const reply = await this.request<LoginResponse>('POST', '/api/auth/login', {
      body: { username, password },
    });
    if (reply.status !== 200) throw new Error(`login ${username}: ${reply.status} ${reply.text}`);
    return reply.body;
  }

  /** Registers and signs in; returns the token and user. */
  async signUp(username: string, password = 'Passw0rd!'): Promise<{ token: string; user: UserDto }> {
    await this.register(username, password);
    const { token, user } = await this.login(username, password);
    return { token, user };
  }
}
