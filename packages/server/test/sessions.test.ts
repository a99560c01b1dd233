import { ApiRoutes, ErrorCode, isSessionDto, type SessionDto } from '@smartc/protocol';
import { describe, expect, it } from 'vitest';
import { startTestServer } from './helpers.js';

describe('/api/session', () => {
  it('creates a session: 201, Location, creator without secrets, generated URL-safe id', async () => {
    const t = await startTestServer();
    const { token, user } = await t.signUp('alice');
    const reply = await t.request<SessionDto>('POST', ApiRoutes.sessions, {
      token,
      body: { name: '  Mon appel  ', description: 'Weekly sync' },
    });
    expect(reply.status).toBe(201);
    expect(isSessionDto(reply.body)).toBe(true);
    expect(reply.body).toMatchObject({
      name: 'Mon appel',
      description: 'Weekly sync',
      creator: { id: user.id, username: 'alice' },
      maxParticipants: 16,
      adHoc: false,
      participants: [],
    });
    expect(Object.keys(reply.body.creator ?? {}).sort()).toEqual(['id', 'username']);
    expect(reply.body.id).toMatch(/^[a-z2-7]{16}$/);
    expect(reply.headers.get('location')).toBe(`/api/session/${reply.body.id}`);
  });

  it('lists, reads and 404s', async () => {
    const t = await startTestServer();
    const { token } = await t.signUp('bob');
    const a = await t.request<SessionDto>('POST', ApiRoutes.sessions, { token, body: { name: 'A' } });
    const b = await t.request<SessionDto>('POST', ApiRoutes.sessions, {
      token,
      body: { name: 'B', maxParticipants: 4 },
    });
    const list = await t.request<SessionDto[]>('GET', ApiRoutes.sessions, { token });
    expect(list.status).toBe(200);
    expect(list.body.map((s) => s.id).sort()).toEqual([a.body.id, b.body.id].sort());
    const one = await t.request<SessionDto>('GET', ApiRoutes.session(b.body.id), { token });
    expect(one.body).toMatchObject({ id: b.body.id, name: 'B', maxParticipants: 4 });
    const missing = await t.request('GET', ApiRoutes.session('does-not-exist'), { token });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: ErrorCode.SESSION_NOT_FOUND } });
  });

  it('rejects bad input with 400 and anonymous callers with 401', async () => {
    const t = await startTestServer();
    const { token } = await t.signUp('carl');
    for (const body of [
      {},
      { name: '' },
      { name: '   ' },
      { name: 'x'.repeat(101) },
      { name: 'ok', maxParticipants: 51 },
    ]) {
      const reply = await t.request('POST', ApiRoutes.sessions, { token, body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body).toMatchObject({ error: { code: ErrorCode.VALIDATION_FAILED } });
    }
    const badId = await t.request('GET', '/api/session/bad%20id!', { token });
    expect(badId.status).toBe(400);
    for (const [method, path] of [
      ['GET', ApiRoutes.sessions],
      ['POST', ApiRoutes.sessions],
      ['GET', ApiRoutes.session('x')],
      ['DELETE', ApiRoutes.session('x')],
      ['POST', ApiRoutes.joinSession('x')],
      ['POST', ApiRoutes.leaveSession('x')],
    ] as const) {
      const reply = await t.request(
        method,
        path,
        method === 'POST' && path === ApiRoutes.sessions ? { body: { name: 'n' } } : {},
      );
      expect(reply.status, `${method} ${path}`).toBe(401);
      expect(reply.body).toMatchObject({ error: { code: ErrorCode.AUTH_REQUIRED } });
    }
  });

  it('lets only the creator or an admin delete a session', async () => {
    const t = await startTestServer();
    const owner = await t.signUp('owner');
    const other = await t.signUp('other');
    const created = await t.request<SessionDto>('POST', ApiRoutes.sessions, {
      token: owner.token,
      body: { name: 'Mine' },
    });
    const id = created.body.id;

    const forbidden = await t.request('DELETE', ApiRoutes.session(id), { token: other.token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ error: { code: ErrorCode.FORBIDDEN } });
    expect((await t.request('GET', ApiRoutes.session(id), { token: owner.token })).status).toBe(200);

    const deleted = await t.request('DELETE', ApiRoutes.session(id), { token: owner.token });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await t.request('GET', ApiRoutes.session(id), { token: owner.token })).status).toBe(404);
    expect((await t.request('DELETE', ApiRoutes.session(id), { token: owner.token })).status).toBe(404);

    // An admin (promoted through the repository, never through the API) may delete anyone's session.
    const again = await t.request<SessionDto>('POST', ApiRoutes.sessions, {
      token: owner.token,
      body: { name: 'Again' },
    });
    await t.server.storage.users.setRole(other.user.id, 'admin');
    const byAdmin = await t.request('DELETE', ApiRoutes.session(again.body.id), { token: other.token });
    expect(byAdmin.status).toBe(204);
  });

  it('join answers the session and ICE servers; leave answers 204; unknown ids 404', async () => {
    const t = await startTestServer();
    const { token } = await t.signUp('dora');
    const created = await t.request<SessionDto>('POST', ApiRoutes.sessions, {
      token,
      body: { name: 'Call' },
    });
    const join = await t.request<{ session: SessionDto; iceServers: unknown[] }>(
      'POST',
      ApiRoutes.joinSession(created.body.id),
      { token },
    );
    expect(join.status).toBe(200);
    expect(join.body.session.id).toBe(created.body.id);
    expect(join.body.iceServers).toEqual([{ urls: ['stun:stun.l.google.com:19302'] }]);
    // Content-Type: application/json with an empty body is accepted on the bodiless POSTs.
    const leave = await t.request('POST', ApiRoutes.leaveSession(created.body.id), {
      token,
      headers: { 'content-type': 'application/json' },
    });
    expect(leave.status).toBe(204);
    const missingJoin = await t.request('POST', ApiRoutes.joinSession('nope'), { token });
    expect(missingJoin.status).toBe(404);
    expect(missingJoin.body).toMatchObject({ error: { code: ErrorCode.SESSION_NOT_FOUND } });
    expect((await t.request('POST', ApiRoutes.leaveSession('nope'), { token })).status).toBe(404);
  });
});

describe('no secret ever leaves the server', () => {
  it('never sends a password hash in any response', async () => {
    const t = await startTestServer();
    const { token, user } = await t.signUp('erin', 'Erin-Secret-1');
    await t.server.storage.users.setRole(user.id, 'admin');
    const created = await t.request<SessionDto>('POST', ApiRoutes.sessions, { token, body: { name: 'S' } });
    const stored = await t.server.storage.users.findById(user.id);
    const hash = stored?.passwordHash ?? 'missing';
    expect(hash).toMatch(/^scrypt\$/);
    const replies = [
      created,
      await t.request('GET', ApiRoutes.sessions, { token }),
      await t.request('GET', ApiRoutes.session(created.body.id), { token }),
      await t.request('POST', ApiRoutes.joinSession(created.body.id), { token }),
      await t.request('GET', ApiRoutes.me, { token }),
      await t.request('GET', ApiRoutes.adminUsers, { token }),
      await t.request('POST', ApiRoutes.login, { body: { username: 'erin', password: 'Erin-Secret-1' } }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBeLessThan(300);
      expect(reply.text).not.toContain(hash);
      expect(reply.text).not.toContain(hash.split('$')[5] ?? 'x');
      expect(reply.text.toLowerCase()).not.toMatch(/passwordhash|password_hash|scrypt\$|Erin-Secret-1/i);
    }
  });
});

describe('GET /api/admin/users', () => {
  it('is 401 anonymous, 403 for users, 200 for admins', async () => {
    const t = await startTestServer();
    const user = await t.signUp('plain');
    const admin = await t.signUp('boss');
    await t.server.storage.users.setRole(admin.user.id, 'admin');
    expect((await t.request('GET', ApiRoutes.adminUsers)).status).toBe(401);
    const denied = await t.request('GET', ApiRoutes.adminUsers, { token: user.token });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: { code: ErrorCode.FORBIDDEN } });
    // The role is read from storage, so the admin's pre-promotion token already works.
    const ok = await t.request<{ username: string; role: string }[]>('GET', ApiRoutes.adminUsers, {
      token: admin.token,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(2);
    expect(ok.body).toEqual(
      expect.arrayContaining([
        { id: user.user.id, username: 'plain', role: 'user' },
        { id: admin.user.id, username: 'boss', role: 'admin' },
      ]),
    );
  });
});
