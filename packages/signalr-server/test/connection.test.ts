import { HttpTransportType, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { afterEach, describe, expect, it } from 'vitest';
import { buildClient, startTestServer, type TestServer, waitFor } from './testHub.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('connections', () => {
  it('closes a client that stops pinging after the client timeout', async () => {
    server = await startTestServer({ clientTimeoutMs: 400 });
    const client = buildClient(server.url, HttpTransportType.WebSockets);
    client.keepAliveIntervalInMilliseconds = 60_000; // only the ping right after the handshake
    client.serverTimeoutInMilliseconds = 60_000;
    await client.start();
    const started = Date.now();
    const closed = waitFor<Error | undefined>((resolve) => client.onclose(resolve));
    await closed;
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(server.hub.connectionCount).toBe(0);
  });

  it('reconnects after a client timeout when automatic reconnect is on', async () => {
    server = await startTestServer({ clientTimeoutMs: 400 });
    const client = buildClient(server.url, HttpTransportType.WebSockets, {}, (b) =>
      b.withAutomaticReconnect([0]),
    );
    client.keepAliveIntervalInMilliseconds = 60_000;
    await client.start();
    const reconnected = waitFor<string | undefined>((resolve) => client.onreconnected(resolve));
    expect(await reconnected).toBeDefined();
    await client.stop();
  });

  it('supports skipNegotiation WebSockets with a header token', async () => {
    server = await startTestServer();
    const client = buildClient(server.url, HttpTransportType.WebSockets, {
      skipNegotiation: true,
      accessTokenFactory: () => 'bob',
    });
    await client.start();
    expect(client.connectionId).toBeNull();
    expect(await client.invoke('GetUser')).toBe('bob');
    expect(await client.invoke('GetConnectionId')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await client.stop();
    const rejected = buildClient(server.url, HttpTransportType.WebSockets, {
      skipNegotiation: true,
      accessTokenFactory: () => 'bad',
    });
    await expect(rejected.start()).rejects.toThrow();
  });

  it('reads the token from the access_token query too', async () => {
    server = await startTestServer();
    const client = buildClient(`${server.url}?access_token=carol&x=1`, HttpTransportType.LongPolling);
    await client.start();
    expect(await client.invoke('GetUser')).toBe('carol');
    expect(await client.invoke('GetQuery', 'x')).toBe('1');
    await client.stop();
  });

  it('delivers a broadcast to 100 concurrent clients', async () => {
    server = await startTestServer({ keepAliveIntervalMs: 5000, clientTimeoutMs: 30_000 });
    const url = server.url;
    const transports = [
      HttpTransportType.WebSockets,
      HttpTransportType.ServerSentEvents,
      HttpTransportType.LongPolling,
    ];
    const all = Array.from({ length: 100 }, (_, i) => buildClient(url, transports[i % 3]!));
    await Promise.all(all.map((client) => client.start()));
    expect(server.hub.connectionCount).toBe(100);
    const received = all.map((client) => waitFor<number>((resolve) => client.on('broadcast', resolve), 8000));
    await server.hub.clients.all.send('broadcast', 99);
    expect(await Promise.all(received)).toEqual(all.map(() => 99));
    await Promise.all(all.map((client) => client.stop()));
  }, 20_000);

  it('sends Close with the error on hub.close() and refuses new connections', async () => {
    server = await startTestServer();
    const client = buildClient(server.url, HttpTransportType.WebSockets);
    await client.start();
    const closed = waitFor<Error | undefined>((resolve) => client.onclose(resolve));
    await server.hub.close({ error: 'Server shutting down.' });
    expect((await closed)?.message).toBe('Server returned an error on close: Server shutting down.');
    const late = new HubConnectionBuilder()
      .withUrl(server.url, { transport: HttpTransportType.WebSockets })
      .configureLogging(LogLevel.None)
      .build();
    await expect(late.start()).rejects.toThrow(/503/);
  });

  it('rejects the MessagePack protocol name with the .NET handshake error', async () => {
    server = await startTestServer();
    const { WebSocket } = await import('ws');
    const negotiate = await fetch(`${server.url}/negotiate?negotiateVersion=1`, { method: 'POST' });
    const { connectionToken } = (await negotiate.json()) as { connectionToken: string };
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}?id=${connectionToken}`);
    await new Promise((resolve) => ws.once('open', resolve));
    const reply = waitFor<string>((resolve) => ws.once('message', (data) => resolve(String(data))));
    const closed = waitFor<number>((resolve) => ws.once('close', resolve));
    ws.send('{"protocol":"messagepack","version":1}\x1e');
    expect(await reply).toBe('{"error":"The protocol \'messagepack\' is not supported."}\x1e');
    expect(await closed).toBe(1000);
  });

  it('calls onConnected and onDisconnected', async () => {
    const events: string[] = [];
    server = await startTestServer({
      hub: {
        methods: { Ping: () => 'pong' },
        onConnected: (ctx) => {
          events.push(`connected:${ctx.caller.transport}`);
        },
        onDisconnected: (_ctx, error, details) => {
          const by = details.closedByClient ? 'by-client' : 'not-by-client';
          events.push(`disconnected:${error === undefined ? 'clean' : 'error'}:${by}`);
        },
      },
    });
    const client = buildClient(server.url, HttpTransportType.ServerSentEvents);
    await client.start();
    expect(await client.invoke('Ping')).toBe('pong');
    await client.stop();
    await waitFor<void>((resolve) => {
      const check = () => (events.length === 2 ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(events).toEqual(['connected:ServerSentEvents', 'disconnected:clean:by-client']);
  });

  it('tells a dropped transport apart from a deliberate stop', async () => {
    const events: string[] = [];
    server = await startTestServer({
      hub: {
        methods: { Ping: () => 'pong' },
        onDisconnected: (_ctx, error, details) => {
          events.push(`${error === undefined ? 'clean' : 'error'}:${details.closedByClient}`);
        },
      },
    });
    const client = buildClient(server.url, HttpTransportType.WebSockets);
    await client.start();
    expect(await client.invoke('Ping')).toBe('pong');
    // A network loss: the socket goes away without a Close message.
    const internals = client as unknown as {
      connection: { transport: { _webSocket: { terminate(): void } } };
    };
    internals.connection.transport._webSocket.terminate();
    await waitFor<void>((resolve) => {
      const check = () => (events.length === 1 ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(events).toEqual(['error:false']);
  });
});

describe('detailed errors', () => {
  it('appends the exception type and message when enabled', async () => {
    server = await startTestServer({ detailedErrors: true });
    const client = buildClient(server.url, HttpTransportType.WebSockets);
    await client.start();
    await expect(client.invoke('ThrowError')).rejects.toThrow(
      /^An unexpected error occurred invoking 'ThrowError' on the server\. Error: secret internals$/,
    );
    await expect(client.invoke('Add', 1)).rejects.toThrow(
      "Failed to invoke 'Add' due to an error on the server. InvalidDataException: Invocation provides 1 argument(s) but target expects 2.",
    );
    await client.stop();
  });
});
