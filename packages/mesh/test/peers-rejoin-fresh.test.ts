import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RejoinedEvent } from '@smartc/core';
import { type SmaRTCServer, startServer } from '@smartc/server';
import { afterEach, describe, expect, it } from 'vitest';
import { fullMesh, joinAll, meshReport, startSources, waitFor } from './helpers/peers.js';
import { createRejoinBot } from './helpers/rejoin.js';

/** Short, so the old peerIds missing from the fresh join results are reported left quickly. */
const PEER_LEFT_GRACE_MS = 1000;

const dir = mkdtempSync(join(tmpdir(), 'smartc-mesh-rejoin-fresh-'));
const cleanups: Array<() => void | Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The reference server on a file database; a different `jwtSecret` makes the earlier resume tokens invalid. */
function serverOn(port: number, jwtSecret: string): Promise<SmaRTCServer> {
  return startServer({
    port,
    host: '127.0.0.1',
    dbPath: join(dir, 'smartc.db'),
    jwtSecret,
    allowGuests: true,
    adhocRooms: true,
    logLevel: 'silent',
    rateLimits: false,
  });
}

describe('the server comes back with another secret', () => {
  it('both peers rejoin fresh under new peerIds, close the old connections and connect again with video', async () => {
    let server = await serverOn(0, 'the-first-secret-of-this-test-server-0123456789');
    const port = server.port;
    cleanups.push(async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const a = createRejoinBot(server.url, 'a', { peerLeftGraceMs: PEER_LEFT_GRACE_MS });
    const b = createRejoinBot(server.url, 'b', { peerLeftGraceMs: PEER_LEFT_GRACE_MS });
    const bots = [a, b];
    cleanups.push(() => Promise.all(bots.map((bot) => bot.close())).then(() => undefined));
    for (const bot of bots) {
      const sources = startSources();
      cleanups.push(() => sources.stop());
      await bot.mesh.setLocalStream(sources.stream);
    }
    const framesFrom = (bot: typeof a, peerId: string) => bot.videos.get(peerId)?.stats.frames ?? 0;

    await joinAll(bots, 'rejoin-fresh-room');
    await waitFor(
      () => fullMesh(bots),
      10_000,
      () => meshReport(bots),
    );
    await waitFor(
      () => framesFrom(a, b.peerId) > 5 && framesFrom(b, a.peerId) > 5,
      8000,
      'frames before the restart',
    );
    const oldIds = bots.map((bot) => bot.peerId);
    const oldPcs = [a.mesh.getPeer(b.peerId)!.pc, b.mesh.getPeer(a.peerId)!.pc];
    const rejoined: Array<RejoinedEvent & { bot: string }> = [];
    const disconnected: string[] = [];
    for (const bot of bots) {
      bot.signaling.on('rejoined', (event) => rejoined.push({ ...event, bot: bot.name }));
      bot.mesh.on('peer-disconnected', (peerId, reason) =>
        disconnected.push(`${bot.name}:${peerId}:${reason}`),
      );
    }

    await server.close();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    server = await serverOn(port, 'a-different-secret-so-resume-tokens-are-rejected');

    await waitFor(
      () => rejoined.length === 2,
      20_000,
      () => `rejoined: ${JSON.stringify(rejoined.map(({ result: _r, ...e }) => e))}`,
    );
    for (const [i, bot] of bots.entries()) {
      const event = rejoined.find((e) => e.bot === bot.name)!;
      expect(event.resumed).toBe(false);
      expect(event.previousPeerId).toBe(oldIds[i]);
      expect(event.peerId).not.toBe(oldIds[i]);
      expect(bot.signaling.peerId).toBe(event.peerId);
      expect(bot.mesh.localPeerId).toBe(event.peerId);
      bot.peerId = event.peerId;
    }
    // The connections of the old identities are closed, at once.
    for (const pc of oldPcs) expect(pc.signalingState).toBe('closed');
    expect(disconnected).toEqual(
      expect.arrayContaining([`a:${oldIds[1]}:rebuilt`, `b:${oldIds[0]}:rebuilt`]),
    );

    // New connections under the new peerIds, and nothing left of the old ones (reported left after the grace).
    await waitFor(
      () => fullMesh(bots),
      15_000,
      () => meshReport(bots),
    );
    await waitFor(
      () =>
        [...a.mesh.peers.keys()].join() === b.peerId &&
        [...b.mesh.peers.keys()].join() === a.peerId &&
        !a.signaling.peers.has(oldIds[1]!) &&
        !b.signaling.peers.has(oldIds[0]!),
      PEER_LEFT_GRACE_MS + 5000,
      () =>
        `a: mesh ${[...a.mesh.peers.keys()]} signaling ${[...a.signaling.peers.keys()]}; ` +
        `b: mesh ${[...b.mesh.peers.keys()]} signaling ${[...b.signaling.peers.keys()]}; new ${a.peerId} ${b.peerId}`,
    );
    expect(a.mesh.getPeer(b.peerId)!.pc).not.toBe(oldPcs[0]);
    expect(b.mesh.getPeer(a.peerId)!.pc).not.toBe(oldPcs[1]);

    // Frames flow again, on the new tracks.
    await waitFor(
      () => framesFrom(a, b.peerId) > 5 && framesFrom(b, a.peerId) > 5,
      8000,
      () => `frames after the rejoin: a←b ${framesFrom(a, b.peerId)}, b←a ${framesFrom(b, a.peerId)}`,
    );
    expect(bots.flatMap((bot) => bot.failed)).toEqual([]);
  }, 60_000);
});
