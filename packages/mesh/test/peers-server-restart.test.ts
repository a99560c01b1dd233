import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RejoinedEvent } from '@smartc/core';
import { type SmaRTCServer, startServer } from '@smartc/server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Bot,
  countFrames,
  createBot,
  fullMesh,
  joinAll,
  meshReport,
  startSources,
  waitFor,
} from './helpers/peers.js';

/** How long the server stays down: longer than a blip, shorter than the reconnect policy gives up. */
const OUTAGE_MS = 4000;

const dir = mkdtempSync(join(tmpdir(), 'smartc-mesh-restart-'));
const cleanups: Array<() => void | Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The reference server on a file database, so a restart keeps its sessions and (dev) secret. */
function serverOn(port: number): Promise<SmaRTCServer> {
  return startServer({
    port,
    host: '127.0.0.1',
    dbPath: join(dir, 'smartc.db'),
    jwtSecret: 'a-fixed-secret-so-resume-tokens-survive-the-restart',
    allowGuests: true,
    adhocRooms: true,
    logLevel: 'silent',
    rateLimits: false,
  });
}

describe('the server goes away mid-call', () => {
  it('frames keep arriving while it is down, and both peers resume under the same peerIds on the same connections', async () => {
    let server = await serverOn(0);
    const port = server.port;
    cleanups.push(async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const a = createBot(server, 'a');
    const b = createBot(server, 'b');
    const bots: Bot[] = [a, b];
    cleanups.push(() => Promise.all(bots.map((bot) => bot.close())).then(() => undefined));
    const sources = startSources();
    cleanups.push(() => sources.stop());
    await a.mesh.setLocalStream(sources.stream);
    const sinks: Array<ReturnType<typeof countFrames>> = [];
    b.mesh.on('remote-track', (_id, track) => {
      if (track.kind === 'video') sinks.push(countFrames(track));
    });
    cleanups.push(() => {
      for (const sink of sinks) sink.stop();
    });

    await joinAll(bots, 'restart-room');
    await waitFor(
      () => fullMesh(bots),
      10_000,
      () => meshReport(bots),
    );
    await waitFor(() => sinks.length === 1 && sinks[0]!.stats.frames > 5, 8000, 'frames before the outage');
    const peerIds = bots.map((bot) => bot.peerId);
    const pcAtB = b.mesh.getPeer(a.peerId)!.pc;
    const rejoined: RejoinedEvent[] = [];
    const left: string[] = [];
    for (const bot of bots) {
      bot.signaling.on('rejoined', (event) => rejoined.push(event));
      bot.signaling.on('peer-left', (peer) => left.push(`${bot.name} saw ${peer.peerId} leave`));
    }

    await server.close();
    const framesAtStop = sinks[0]!.stats.frames;
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    // Signaling is not media: the call went on without the server.
    expect(sinks[0]!.stats.frames).toBeGreaterThan(framesAtStop + 20);
    expect(a.mesh.send(b.peerId, 'while the server is down')).toBe(true);
    await waitFor(
      () => b.received.some((r) => r.data === 'while the server is down'),
      3000,
      'data while the server is down',
    );

    server = await serverOn(port);
    await waitFor(
      () => rejoined.length === 2,
      20_000,
      () => `rejoined: ${JSON.stringify(rejoined)}`,
    );
    expect(rejoined.every((event) => event.resumed)).toBe(true);
    expect(bots.map((bot) => bot.signaling.peerId)).toEqual(peerIds);
    expect(b.mesh.getPeer(a.peerId)!.pc).toBe(pcAtB);
    expect(pcAtB.connectionState).toBe('connected');
    expect(left).toEqual([]);
    expect(
      server.signaling
        .participants('restart-room')
        .map((p) => p.peerId)
        .sort(),
    ).toEqual([...peerIds].sort());
    const framesAfter = sinks[0]!.stats.frames;
    await waitFor(() => sinks[0]!.stats.frames > framesAfter + 5, 3000, 'frames after the restart');
  }, 60_000);
});
