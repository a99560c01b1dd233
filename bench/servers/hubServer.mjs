// The SmaRTC reference server for the benchmarks, in its own process: in-memory storage, guests and
// ad-hoc rooms on (clients join without accounts), rate limits and logs off. Reports its port over IPC.
import { startServer } from '@smartc/server';

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

process.send?.({ ready: true, port: server.port });
process.on('message', (m) => {
  if (m?.cmd === 'measure') {
    globalThis.gc?.();
    process.send?.({ memory: process.memoryUsage() });
  }
});
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
process.on('disconnect', () => process.exit(0)); // the benchmark process died: do not linger
