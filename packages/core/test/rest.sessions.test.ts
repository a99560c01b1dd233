import type { SmaRTCServer } from '@smartc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmaRTCApi } from '../src/index.js';
import { signedInClient, startRealServer } from './helpers/restServer.js';

let server: SmaRTCServer;
let api: SmaRTCApi;

beforeAll(async () => {
  server = await startRealServer({ maxParticipants: 8 });
  api = await signedInClient(server, {}, 'host');
});

afterAll(async () => {
  api.dispose();
  await server.close();
});

describe('sessions', () => {
  it('creates, lists, gets, joins, leaves and deletes a session', async () => {
    const me = await api.auth.me();
    const created = await api.sessions.create({ name: 'Stand-up', description: 'Daily', maxParticipants: 4 });
    expect(created).toMatchObject({
      name: 'Stand-up',
      description: 'Daily',
      maxParticipants: 4,
      creator: { id: me.id, username: me.username },
      participants: [],
      adHoc: false,
    });
    expect(JSON.stringify(created)).not.toMatch(/password|hash/i);

    const defaults = await api.sessions.create({ name: 'Defaults' });
    expect(defaults.description).toBeNull();
    expect(defaults.maxParticipants).toBe(8);

    const list = await api.sessions.list();
    expect(list.map((s) => s.id)).toEqual(expect.arrayContaining([created.id, defaults.id]));
    await expect(api.sessions.get(created.id)).resolves.toEqual(created);

    const joined = await api.sessions.join(created.id);
    expect(joined.session.id).toBe(created.id);
    expect(joined.iceServers.length).toBeGreaterThan(0);
    expect(joined.iceServers[0]?.urls).toBeDefined();
    await expect(api.sessions.leave(created.id)).resolves.toBeUndefined();

    await expect(api.sessions.delete(created.id)).resolves.toBeUndefined();
    await expect(api.sessions.get(created.id)).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
    expect((await api.sessions.list()).map((s) => s.id)).not.toContain(created.id);
  });

  it('rejects an invalid id locally with VALIDATION_FAILED, without a request', async () => {
    for (const id of ['', '  ', '..', '../auth/me', 'x'.repeat(65)]) {
      const error = await api.sessions.get(id).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        status: undefined,
        details: [{ path: 'id' }],
      });
    }
    await expect(api.sessions.join('..')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(api.sessions.delete('a/b')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
