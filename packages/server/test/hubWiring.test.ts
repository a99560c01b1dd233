import { HttpTransportType, type HubConnection, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { ApiRoutes, ErrorCode, HUB_PATH, type JoinResult, type SessionDto } from '@smartc/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';

const connections: HubConnection[] = [];

afterEach(async () => {
  await Promise.all(connections.splice(0).map((c) => c.stop().catch(() => undefined)));
});

async function connect(
  t: TestServer,
  token: string,
  transport = HttpTransportType.WebSockets,
): Promise<HubConnection> {
  const connection = new HubConnectionBuilder()
    .withUrl(`${t.url}${HUB_PATH}`, { accessTokenFactory: () => token, transport })
    .configureLogging(LogLevel.None)
    .build();
  connections.push(connection);
  await connection.start();
  return connection;
}

describe('REST and the hub share one port and one state', () => {
  it('shows live participants, refuses a full session with 409, and ends calls on DELETE', async () => {
    const t = await startTestServer();
    const owner = await t.signUp('owner');
    const guest = await t.signUp('guest');
    const third = await t.signUp('third');
    const created = await t.request<SessionDto>('POST', ApiRoutes.sessions, {
      token: owner.token,
      body: { name: 'Pair', maxParticipants: 2 },
    });
    const id = created.body.id;

    const a = await connect(t, owner.token);
    const b = await connect(t, guest.token, HttpTransportType.LongPolling);
    const joinA: JoinResult = await a.invoke('JoinSession', id, 'owner');
    await b.invoke('JoinSession', id, 'guest');

    const live = await t.request<SessionDto>('GET', ApiRoutes.session(id), { token: third.token });
    expect(live.body.participants.map((p) => p.username).sort()).toEqual(['guest', 'owner']);
    expect(live.body.participants.find((p) => p.username === 'owner')).toMatchObject({
      peerId: joinA.peerId,
      userId: owner.user.id,
    });

    const full = await t.request('POST', ApiRoutes.joinSession(id), { token: third.token });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ error: { code: ErrorCode.SESSION_FULL } });
    // Someone already in the call may still pre-flight (e.g. after a reload).
    expect((await t.request('POST', ApiRoutes.joinSession(id), { token: guest.token })).status).toBe(200);

    const left = new Promise<unknown>((resolve) => a.on('UserLeft', resolve));
    expect((await t.request('POST', ApiRoutes.leaveSession(id), { token: guest.token })).status).toBe(204);
    expect(await left).toMatchObject({ username: 'guest', reason: 'left' });
    const afterLeave = await t.request<SessionDto>('GET', ApiRoutes.session(id), { token: owner.token });
    expect(afterLeave.body.participants.map((p) => p.username)).toEqual(['owner']);

    const ended = new Promise<unknown>((resolve) => a.on('SessionEnded', resolve));
    expect((await t.request('DELETE', ApiRoutes.session(id), { token: owner.token })).status).toBe(204);
    expect(await ended).toEqual({ sessionId: id });
  });

  it('refuses hub connections without a valid token when guests are off', async () => {
    const t = await startTestServer();
    const negotiate = await t.request('POST', `${HUB_PATH}/negotiate?negotiateVersion=1`);
    expect(negotiate.status).toBe(401);
    const bad = await t.request('POST', `${HUB_PATH}/negotiate?negotiateVersion=1`, { token: 'nope' });
    expect(bad.status).toBe(401);
  });

  it('lets guests join ad-hoc rooms in demo mode, and the room appears in the REST list', async () => {
    const t = await startTestServer({ demo: true, jwtSecret: undefined });
    const connection = new HubConnectionBuilder()
      .withUrl(`${t.url}${HUB_PATH}`, { transport: HttpTransportType.ServerSentEvents })
      .configureLogging(LogLevel.None)
      .build();
    connections.push(connection);
    await connection.start();
    const joined: JoinResult = await connection.invoke('JoinSession', 'demo-room', 'Visitor');
    expect(joined.sessionId).toBe('demo-room');
    const { token } = await t.login('demo', 'Demo123!');
    const list = await t.request<SessionDto[]>('GET', ApiRoutes.sessions, { token });
    expect(list.body.find((s) => s.id === 'demo-room')).toMatchObject({
      adHoc: true,
      creator: null,
      participants: [expect.objectContaining({ username: 'Visitor', userId: null })],
    });
  });
});
