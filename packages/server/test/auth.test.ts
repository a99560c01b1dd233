import { ErrorCode, isErrorBody, isLoginResponse, Limits } from '@smartc/protocol';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { startTestServer, TEST_JWT_SECRET } from './helpers.js';

describe('POST /api/auth/register', () => {
  it('creates a user with role "user" and answers 201 with {id, username, role}', async () => {
    const t = await startTestServer();
    const reply = await t.request('POST', '/api/auth/register', {
      body: { username: 'carol', password: 'Carol123!' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ id: expect.any(String), username: 'carol', role: 'user' });
  });

  it('never takes the role from the client', async () => {
    const t = await startTestServer();
    const reply = await t.request('POST', '/api/auth/register', {
      body: { username: 'mallory', password: 'Mallory123!', role: 'admin' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ username: 'mallory', role: 'user' });
    const { token } = await t.login('mallory', 'Mallory123!');
    const me = await t.request('GET', '/api/auth/me', { token });
    expect(me.body).toMatchObject({ username: 'mallory', role: 'user' });
    const admin = await t.request('GET', '/api/admin/users', { token });
    expect(admin.status).toBe(403);
    expect(admin.body).toMatchObject({ error: { code: ErrorCode.FORBIDDEN } });
  });

  it('answers 409 AUTH_USERNAME_TAKEN for a duplicate, case-insensitively', async () => {
    const t = await startTestServer();
    await t.register('Dave');
    const reply = await t.request('POST', '/api/auth/register', {
      body: { username: 'dave', password: 'Passw0rd!' },
    });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ error: { code: ErrorCode.AUTH_USERNAME_TAKEN } });
  });

  it('answers 400 VALIDATION_FAILED with details for bad input', async () => {
    const t = await startTestServer();
    const short = await t.request('POST', '/api/auth/register', {
      body: { username: 'x', password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(isErrorBody(short.body)).toBe(true);
    const error = (short.body as { error: { code: string; details: { path: string }[] } }).error;
    expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(error.details.map((d) => d.path).join(' ')).toMatch(/username|password/);

    const missing = await t.request('POST', '/api/auth/register', { body: { username: 'someone' } });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('password');

    const badChars = await t.request('POST', '/api/auth/register', {
      body: { username: 'a b<c>', password: 'Passw0rd!' },
    });
    expect(badChars.status).toBe(400);
  });

  it('answers 400 for malformed JSON and 413 PAYLOAD_TOO_LARGE for oversized bodies', async () => {
    const t = await startTestServer();
    const malformed = await t.request('POST', '/api/auth/register', {
      rawBody: '{"username": "x",',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: ErrorCode.VALIDATION_FAILED } });

    const huge = await t.request('POST', '/api/auth/register', {
      body: { username: 'big', password: 'x'.repeat(Limits.restBodyMaxBytes + 10) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: { code: ErrorCode.PAYLOAD_TOO_LARGE } });
  });
});

describe('POST /api/auth/login', () => {
  it('returns a token, its expiry and the user', async () => {
    const t = await startTestServer({ jwtTtlSeconds: 3600 });
    await t.register('erin', 'Erin1234!');
    const before = Date.now();
    const reply = await t.request('POST', '/api/auth/login', {
      body: { username: 'ERIN', password: 'Erin1234!' },
    });
    expect(reply.status).toBe(200);
    expect(isLoginResponse(reply.body)).toBe(true);
    const body = reply.body as { token: string; expiresAt: string; user: { username: string } };
    expect(body.user.username).toBe('erin');
    const expires = Date.parse(body.expiresAt);
    expect(expires).toBeGreaterThan(before + 3500_000);
    expect(expires).toBeLessThan(before + 3700_000);
    expect(body.token.split('.')).toHaveLength(3);
  });

  it('gives the same 401 for an unknown user and a wrong password', async () => {
    const t = await startTestServer();
    await t.register('frank', 'Frank123!');
    const wrong = await t.request('POST', '/api/auth/login', {
      body: { username: 'frank', password: 'nope-nope' },
    });
    const unknown = await t.request('POST', '/api/auth/login', {
      body: { username: 'ghost', password: 'nope-nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ error: { code: ErrorCode.AUTH_INVALID_CREDENTIALS } });
  });
});

describe('GET /api/auth/me', () => {
  it('returns the signed-in user', async () => {
    const t = await startTestServer();
    const { token, user } = await t.signUp('gina');
    const reply = await t.request('GET', '/api/auth/me', { token });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(user);
  });

  it('answers 401 AUTH_REQUIRED without a token', async () => {
    const t = await startTestServer();
    const reply = await t.request('GET', '/api/auth/me');
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ error: { code: ErrorCode.AUTH_REQUIRED } });
  });

  it('answers 401 AUTH_TOKEN_EXPIRED for an expired token', async () => {
    const t = await startTestServer();
    const { user } = await t.signUp('hank');
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ name: user.username, role: user.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer('smartc')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const reply = await t.request('GET', '/api/auth/me', { token: expired });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ error: { code: ErrorCode.AUTH_TOKEN_EXPIRED } });
  });

  it('answers 401 AUTH_TOKEN_INVALID for a tampered or foreign token', async () => {
    const t = await startTestServer();
    const { token, user } = await t.signUp('ivy');
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: user.id, name: 'ivy', role: 'admin', iss: 'smartc', exp: 4102444800 }),
    ).toString('base64url');
    const tampered = await t.request('GET', '/api/auth/me', { token: `${header}.${payload}.${signature}` });
    expect(tampered.status).toBe(401);
    expect(tampered.body).toMatchObject({ error: { code: ErrorCode.AUTH_TOKEN_INVALID } });

    const foreign = await new SignJWT({ name: 'ivy', role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer('smartc')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-that-is-long-enough-0123456789'));
    const other = await t.request('GET', '/api/auth/me', { token: foreign });
    expect(other.body).toMatchObject({ error: { code: ErrorCode.AUTH_TOKEN_INVALID } });

    const garbage = await t.request('GET', '/api/auth/me', { token: 'not-a-jwt' });
    expect(garbage.body).toMatchObject({ error: { code: ErrorCode.AUTH_TOKEN_INVALID } });
  });
});

describe('auth rate limits', () => {
  it('answers 429 RATE_LIMITED with Retry-After after too many logins from one IP', async () => {
    const t = await startTestServer({
      rateLimits: { loginPerIp: { points: 3, durationSeconds: 60 } },
    });
    for (let i = 0; i < 3; i++) {
      const r = await t.request('POST', '/api/auth/login', {
        body: { username: 'nobody', password: 'whatever1' },
      });
      expect(r.status).toBe(401);
    }
    const limited = await t.request('POST', '/api/auth/login', {
      body: { username: 'nobody', password: 'whatever1' },
    });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: ErrorCode.RATE_LIMITED } });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('locks one username after repeated failures, even with the right password, then others still work', async () => {
    const t = await startTestServer({
      rateLimits: { loginFailuresPerUsername: { points: 2, durationSeconds: 600 } },
    });
    await t.register('judy', 'Judy1234!');
    await t.register('ken', 'Ken12345!');
    for (let i = 0; i < 2; i++) {
      expect(
        (await t.request('POST', '/api/auth/login', { body: { username: 'judy', password: 'bad-pass' } }))
          .status,
      ).toBe(401);
    }
    const locked = await t.request('POST', '/api/auth/login', {
      body: { username: 'judy', password: 'Judy1234!' },
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const other = await t.request('POST', '/api/auth/login', {
      body: { username: 'ken', password: 'Ken12345!' },
    });
    expect(other.status).toBe(200);
  });

  it('limits registrations per IP', async () => {
    const t = await startTestServer({ rateLimits: { registerPerIp: { points: 1, durationSeconds: 600 } } });
    await t.register('leo');
    const second = await t.request('POST', '/api/auth/register', {
      body: { username: 'mia', password: 'Passw0rd!' },
    });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
