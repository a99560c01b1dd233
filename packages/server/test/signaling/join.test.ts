import { ErrorCode, isJoinResult, isUserJoinedEvent, NO_MEDIA } from '@smartc/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
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

async function user(name: string, on: TestServer = server): Promise<TestClient & { user: TestUser }> {
  const account = await on.signUp(name);
  const client = await connectClient(on.url, { token: account.token });
  clients.push(client);
  return Object.assign(client, { user: account });
}

describe('JoinSession', () => {
  it('answers the join, tells the others and (compat) tells the caller about existing peers', async () => {
    const room = await server.createSession('Stand-up');
    const alice = await user('alice');
    const bob = await user('bob');

    const a = await alice.join(room, 'ignored', { media: { audio: true } });
    expect(a).toMatchObject({ sessionId: room, username: 'alice', peers: [], resumed: false });
    expect(a.peerId).toMatch(/^p_[A-Za-z0-9_-]{22}$/);
    expect(a.peerId).not.toBe(alice.connection.connectionId);
    expect(a.iceServers.length).toBeGreaterThan(0);
    expect(typeof a.resumeToken).toBe('string');
    expect(isJoinResult(a)).toBe(true);

    const b = await bob.join(room, 'bob');
    // The compat UserJoined for Alice reached Bob before his join completed.
    expect(bob.received('UserJoined')).toEqual([
      [{ username: 'alice', connectionId: a.peerId, peerId: a.peerId, media: { ...NO_MEDIA, audio: true } }],
    ]);
    expect(b.peers).toEqual([{ peerId: a.peerId, username: 'alice', media: { ...NO_MEDIA, audio: true } }]);
    expect(b.peerId).not.toBe(a.peerId);

    const [joined] = await alice.waitFor('UserJoined');
    expect(joined).toEqual({ username: 'bob', connectionId: b.peerId, peerId: b.peerId, media: NO_MEDIA });
    expect(isUserJoinedEvent(joined)).toBe(true);
    await settle();
    expect(alice.received('UserJoined')).toHaveLength(1);

    // REST shows who is in the call.
    const dto = await server.session(room, alice.user);
    expect(dto.body.participants).toEqual([
      { peerId: a.peerId, username: 'alice', userId: alice.user.userId, joinedAt: expect.any(String) },
      { peerId: b.peerId, username: 'bob', userId: bob.user.userId, joinedAt: expect.any(String) },
    ]);
  });

  it('refuses bad arguments with VALIDATION_FAILED and keeps the connection usable', async () => {
    const room = await server.createSession('Room');
    const alice = await user('alice');
    const bad: unknown[][] = [
      ['has space', 'alice'],
      ['x'.repeat(65), 'alice'],
      [42, 'alice'],
      [room, 'alice', 'not-an-object'],
      [room, 'alice', { media: { audio: 'yes' } }],
      [room, { name: 'alice' }],
      [],
    ];
    for (const args of bad) {
      expect((await hubError(alice.connection.invoke('JoinSession', ...args))).code).toBe(
        ErrorCode.VALIDATION_FAILED,
      );
    }
    expect((await alice.join(room, 'alice')).sessionId).toBe(room);
  });

  it('refuses unknown sessions unless ad-hoc rooms are enabled', async () => {
    const alice = await user('alice');
    expect((await hubError(alice.join('nowhere', 'alice'))).code).toBe(ErrorCode.SESSION_NOT_FOUND);
    expect((await server.session('nowhere', alice.user)).status).toBe(404);

    const adHoc = await startSignalingServer({ adhocRooms: true });
    onTestFinished(() => adHoc.close());
    const bob = await user('bob', adHoc);
    const joined = await bob.join('pop-up.room', 'bob');
    expect(joined.sessionId).toBe('pop-up.room');
    const dto = await adHoc.session('pop-up.room', bob.user);
    expect(dto.body).toMatchObject({ id: 'pop-up.room', adHoc: true, creator: null });
    expect(dto.body.participants.map((p) => p.peerId)).toEqual([joined.peerId]);
  });

  it('enforces maxParticipants with SESSION_FULL', async () => {
    const small = await server.createSession('Small', 2);
    const [a, b, c] = [await user('alice'), await user('bob'), await user('carol')];
    await a.join(small, 'a');
    await b.join(small, 'b');
    expect((await hubError(c.join(small, 'c'))).code).toBe(ErrorCode.SESSION_FULL);
    await settle();
    expect(a.received('UserJoined')).toHaveLength(1);
    expect(server.signaling.participants(small)).toHaveLength(2);
    await b.invoke('LeaveSession', small);
    expect((await c.join(small, 'c')).peers).toHaveLength(1);
  });

  it('never overfills a session under concurrent joins', async () => {
    const small = await server.createSession('Race', 3);
    const racers = await Promise.all(['ann', 'ben', 'cat', 'dan', 'eve'].map((name) => user(name)));
    const outcomes = await Promise.allSettled(racers.map((c) => c.join(small, 'x')));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    for (const o of outcomes.filter((o) => o.status === 'rejected')) {
      expect(await hubError(Promise.reject(o.reason))).toMatchObject({ code: ErrorCode.SESSION_FULL });
    }
    expect(server.signaling.participants(small)).toHaveLength(3);
  });

  it('keeps a connection in one session at a time: joining another leaves the first', async () => {
    const one = await server.createSession('One');
    const two = await server.createSession('Two');
    const alice = await user('alice');
    const bob = await user('bob');
    const a = await alice.join(one, 'alice');
    await bob.join(one, 'bob');
    const again = await alice.join(two, 'alice');
    expect(again.peerId).not.toBe(a.peerId);
    const [left] = await bob.waitFor('UserLeft');
    expect(left).toEqual({ username: 'alice', connectionId: a.peerId, peerId: a.peerId, reason: 'left' });
    expect(server.signaling.participants(one).map((p) => p.username)).toEqual(['bob']);
    expect(server.signaling.participants(two).map((p) => p.peerId)).toEqual([again.peerId]);
    // Bob can no longer reach Alice's old peerId, and her new one is in another session.
    expect((await hubError(bob.invoke('SendSignal', a.peerId, 'x'))).code).toBe(
      ErrorCode.SIGNALING_PEER_NOT_FOUND,
    );
    expect((await hubError(bob.invoke('SendSignal', again.peerId, 'x'))).code).toBe(
      ErrorCode.SIGNALING_PEER_NOT_FOUND,
    );
  });

  it('treats a second join of the same session on the same connection as the same participant', async () => {
    const room = await server.createSession('Room');
    const alice = await user('alice');
    const bob = await user('bob');
    await bob.join(room, 'bob');
    const first = await alice.join(room, 'alice');
    const second = await alice.join(room, 'alice');
    expect(second.peerId).toBe(first.peerId);
    await settle();
    expect(bob.received('UserJoined')).toHaveLength(1);
    expect(server.signaling.participants(room)).toHaveLength(2);
  });
});
