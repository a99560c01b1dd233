import { ErrorCode, NO_MEDIA } from '@smartc/protocol';
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

async function user(name: string): Promise<TestClient> {
  const client = await connectClient(server!.url, {
    token: await accessToken({ userId: `u-${name}`, username: name }),
  });
  clients.push(client);
  return client;
}

describe('JoinSession', () => {
  it('answers the join, tells the others and (compat) tells the caller about existing peers', async () => {
    server = await startSignalingServer();
    server.sessions.add('room');
    const alice = await user('alice');
    const bob = await user('bob');

    const a = await alice.join('room', 'ignored', { media: { audio: true } });
    expect(a).toMatchObject({ sessionId: 'room', username: 'alice', peers: [], resumed: false });
    expect(a.peerId).toMatch(/^p_[A-Za-z0-9_-]{22}$/);
    expect(a.peerId).not.toBe(alice.connection.connectionId);
    expect(a.iceServers).toEqual([
      { urls: 'stun:stun.example.org:3478' },
      { urls: 'turn:turn.example.org:3478', username: '9999999999:u-alice', credential: 'test' },
    ]);
    expect(typeof a.resumeToken).toBe('string');

    const b = await bob.join('room', 'bob');
    // The compat UserJoined for Alice reached Bob before his join completed.
    expect(bob.received('UserJoined')).toEqual([
      [{ username: 'alice', connectionId: a.peerId, peerId: a.peerId, media: { ...NO_MEDIA, audio: true } }],
    ]);
    expect(b.peers).toEqual([{ peerId: a.peerId, username: 'alice', media: { ...NO_MEDIA, audio: true } }]);
    expect(b.peerId).not.toBe(a.peerId);

    const [joined] = await alice.waitFor('UserJoined');
    expect(joined).toEqual({ username: 'bob', connectionId: b.peerId, peerId: b.peerId, media: NO_MEDIA });
    await settle();
    expect(alice.received('UserJoined')).toHaveLength(1);

    expect(server.signaling.participants('room')).toEqual([
      { peerId: a.peerId, username: 'alice', userId: 'u-alice', joinedAt: expect.any(String) },
      { peerId: b.peerId, username: 'bob', userId: 'u-bob', joinedAt: expect.any(String) },
    ]);
  });

  it('refuses bad arguments with VALIDATION_FAILED and keeps the connection usable', async () => {
    server = await startSignalingServer();
    server.sessions.add('room');
    const alice = await user('alice');
    const bad: unknown[][] = [
      ['has space', 'alice'],
      ['x'.repeat(65), 'alice'],
      [42, 'alice'],
      ['room', 'alice', 'not-an-object'],
      ['room', 'alice', { media: { audio: 'yes' } }],
      ['room', { name: 'alice' }],
    ];
    for (const args of bad) {
      expect((await hubError(alice.connection.invoke('JoinSession', ...args))).code).toBe(
        ErrorCode.VALIDATION_FAILED,
      );
    }
    expect((await hubError(alice.connection.invoke('JoinSession'))).code).toBe(ErrorCode.VALIDATION_FAILED);
    expect((await alice.join('room', 'alice')).sessionId).toBe('room');
  });

  it('refuses unknown sessions unless ad-hoc rooms are enabled', async () => {
    server = await startSignalingServer({ adHocRooms: false });
    const alice = await user('alice');
    const refused = await hubError(alice.join('nowhere', 'alice'));
    expect(refused.code).toBe(ErrorCode.SESSION_NOT_FOUND);
    expect(server.sessions.records.has('nowhere')).toBe(false);
    await server.close();

    server = await startSignalingServer({ adHocRooms: true });
    const bob = await user('bob');
    const joined = await bob.join('pop-up.room', 'bob');
    expect(joined.sessionId).toBe('pop-up.room');
    expect(server.sessions.records.get('pop-up.room')).toMatchObject({ adHoc: true, creatorId: null });
    expect(server.signaling.participants('pop-up.room')).toHaveLength(1);
  });

  it('enforces maxParticipants with SESSION_FULL', async () => {
    server = await startSignalingServer();
    server.sessions.add('small', 2);
    const [a, b, c] = [await user('alice'), await user('bob'), await user('carol')];
    await a.join('small', 'a');
    await b.join('small', 'b');
    const full = await hubError(c.join('small', 'c'));
    expect(full.code).toBe(ErrorCode.SESSION_FULL);
    await settle();
    expect(a.received('UserJoined')).toHaveLength(1);
    expect(server.signaling.participants('small')).toHaveLength(2);
    await b.invoke('LeaveSession', 'small');
    expect((await c.join('small', 'c')).peers).toHaveLength(1);
  });

  it('keeps a connection in one session at a time: joining another leaves the first', async () => {
    server = await startSignalingServer();
    server.sessions.add('one');
    server.sessions.add('two');
    const alice = await user('alice');
    const bob = await user('bob');
    const a = await alice.join('one', 'alice');
    await bob.join('one', 'bob');
    const again = await alice.join('two', 'alice');
    expect(again.peerId).not.toBe(a.peerId);
    const [left] = await bob.waitFor('UserLeft');
    expect(left).toEqual({ username: 'alice', connectionId: a.peerId, peerId: a.peerId, reason: 'left' });
    expect(server.signaling.participants('one').map((p) => p.username)).toEqual(['bob']);
    expect(server.signaling.participants('two').map((p) => p.peerId)).toEqual([again.peerId]);
    // Bob can no longer reach Alice's old peerId, and her new one is in another session.
    expect((await hubError(bob.invoke('SendSignal', a.peerId, 'x'))).code).toBe(
      ErrorCode.SIGNALING_PEER_NOT_FOUND,
    );
    expect((await hubError(bob.invoke('SendSignal', again.peerId, 'x'))).code).toBe(
      ErrorCode.SIGNALING_PEER_NOT_FOUND,
    );
  });

  it('treats a second join of the same session on the same connection as the same participant', async () => {
    server = await startSignalingServer();
    server.sessions.add('room');
    const alice = await user('alice');
    const bob = await user('bob');
    await bob.join('room', 'bob');
    const first = await alice.join('room', 'alice');
    const second = await alice.join('room', 'alice');
    expect(second.peerId).toBe(first.peerId);
    await settle();
    expect(bob.received('UserJoined')).toHaveLength(1);
    expect(server.signaling.participants('room')).toHaveLength(2);
  });
});
