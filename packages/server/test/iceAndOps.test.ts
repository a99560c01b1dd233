import { createHmac } from 'node:crypto';
import { ApiRoutes, ErrorCode, type IceConfigResponse } from '@smartc/protocol';
import { describe, expect, it } from 'vitest';
import { startTestServer } from './helpers.js';

describe('GET /api/webrtc/ice', () => {
  it('gives signed-in users the STUN list only when TURN is not configured', async () => {
    const t = await startTestServer({ stunUrls: ['stun:stun.example.org:3478'], turnTtlSeconds: 600 });
    const { token } = await t.signUp('alice');
    for (const path of [ApiRoutes.iceServers, ApiRoutes.iceServersAlias]) {
      const reply = await t.request<IceConfigResponse>('GET', path, { token });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ iceServers: [{ urls: ['stun:stun.example.org:3478'] }], ttl: 600 });
      expect(reply.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('adds TURN with coturn REST credentials that verify against the shared secret', async () => {
    const secret = 'coturn-shared-secret';
    const t = await startTestServer({
      turnSecret: secret,
      turnUrls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'],
      turnTtlSeconds: 3600,
    });
    const { token, user } = await t.signUp('bob');
    const now = Math.floor(Date.now() / 1000);
    const reply = await t.request<IceConfigResponse>('GET', ApiRoutes.iceServers, { token });
    expect(reply.status).toBe(200);
    expect(reply.body.ttl).toBe(3600);
    const turn = reply.body.iceServers.find((s) => JSON.stringify(s.urls).includes('turn:'));
    expect(turn?.urls).toEqual(['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349']);
    const [expiry, subject] = (turn?.username ?? '').split(':');
    expect(subject).toBe(user.id);
    expect(Number(expiry)).toBeGreaterThanOrEqual(now + 3600);
    expect(Number(expiry)).toBeLessThanOrEqual(now + 3602);
    const expected = createHmac('sha1', secret)
      .update(turn?.username ?? '')
      .digest('base64');
    expect(turn?.credential).toBe(expected);
    expect(reply.body.iceServers[0]).toEqual({ urls: ['stun:stun.l.google.com:19302'] });
  });

  it('is 401 for anonymous callers unless guests are allowed', async () => {
    const closed = await startTestServer();
    const denied = await closed.request('GET', ApiRoutes.iceServers);
    expect(denied.status).toBe(401);
    expect(denied.body).toMatchObject({ error: { code: ErrorCode.AUTH_REQUIRED } });

    const open = await startTestServer({
      allowGuests: true,
      turnSecret: 's',
      turnUrls: ['turn:t.example:3478'],
    });
    const guest = await open.request<IceConfigResponse>('GET', ApiRoutes.iceServersAlias);
    expect(guest.status).toBe(200);
    expect(guest.body.iceServers[1]?.username).toMatch(/^\d+:guest-[0-9a-f-]{36}$/);
    // A bad token is still refused, even when guests are allowed.
    const bad = await open.request('GET', ApiRoutes.iceServers, { token: 'forged' });
    expect(bad.body).toMatchObject({ error: { code: ErrorCode.AUTH_TOKEN_INVALID } });
  });
});

describe('operations endpoints', () => {
  it('GET /health reports ok with the database check, and what the server allows', async () => {
    const t = await startTestServer();
    const reply = await t.request<{ status: string; checks: Record<string, { status: string }> }>(
      'GET',
      ApiRoutes.health,
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      status: 'ok',
      version: expect.any(String),
      uptimeSeconds: expect.any(Number),
      checks: { database: { status: 'ok' }, signaling: { status: 'ok' } },
      features: { guests: false, adhocRooms: false },
    });
    const demo = await startTestServer({ demo: true });
    expect((await demo.request('GET', ApiRoutes.health)).body).toMatchObject({
      features: { guests: true, adhocRooms: true },
    });
  });

  it('GET /health answers 503 down when the database is gone', async () => {
    const t = await startTestServer();
    await t.server.storage.close();
    const reply = await t.request('GET', ApiRoutes.health);
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ status: 'down', checks: { database: { status: 'down' } } });
  });

  it('GET /metrics exposes default, HTTP, login and signaling metrics that move with traffic', async () => {
    const t = await startTestServer();
    const first = await t.request('GET', ApiRoutes.metrics);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(first.text).toContain('smartc_process_cpu_user_seconds_total');
    expect(first.text).toMatch(/smartc_signaling_\w+/);

    await t.register('moe');
    await t.request('POST', ApiRoutes.login, { body: { username: 'moe', password: 'wrong-pass' } });
    await t.login('moe');
    const after = await t.request('GET', ApiRoutes.metrics);
    expect(after.text).toMatch(/smartc_logins_total\{result="failure"\} 1/);
    expect(after.text).toMatch(/smartc_logins_total\{result="success"\} 1/);
    expect(after.text).toMatch(/smartc_registrations_total\{result="success"\} 1/);
    expect(after.text).toMatch(
      /smartc_http_requests_total\{method="POST",route="\/api\/auth\/login",status="401"\} 1/,
    );
    expect(after.text).toMatch(/smartc_http_requests_total\{method="GET",route="\/metrics",status="200"\} 1/);
    expect(after.text).toContain('smartc_http_request_duration_seconds_bucket');
  });

  it('serves the OpenAPI document listing every REST route, and the docs UI', async () => {
    const t = await startTestServer();
    const reply = await t.request<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      'GET',
      ApiRoutes.openApiJson,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toMatch(/^3\./);
    const paths = reply.body.paths;
    for (const [path, method] of [
      ['/api/auth/register', 'post'],
      ['/api/auth/login', 'post'],
      ['/api/auth/me', 'get'],
      ['/api/session', 'post'],
      ['/api/session', 'get'],
      ['/api/session/{id}', 'get'],
      ['/api/session/{id}', 'delete'],
      ['/api/session/{id}/join', 'post'],
      ['/api/session/{id}/leave', 'post'],
      ['/api/webrtc/ice', 'get'],
      ['/api/webrtc/ice-servers', 'get'],
      ['/api/admin/users', 'get'],
      ['/health', 'get'],
      ['/metrics', 'get'],
    ] as const) {
      expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    expect(JSON.stringify(paths['/api/auth/register'])).toContain('"409"');
    const ui = await t.request('GET', '/docs');
    expect([200, 302]).toContain(ui.status);
  });

  it('answers unknown routes with 404 NOT_FOUND', async () => {
    const t = await startTestServer();
    const reply = await t.request('GET', '/api/nope');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({
      error: { code: ErrorCode.NOT_FOUND, message: 'No route for GET /api/nope' },
    });
  });
});

describe('CORS', () => {
  const preflight = (t: { url: string }, origin: string) =>
    fetch(`${t.url}${ApiRoutes.login}`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  it('allows no foreign origin by default', async () => {
    const t = await startTestServer();
    const reply = await preflight(t, 'http://localhost:5173');
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows localhost origins in dev mode', async () => {
    const t = await startTestServer({ dev: true });
    const reply = await preflight(t, 'http://localhost:5173');
    expect(reply.status).toBe(204);
    expect(reply.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(reply.headers.get('access-control-allow-credentials')).toBe('true');
    const foreign = await preflight(t, 'https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows exactly the configured origins, on the API and the hub', async () => {
    const t = await startTestServer({ corsOrigins: ['https://app.example.com'] });
    const ok = await preflight(t, 'https://app.example.com');
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(
      (await preflight(t, 'https://other.example.com')).headers.get('access-control-allow-origin'),
    ).toBeNull();
    const hub = await fetch(`${t.url}/signalhub/negotiate?negotiateVersion=1`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    });
    expect(hub.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });
});
