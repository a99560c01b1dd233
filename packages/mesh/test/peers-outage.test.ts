import type { RejoinedEvent } from '@smartc/core';
import type { SmaRTCServer } from '@smartc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Bot,
  countFrames,
  createBot,
  fullMesh,
  joinAll,
  meshReport,
  startSources,
  startTestServer,
  waitFor,
} from './helpers/peers.js';

let server: SmaRTCServer;
let bots: Bot[] = [];
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
  await Promise.all(bots.map((b) => b.close()));
  bots = [];
});
afterAll(async () => {
  await server?.close();
});

describe('signaling is not media', () => {
  it('a signaling outage keeps the call: frames and data flow, and the resumed rejoin keeps the same connection', async () => {
    const a = createBot(server, 'a');
    const b = createBot(server, 'b');
    bots.push(a, b);
    const sources = startSources();
    cleanups.push(() => sources.stop());
    await a.mesh.setLocalStream(sources.stream);
    const sinks: Array<ReturnType<typeof countFrames>> = [];
    b.mesh.on('remote-track', (_id, track) => {
      if (track.kind === 'video') sinks.push(countFrames(track));
    });
    cleanups.push(() => {
      for (const s of sinks) s.stop();
    });
    await joinAll([a, b], `outage-${process.pid}`);
    await waitFor(
      () => fullMesh([a, b]),
      10_000,
      () => meshReport([a, b]),
    );
    await waitFor(() => sinks.length === 1 && sinks[0]!.stats.frames > 5, 8000, 'frames before the outage');
    await waitFor(() => !!a.mesh.getPeer(b.peerId)?.channels.reliable, 5000, 'channel open');
    const pcAtB = b.mesh.getPeer(a.peerId)!.pc;
    const pcAtA = a.mesh.getPeer(b.peerId)!.pc;
    const rejoined: RejoinedEvent[] = [];
    a.signaling.on('rejoined', (e) => rejoined.push(e));
    const states: string[] = [];
    a.signaling.on('connection-state', ({ state }) => states.push(state));

    // biome-ignore lint/suspicious/noExplicitAny: test-only access to the SignalR transport
    (a.signaling.hubConnection as any).connection.transport._webSocket.terminate();
    await waitFor(() => states.includes('reconnecting'), 5000, 'signaling reconnecting');
    const framesAtCut = sinks[0]!.stats.frames;
    expect(a.mesh.send(b.peerId, 'during the outage')).toBe(true);
    await waitFor(
      () => b.received.some((r) => r.data === 'during the outage'),
      3000,
      'data during the outage',
    );
    await waitFor(() => sinks[0]!.stats.frames > framesAtCut + 5, 3000, 'frames during the outage');

    await waitFor(() => rejoined.length === 1, 15_000, 'rejoined');
    expect(rejoined[0]).toMatchObject({ resumed: true, peerId: a.peerId });
    expect(a.mesh.getPeer(b.peerId)!.pc).toBe(pcAtA);
    expect(b.mesh.getPeer(a.peerId)!.pc).toBe(pcAtB);
    expect(pcAtA.connectionState).toBe('connected');
    const framesAfter = sinks[0]!.stats.frames;
    await waitFor(() => sinks[0]!.stats.frames > framesAfter + 5, 3000, 'frames after the rejoin');
    expect(b.mesh.send(a.peerId, 'after the rejoin')).toBe(true);
    await waitFor(() => a.received.some((r) => r.data === 'after the rejoin'), 3000, 'data after the rejoin');
    expect([...a.failed, ...b.failed]).toEqual([]);
  });
});

describe('teardown', () => {
  it('close() removes every signaling listener and closes every connection', async () => {
    const three = ['a', 'b', 'c'].map((n) => createBot(server, n));
    bots.push(...three);
    const [a] = three as [Bot];
    // An app listener of its own; the mesh was attached right after the client was created (0 listeners then).
    a.signaling.on('message', () => {});
    const initial = 1;
    await joinAll(three, `teardown-${process.pid}`);
    await waitFor(
      () => fullMesh(three),
      10_000,
      () => meshReport(three),
    );
    const pcs = [...a.mesh.peers.values()].map((p) => p.pc);
    expect(pcs).toHaveLength(2);
    const before = a.signaling.listenerCount();
    expect(before).toBeGreaterThan(initial);
    a.mesh.close();
    expect(a.signaling.listenerCount()).toBe(initial);
    expect(a.mesh.peers.size).toBe(0);
    for (const pc of pcs) expect(pc.connectionState).toBe('closed');
    a.mesh.close(); // idempotent
    expect(a.mesh.send(three[1]!.peerId, 'x')).toBe(false);
  });
});
