import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, type JoinResult } from '@smartc/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { connectClient, hubError, settle, stopAll, type TestClient } from './clients.js';
import { startSignalingServer, type TestServer } from './harness.js';

/** The resume grace window of the shared server. */
const GRACE_MS = 800;
/** Shared by the tests of this file (each uses its own sessions); the restart test starts its own. */
let shared: TestServer;
const servers: TestServer[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  shared = await startSignalingServer({ allowGuests: true, resumeGraceMs: GRACE_MS });
});

afterAll(async () => {
  await shared.close();
});

afterEach(async () => {
  await stopAll(clients.splice(0));
  for (const server of servers.splice(0)) await server.close();
});

async function start(options: Parameters<typeof startSignalingServer>[0] = {}): Promise<TestServer> {
  const server = await startSignalingServer(options);
  servers.push(server);
  return server;
}

async function connect(server: TestServer, name: string): Promise<TestClient> {
  const client = await connectClient(server.url, { token: (await server.signUp(name)).token });
  clients.push(client);
  return client;
}

describe('resume', () => {
  it('within the grace window keeps the peerId and the others see no churn', async () => {
    const server = shared;
    const room = await server.createSession('room');
    const alice = await connect(server, 'alice');
    const bob = await connect(server, 'bob');
    const first = await alice.join(room, 'alice', { media: { audio: true } });
    const b = await bob.join(room, 'bob');
    await alice.drop();
    await settle(100);

    const again = await connect(server, 'alice');
    const resumed = await again.join(room, 'alice', { resumeToken: first.resumeToken });
    expect(resumed).toMatchObject({ peerId: first.peerId, resumed: true, username: 'alice' });
    expect(resumed.peers).toEqual([{ peerId: b.peerId, username: 'bob', media: expect.any(Object) }]);
    expect(resumed.resumeToken).not.toBe('');
    expect(again.received('UserJoined')).toEqual([]);

    await settle(GRACE_MS + 200); // past the grace window
    expect(bob.received('UserLeft')).toEqual([]);
    expect(bob.received('UserJoined')).toHaveLength(1);
    expect(server.signaling.participants(room).map((p) => p.peerId)).toEqual([first.peerId, b.peerId]);

    await bob.invoke('SendSignal', first.peerId, { type: 'offer', sdp: 'v=0' });
    expect(await again.waitFor('ReceiveSignal')).toEqual([b.peerId, { type: 'offer', sdp: 'v=0' }]);
  });

  it('queues signals for a peer in grace and delivers them after it resumes', async () => {
    const server = shared;
    const room = await server.createSession('room');
    const alice = await connect(server, 'alice');
    const bob = await connect(server, 'bob');
    const a = await alice.join(room, 'alice');
    const b = await bob.join(room, 'bob');
    await alice.drop();
    await settle(50);
    const signals = [
      { type: 'offer', sdp: 'v=0 one', gen: 2 },
      { type: 'ice-candidate', candidate: null, gen: 2 },
    ];
    for (const signal of signals) expect(await bob.invoke('SendSignal', a.peerId, signal)).toBeNull();

    const again = await connect(server, 'alice');
    await again.join(room, 'alice', { resumeToken: a.resumeToken });
    await again.waitFor(
      'ReceiveSignal',
      (_from, signal) => (signal as { type: string }).type === 'ice-candidate',
    );
    expect(again.received('ReceiveSignal')).toEqual(signals.map((s) => [b.peerId, s]));
  });

  it('takes over a participant whose old connection is still attached, silently', async () => {
    const server = shared;
    const room = await server.createSession('room');
    const old = await connect(server, 'alice');
    const bob = await connect(server, 'bob');
    const a = await old.join(room, 'alice');
    const b = await bob.join(room, 'bob');
    const fresh = await connect(server, 'alice');
    const taken = await fresh.join(room, 'alice', { resumeToken: a.resumeToken });
    expect(taken).toMatchObject({ peerId: a.peerId, resumed: true });

    await bob.invoke('SendSignal', a.peerId, 'to-alice');
    expect(await fresh.waitFor('ReceiveSignal')).toEqual([b.peerId, 'to-alice']);
    expect((await hubError(old.invoke('SendSignal', b.peerId, 'x'))).code).toBe(
      ErrorCode.SIGNALING_NOT_JOINED,
    );
    await old.stop();
    await settle(GRACE_MS + 200);
    expect(old.received('ReceiveSignal')).toEqual([]);
    expect(bob.received('UserLeft')).toEqual([]);
    expect(bob.received('UserJoined')).toHaveLength(1);
    expect(server.signaling.participants(room)).toHaveLength(2);
  });

  it('rejects invalid, foreign and mismatched resume tokens with SIGNALING_RESUME_REJECTED', async () => {
    const server = shared;
    const room = await server.createSession('room');
    const other = await server.createSession('other');
    const alice = await connect(server, 'alice');
    const a = await alice.join(room, 'alice');
    const mallory = await connect(server, 'mallory');
    const guest = await connectClient(server.url);
    clients.push(guest);

    const cases: Array<[TestClient, string, string]> = [
      [mallory, room, a.resumeToken], // another user
      [alice, other, a.resumeToken], // another session
      [mallory, room, 'garbage'],
      [guest, room, a.resumeToken],
    ];
    for (const [client, sessionId, resumeToken] of cases) {
      const error = await hubError(client.join(sessionId, 'alice', { resumeToken }));
      expect(error.code).toBe(ErrorCode.SIGNALING_RESUME_REJECTED);
    }
    expect(server.signaling.participants(room).map((p) => p.peerId)).toEqual([a.peerId]);
    expect((await mallory.join(room, 'mallory')).peerId).not.toBe(a.peerId);
  });

  it('lets a guest resume under the same display name', async () => {
    const server = shared;
    const room = await server.createSession('room');
    const guest = await connectClient(server.url);
    clients.push(guest);
    const first = await guest.join(room, 'Zoé');
    await guest.drop();
    const back = await connectClient(server.url);
    clients.push(back);
    expect((await hubError(back.join(room, 'Eve', { resumeToken: first.resumeToken }))).code).toBe(
      ErrorCode.SIGNALING_RESUME_REJECTED,
    );
    expect(await back.join(room, 'Zoé', { resumeToken: first.resumeToken })).toMatchObject({
      peerId: first.peerId,
      resumed: true,
    });
  });

  it('after a full server restart keeps the peerIds and announces the resumed peers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smartc-signaling-'));
    const dbPath = join(dir, 'restart.db');
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const before = await start({ dbPath });
    const room = await before.createSession('room');
    const alice = await connect(before, 'alice');
    const bob = await connect(before, 'bob');
    const a = await alice.join(room, 'alice');
    const b = await bob.join(room, 'bob');
    await before.close();

    const after = await start({ dbPath });
    const bob2 = await connect(after, 'bob');
    const bobBack: JoinResult = await bob2.join(room, 'bob', { resumeToken: b.resumeToken });
    expect(bobBack).toMatchObject({ peerId: b.peerId, resumed: true, peers: [] });
    const alice2 = await connect(after, 'alice');
    const aliceBack = await alice2.join(room, 'alice', { resumeToken: a.resumeToken });
    expect(aliceBack).toMatchObject({ peerId: a.peerId, resumed: true });
    expect(aliceBack.peers.map((p) => p.peerId)).toEqual([b.peerId]);

    const [announced] = await bob2.waitFor('UserJoined');
    expect(announced).toMatchObject({
      peerId: a.peerId,
      connectionId: a.peerId,
      username: 'alice',
      resumed: true,
    });
    await alice2.invoke('SendSignal', b.peerId, { type: 'offer', sdp: 'restart' });
    expect(await bob2.waitFor('ReceiveSignal')).toEqual([a.peerId, { type: 'offer', sdp: 'restart' }]);
  });
});
