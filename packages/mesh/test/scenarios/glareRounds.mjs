// Glare scenario in a process of its own: `rounds` rounds of `peers` peers joining one room at the same
// instant, against the real server, on @roamhq/wrtc. One JSON line per round on stdout, then `{done}`.
// Usage: node glareRounds.mjs [rounds=20] [peers=6] [firstRound=1]; GLARE_LOG=1 prints each bot's
// negotiation log on stderr for a round that did not fully connect.
// It runs outside the vitest worker because @roamhq/wrtc, after many connections, can crash the
// process that hosts it when that process is torn down; here the script exits explicitly once done.
import wrtc from '@roamhq/wrtc';
import { SignalingClient } from '@smartc/core';
import { MeshPeerManager } from '@smartc/mesh';
import { startServer } from '@smartc/server';

const rounds = Number(process.argv[2] ?? 20);
const peers = Number(process.argv[3] ?? 6);
/** The number of the first round (a run continued after a crash of the native addon starts further on). */
const first = Number(process.argv[4] ?? 1);
const ROUND_TIMEOUT_MS = 15_000;

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dbPath: ':memory:',
  dev: true,
  allowGuests: true,
  adhocRooms: true,
  logLevel: 'silent',
  rateLimits: false,
});

function connectedCount(bot) {
  return [...bot.mesh.peers.values()].filter((p) => p.state === 'connected').length;
}

for (let round = first; round <= rounds; round++) {
  const bots = Array.from({ length: peers }, (_, i) => {
    const signaling = new SignalingClient({ serverUrl: server.url });
    const log = [];
    const t0 = Date.now();
    const logger = {
      debug: (m) => log.push(`${Date.now() - t0} ${m}`),
      warn: (m) => log.push(`${Date.now() - t0} WARN ${m}`),
    };
    const mesh = new MeshPeerManager({
      signaling,
      webrtc: wrtc,
      iceServers: () => [],
      ...(process.env.GLARE_LOG ? { logger } : {}),
    });
    const bot = { name: `r${round}b${i}`, signaling, mesh, problems: [], log };
    mesh.on('error', (error) =>
      bot.problems.push(`error: ${error.message} (${error.cause?.message ?? error.cause})`),
    );
    mesh.on('peer-failed', (peerId, error) => bot.problems.push(`peer-failed ${peerId}: ${error.code}`));
    return bot;
  });
  const started = Date.now();
  let full = false;
  try {
    await Promise.all(bots.map((b) => b.mesh.join(`glare-${round}`, { username: b.name })));
    const isFull = () =>
      bots.every((b) => connectedCount(b) === peers - 1 && b.mesh.peers.size === peers - 1);
    while (!isFull() && Date.now() - started <= ROUND_TIMEOUT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    full = isFull();
  } catch (error) {
    bots[0].problems.push(`join failed: ${error.message}`);
  }
  const report = full
    ? undefined
    : bots.flatMap((b) =>
        [...b.mesh.peers.values()]
          .filter((p) => p.state !== 'connected')
          .map(
            (p) =>
              `${b.name}→${p.username}: ${p.state} (polite ${p.polite}, ${p.pc.signalingState}/${p.pc.iceConnectionState})`,
          ),
      );
  const problems = bots.flatMap((b) => b.problems);
  console.log(JSON.stringify({ round, full, ms: Date.now() - started, report, problems }));
  if (!full && process.env.GLARE_LOG)
    for (const b of bots) console.error(`--- ${b.name} ${b.signaling.peerId}\n${b.log.join('\n')}`);
  await Promise.all(
    bots.map(async (b) => {
      b.mesh.close();
      await b.signaling.dispose().catch(() => {});
    }),
  );
}
await server.close();
console.log(JSON.stringify({ done: true }));
process.exit(0);
