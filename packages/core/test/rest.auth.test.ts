import type { UserDto } from '@smartc/protocol';
import type { SmaRTCServer } from '@smartc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SmaRTCApi,
  type SmaRTCApiOptions,
  type StoredAuth,
  type WebStorageLike,
  webStorageTokenStorage,
} from '../src/index.js';
import { countingFetch, PASSWORD, startRealServer, uniqueName } from './helpers/restServer.js';

let server: SmaRTCServer;
const apis: SmaRTCApi[] = [];

beforeAll(async () => {
  server = await startRealServer();
});

afterAll(async () => {
  for (const api of apis) api.dispose();
  await server.close();
});

function client(options: SmaRTCApiOptions = {}): SmaRTCApi {
  const api = new SmaRTCApi({ serverUrl: server.url, ...options });
  apis.push(api);
  return api;
}

/** An in-memory `Storage`, as `localStorage` behaves. */
class MemoryStorage implements WebStorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

async function registered(): Promise<string> {
  const name = uniqueName();
  await client().auth.register(name, PASSWORD);
  return name;
}

describe('sign-in state', () => {
  it('logs in, sends the token, emits auth-changed, and logs out', async () => {
    const name = await registered();
    const api = client();
    const events: (UserDto | null)[] = [];
    api.on('auth-changed', (user) => events.push(user));
    expect(api.isLoggedIn).toBe(false);
    expect(api.user).toBeNull();
    expect(await api.getAccessToken()).toBeUndefined();

    const login = await api.auth.login(name, PASSWORD);
    expect(login.user).toMatchObject({ username: name, role: 'user' });
    expect(Date.parse(login.expiresAt)).toBeGreaterThan(Date.now());
    expect(api.isLoggedIn).toBe(true);
    expect(api.user).toEqual(login.user);
    expect(await api.getAccessToken()).toBe(login.token);
    await expect(api.auth.me()).resolves.toEqual(login.user);

    await api.auth.logout();
    expect(api.isLoggedIn).toBe(false);
    expect(await api.getAccessToken()).toBeUndefined();
    await expect(api.auth.me()).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(events).toEqual([login.user, null]);
  });

  it('keeps the login in web storage across clients, under the given key', async () => {
    const name = await registered();
    const storage = new MemoryStorage();
    const first = client({ tokenStorage: webStorageTokenStorage(storage, 'app.auth') });
    await first.auth.login(name, PASSWORD);
    expect([...storage.items.keys()]).toEqual(['app.auth']);

    const second = client({ tokenStorage: webStorageTokenStorage(storage, 'app.auth') });
    expect(second.isLoggedIn).toBe(true);
    expect(second.user?.username).toBe(name);
    await expect(second.auth.me()).resolves.toMatchObject({ username: name });

    await second.auth.logout();
    expect(storage.items.size).toBe(0);
    expect(client({ tokenStorage: webStorageTokenStorage(storage, 'app.auth') }).isLoggedIn).toBe(false);
  });

  it('drops an expired stored token and fails with AUTH_TOKEN_EXPIRED without a request', async () => {
    const name = await registered();
    const storage = new MemoryStorage();
    const login = await client({ tokenStorage: webStorageTokenStorage(storage) }).auth.login(name, PASSWORD);
    const expired: StoredAuth = { ...login, expiresAt: new Date(Date.now() - 1_000).toISOString() };
    storage.setItem('smartc.auth', JSON.stringify(expired));

    const counting = countingFetch();
    const api = client({ tokenStorage: webStorageTokenStorage(storage), fetch: counting.fetch });
    expect(api.isLoggedIn).toBe(false);
    expect(storage.items.size).toBe(0);
    await expect(api.auth.me()).rejects.toMatchObject({ code: 'AUTH_TOKEN_EXPIRED' });
    await expect(api.sessions.list()).rejects.toMatchObject({ code: 'AUTH_TOKEN_EXPIRED' });
    expect(counting.requests).toEqual([]);

    await api.auth.login(name, PASSWORD);
    await expect(api.sessions.list()).resolves.toBeInstanceOf(Array);
  });

  it('signs out with auth-changed(null) when the stored login expires while in use', async () => {
    const name = await registered();
    const storage = new MemoryStorage();
    const login = await client().auth.login(name, PASSWORD);
    const soon: StoredAuth = { ...login, expiresAt: new Date(Date.now() + 150).toISOString() };
    storage.setItem('smartc.auth', JSON.stringify(soon));
    const api = client({ tokenStorage: webStorageTokenStorage(storage) });
    expect(api.isLoggedIn).toBe(true);
    const signedOut = new Promise<UserDto | null>((resolve) => api.once('auth-changed', resolve));
    await expect(signedOut).resolves.toBeNull();
    expect(api.isLoggedIn).toBe(false);
    await expect(api.auth.me()).rejects.toMatchObject({ code: 'AUTH_TOKEN_EXPIRED' });
  });

  it('forgets a stored token the server rejects, with auth-changed(null)', async () => {
    const name = await registered();
    const storage = new MemoryStorage();
    const login = await client().auth.login(name, PASSWORD);
    storage.setItem('smartc.auth', JSON.stringify({ ...login, token: `${login.token}x` }));
    const api = client({ tokenStorage: webStorageTokenStorage(storage) });
    const events: (UserDto | null)[] = [];
    api.on('auth-changed', (user) => events.push(user));
    await expect(api.auth.me()).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID', status: 401 });
    expect(events).toEqual([null]);
    expect(api.isLoggedIn).toBe(false);
    expect(storage.items.size).toBe(0);
  });

  it('ignores a corrupt web storage entry', () => {
    const storage = new MemoryStorage();
    storage.setItem('smartc.auth', '{not json');
    expect(client({ tokenStorage: webStorageTokenStorage(storage) }).isLoggedIn).toBe(false);
    expect(storage.items.size).toBe(0);
  });
});

describe('getToken (apps with their own auth)', () => {
  it('sends the token getToken returns, sync or async, without logging in', async () => {
    const name = await registered();
    const { token } = await client().auth.login(name, PASSWORD);
    const sync = client({ getToken: () => token });
    await expect(sync.auth.me()).resolves.toMatchObject({ username: name });
    const async = client({ getToken: async () => token });
    await expect(async.sessions.list()).resolves.toBeInstanceOf(Array);
    expect(await async.getAccessToken()).toBe(token);
    expect(async.isLoggedIn).toBe(false);
  });

  it('treats undefined or null from getToken as no token', async () => {
    let token: string | null = null;
    const api = client({ getToken: () => token });
    await expect(api.auth.me()).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    const name = await registered();
    token = (await client().auth.login(name, PASSWORD)).token;
    await expect(api.auth.me()).resolves.toMatchObject({ username: name });
  });

  it('reports a throwing getToken as AUTH_REQUIRED with the cause', async () => {
    const cause = new Error('session store down');
    const api = client({
      getToken: () => {
        throw cause;
      },
    });
    await expect(api.sessions.list()).rejects.toMatchObject({ code: 'AUTH_REQUIRED', cause });
  });
});

describe('defaults', () => {
  it('uses http://localhost:8080 outside browsers and strips a trailing slash', () => {
    expect(client({ serverUrl: undefined }).serverUrl).toBe('http://localhost:8080');
    expect(client({ serverUrl: 'https://calls.example.com/' }).serverUrl).toBe('https://calls.example.com');
  });

  it('uses the page origin when location exists', () => {
    const g = globalThis as { location?: unknown };
    g.location = { origin: 'https://app.example.com' };
    try {
      expect(client({ serverUrl: undefined }).serverUrl).toBe('https://app.example.com');
    } finally {
      delete g.location;
    }
  });
});
