import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type HttpTransportType,
  type HubConnection,
  HubConnectionBuilder,
  type IHttpConnectionOptions,
  LogLevel,
} from '@microsoft/signalr';
import { HubError, SignalRHub, type SignalRHubOptions } from '../src/index.js';

export type TestEvents = {
  message: [text: string];
  fromOthers: [text: string];
  groupMessage: [group: string, text: string];
  broadcast: [n: number];
};

export interface TestUser {
  readonly name: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The hub the integration tests drive. */
export function testHubOptions(
  overrides: Partial<SignalRHubOptions<TestUser | undefined, TestEvents>> = {},
): SignalRHubOptions<TestUser | undefined, TestEvents> {
  return {
    path: '/hub',
    keepAliveIntervalMs: 200,
    clientTimeoutMs: 1500,
    handshakeTimeoutMs: 1000,
    disconnectTimeoutMs: 1000,
    longPollTimeoutMs: 1000,
    maxMessageSize: 4096,
    hub: {
      methods: {
        Echo: { handler: (_ctx, value: unknown) => value, arity: 1 },
        Add: { handler: (_ctx, a: number, b: number) => a + b, arity: 2 },
        Void: () => undefined,
        Delay: async (ctx, ms: number) => {
          await sleep(ms);
          return ctx.caller.connectionId;
        },
        ThrowHubError: (_ctx, message: string) => {
          throw new HubError(message);
        },
        ThrowError: () => {
          throw new Error('secret internals');
        },
        PushToCaller: async (ctx, text: string) => {
          await ctx.clients.caller.send('message', text);
        },
        PushToOthers: async (ctx, text: string) => {
          await ctx.clients.others.send('fromOthers', text);
        },
        PushToGroup: async (ctx, group: string, text: string) => {
          await ctx.clients.group(group).send('groupMessage', group, text);
        },
        JoinGroup: (ctx, group: string) => ctx.groups.add(ctx.caller.connectionId, group),
        LeaveGroup: (ctx, group: string) => ctx.groups.remove(ctx.caller.connectionId, group),
        GetTransport: (ctx) => ctx.caller.transport,
        GetConnectionId: (ctx) => ctx.caller.connectionId,
        GetUser: (ctx) => ctx.caller.user?.name ?? null,
        GetQuery: (ctx, name: string) => ctx.caller.query.get(name),
        AbortMe: (ctx, allowReconnect: boolean) => {
          setTimeout(() => ctx.caller.abort({ allowReconnect }), 10);
        },
        Counter: {
          streaming: true,
          handler: async function* (_ctx, count: number, delayMs: number) {
            for (let i = 0; i < count; i++) {
              if (delayMs > 0) await sleep(delayMs);
              yield i;
            }
          },
        },
        Infinite: {
          streaming: true,
          handler: async function* (ctx) {
            let i = 0;
            try {
              while (true) {
                await sleep(10);
                yield i++;
              }
            } finally {
              ctx.caller.items.set('infiniteStopped', true);
            }
          },
        },
        FailingStream: {
          streaming: true,
          handler: async function* () {
            yield 1;
            throw new HubError('stream broke');
          },
        },
        WasInfiniteStopped: (ctx) => ctx.caller.items.get('infiniteStopped') === true,
        Concat: async (_ctx, stream: AsyncIterable<string>) => {
          let text = '';
          for await (const part of stream) text += part;
          return text;
        },
      },
    },
    authenticate: (token) => {
      if (token === undefined) return { ok: true, user: undefined };
      if (token === 'bad') return { ok: false, status: 401, message: 'bad token' };
      if (token === 'forbidden') return { ok: false, status: 403, message: 'nope' };
      return { ok: true, user: { name: token } };
    },
    ...overrides,
  };
}

/** A hub on an ephemeral port of a plain node http server. */
export interface TestServer {
  readonly hub: SignalRHub<TestEvents, TestUser | undefined>;
  readonly server: Server;
  readonly url: string;
  readonly baseUrl: string;
  close(): Promise<void>;
}

export async function startTestServer(
  overrides: Partial<SignalRHubOptions<TestUser | undefined, TestEvents>> = {},
): Promise<TestServer> {
  const hub = new SignalRHub<TestEvents, TestUser | undefined>(testHubOptions(overrides));
  const server = createServer();
  hub.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    hub,
    server,
    baseUrl,
    url: `${baseUrl}/hub`,
    async close() {
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A client of the official package, console logging off. */
export function buildClient(
  url: string,
  transport: HttpTransportType,
  options: Partial<IHttpConnectionOptions> = {},
  configure: (builder: HubConnectionBuilder) => HubConnectionBuilder = (b) => b,
): HubConnection {
  const builder = new HubConnectionBuilder()
    .withUrl(url, { transport, ...options })
    .configureLogging(LogLevel.None);
  const connection = configure(builder).build();
  connection.serverTimeoutInMilliseconds = 2000;
  connection.keepAliveIntervalInMilliseconds = 500;
  return connection;
}

/** Resolves with the first value `register` delivers, or rejects after `ms`. */
export function waitFor<T>(register: (resolve: (value: T) => void) => void, ms = 3000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    register((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

export { sleep };
