import { HttpTransportType, type HubConnection, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { HUB_PATH } from '@smartc/protocol';
import { type SmaRTCServer, TokenService } from '@smartc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, SmaRTCApi, SmaRTCError } from '../src/index.js';
import { PASSWORD, signedInClient, startRealServer, uniqueName } from './helpers/restServer.js';

const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
let server: SmaRTCServer;
const apis: SmaRTCApi[] = [];
const hubs: HubConnection[] = [];

beforeAll(async () => {
  server = await startRealServer({ jwtSecret: JWT_SECRET });
});

afterAll(async () => {
  for (const api of apis) api.dispose();
  await Promise.all(hubs.map((h) => h.stop().catch(() => undefined)));
  await server.close();
});

function anonymous(): SmaRTCApi {
  const api = new SmaRTCApi({ serverUrl: server.url });
  apis.push(api);
  return api;
}

async function user(prefix = 'user'): Promise<SmaRTCApi> {
  const api = await signedInClient(server, {}, prefix);
  apis.push(api);
  return api;
}

async function failure(promise: Promise<unknown>): Promise<SmaRTCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmaRTCError);
  return error as SmaRTCError;
}

describe('REST errors from the real server keep their stable codes', () => {
  it('register: a taken username is AUTH_USERNAME_TAKEN (409)', async () => {
    const api = anonymous();
    const name = uniqueName();
    await expect(api.auth.register(name, PASSWORD)).resolves.toMatchObject({ username: name, role: 'user' });
    const error = await failure(api.auth.register(name, PASSWORD));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'AUTH_USERNAME_TAKEN', status: 409, retryable: false });
    expect(error.message).not.toBe('');
  });

  it('register: invalid input is VALIDATION_FAILED (400) with field details', async () => {
    const error = await failure(anonymous().auth.register('x', 'short'));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(error.details?.length).toBeGreaterThan(0);
    expect(error.details?.[0]).toEqual({ path: expect.any(String), message: expect.any(String) });
  });

  it('login: wrong password is AUTH_INVALID_CREDENTIALS (401) and leaves the client signed out', async () => {
    const api = anonymous();
    const name = uniqueName();
    await api.auth.register(name, PASSWORD);
    const error = await failure(api.auth.login(name, 'WrongPass1!'));
    expect(error).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', status: 401 });
    expect(api.isLoggedIn).toBe(false);
  });

  it('me: no token is AUTH_REQUIRED, before any request', async () => {
    const error = await failure(anonymous().auth.me());
    expect(error).toMatchObject({ code: 'AUTH_REQUIRED', status: undefined });
  });

  it('me: an expired token is AUTH_TOKEN_EXPIRED (401) from the server', async () => {
    const me = await (await user()).auth.me();
    const expired = await new TokenService(JWT_SECRET, 60).issue(
      { userId: me.id, username: me.username, role: me.role },
      new Date(Date.now() - 3_600_000),
    );
    const api = new SmaRTCApi({ serverUrl: server.url, getToken: () => expired.token });
    apis.push(api);
    const error = await failure(api.auth.me());
    expect(error).toMatchObject({ code: 'AUTH_TOKEN_EXPIRED', status: 401 });
  });

  it('me: a tampered token is AUTH_TOKEN_INVALID (401)', async () => {
    const api = await user();
    const token = (await api.getAccessToken()) as string;
    const tampered = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const withTampered = new SmaRTCApi({ serverUrl: server.url, getToken: () => tampered });
    apis.push(withTampered);
    expect(await failure(withTampered.auth.me())).toMatchObject({ code: 'AUTH_TOKEN_INVALID', status: 401 });
  });

  it('sessions: an unknown id is SESSION_NOT_FOUND (404) on get, join, leave and delete', async () => {
    const api = await user();
    // One call at a time: each rejection is awaited before the next call starts.
    for (const call of [
      () => api.sessions.get('does-not-exist'),
      () => api.sessions.join('does-not-exist'),
      () => api.sessions.leave('does-not-exist'),
      () => api.sessions.delete('does-not-exist'),
    ]) {
      expect(await failure(call())).toMatchObject({ code: 'SESSION_NOT_FOUND', status: 404 });
    }
  });

  it("sessions: deleting someone else's session is FORBIDDEN (403); an admin may", async () => {
    const owner = await user('owner');
    const other = await user('other');
    const session = await owner.sessions.create({ name: 'Mine' });
    const error = await failure(other.sessions.delete(session.id));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    await expect(other.sessions.get(session.id)).resolves.toMatchObject({ id: session.id });

    const admin = await user('admin');
    await server.storage.users.setRole((await admin.auth.me()).id, 'admin');
    await expect(admin.sessions.delete(session.id)).resolves.toBeUndefined();
    expect(await failure(owner.sessions.get(session.id))).toMatchObject({ code: 'SESSION_NOT_FOUND' });
  });

  it('sessions: invalid input is VALIDATION_FAILED (400) with details', async () => {
    const api = await user();
    const error = await failure(api.sessions.create({ name: '', maxParticipants: 1 }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(error.details?.length).toBeGreaterThan(0);
  });

  it('sessions: joining a full session is SESSION_FULL (409)', async () => {
    const owner = await user('owner');
    const second = await user('second');
    const late = await user('late');
    const session = await owner.sessions.create({ name: 'Pair', maxParticipants: 2 });
    for (const api of [owner, second]) {
      const hub = new HubConnectionBuilder()
        .withUrl(`${server.url}${HUB_PATH}`, {
          accessTokenFactory: async () => (await api.getAccessToken()) ?? '',
          transport: HttpTransportType.WebSockets,
        })
        .configureLogging(LogLevel.None)
        .build();
      hubs.push(hub);
      await hub.start();
      await hub.invoke('JoinSession', session.id, api.user?.username);
    }
    const error = await failure(late.sessions.join(session.id));
    expect(error).toMatchObject({ code: 'SESSION_FULL', status: 409 });
    await expect(owner.sessions.join(session.id)).resolves.toMatchObject({ session: { id: session.id } });
  });
});

describe('rate limits', () => {
  it('is RATE_LIMITED (429) with retryAfterSeconds from Retry-After; login is not retried', async () => {
    const limited = await startRealServer({
      rateLimits: { loginPerIp: { points: 2, durationSeconds: 60 } },
    });
    try {
      const api = new SmaRTCApi({ serverUrl: limited.url });
      const name = uniqueName();
      await api.auth.register(name, PASSWORD);
      await api.auth.login(name, PASSWORD);
      await api.auth.login(name, PASSWORD);
      const error = await failure(api.auth.login(name, PASSWORD));
      expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryable: true });
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
      api.dispose();
    } finally {
      await limited.close();
    }
  });
});
