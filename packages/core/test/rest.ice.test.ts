import type { SmaRTCServer } from '@smartc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  FALLBACK_ICE_SERVERS,
  type IceServersResult,
  SmaRTCApi,
  type SmaRTCApiOptions,
} from '../src/index.js';
import {
  closedPortUrl,
  countingFetch,
  type FakeServer,
  PASSWORD,
  sendJson,
  signedInClient,
  startFakeServer,
  startRealServer,
  uniqueName,
} from './helpers/restServer.js';

const TURN_URL = 'turn:turn.example.com:3478?transport=udp';
let server: SmaRTCServer;
const apis: SmaRTCApi[] = [];
const fakes: FakeServer[] = [];

beforeAll(async () => {
  server = await startRealServer({
    turnUrls: [TURN_URL],
    turnSecret: 'coturn-shared-secret',
    turnTtlSeconds: 600,
    allowGuests: true,
  });
});

afterEach(async () => {
  for (const api of apis.splice(0)) api.dispose();
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

afterAll(async () => {
  await server.close();
});

function client(options: SmaRTCApiOptions = {}): SmaRTCApi {
  const api = new SmaRTCApi({ serverUrl: server.url, ...options });
  apis.push(api);
  return api;
}

/** A fake ICE endpoint handing out numbered credentials with the given ttl. */
async function fakeIce(ttl: number): Promise<FakeServer> {
  const fake = await startFakeServer((_req, res, index) =>
    sendJson(res, 200, {
      iceServers: [{ urls: 'turn:fake:3478', username: `u${index}`, credential: `c${index}` }],
      ttl,
    }),
  );
  fakes.push(fake);
  return fake;
}

describe('ICE configuration from the real server', () => {
  it('returns STUN and TURN with short-lived per-user credentials', async () => {
    const api = await signedInClient(server);
    apis.push(api);
    const me = await api.auth.me();
    const result = await api.ice.getIceServers();
    expect(result.fallback).toBe(false);
    expect(result.ttl).toBe(600);
    expect(result.expiresAt).toBeGreaterThan(Date.now() + 590_000);
    const turn = result.iceServers.find((s) => JSON.stringify(s.urls).includes('turn:'));
    expect(turn).toBeDefined();
    expect(turn?.username).toMatch(new RegExp(`^\\d+:${me.id}$`));
    expect(turn?.credential).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(result.iceServers.some((s) => JSON.stringify(s.urls).includes('stun:'))).toBe(true);
  });

  it('caches within the ttl; concurrent callers share one request', async () => {
    const counting = countingFetch();
    const api = await signedInClient(server, { fetch: counting.fetch });
    apis.push(api);
    const before = counting.requests.length;
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => api.ice.getIceServers()));
    const again = await api.ice.getIceServers();
    expect(new Set([...results, again]).size).toBe(1);
    expect(counting.requests.slice(before)).toEqual(['GET /api/webrtc/ice']);

    await api.ice.getIceServers({ forceRefresh: true });
    expect(counting.requests.slice(before)).toHaveLength(2);
  });

  it('fetches again for a new user (TURN credentials are per user)', async () => {
    const counting = countingFetch();
    const api = await signedInClient(server, { fetch: counting.fetch });
    apis.push(api);
    const first = await api.ice.getIceServers();
    const name = uniqueName();
    await api.auth.register(name, PASSWORD);
    await api.auth.login(name, PASSWORD);
    const second = await api.ice.getIceServers();
    expect(counting.requests.filter((r) => r.includes('/ice'))).toHaveLength(2);
    expect(second.iceServers).not.toEqual(first.iceServers);
  });

  it('serves guests when the server allows them, and reports AUTH_REQUIRED (no fallback) when not', async () => {
    await expect(client().ice.getIceServers()).resolves.toMatchObject({ fallback: false, ttl: 600 });

    const closed = await startRealServer();
    try {
      const api = client({ serverUrl: closed.url });
      await expect(api.ice.getIceServers()).rejects.toMatchObject({ code: 'AUTH_REQUIRED', status: 401 });
    } finally {
      await closed.close();
    }
  });
});

describe('ICE refresh and fallback', () => {
  it('refreshes in the background at 80% of the ttl and emits ice-servers-changed', async () => {
    const fake = await fakeIce(1);
    const api = client({ serverUrl: fake.url });
    const changed: IceServersResult[] = [];
    api.on('ice-servers-changed', (result) => changed.push(result));
    const first = await api.ice.getIceServers();
    expect(first.iceServers[0]?.username).toBe('u0');
    expect(fake.requests).toHaveLength(1);

    // Refresh due at 800 ms, before the expiry at 1 000 ms, without anyone calling.
    await vi.waitFor(() => expect(changed).toHaveLength(1), { timeout: 3_000, interval: 20 });
    expect(fake.requests).toHaveLength(2);
    expect(changed[0]?.iceServers[0]?.username).toBe('u1');
    expect(changed[0]?.expiresAt).toBeGreaterThan(first.expiresAt);
    const now = await api.ice.getIceServers();
    expect(now.iceServers[0]?.username).toBe('u1');
    expect(fake.requests).toHaveLength(2);
  });

  it('stops refreshing on dispose()', async () => {
    const fake = await fakeIce(1);
    const api = client({ serverUrl: fake.url });
    await api.ice.getIceServers();
    api.dispose();
    await new Promise((r) => setTimeout(r, 1_000));
    expect(fake.requests).toHaveLength(1);
  });

  it('falls back to STUN only when the server is unreachable, and asks the server again next time', async () => {
    const api = client({ serverUrl: await closedPortUrl(), retry: false });
    const result = await api.ice.getIceServers();
    expect(result).toMatchObject({
      fallback: true,
      ttl: 0,
      iceServers: [{ urls: 'stun:stun.l.google.com:19302' }],
    });
    expect(result.iceServers).toEqual(FALLBACK_ICE_SERVERS);

    let down = true;
    const flaky = await startFakeServer((req, res) => {
      if (down) return req.socket.destroy();
      sendJson(res, 200, { iceServers: [{ urls: 'stun:own.example.com' }], ttl: 60 });
    });
    fakes.push(flaky);
    const api2 = client({ serverUrl: flaky.url, retry: false });
    await expect(api2.ice.getIceServers()).resolves.toMatchObject({ fallback: true });
    down = false;
    await expect(api2.ice.getIceServers()).resolves.toMatchObject({
      fallback: false,
      iceServers: [{ urls: 'stun:own.example.com' }],
    });
    expect(flaky.requests).toHaveLength(2);
  });

  it('falls back on a timeout and on 5xx, but passes ABORTED through', async () => {
    const hanging = await startFakeServer(() => undefined);
    fakes.push(hanging);
    const api = client({ serverUrl: hanging.url, retry: false });
    await expect(api.ice.getIceServers({ timeoutMs: 100 })).resolves.toMatchObject({ fallback: true });
    await expect(api.ice.getIceServers({ signal: AbortSignal.timeout(50) })).rejects.toMatchObject({
      code: 'ABORTED',
    });

    const broken = await startFakeServer((_req, res) => sendJson(res, 503, 'down'));
    fakes.push(broken);
    await expect(client({ serverUrl: broken.url, retry: false }).ice.getIceServers()).resolves.toMatchObject({
      fallback: true,
    });
  });
});
