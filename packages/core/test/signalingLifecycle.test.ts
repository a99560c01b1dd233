import { describe, expect, it } from 'vitest';
import type { SignalingClient } from '../src/index.js';
import { newClient, record, roomId, sleep, startTestServer, waitUntil } from './helpers/signaling.js';

/** Handlers the official client holds, per hub event (they must not accumulate). */
function hubHandlerCounts(client: SignalingClient): Record<string, number> {
  const methods =
    (client.hubConnection as unknown as { _methods?: Record<string, unknown[]> })._methods ?? {};
  return Object.fromEntries(Object.entries(methods).map(([name, list]) => [name, list.length]));
}

async function codes(outcomes: Promise<unknown>[]): Promise<string[]> {
  const settled = await Promise.allSettled(outcomes);
  return settled.flatMap((s) =>
    s.status === 'rejected' ? [(s.reason as { code?: string }).code ?? String(s.reason)] : [],
  );
}

describe('SignalingClient: serialised lifecycle', () => {
  it('20 StrictMode-style mount/unmount/mount cycles end with one participant, one connection, no leaks', async () => {
    const server = await startTestServer();
    const room = roomId();
    const client = newClient(server.url);
    const watcher = newClient(server.url);
    await watcher.join(room, { username: 'watcher' });
    const seen = record(watcher);
    const appListener = client.on('signal', () => undefined);
    const listeners = client.listenerCount();

    const outcomes: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      outcomes.push(client.connect(), client.join(room, { username: 'alice' })); // effect
      outcomes.push(client.leave(), client.disconnect()); // cleanup
    }
    const final = client.join(room, { username: 'alice' }); // the effect that stays
    const result = await final;
    const failures = await codes(outcomes);
    expect(failures.every((code) => code === 'ABORTED')).toBe(true);

    expect(client.state).toBe('connected');
    expect(client.peerId).toBe(result.peerId);
    await sleep(200);
    const peerIds = server.signaling.participants(room).map((p) => p.peerId);
    expect(peerIds.sort()).toEqual([result.peerId, watcher.peerId].sort());
    expect(server.signaling.hub.connectionCount).toBe(2); // this client's one + the watcher's
    expect(client.listenerCount()).toBe(listeners);
    expect(Object.values(hubHandlerCounts(client)).every((n) => n === 1)).toBe(true);
    // the watcher's view is consistent: whatever churn it saw, alice is there once in the end
    expect([...watcher.peers.keys()]).toEqual([result.peerId]);
    const joins = seen.of('peer-joined').length;
    const lefts = seen.of('peer-left').length;
    expect(joins - lefts).toBe(1);

    await watcher.sendSignal(result.peerId, { type: 'offer', sdp: 'still works' });
    await waitUntil(() => client.listenerCount('signal') === 1, 100);
    appListener();
    expect(client.listenerCount()).toBe(listeners - 1);
  });

  it('a late answer of an abandoned attempt changes nothing', async () => {
    const server = await startTestServer();
    const room = roomId();
    const client = newClient(server.url);
    const states = record(client);

    const connecting = client.connect();
    const joining = client.join(room, { username: 'alice' });
    const disconnected = client.disconnect();
    expect((await codes([connecting, joining])).every((c) => c === 'ABORTED')).toBe(true);
    await disconnected;
    await sleep(200);
    expect(client.state).toBe('disconnected');
    expect(client.peerId).toBeUndefined();
    expect(client.hubConnection).toBeUndefined();
    expect(server.signaling.participants(room)).toEqual([]);
    expect(server.signaling.hub.connectionCount).toBe(0);
    // superseded before they ran: the app saw no state change at all
    expect(states.of('connection-state')).toEqual([]);

    // join → disconnect → join: exactly one participant, one connection
    void client.join(room, { username: 'alice' }).catch(() => undefined);
    void client.disconnect();
    const last = await client.join(room, { username: 'alice' });
    await sleep(200);
    expect(server.signaling.participants(room).map((p) => p.peerId)).toEqual([last.peerId]);
    expect(server.signaling.hub.connectionCount).toBe(1);
  });

  it('disconnect() in the middle of connects and joins in flight leaves no ghost and one connection', async () => {
    const server = await startTestServer();
    const room = roomId();
    const client = newClient(server.url);
    const outcomes: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      outcomes.push(client.join(room, { username: 'alice' }));
      await sleep(i * 3); // abort at every stage: negotiate, transport, handshake, JoinSession, joined
      outcomes.push(client.disconnect());
      if (i % 3 === 0) outcomes.push(client.connect());
    }
    outcomes.push(client.connect());
    const failures = await codes(outcomes);
    expect(failures.every((code) => code === 'ABORTED')).toBe(true);
    await sleep(200);
    expect(client.state).toBe('connected'); // the last connect() won
    expect(client.sessionId).toBeUndefined();
    expect(server.signaling.participants(room)).toEqual([]);
    expect(server.signaling.hub.connectionCount).toBe(1);
    const result = await client.join(room, { username: 'alice' });
    expect(server.signaling.participants(room).map((p) => p.peerId)).toEqual([result.peerId]);
  });

  it('disconnect() is idempotent and leave() without a session is a no-op', async () => {
    const server = await startTestServer();
    const client = newClient(server.url);
    await client.leave();
    await client.disconnect();
    await client.disconnect();
    expect(client.state).toBe('disconnected');
    await client.connect();
    await client.connect();
    expect(server.signaling.hub.connectionCount).toBe(1);
    await client.disconnect();
    await waitUntil(() => server.signaling.hub.connectionCount === 0, 1000, 'closed');
  });
});
