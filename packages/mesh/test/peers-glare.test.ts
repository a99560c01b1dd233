import type { SmaRTCServer } from '@smartc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const ROUNDS = 20;
const PEERS = 6;

describe('glare: six peers joining at the same instant', () => {
  it(`connects every pair in each of ${ROUNDS} rounds with zero failed negotiations`, {
    timeout: 90_000,
  }, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const bots = Array.from({ length: PEERS }, (_, i) => createBot(server, `r${round}b${i}`));
      const rejections: unknown[] = [];
      try {
        await joinAll(bots, `glare-${process.pid}-${round}`);
        await waitFor(
          () => fullMesh(bots),
          15_000,
          () => `round ${round}: ${meshReport(bots)}`,
        );
        for (const bot of bots) {
          rejections.push(...bot.errors, ...bot.failed);
          expect(bot.mesh.peers.size).toBe(PEERS - 1);
        }
        expect(rejections, `round ${round}`).toEqual([]);
      } finally {
        await Promise.all(bots.map((b: Bot) => b.close()));
      }
    }
  });
});
