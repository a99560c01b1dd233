import { SignalingClient } from '@smartc/core';
import type { SmaRTCServer } from '@smartc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCall, participant, startVideo, waitForSnapshot } from './helpers/callHarness.js';
import { type CallPair, connectPair } from './helpers/callPair.js';
import { startTestServer, waitFor } from './helpers/peers.js';

let server: SmaRTCServer;
let room = 0;
const nextRoom = () => `call-life-${process.pid}-${++room}`;
const cleanups: Array<() => unknown> = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(async () => {
  await server?.close();
});

async function pair(): Promise<CallPair> {
  const p = await connectPair(server, nextRoom());
  cleanups.push(() => p.close());
  return p;
}

function call(name: string, options: Parameters<typeof createCall>[2] = {}) {
  const c = createCall(server, name, options);
  cleanups.push(() => c.call.dispose());
  return c;
}

/** Who a fresh participant finds in `room`. */
async function othersIn(roomId: string): Promise<string[]> {
  const probe = call('probe').call;
  await probe.join(roomId);
  return probe.getSnapshot().participants.map((p) => p.username);
}

describe('Call lifecycle', () => {
  it('join while joining returns the same promise; joining the joined session resolves at once', async () => {
    const { call: alice } = call('alice');
    const roomId = nextRoom();
    const first = alice.join(roomId);
    expect(alice.join(roomId)).toBe(first);
    expect(alice.getSnapshot().status).toBe('joining');
    await first;
    expect(alice.getSnapshot().status).toBe('joined');
    const snapshot = alice.getSnapshot();
    await alice.join(roomId);
    expect(alice.getSnapshot()).toBe(snapshot);
  });

  it('leave during a join ends in left with no ghost on the server', async () => {
    const { call: alice } = call('alice');
    const roomId = nextRoom();
    const joining = alice.join(roomId);
    const outcome = joining.then(
      () => 'resolved',
      (e: { code?: string }) => e.code,
    );
    await alice.leave();
    expect(await outcome).toBe('ABORTED');
    expect(alice.getSnapshot().status).toBe('left');
    expect(await othersIn(roomId)).toEqual([]);
  });

  it.each([0, 5, 15, 30])(
    'dispose %i ms into a join ends in left with no ghost on the server',
    async (delayMs) => {
      const { call: alice } = call('alice');
      const roomId = nextRoom();
      const outcome = alice.join(roomId).then(
        () => 'resolved',
        (e: { code?: string }) => e.code,
      );
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      await alice.dispose();
      expect(['ABORTED', 'resolved']).toContain(await outcome);
      expect(alice.getSnapshot().status).toBe('left');
      expect(await othersIn(roomId)).toEqual([]);
    },
  );

  it('a left call can join again', async () => {
    const { call: alice } = call('alice');
    const roomId = nextRoom();
    await alice.join(roomId);
    await alice.leave();
    await alice.join(roomId);
    expect(alice.getSnapshot().status).toBe('joined');
    expect(await othersIn(roomId)).toEqual(['alice']);
  });

  it('signaling outage: reconnecting → joined with the same peerId, the participant and its stream kept', async () => {
    const { alice, aliceSnapshots } = await pair();
    const before = alice.getSnapshot();
    const bob = before.participants[0]!;
    // biome-ignore lint/suspicious/noExplicitAny: reaching into SignalR's transport to cut the socket
    (alice.signaling.hubConnection as any).connection.transport._webSocket.terminate();
    const from = aliceSnapshots.length;
    const statuses = () =>
      aliceSnapshots
        .slice(from)
        .map((s) => s.status)
        .filter((s, i, all) => s !== all[i - 1]);
    // the history of published snapshots, so a fast reconnect cannot slip between two polls
    await waitFor(
      () => statuses().includes('reconnecting'),
      5000,
      () => `reconnecting: ${statuses()}`,
    );
    await waitForSnapshot(alice, (s) => s.status === 'joined', 'joined again', 15_000);
    expect(statuses()).toEqual(['reconnecting', 'joined']);
    const after = alice.getSnapshot();
    expect(after.self.peerId).toBe(before.self.peerId);
    const still = participant(alice, bob.peerId);
    expect(still?.stream).toBe(bob.stream);
    expect(still?.connectionState).toBe('connected');
    expect(after.signaling.state).toBe('connected');
  });

  it('dispose: no listeners left on an injected signaling client, every peer connection closed', async () => {
    const signaling = new SignalingClient({ serverUrl: server.url });
    cleanups.push(() => signaling.dispose());
    const initial = signaling.listenerCount();
    const video = startVideo();
    cleanups.push(() => video.stop());
    const { call: alice } = call('alice', { signaling });
    const { call: bob } = call('bob');
    const roomId = nextRoom();
    await Promise.all([alice.join(roomId, { localStream: video.stream }), bob.join(roomId)]);
    await waitForSnapshot(alice, (s) => s.participants[0]?.connectionState === 'connected', 'connected');
    expect(signaling.listenerCount()).toBeGreaterThan(initial);
    const pcs = [...alice.mesh.peers.values()].map((p) => p.pc);
    expect(pcs).toHaveLength(1);
    const mesh = alice.mesh;
    const notified: unknown[] = [];
    alice.subscribe((s) => notified.push(s));
    await alice.dispose();
    expect(signaling.listenerCount()).toBe(initial);
    expect(mesh.listenerCount()).toBe(0);
    for (const pc of pcs) expect(pc.signalingState).toBe('closed');
    expect(alice.getSnapshot().status).toBe('left');
    await waitForSnapshot(bob, (s) => s.participants.length === 0, 'bob no longer sees alice');
    // nothing is published after dispose
    const count = notified.length;
    await new Promise((r) => setTimeout(r, 700));
    expect(notified.length).toBe(count);
  });

  it('dispose of a call that owns its signaling client removes every listener', async () => {
    const { call: alice } = call('alice');
    await alice.join(nextRoom());
    await alice.dispose();
    expect(alice.signaling.listenerCount()).toBe(0);
    expect(alice.signaling.state).toBe('disconnected');
    await expect(alice.join('x')).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
