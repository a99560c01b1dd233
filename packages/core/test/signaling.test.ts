import type { Signal } from '@smartc/protocol';
import { describe, expect, it } from 'vitest';
import { SignalingError } from '../src/index.js';
import {
  createSession,
  deleteSession,
  failure,
  newClient,
  record,
  roomId,
  signUp,
  sleep,
  startTestServer,
  waitUntil,
} from './helpers/signaling.js';

const offer: Signal = { type: 'offer', sdp: 'v=0 offer', gen: 1 };

describe('SignalingClient: join and signal', () => {
  it('two clients join one session and exchange signals addressed by peerId', async () => {
    const server = await startTestServer();
    const room = roomId();
    const token = await signUp(server.url, 'alice');
    const alice = newClient(server.url, { getToken: async () => token });
    const bob = newClient(server.url);
    const a = record(alice);
    const b = record(bob);
    const joinedA = await alice.join(room, { username: 'alice', media: { audio: true } });
    expect(alice.state).toBe('connected');
    expect(alice.peerId).toBe(joinedA.peerId);
    expect(alice.sessionId).toBe(room);
    expect(joinedA.peers).toEqual([]);
    const joinedB = await bob.join(room, { username: 'bob' });
    expect(joinedB.peers.map((p) => p.peerId)).toEqual([joinedA.peerId]);
    expect([...bob.peers.keys()]).toEqual([joinedA.peerId]);

    await waitUntil(() => a.of('peer-joined').length === 1, 2000, 'alice sees bob');
    expect(a.of('peer-joined')[0]?.[0]).toMatchObject({ peerId: joinedB.peerId, username: 'bob' });
    await alice.sendSignal(joinedB.peerId, offer);
    await bob.sendSignal(joinedA.peerId, { type: 'answer', sdp: 'v=0 answer' });
    await waitUntil(() => b.of('signal').length === 1 && a.of('signal').length === 1, 2000, 'signals');
    expect(b.of('signal')).toEqual([[joinedA.peerId, offer]]);
    expect(a.of('signal')).toEqual([[joinedB.peerId, { type: 'answer', sdp: 'v=0 answer' }]]);
    // The compat UserJoined (one per existing peer) is no peer-joined for the app.
    await sleep(50);
    expect(b.of('peer-joined')).toEqual([]);
    expect(a.of('connection-state').map(([c]) => c.state)).toEqual(['connecting', 'connected']);

    await bob.leave();
    expect(bob.state).toBe('connected');
    expect(bob.sessionId).toBeUndefined();
    await waitUntil(() => a.of('peer-left').length === 1, 2000, 'alice sees bob leave');
    expect(a.of('peer-left')[0]).toEqual([expect.objectContaining({ peerId: joinedB.peerId }), 'left']);
    expect(alice.peers.size).toBe(0);
  });

  it('five clients all reach each other; another session cannot reach them', async () => {
    const server = await startTestServer();
    const room = roomId();
    const clients = Array.from({ length: 5 }, () => newClient(server.url));
    const recs = clients.map(record);
    const results = [];
    for (const [i, client] of clients.entries())
      results.push(await client.join(room, { username: `user${i}` }));
    const ids = results.map((r) => r.peerId);
    expect(new Set(ids).size).toBe(5);
    await waitUntil(() => clients.every((c) => c.peers.size === 4), 2000, 'full mesh known');
    // everyone saw exactly the later joiners as peer-joined, no duplicates
    recs.forEach((rec, i) => {
      expect(rec.of('peer-joined').map(([p]) => p.peerId)).toEqual(ids.slice(i + 1));
    });

    await Promise.all(
      clients.flatMap((client, i) =>
        ids
          .filter((_, j) => j !== i)
          .map((to) => client.sendSignal(to, { type: 'ice-candidate', candidate: null, gen: i })),
      ),
    );
    await waitUntil(() => recs.every((r) => r.of('signal').length === 4), 2000, 'all signals');
    recs.forEach((rec, i) => {
      const from = rec.of('signal').map(([peerId]) => peerId);
      expect(from.sort()).toEqual(ids.filter((_, j) => j !== i).sort());
    });

    const outsider = newClient(server.url);
    const o = record(outsider);
    await outsider.join(roomId(), { username: 'mallory' });
    const error = await failure(outsider.sendSignal(ids[0] as string, offer));
    expect(error).toBeInstanceOf(SignalingError);
    expect(error.code).toBe('SIGNALING_PEER_NOT_FOUND');
    await sleep(100);
    expect(recs[0]?.of('signal')).toHaveLength(4);
    expect(o.of('signal')).toEqual([]);
  });
});

describe('SignalingClient: events', () => {
  it('media state, chat, and session ended', async () => {
    const server = await startTestServer({ allowGuests: false });
    const ownerToken = await signUp(server.url, 'owner');
    const room = await createSession(server.url, ownerToken);
    const alice = newClient(server.url, { getToken: () => ownerToken });
    const bobToken = await signUp(server.url, 'bob');
    const bob = newClient(server.url, { getToken: () => bobToken });
    const a = record(alice);
    const b = record(bob);
    const joinedA = await alice.join(room, { username: 'owner' });
    const joinedB = await bob.join(room, { username: 'bob' });

    expect(await bob.updateMediaState({ video: true })).toEqual({ audio: false, video: true, screen: false });
    await waitUntil(() => a.of('media-state').length === 1, 2000, 'media state');
    expect(a.of('media-state')).toEqual([[joinedB.peerId, { audio: false, video: true, screen: false }]]);
    expect(alice.peers.get(joinedB.peerId)?.media.video).toBe(true);

    const sent = await alice.sendMessage('hello bob');
    expect(sent).toMatchObject({ text: 'hello bob', fromPeerId: joinedA.peerId, sessionId: room });
    await waitUntil(() => b.of('message').length === 1, 2000, 'chat');
    expect(b.of('message')[0]?.[0]).toMatchObject({ text: 'hello bob', fromPeerId: joinedA.peerId });
    expect((await alice.heartbeat()).serverTime).toEqual(expect.any(String));

    await deleteSession(server.url, ownerToken, room);
    await waitUntil(() => b.of('session-ended').length === 1, 2000, 'session ended');
    expect(b.of('session-ended')).toEqual([[{ sessionId: room }]]);
    expect(b.of('peer-left')).toEqual([
      [expect.objectContaining({ peerId: joinedA.peerId }), 'session-ended'],
    ]);
    expect(bob.sessionId).toBeUndefined();
    expect(bob.peers.size).toBe(0);
    expect((await failure(bob.sendSignal(joinedA.peerId, offer))).code).toBe('SIGNALING_NOT_JOINED');
  });
});

describe('SignalingClient: errors', () => {
  it('maps not joined, payload too large, validation and peer not found to codes', async () => {
    const server = await startTestServer();
    const client = newClient(server.url);
    await client.connect();
    expect((await failure(client.sendSignal('nobody', offer))).code).toBe('SIGNALING_NOT_JOINED');
    expect((await failure(client.sendMessage('hi'))).code).toBe('SIGNALING_NOT_JOINED');
    await client.join(roomId(), { username: 'alice' });
    const huge = { type: 'offer', sdp: 'x'.repeat(40 * 1024) } as const;
    expect((await failure(client.sendSignal('nobody', huge))).code).toBe('SIGNALING_PAYLOAD_TOO_LARGE');
    // over the chat limit: the server's code, recovered from the hub error text
    expect((await failure(client.sendMessage('x'.repeat(5000)))).code).toBe('SIGNALING_PAYLOAD_TOO_LARGE');
    expect((await failure(client.sendSignal('nobody', offer))).code).toBe('SIGNALING_PEER_NOT_FOUND');
    expect(client.state).toBe('connected'); // none of that broke the connection
  });

  it('maps negotiate failures: bad token, guests disabled, server unreachable', async () => {
    const server = await startTestServer({ allowGuests: false });
    const bad = newClient(server.url, { getToken: () => 'not-a-jwt' });
    const states = record(bad);
    const badToken = await failure(bad.connect());
    expect(badToken).toMatchObject({ code: 'AUTH_TOKEN_INVALID', name: 'AuthError', retryable: false });
    expect(bad.state).toBe('disconnected');
    expect(states.of('connection-state').at(-1)?.[0]).toMatchObject({
      state: 'disconnected',
      reason: 'connect-failed',
      error: { code: 'AUTH_TOKEN_INVALID' },
    });
    const guest = newClient(server.url, { transports: ['long-polling'] });
    expect((await failure(guest.join(roomId(), { username: 'guest' }))).code).toBe(
      'SIGNALING_GUESTS_DISABLED',
    );

    const nowhere = newClient('http://127.0.0.1:9');
    expect(await failure(nowhere.connect())).toMatchObject({
      code: 'SIGNALING_CONNECTION_FAILED',
      retryable: true,
    });
  });
});
