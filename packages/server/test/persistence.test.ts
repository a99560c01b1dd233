import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiRoutes, type SessionDto } from '@smartc/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'smartc-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite file storage', () => {
  it('keeps accounts and sessions across a restart', async () => {
    const dbPath = join(dir, 'nested', 'smartc.db');
    const first = await startTestServer({ dbPath });
    const { token } = await first.signUp('persist', 'Persist123!');
    const created = await first.request<SessionDto>('POST', ApiRoutes.sessions, {
      token,
      body: { name: 'Kept' },
    });
    await first.server.close();

    const second = await startTestServer({ dbPath });
    const login = await second.login('persist', 'Persist123!');
    // A token from before the restart is still valid (same secret).
    expect((await second.request('GET', ApiRoutes.me, { token })).status).toBe(200);
    const list = await second.request<SessionDto[]>('GET', ApiRoutes.sessions, { token: login.token });
    expect(list.body.map((s) => s.id)).toEqual([created.body.id]);
    expect(list.body[0]).toMatchObject({ name: 'Kept', creator: { username: 'persist' } });
  });

  it('keeps the generated dev secret and seeds demo users once', async () => {
    const dbPath = join(dir, 'demo.db');
    const first = await startTestServer({ dbPath, demo: true, jwtSecret: undefined });
    const { token } = await first.login('demo', 'Demo123!');
    await first.server.close();

    const second = await startTestServer({ dbPath, demo: true, jwtSecret: undefined });
    expect((await second.request('GET', ApiRoutes.me, { token })).status).toBe(200);
    const users = await second.server.storage.users.list();
    expect(users.map((u) => u.username).sort()).toEqual(['alice', 'bob', 'demo']);
    await second.login('alice', 'Alice123!');
    await second.login('bob', 'Bob123!');
  });
});
