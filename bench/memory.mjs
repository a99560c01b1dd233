// (b) Server memory per 1,000 connected-and-joined clients, at growing client counts.
// Each client negotiates, connects over WebSockets, and joins a room of `roomSize` as a guest.
import { HUB_PATH, HubMethod } from '@smartc/protocol';
import { startChildServer } from './lib/childServer.mjs';
import { connectHub } from './lib/hubClient.mjs';
import { round, sleep } from './lib/stats.mjs';

const MB = 1024 * 1024;
const CONNECT_CONCURRENCY = 100;
const SETTLE_MS = 1000;

async function connectMore(baseUrl, clients, target, roomSize) {
  let next = clients.length;
  const worker = async () => {
    while (next < target) {
      const i = next++;
      const client = await connectHub(baseUrl, HUB_PATH);
      await client.invoke(HubMethod.JoinSession, `mem-${Math.floor(i / roomSize)}`, `guest-${i}`);
      clients.push(client);
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, worker));
}

/** Memory rows for each client count in `levels`. */
export async function benchMemory({ levels, roomSize }) {
  const server = await startChildServer(new URL('./servers/hubServer.mjs', import.meta.url).pathname);
  const clients = [];
  const rows = [];
  try {
    await sleep(SETTLE_MS);
    const baseline = await server.measure();
    for (const level of levels) {
      const started = performance.now();
      await connectMore(server.baseUrl, clients, level, roomSize);
      const connectSeconds = (performance.now() - started) / 1000;
      await sleep(SETTLE_MS);
      const m = await server.measure();
      const perThousand = (bytes) => round((bytes / MB) * (1000 / level), 2);
      rows.push({
        'joined clients': level,
        'rss MB': round(m.rss / MB),
        'heap used MB': round(m.heapUsed / MB),
        'RSS per 1k (MB)': perThousand(m.rss - baseline.rss),
        'heap+external per 1k (MB)': perThousand(
          m.heapUsed + m.external - baseline.heapUsed - baseline.external,
        ),
        'connect+join s': round(connectSeconds, 1),
      });
    }
  } finally {
    for (const client of clients) client.close();
    await server.stop();
  }
  return rows;
}
