import wrtc from '@roamhq/wrtc';
import type { SmaRTCServer } from '@smartc/server';
import { SmaRTCClient, type SmaRTCClientEvents, type SmaRTCClientOptions } from '../../src/client/index.js';
import { startVideo } from './callHarness.js';
import { waitFor, webrtc } from './peers.js';

export { startVideo };

type EventName = keyof SmaRTCClientEvents & string;

/** A client with every event it emitted recorded, in order. */
export interface RecordedClient {
  client: SmaRTCClient;
  events: Array<{ name: EventName; args: unknown[] }>;
  /** The args of every `name` event so far. */
  of<K extends EventName>(name: K): Array<SmaRTCClientEvents[K]>;
}

const NAMES: EventName[] = [
  'connected',
  'disconnected',
  'peer-joined',
  'peer-left',
  'remote-stream',
  'message',
  'stats',
  'quality-changed',
  'reconnecting',
  'reconnected',
  'error',
];

/** Records every event `client` emits. */
export function record(client: SmaRTCClient): RecordedClient {
  const events: RecordedClient['events'] = [];
  for (const name of NAMES) client.on(name, (...args: unknown[]) => events.push({ name, args }));
  return {
    client,
    events,
    of: <K extends EventName>(name: K) =>
      events.filter((e) => e.name === name).map((e) => e.args as SmaRTCClientEvents[K]),
  };
}

/** A recorded client on the test server, with @roamhq/wrtc and fast stats. */
export function createClient(
  server: SmaRTCServer,
  username: string,
  options: Partial<SmaRTCClientOptions> = {},
): RecordedClient {
  return record(
    new SmaRTCClient({
      serverUrl: server.url,
      sessionId: 'demo-room',
      username,
      webrtc,
      iceServers: [],
      statsIntervalMs: 300,
      ...options,
    }),
  );
}

/** Waits until `check()` holds, describing the recorded events on timeout. */
export function waitForEvents(r: RecordedClient, check: () => boolean, what: string, timeoutMs = 10_000) {
  return waitFor(check, timeoutMs, () => `${what}: events=${r.events.map((e) => e.name).join(',')}`);
}

/** Registers an account and logs in through the REST API; returns its access token. */
export async function loginToken(server: SmaRTCServer, username: string, password: string): Promise<string> {
  const post = (path: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  const registered = await post('/api/auth/register');
  if (!registered.ok) throw new Error(`register: ${registered.status} ${await registered.text()}`);
  const login = await post('/api/auth/login');
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const body = (await login.json()) as Record<string, unknown>;
  const token = body.accessToken ?? body.token;
  if (typeof token !== 'string') throw new Error(`login: no token in ${JSON.stringify(body)}`);
  return token;
}

export { wrtc };
