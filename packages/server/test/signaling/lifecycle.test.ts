import { ErrorCode } from '@smartc/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, hubError, settle, stopAll, type TestClient } from './clients.js';
import { accessToken, startSignalingServer, type TestServer } from './harness.js';

let server: TestServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  await stopAll(clients.splice(0));
  await server?.close();
  server = undefined;
});

async function joined(sessionId: string, name: string): Promise<{ client: TestClient; peerId: string }> {
  const client = await connectClient(server!.url, {
    token: await accessToken({ userId: `u-${name}`, username: name }),
  });
  clients.push(client);
  const { peerId } = await client.join(sessionId, name);
  return { client, peerId };
}

describe('leaving', () => {
  it('LeaveSession tells the others at once; leaving again or elsewhere is a no-op', async () => {
    server = await startSignalingServer();
    server.sessions.add('room');
    const alice = await joined('room', 'alice');
    const bob = await joined('room', 'bob');
    expect(await alice.client.invoke('LeaveSession', 'room')).toBeNull();
    expect(await bob.client.waitFor('UserLeft')).toEqual([
      { username: 'alice', connectionId: alice.peerId, peerId: alice.peerId, reason: 'left' },
    ]);
    expect(server.signaling.participants('room').map((p) => p.peerId)).toEqual([bob.peerId]);
    expect(await alice.client.invoke('LeaveSession', 'room')).toBeNull();
    expect(await alice.client.invoke('LeaveSession')).toBeNull();
    expect(await bob.client.invoke('LeaveSession', 'not-my-room')).toBeNull();
    expect((await hubError(alice.client.invoke('SendSignal', bob.peerId, 'x'))).code).toBe(
      ErrorCode.SIGNALING_NOT_JOINED,
    );
    await settle();
    expect(bob.client.received('UserLeft')).toHaveLength(1);
    expect(server.signaling.participants('room')).toHaveLength(1);
  });

  it('a dropped connection is kept for the grace window, then UserLeft and no ghost remains', async () => {
    server = await startSignalingServer({ resumeGraceMs: 400 });
    server.sessions.add('room');
    const alice = await joined('room', 'alice');
    const bob = await joined('room', 'bob');
    const dropped = Date.now();
    await alice.client.stop();
    await settle(150);
    expect(bob.client.received('UserLeft')).toEqual([]);
    expect(server.signaling.participants('room')).toHaveLength(2);
    const [left] = await bob.client.waitFor('UserLeft');
    expect(Date.now() - dropped).toBeGreaterThanOrEqual(350);
    expect(left).toEqual({
      username: 'alice',
      connectionId: alice.peerId,
      peerId: alice.peerId,
      reason: 'disconnected',
    });
    expect(server.signaling.participants('room').map((p) => p.peerId)).toEqual([bob.peerId]);

    await bob.client.stop();
    await settle(600);
    expect(server.signaling.participants('room')).toEqual([]);
    expect(await server.registry.metrics()).toMatch(/smartc_signaling_participants 0/);
  });
});

describe('REST-driven removals', () => {
  it('endSession notifies every participant, drops them and stops further delivery', async () => {
    server = await startSignalingServer();
    server.sessions.add('room');
    server.sessions.add('elsewhere');
    const alice = await joined('room', 'alice');
    const bob = await joined('room', 'bob');
    const carol = await joined('elsewhere', 'carol');
    await server.signaling.endSession('room');

    for (const me of [alice, bob]) {
      expect(await me.client.waitFor('SessionEnded')).toEqual([{ sessionId: 'room' }]);
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
    expect(server.signaling.participants('room')).toEqual([]);
    expect((await hubError(alice.client.invoke('SendSignal', bob.peerId, 'x'))).code).toBe(
      ErrorCode.SIGNALING_NOT_JOINED,
    );
    // The connections are still usable: rejoining works, and nobody else heard about the ended session.
    expect((await bob.client.join('elsewhere', 'bob')).peers.map((p) => p.peerId)).toEqual([carol.peerId]);
    await settle();
    expect(alice.client.received('UserJoined').filter(([e]) => e.username === 'bob')).toHaveLength(1);
    expect(carol.client.received('SessionEnded')).toEqual([]);
    expect(carol.client.received('UserLeft')).toEqual([]);
  });

  it('removeUser takes that user out of the session and tells the others', async () => {
    server = await startSignalingServer();
    server.sessions.add('room');
    const alice = await joined('room', 'alice');
    const bob = await joined('room', 'bob');
    await server.signaling.removeUser('room', 'u-alice');
    expect(await bob.client.waitFor('UserLeft')).toEqual([
      { username: 'alice', connectionId: alice.peerId, peerId: alice.peerId, reason: 'left' },
    ]);
    expect(server.signaling.participants('room').map((p) => p.username)).toEqual(['bob']);
    await server.signaling.removeUser('room', 'u-nobody');
    expect(server.signaling.participants('room')).toHaveLength(1);
  });

  it('close() disconnects everyone, clears presence and pending grace timers', async () => {
    server = await startSignalingServer({ resumeGraceMs: 60_000 });
    server.sessions.add('room');
    const alice = await joined('room', 'alice');
    await joined('room', 'bob');
    await alice.client.stop();
    await settle(50);
    const closed = new Promise<void>((resolve) => clients[1]!.connection.onclose(() => resolve()));
    await server.close();
    await closed;
    expect(server.signaling.participants('room')).toEqual([]);
    expect(server.signaling.hub.connectionCount).toBe(0);
  });
});
