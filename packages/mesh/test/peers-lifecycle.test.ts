import type { SmaRTCServer } from '@smartc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Bot,
  createBot,
  fullMesh,
  joinAll,
  meshReport,
  startTestServer,
  waitFor,
} from './helpers/peers.js';

let server: SmaRTCServer;
let bots: Bot[] = [];
let room = 0;
const nextRoom = () => `life-${process.pid}-${++room}`;

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await Promise.all(bots.map((b) => b.close()));
  bots = [];
});
afterAll(async () => {
  await server?.close();
});

function make(names: string[], options?: Parameters<typeof createBot>[2]): Bot[] {
  const made = names.map((n) => createBot(server, n, options));
  bots.push(...made);
  return made;
}

async function channelsOpen(a: Bot, b: Bot): Promise<void> {
  await waitFor(
    () => !!a.mesh.getPeer(b.peerId)?.channels.reliable && !!b.mesh.getPeer(a.peerId)?.channels.reliable,
    5000,
    `${a.name}↔${b.name} channels`,
  );
}

async function roundTrip(a: Bot, b: Bot, text: string): Promise<void> {
  expect(a.mesh.send(b.peerId, text)).toBe(true);
  await waitFor(
    () => b.received.some((r) => r.from === a.peerId && r.data === text),
    5000,
    `${text} arrives`,
  );
}

describe('peer lifecycle', () => {
  it('a peer that leaves and rejoins fresh: the others drop its old connection and connect to the new one', async () => {
    const [a, b, c] = make(['a', 'b', 'c']) as [Bot, Bot, Bot];
    const id = nextRoom();
    await joinAll([a, b, c], id);
    await waitFor(
      () => fullMesh([a, b, c]),
      10_000,
      () => meshReport([a, b, c]),
    );
    const oldId = c.peerId;
    const oldPc = a.mesh.getPeer(oldId)!.pc;
    const disconnected: string[] = [];
    a.mesh.on('peer-disconnected', (peerId, reason) => disconnected.push(`${peerId}:${reason}`));

    await c.close();
    await waitFor(() => !a.mesh.getPeer(oldId) && !b.mesh.getPeer(oldId), 5000, 'old peer dropped');
    expect(oldPc.connectionState).toBe('closed');
    expect(disconnected).toEqual([`${oldId}:left`]);

    const c2 = make(['c2'])[0] as Bot;
    await joinAll([c2], id);
    expect(c2.peerId).not.toBe(oldId);
    await waitFor(
      () => fullMesh([a, b, c2]),
      10_000,
      () => meshReport([a, b, c2]),
    );
    expect([...a.mesh.peers.keys()].sort()).toEqual([b.peerId, c2.peerId].sort());
    await channelsOpen(a, c2);
    await roundTrip(a, c2, 'welcome back');
    expect([...a.errors, ...b.errors, ...c2.errors]).toEqual([]);
  });

  it('restartIce(peerId) renegotiates ICE and the connection recovers', async () => {
    const [a, b] = make(['a', 'b']) as [Bot, Bot];
    await joinAll([a, b], nextRoom());
    await waitFor(
      () => fullMesh([a, b]),
      10_000,
      () => meshReport([a, b]),
    );
    await channelsOpen(a, b);
    const pc = a.mesh.getPeer(b.peerId)!.pc;
    const ufrag = () => /a=ice-ufrag:(\S+)/.exec(pc.localDescription?.sdp ?? '')?.[1];
    const before = ufrag();
    a.mesh.restartIce(b.peerId);
    expect(a.restarts).toEqual([{ peerId: b.peerId, attempt: 1 }]);
    await waitFor(() => ufrag() !== before && pc.signalingState === 'stable', 5000, 'new ICE credentials');
    await waitFor(
      () => fullMesh([a, b]),
      10_000,
      () => meshReport([a, b]),
    );
    expect(a.mesh.getPeer(b.peerId)!.pc).toBe(pc);
    await roundTrip(a, b, 'after restart');
    await roundTrip(b, a, 'and back');
    expect([...a.errors, ...b.errors, ...a.failed, ...b.failed]).toEqual([]);
  });

  it('a peer that can never reconnect ends in peer-failed after bounded restarts; the others stay connected', async () => {
    const iceRestart = { disconnectedGraceMs: 200, maxAttempts: 2, attemptTimeoutMs: 800 };
    const [a, b, c] = make(['a', 'b', 'c'], { iceRestart }) as [Bot, Bot, Bot];
    await joinAll([a, b, c], nextRoom());
    await waitFor(
      () => fullMesh([a, b, c]),
      10_000,
      () => meshReport([a, b, c]),
    );
    await channelsOpen(a, b);
    // C's connections vanish silently: its peer layer is gone, but it stays in the session.
    c.mesh.close();
    await waitFor(
      () => a.failed.length === 1 && b.failed.length === 1,
      20_000,
      () => `failed: ${JSON.stringify([a.failed, b.failed, a.restarts])}`,
    );
    expect(a.failed).toEqual([{ peerId: c.peerId, code: 'PEER_CONNECTION_FAILED' }]);
    expect(a.restarts.filter((r) => r.peerId === c.peerId).map((r) => r.attempt)).toEqual([1, 2]);
    expect(a.mesh.getPeer(c.peerId)?.state).toBe('failed');
    expect(a.mesh.getPeer(b.peerId)?.state).toBe('connected');
    await roundTrip(a, b, 'still here');
    expect(a.failed.some((f) => f.peerId === b.peerId)).toBe(false);
  });
});
