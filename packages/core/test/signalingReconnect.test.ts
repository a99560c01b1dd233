import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dropConnection,
  failure,
  newClient,
  record,
  roomId,
  sleep,
  startTestServer,
  stopTestServer,
  tempDir,
  waitUntil,
} from './helpers/signaling.js';

const GRACE_MS = 1_000;

describe('SignalingClient: reconnect and rejoin', () => {
  it('survives a server restart on the same port and database: same peerIds, no peer churn, signals flow', async () => {
    const dbPath = join(await tempDir(), 'restart.db');
    const first = await startTestServer({ dbPath, resumeGraceMs: GRACE_MS });
    const port = first.port;
    const room = roomId();
    const clients = ['alice', 'bob', 'carol'].map(() => newClient(first.url));
    const recs = clients.map(record);
    const joined = [];
    for (const [i, c] of clients.entries()) joined.push(await c.join(room, { username: `user${i}` }));
    const ids = joined.map((j) => j.peerId);
    await waitUntil(() => clients.every((c) => c.peers.size === 2), 2000, 'mesh known');
    const before = recs.map((r) => r.all.length);

    await stopTestServer(first);
    await waitUntil(() => clients.every((c) => c.state === 'reconnecting'), 3000, 'reconnecting');
    const second = await startTestServer({ dbPath, port, resumeGraceMs: GRACE_MS });
    await waitUntil(() => clients.every((c) => c.state === 'connected'), 8000, 'reconnected');

    clients.forEach((c, i) => {
      expect(c.peerId).toBe(ids[i]);
      const events = recs[i]?.all.slice(before[i]) ?? [];
      const states = events.filter((e) => e[0] === 'connection-state').map((e) => e[1]);
      expect(states.map((s) => [s.state, s.reason])).toEqual([
        ['reconnecting', 'server-closed'],
        ['connected', 'reconnected'],
      ]);
      const rejoined = events.filter((e) => e[0] === 'rejoined').map((e) => e[1]);
      expect(rejoined).toEqual([
        expect.objectContaining({ resumed: true, peerId: ids[i], previousPeerId: ids[i] }),
      ]);
    });
    expect(
      second.signaling
        .participants(room)
        .map((p) => p.peerId)
        .sort(),
    ).toEqual([...ids].sort());

    await Promise.all(
      clients.map((c, i) => c.sendSignal(ids[(i + 1) % 3] as string, { type: 'answer', sdp: `${i}` })),
    );
    await waitUntil(() => recs.every((r) => r.of('signal').length === 1), 2000, 'signals after restart');
    expect(recs[1]?.of('signal')).toEqual([[ids[0], { type: 'answer', sdp: '0' }]]);

    await sleep(1_700); // past the client's peer-left grace window
    for (const [i, rec] of recs.entries()) {
      const churn = rec.all.slice(before[i]).filter((e) => e[0] === 'peer-left' || e[0] === 'peer-joined');
      expect(churn).toEqual([]);
      expect(clients[i]?.peers.size).toBe(2);
    }
  });

  it('a dropped connection resumes within the grace window; others see nothing; calls made meanwhile wait', async () => {
    const server = await startTestServer({ resumeGraceMs: GRACE_MS });
    const room = roomId();
    const alice = newClient(server.url, { reconnectPolicy: { delays: [150], jitterMs: 0 } });
    const bob = newClient(server.url);
    const a = record(alice);
    const b = record(bob);
    const ja = await alice.join(room, { username: 'alice', media: { audio: true } });
    const jb = await bob.join(room, { username: 'bob' });
    await waitUntil(() => b.of('peer-joined').length === 0 && alice.peers.size === 1, 2000);

    dropConnection(alice);
    await waitUntil(() => alice.state === 'reconnecting', 2000, 'reconnecting');
    expect(a.of('connection-state').at(-1)?.[0]).toMatchObject({
      state: 'reconnecting',
      reason: 'transport-lost',
    });
    // sent while reconnecting: waits for the rejoin, then goes out
    const sent = alice.sendSignal(jb.peerId, { type: 'offer', sdp: 'during outage' });
    await sent;
    expect(alice.state).toBe('connected');
    expect(alice.peerId).toBe(ja.peerId);
    expect(a.of('rejoined')).toEqual([[expect.objectContaining({ resumed: true, peerId: ja.peerId })]]);
    await waitUntil(() => b.of('signal').length === 1, 2000, 'signal delivered');
    expect(b.of('signal')).toEqual([[ja.peerId, { type: 'offer', sdp: 'during outage' }]]);

    await sleep(GRACE_MS + 300);
    expect(b.of('peer-left')).toEqual([]);
    expect(b.of('peer-joined')).toEqual([]);
    expect(a.of('peer-left')).toEqual([]);
    expect(server.signaling.participants(room)).toHaveLength(2);
    expect(bob.peers.get(ja.peerId)?.media.audio).toBe(true);
  });

  it('joins fresh and says so when the resume is rejected (server restarted with another secret)', async () => {
    const first = await startTestServer();
    const port = first.port;
    const room = roomId();
    const alice = newClient(first.url);
    const a = record(alice);
    const before = await alice.join(room, { username: 'alice' });
    await stopTestServer(first);
    await startTestServer({ port, jwtSecret: 'another-secret-0123456789-abcdefghijklmnopqrstuvw' });
    await waitUntil(() => a.of('rejoined').length === 1, 8000, 'rejoined');
    const [event] = a.of('rejoined')[0] ?? [];
    expect(event).toMatchObject({
      resumed: false,
      previousPeerId: before.peerId,
      error: { code: 'SIGNALING_RESUME_REJECTED' },
    });
    expect(alice.peerId).toBe(event?.peerId);
    expect(alice.peerId).not.toBe(before.peerId);
    expect(alice.state).toBe('connected');
  });

  it('gives up when the server stays away longer than the policy allows', async () => {
    const server = await startTestServer();
    const client = newClient(server.url, {
      reconnectPolicy: { delays: [0, 50], jitterMs: 0, maxElapsedMs: 400 },
      rejoinWaitMs: 5_000,
    });
    const rec = record(client);
    await client.join(roomId(), { username: 'alice' });
    await stopTestServer(server);
    await waitUntil(() => client.state === 'reconnecting', 2000);
    const pending = failure(client.sendMessage('anyone?'));
    await waitUntil(() => client.state === 'disconnected', 3000, 'gave up');
    const last = rec.of('connection-state').at(-1)?.[0];
    expect(last).toMatchObject({
      state: 'disconnected',
      previous: 'reconnecting',
      reason: 'reconnect-failed',
    });
    expect(last?.error?.code).toBe('SIGNALING_RECONNECT_FAILED');
    expect(rec.of('error').map(([e]) => e.code)).toEqual(['SIGNALING_RECONNECT_FAILED']);
    expect(await pending).toMatchObject({ code: 'SIGNALING_RECONNECT_FAILED' });
    expect(client.sessionId).toBeUndefined();
    expect(client.resumeToken).toEqual(expect.any(String)); // kept so the app can rejoin later
    expect(client.hubConnection).toBeUndefined();
  });
});
