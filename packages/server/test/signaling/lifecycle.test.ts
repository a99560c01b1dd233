import { ApiRoutes, ErrorCode } from '@smartc/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, hubError, settle, stopAll, type TestClient } from './clients.js';
import { startSignalingServer, type TestServer, type TestUser } from './harness.js';

/** One server for the tests of this file (each test uses its own sessions); others start their own. */
let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startSignalingServer();
});

afterAll(async () => {
  await server.close();
});

afterEach(async () => {
  await stopAll(clients.splice(0));
});

async function joined(
  sessionId: string,
  name: string,
  on: TestServer = server,
): Promise<{ client: TestClient; peerId: string; user: TestUser }> {
  const user = await on.signUp(name);
  const client = await connectClient(on.url, { token: user.token });
  clients.push(client);
  const { peerId } = await client.join(sessionId, name);
  return { client, peerId, user };
}

describe('leaving', () => {
  it('LeaveSession tells the others at once; leaving again or elsewhere is a no-op', async () => {
    const room = await server.createSession('room');
    const alice = await joined(room, 'alice');
    const bob = await joined(room, 'bob');
    expect(await alice.client.invoke('LeaveSession', room)).toBeNull();
    expect(await bob.client.waitFor('UserLeft')).toEqual([
      { username: 'alice', connectionId: alice.peerId, peerId: alice.peerId, reason: 'left' },
    ]);
    expect(server.signaling.participants(room).map((p) => p.peerId)).toEqual([bob.peerId]);
    expect(await alice.client.invoke('LeaveSession', room)).toBeNull();
    expect(await alice.client.invoke('LeaveSession')).toBeNull();
    expect(await bob.client.invoke('LeaveSession', 'not-my-room')).toBeNull();
    expect((await hubError(alice.client.invoke('SendSignal', bob.peerId, 'x'))).code).toBe(
      ErrorCode.SIGNALING_NOT_JOINED,
    );
    await settle();
    expect(bob.client.received('UserLeft')).toHaveLength(1);
    expect(server.signaling.participants(room)).toHaveLength(1);
  });

  it('a client that stops on purpose without LeaveSession leaves at once, as the original SDKs expect', async () => {
    // The shared server keeps a *dropped* participant for 300 ms; a deliberate stop() must not wait for it.
    const room = await server.createSession('room');
    const alice = await joined(room, 'alice');
    const bob = await joined(room, 'bob');
    await alice.client.stop();
    const [left] = await bob.client.waitFor('UserLeft', () => true, 200);
    expect(left).toMatchObject({ peerId: alice.peerId, reason: 'left' });
    expect(server.signaling.participants(room).map((p) => p.peerId)).toEqual([bob.peerId]);
  });

  it('a dropped connection is kept for the grace window, then UserLeft and no ghost remains', async () => {
    // The shared server keeps a dropped participant for 300 ms.
    const room = await server.createSession('room');
    const alice = await joined(room, 'alice');
    const bob = await joined(room, 'bob');
    const dropped = Date.now();
    await alice.client.drop();
    await settle(100);
    expect(bob.client.received('UserLeft')).toEqual([]);
    expect(server.signaling.participants(room)).toHaveLength(2);
    const [left] = await bob.client.waitFor('UserLeft');
    expect(Date.now() - dropped).toBeGreaterThanOrEqual(250);
    expect(left).toEqual({
      username: 'alice',
      connectionId: alice.peerId,
      peerId: alice.peerId,
      reason: 'disconnected',
    });
    expect(server.signaling.participants(room).map((p) => p.peerId)).toEqual([bob.peerId]);
    expect((await hubError(bob.client.invoke('SendSignal', alice.peerId, 'late'))).code).toBe(
      ErrorCode.SIGNALING_PEER_NOT_FOUND,
    );

    await bob.client.stop();
    await settle(500);
    expect(server.signaling.participants(room)).toEqual([]);
  });
});

describe('REST-driven removals', () => {
  it('DELETE /api/session/{id} (endSession) notifies every participant, drops them and stops delivery', async () => {
    const owner = await server.signUp('owner');
    const room = await server.createSession('room', undefined, owner);
    const elsewhere = await server.createSession('elsewhere', undefined, owner);
    const alice = await joined(room, 'alice');
    const bob = await joined(room, 'bob');
    const carol = await joined(elsewhere, 'carol');
    expect((await server.request('DELETE', ApiRoutes.session(room), owner.token)).status).toBe(204);

    for (const me of [alice, bob]) {
      expect(await me.client.waitFor('SessionEnded')).toEqual([{ sessionId: room }]);
      const other = me === alice ? bob : alice;
      expect(await me.client.waitFor('UserLeft')).toEqual([
        {
          username: other === alice ? 'alice' : 'bob',
          connectionId: other.peerId,
          peerId: other.peerId,
          reason: 'session-ended',
        },
      ]);
    }
    expect(server.signaling.participants(room)).toEqual([]);
    expect((await hubError(alice.client.invoke('SendSignal', bob.peerId, 'x'))).code).toBe(
      ErrorCode.SIGNALING_NOT_JOINED,
    );
    // The connections are still usable: rejoining works, and nobody else heard about the ended session.
    expect((await bob.client.join(elsewhere, 'bob')).peers.map((p) => p.peerId)).toEqual([carol.peerId]);
    await settle();
    expect(alice.client.received('UserJoined').filter(([e]) => e.username === 'bob')).toHaveLength(1);
    expect(carol.client.received('SessionEnded')).toEqual([]);
    expect(carol.client.received('UserLeft')).toEqual([]);
  });

  it('POST /api/session/{id}/leave (removeUser) takes that user out and tells the others', async () => {
    const room = await server.createSession('room');
    const alice = await joined(room, 'alice');
    const bob = await joined(room, 'bob');
    expect((await server.request('POST', ApiRoutes.leaveSession(room), alice.user.token)).status).toBe(204);
    expect(await bob.client.waitFor('UserLeft')).toEqual([
      { username: 'alice', connectionId: alice.peerId, peerId: alice.peerId, reason: 'left' },
    ]);
    expect(server.signaling.participants(room).map((p) => p.username)).toEqual(['bob']);
    await server.signaling.removeUser(room, 'u-nobody');
    expect(server.signaling.participants(room)).toHaveLength(1);
    expect((await server.session(room, bob.user)).body.participants.map((p) => p.peerId)).toEqual([
      bob.peerId,
    ]);
  });

  it('close() disconnects everyone, clears presence and pending grace timers', async () => {
    const closing = await startSignalingServer({ resumeGraceMs: 60_000 });
    const room = await closing.createSession('room');
    const alice = await joined(room, 'alice', closing);
    const bob = await joined(room, 'bob', closing);
    await alice.client.drop();
    await settle(50);
    const metrics = await closing.registry.metrics();
    expect(metrics).toMatch(/smartc_signaling_participants 2/);
    expect(metrics).toMatch(/smartc_signaling_connections 1/);
    const closed = new Promise<void>((resolve) => bob.client.connection.onclose(() => resolve()));
    await closing.close();
    await closed;
    expect(closing.signaling.participants(room)).toEqual([]);
    expect(closing.signaling.hub.connectionCount).toBe(0);
  });
});
