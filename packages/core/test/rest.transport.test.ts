import { afterEach, describe, expect, it } from 'vitest';
import { NetworkError, SmaRTCApi, SmaRTCError } from '../src/index.js';
import { closedPortUrl, type FakeServer, sendJson, startFakeServer } from './helpers/restServer.js';

const fakes: FakeServer[] = [];
const apis: SmaRTCApi[] = [];

afterEach(async () => {
  for (const api of apis.splice(0)) api.dispose();
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function fake(handler: Parameters<typeof startFakeServer>[0]): Promise<FakeServer> {
  const server = await startFakeServer(handler);
  fakes.push(server);
  return server;
}

function client(serverUrl: string, options: ConstructorParameters<typeof SmaRTCApi>[0] = {}): SmaRTCApi {
  const api = new SmaRTCApi({
    serverUrl,
    getToken: () => 'test-token',
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
  apis.push(api);
  return api;
}

const fastRetry = { baseDelayMs: 5, maxDelayMs: 20 };

describe('transport failures', () => {
  it('maps a refused connection to NETWORK_UNREACHABLE (retryable, with the cause)', async () => {
    const api = client(await closedPortUrl(), { retry: false });
    const error = await api.sessions.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'NETWORK_UNREACHABLE', retryable: true, status: undefined });
    expect((error as Error).cause).toBeDefined();
    expect((error as Error).message).toContain('cannot be reached');
  });

  it('fails with TIMEOUT within the configured timeout when the server never answers', async () => {
    const server = await fake(() => undefined); // accepts, never answers
    const api = client(server.url, { timeoutMs: 150, retry: false });
    const started = Date.now();
    const error = await api.sessions.get('abc').catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('takes a per-call timeout over the client one', async () => {
    const server = await fake(() => undefined);
    const api = client(server.url, { timeoutMs: 60_000, retry: false });
    await expect(api.sessions.list({ timeoutMs: 100 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('fails with ABORTED when the caller aborts, before or during the request, without retrying', async () => {
    const server = await fake(() => undefined);
    const api = client(server.url);
    const controller = new AbortController();
    const pending = api.sessions.list({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED', retryable: false });
    expect(server.requests).toHaveLength(1);

    await expect(api.sessions.list({ signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'ABORTED',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('aborts requests in flight on dispose()', async () => {
    const server = await fake(() => undefined);
    const api = client(server.url);
    const pending = api.sessions.list();
    await new Promise((r) => setTimeout(r, 30));
    api.dispose();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(api.sessions.list()).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('server answers', () => {
  it('maps a 500 with a non-JSON body to SERVER_ERROR with the status', async () => {
    const server = await fake((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<h1>oops</h1>');
    });
    const error = await client(server.url, { retry: false })
      .sessions.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmaRTCError);
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 500 });
  });

  it('keeps the code, message and details of a SmaRTC error body', async () => {
    const server = await fake((_req, res) =>
      sendJson(res, 400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'name is too long',
          details: [{ path: '/name', message: 'x' }],
        },
      }),
    );
    await expect(client(server.url).sessions.create({ name: 'n' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'name is too long',
      status: 400,
      details: [{ path: '/name', message: 'x' }],
    });
  });

  it('rejects a malformed success body instead of returning undefined fields', async () => {
    const server = await fake((req, res) =>
      req.url === '/api/session' ? sendJson(res, 200, [{ id: 1 }]) : sendJson(res, 200, 'not json', {}),
    );
    const api = client(server.url);
    await expect(api.sessions.list()).rejects.toMatchObject({ code: 'SERVER_ERROR', status: 200 });
    await expect(api.sessions.get('x')).rejects.toMatchObject({ code: 'SERVER_ERROR', status: 200 });
  });

  it('rejects a success body that is not JSON', async () => {
    const server = await fake((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('hello');
    });
    await expect(client(server.url).auth.me()).rejects.toMatchObject({ code: 'SERVER_ERROR', status: 200 });
  });
});

describe('retries', () => {
  it('retries a GET after 503 and network-level failures, then succeeds', async () => {
    const server = await fake((req, res, index) => {
      if (index === 0) return sendJson(res, 503, { error: { code: 'SERVER_ERROR', message: 'busy' } });
      if (index === 1) return req.socket.destroy(); // connection dropped
      sendJson(res, 200, []);
    });
    const sessions = await client(server.url, { retry: fastRetry }).sessions.list();
    expect(sessions).toEqual([]);
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after the configured number of retries with the last error', async () => {
    const server = await fake((_req, res) =>
      sendJson(res, 502, { error: { code: 'SERVER_ERROR', message: 'bad gw' } }),
    );
    const api = client(server.url, { retry: { ...fastRetry, retries: 3 } });
    await expect(api.sessions.list()).rejects.toMatchObject({ code: 'SERVER_ERROR', status: 502 });
    expect(server.requests).toHaveLength(4);
    await expect(api.sessions.list({ retries: 0 })).rejects.toMatchObject({ status: 502 });
    expect(server.requests).toHaveLength(5);
  });

  it('never retries POST or DELETE, and never retries a 500 or 4xx', async () => {
    const server = await fake((req, res) =>
      req.url === '/api/auth/me'
        ? sendJson(res, 500, { error: { code: 'SERVER_ERROR', message: 'bug' } })
        : sendJson(res, 503, { error: { code: 'SERVER_ERROR', message: 'busy' } }),
    );
    const api = client(server.url, { retry: { ...fastRetry, retries: 3 } });
    await expect(api.sessions.create({ name: 'x' })).rejects.toMatchObject({ status: 503 });
    await expect(api.sessions.delete('x')).rejects.toMatchObject({ status: 503 });
    await expect(api.sessions.join('x')).rejects.toMatchObject({ status: 503 });
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'DELETE', 'POST']);
    await expect(api.auth.me()).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(4);
  });

  it('honours Retry-After on a 429 within the cap, and throws RATE_LIMITED beyond it', async () => {
    let limited = 1;
    const server = await fake((_req, res) => {
      if (limited-- > 0) {
        return sendJson(
          res,
          429,
          { error: { code: 'RATE_LIMITED', message: 'slow down' } },
          { 'retry-after': '1' },
        );
      }
      sendJson(res, 200, []);
    });
    const api = client(server.url, { retry: { ...fastRetry, maxRetryAfterSeconds: 1 } });
    const started = Date.now();
    await expect(api.sessions.list()).resolves.toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);

    const slow = await fake((_req, res) =>
      sendJson(res, 429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, { 'retry-after': '120' }),
    );
    const error = await client(slow.url)
      .sessions.list()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
      retryAfterSeconds: 120,
      retryable: true,
    });
    expect(slow.requests).toHaveLength(1);
  });
});
