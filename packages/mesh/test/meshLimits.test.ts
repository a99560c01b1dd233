import type { SmaRTCServer } from '@smartc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeshLimitWarning } from '../src/peers/index.js';
import {
  type Bot,
  createBot,
  fullMesh,
  joinAll,
  meshReport,
  startSources,
  startTestServer,
  waitFor,
} from './helpers/peers.js';

let server: SmaRTCServer;
const cleanups: Array<() => void | Promise<void>> = [];

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await server.close();
});

function bots(names: string[], options: Parameters<typeof createBot>[2] = {}) {
  const list = names.map((name) => createBot(server, name, options));
  cleanups.push(() => Promise.all(list.map((bot) => bot.close())).then(() => undefined));
  return list;
}

function limitsOf(list: Bot[]) {
  const warnings = new Map<Bot, MeshLimitWarning[]>();
  for (const bot of list) {
    warnings.set(bot, []);
    bot.mesh.on('mesh-limit', (w) => warnings.get(bot)!.push(w));
  }
  return warnings;
}

const connectedCount = (bot: Bot) =>
  [...bot.mesh.peers.values()].filter((p) => p.state === 'connected').length;

describe('maxDirectPeers with real peers', () => {
  it('4 peers joining one after the other with a limit of 2: at most 2 connections each, both sides agree, mesh-limit says why', async () => {
    const list = bots(['a', 'b', 'c', 'd'], { maxDirectPeers: 2 });
    const warnings = limitsOf(list);
    for (const bot of list) await joinAll([bot], 'limit-room');
    const [a, b, c, d] = list as [Bot, Bot, Bot, Bot];

    // The first three are a full mesh of two connections each…
    await waitFor(
      () => fullMesh([a, b, c]),
      10_000,
      () => meshReport([a, b, c]),
    );
    // …and nothing else settles in: give a stray offer time to show up.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const bot of list) expect(connectedCount(bot)).toBeLessThanOrEqual(2);
    // Symmetric: a pair has a connection on both sides or on neither (no side left `connecting` alone).
    const oneSided: string[] = [];
    for (const x of list)
      for (const y of list)
        if (x !== y && !!x.mesh.getPeer(y.peerId) !== !!y.mesh.getPeer(x.peerId))
          oneSided.push(`${x.name}→${y.name}: ${x.mesh.getPeer(y.peerId)?.state ?? 'none'}`);
    expect(oneSided).toEqual([]);
    for (const x of list)
      for (const p of x.mesh.peers.values())
        expect(`${x.name}→${p.peerId}:${p.state}`).toMatch(/:connected$/);
    // d is beyond the limit everywhere, and told so.
    expect(d.mesh.peers.size).toBe(0);
    for (const bot of list) {
      const skipped = warnings.get(bot)!.filter((w) => w.reason === 'max-direct-peers');
      if (bot === d)
        expect(skipped.map((w) => w.peerId).sort()).toEqual([a, b, c].map((x) => x.peerId).sort());
      else expect(skipped.map((w) => w.peerId)).toEqual([d.peerId]);
      for (const w of skipped)
        expect(w).toMatchObject({ limit: 2, message: expect.stringContaining('limited to 2') });
    }
    expect(list.flatMap((bot) => bot.failed)).toEqual([]);

    // c leaves: d now ranks within the limit, and a, b and d connect.
    await c.close();
    await waitFor(
      () => fullMesh([a, b, d]),
      10_000,
      () => meshReport([a, b, d]),
    );
    for (const bot of [a, b, d]) expect(bot.mesh.peers.size).toBe(2);
  }, 30_000);

  it('4 peers joining at once with a limit of 2: the same three end up in a full mesh, the fourth with nothing on either side', async () => {
    const list = bots(['a', 'b', 'c', 'd'], { maxDirectPeers: 2 });
    await joinAll(list, 'limit-room-at-once');
    await waitFor(
      () => list.filter((bot) => connectedCount(bot) === 2).length === 3,
      10_000,
      () => meshReport(list),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const outside = list.filter((bot) => bot.mesh.peers.size === 0);
    expect(outside).toHaveLength(1);
    const inside = list.filter((bot) => bot !== outside[0]);
    expect(fullMesh(inside)).toBe(true);
    for (const bot of inside) expect(bot.mesh.getPeer(outside[0]!.peerId)).toBeUndefined();
    expect(list.flatMap((bot) => bot.failed)).toEqual([]);
  }, 30_000);
});

describe('videoUplinkWarningPeers with real peers', () => {
  it('sending video to 3 peers with a warning threshold of 2 emits one uplink warning', async () => {
    const [a] = bots(['a'], { videoUplinkWarningPeers: 2 }) as [Bot];
    const others = bots(['b', 'c', 'd']);
    const warnings = limitsOf([a]);
    const sources = startSources();
    cleanups.push(() => sources.stop());
    await a.mesh.setLocalStream(sources.stream);
    await joinAll([a, ...others], 'uplink-room');
    await waitFor(
      () => fullMesh([a, ...others]),
      15_000,
      () => meshReport([a, ...others]),
    );
    const uplink = warnings.get(a)!.filter((w) => w.reason === 'uplink');
    expect(uplink).toHaveLength(1);
    expect(uplink[0]).toMatchObject({ reason: 'uplink', connectedPeers: 3, limit: 2 });
    expect(warnings.get(a)!.filter((w) => w.reason === 'max-direct-peers')).toEqual([]);
  }, 30_000);
});
