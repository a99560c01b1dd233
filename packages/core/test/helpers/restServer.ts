import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type SmaRTCServer, startServer } from '@smartc/server';
import { type FetchLike, SmaRTCApi, type SmaRTCApiOptions } from '../../src/index.js';

/** Options of the real server, as `startServer` takes them. */
export type ServerOptions = Parameters<typeof startServer>[0];

/** The real SmaRTC server, in-process on an ephemeral port, with an in-memory database. */
export async function startRealServer(options: ServerOptions = {}): Promise<SmaRTCServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: ':memory:',
    dev: true,
    logLevel: 'silent',
    rateLimits: false,
    ...options,
  });
}

let counter = 0;
/** A fresh valid username (the server allows `[A-Za-z0-9_.-]`, 3–32 characters). */
export function uniqueName(prefix = 'user'): string {
  counter++;
  return `${prefix}${counter}_${Math.random().toString(36).slice(2, 8)}`;
}

export const PASSWORD = 'Passw0rd!';

/** Counts the requests a client sends, by method and path. */
export function countingFetch(): { fetch: FetchLike; requests: string[] } {
  const requests: string[] = [];
  const fetchFn: FetchLike = (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${new URL(input).pathname}`);
    return fetch(input, init);
  };
  return { fetch: fetchFn, requests };
}

/** A client of `server`, registered and signed in as a new user. */
export async function signedInClient(
  server: SmaRTCServer,
  options: SmaRTCApiOptions = {},
  prefix = 'user',
): Promise<SmaRTCApi> {
  const api = new SmaRTCApi({ serverUrl: server.url, ...options });
  const username = uniqueName(prefix);
  await api.auth.register(username, PASSWORD);
  await api.auth.login(username, PASSWORD);
  return api;
}

/** A tiny local HTTP server whose answers a test controls; counts the requests it gets. */
export interface FakeServer {
  url: string;
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

export async function startFakeServer(
  handler: (req: IncomingMessage, res: ServerResponse, index: number) => void,
): Promise<FakeServer> {
  const requests: { method: string; path: string }[] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '' });
    req.resume();
    handler(req, res, requests.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with JSON. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A URL on which nothing listens (a port that was just freed). */
export async function closedPortUrl(): Promise<string> {
  const fake = await startFakeServer(() => undefined);
  await fake.close();
  return fake.url;
}
