import { type ServerOptions, type SmaRTCServer, startServer } from '@smartc/server';

/** The real server in demo mode (accounts demo, alice, bob; guests; ad-hoc rooms), in-process, ephemeral port. */
export function startDemoServer(options: ServerOptions = {}): Promise<SmaRTCServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: ':memory:',
    demo: true,
    logLevel: 'silent',
    rateLimits: false,
    ...options,
  });
}

/** A URL where nothing listens: a server started, then stopped. */
export async function deadServerUrl(): Promise<string> {
  const server = await startDemoServer();
  const url = server.url;
  await server.close();
  return url;
}

/** Polls `check` every 20 ms until it holds, or throws with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: () => string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
