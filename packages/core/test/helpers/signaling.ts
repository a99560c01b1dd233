import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiRoutes, type LoginResponse, type SessionDto } from '@smartc/protocol';
import { type CreateServerOptions, type SmaRTCServer, startServer } from '@smartc/server';
import { afterEach } from 'vitest';
import {
  type SignalingClient as Client,
  SignalingClient,
  type SignalingClientOptions,
  type SignalingEvents,
} from '../../src/index.js';

/** A 48-character JWT secret, so tokens survive a restart. */
export const TEST_JWT_SECRET = 'core-test-secret-0123456789-abcdefghijklmnopqrstuv';

const servers = new Set<SmaRTCServer>();
const clients = new Set<Client>();
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all([...clients].map((c) => c.dispose()));
  clients.clear();
  await Promise.all([...servers].map((s) => s.close()));
  servers.clear();
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A temp directory removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smartc-core-'));
  dirs.push(dir);
  return dir;
}

/** The real server in-process (guests, ad-hoc rooms, short grace), closed after the test. */
export async function startTestServer(options: CreateServerOptions = {}): Promise<SmaRTCServer> {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: ':memory:',
    jwtSecret: TEST_JWT_SECRET,
    dev: true,
    allowGuests: true,
    adhocRooms: true,
    logLevel: 'silent',
    rateLimits: false,
    resumeGraceMs: 1_000,
    ...options,
  });
  servers.add(server);
  return server;
}

/** Closes a server started by {@link startTestServer} now. */
export async function stopTestServer(server: SmaRTCServer): Promise<void> {
  servers.delete(server);
  await server.close();
}

/** A SignalingClient against `url` with test-friendly timings, disposed after the test. */
export function newClient(url: string, options: Partial<SignalingClientOptions> = {}): SignalingClient {
  const client = new SignalingClient({
    serverUrl: url,
    reconnectPolicy: { delays: [0, 100, 200], jitterMs: 50, maxRetries: 30, maxElapsedMs: 10_000 },
    peerLeftGraceMs: 1_500,
    rejoinWaitMs: 5_000,
    ...options,
  });
  clients.add(client);
  return client;
}

async function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const reply = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!reply.ok) throw new Error(`${path}: ${reply.status} ${await reply.text()}`);
  return (await reply.json()) as T;
}

/** Registers and signs in a user with plain fetch; returns the access token. */
export async function signUp(url: string, username: string): Promise<string> {
  const password = 'Passw0rd!';
  await post(url, ApiRoutes.register, { username, password });
  return (await post<LoginResponse>(url, ApiRoutes.login, { username, password })).token;
}

/** Creates a session over REST as `token`'s user; returns its id. */
export async function createSession(url: string, token: string, name = 'call'): Promise<string> {
  return (await post<SessionDto>(url, ApiRoutes.sessions, { name }, token)).id;
}

/** Deletes a session over REST (participants get SessionEnded). */
export async function deleteSession(url: string, token: string, id: string): Promise<void> {
  const reply = await fetch(`${url}${ApiRoutes.session(id)}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  });
  if (reply.status !== 204) throw new Error(`delete: ${reply.status}`);
}

let rooms = 0;
/** A fresh ad-hoc room id. */
export const roomId = (): string => `room-${process.pid}-${++rooms}-${Date.now().toString(36)}`;

/** Everything a client emitted, in order, as `[event, ...args]`. */
export type Recorded = { [K in keyof SignalingEvents]: [K, ...SignalingEvents[K]] }[keyof SignalingEvents];

/** Records every event of `client` (what the app sees). */
export function record(client: SignalingClient): {
  all: Recorded[];
  of<K extends keyof SignalingEvents>(event: K): SignalingEvents[K][];
} {
  const all: Recorded[] = [];
  const names: (keyof SignalingEvents)[] = [
    'connection-state',
    'peer-joined',
    'peer-left',
    'signal',
    'media-state',
    'message',
    'session-ended',
    'rejoined',
    'error',
  ];
  for (const name of names)
    client.on(name, (...args: unknown[]) => all.push([name, ...args] as unknown as Recorded));
  return {
    all,
    of: <K extends keyof SignalingEvents>(event: K) =>
      all.filter((e) => e[0] === event).map((e) => e.slice(1) as unknown as SignalingEvents[K]),
  };
}

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function waitUntil(check: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Cuts the WebSocket without a Close message, as a network loss does. */
export function dropConnection(client: SignalingClient): void {
  const internals = client.hubConnection as unknown as {
    connection?: { transport?: { _webSocket?: { terminate?(): void } } };
  };
  const socket = internals?.connection?.transport?._webSocket;
  if (typeof socket?.terminate !== 'function')
    throw new Error('dropConnection needs a WebSockets connection');
  socket.terminate();
}

/** Awaits a promise that must reject; returns the error. */
export async function failure(promise: Promise<unknown>): Promise<{ code?: string; retryable?: boolean }> {
  return promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error as { code?: string; retryable?: boolean },
  );
}
