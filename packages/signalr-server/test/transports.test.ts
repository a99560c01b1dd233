import { HttpTransportType, type HubConnection, HubConnectionState, Subject } from '@microsoft/signalr';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, sleep, startTestServer, type TestServer, waitFor } from './testHub.js';

let server: TestServer;
const clients: HubConnection[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()));
});
afterAll(() => server.close());

describe.each([
  ['WebSockets', HttpTransportType.WebSockets],
  ['ServerSentEvents', HttpTransportType.ServerSentEvents],
  ['LongPolling', HttpTransportType.LongPolling],
] as const)('%s', (name, transport) => {
  async function connect(options: Parameters<typeof buildClient>[2] = {}): Promise<HubConnection> {
    const client = buildClient(server.url, transport, options);
    clients.push(client);
    await client.start();
    return client;
  }

  it('invokes methods and receives results', async () => {
    const client = await connect();
    expect(client.connectionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await client.invoke('GetTransport')).toBe(name);
    expect(await client.invoke('Echo', { nested: ['é', 1, null] })).toEqual({ nested: ['é', 1, null] });
    expect(await client.invoke('Add', 2, 3)).toBe(5);
    expect(await client.invoke('Void')).toBeNull();
    expect(await client.invoke('GetConnectionId')).toBe(client.connectionId);
  });

  it('sends without an id and gets server pushes to the caller', async () => {
    const client = await connect();
    const received = waitFor<string>((resolve) => client.on('message', resolve));
    await client.send('PushToCaller', 'pushed');
    expect(await received).toBe('pushed');
  });

  it('pushes to others and to groups', async () => {
    const a = await connect();
    const b = await connect();
    const fromOthers = waitFor<string>((resolve) => b.on('fromOthers', resolve));
    let echoedToSelf = false;
    a.on('fromOthers', () => {
      echoedToSelf = true;
    });
    await a.invoke('PushToOthers', 'hello b');
    expect(await fromOthers).toBe('hello b');

    await b.invoke('JoinGroup', 'room');
    const inGroup = waitFor<string>((resolve) =>
      b.on('groupMessage', (_group: string, text: string) => resolve(text)),
    );
    await a.invoke('PushToGroup', 'room', 'to room');
    expect(await inGroup).toBe('to room');
    await b.invoke('LeaveGroup', 'room');
    let afterLeave = false;
    b.on('groupMessage', () => {
      afterLeave = true;
    });
    await a.invoke('PushToGroup', 'room', 'nobody');
    await b.invoke('Void'); // a round trip on b after the group send
    expect(afterLeave).toBe(false);
    expect(echoedToSelf).toBe(false);
  });

  it('reports errors with the texts ASP.NET Core sends', async () => {
    const client = await connect();
    await expect(client.invoke('Nope')).rejects.toThrow(/^Unknown hub method 'Nope'$/);
    await expect(client.invoke('Echo')).rejects.toThrow(
      /^Failed to invoke 'Echo' due to an error on the server\.$/,
    );
    await expect(client.invoke('ThrowHubError', 'custom text')).rejects.toThrow(
      /^An unexpected error occurred invoking 'ThrowHubError' on the server\. HubException: custom text$/,
    );
    await expect(client.invoke('ThrowError')).rejects.toThrow(
      /^An unexpected error occurred invoking 'ThrowError' on the server\.$/,
    );
    await expect(client.invoke('Counter', 1, 0)).rejects.toThrow(
      "The client attempted to invoke the streaming 'Counter' method with a non-streaming invocation.",
    );
    const streamError = await new Promise<Error>((resolve) => {
      client.stream('Echo', 'x').subscribe({ next: () => {}, complete: () => {}, error: resolve });
    });
    expect(streamError.message).toBe(
      "The client attempted to invoke the non-streaming 'Echo' method with a streaming invocation.",
    );
    expect(await client.invoke('Echo', 'still connected')).toBe('still connected');
  });

  it('streams results to the client', async () => {
    const client = await connect();
    const items: number[] = [];
    await new Promise<void>((resolve, reject) => {
      client
        .stream<number>('Counter', 5, 0)
        .subscribe({ next: (i) => items.push(i), complete: resolve, error: reject });
    });
    expect(items).toEqual([0, 1, 2, 3, 4]);

    const failed: unknown[] = [];
    const error = await new Promise<Error>((resolve) => {
      client
        .stream('FailingStream')
        .subscribe({ next: (i) => failed.push(i), complete: () => {}, error: resolve });
    });
    expect(failed).toEqual([1]);
    expect(error.message).toBe(
      'An error occurred on the server while streaming results. HubException: stream broke',
    );
  });

  it('cancels a stream when the client disposes the subscription', async () => {
    const client = await connect();
    const first = await new Promise<number>((resolve) => {
      const subscription = client.stream<number>('Infinite').subscribe({
        next: (i) => {
          subscription.dispose();
          resolve(i);
        },
        complete: () => {},
        error: () => {},
      });
    });
    expect(first).toBe(0);
    await sleep(100);
    expect(await client.invoke('WasInfiniteStopped')).toBe(true);
  });

  it('accepts client-to-server upload streams', async () => {
    const client = await connect();
    const subject = new Subject<string>();
    const result = client.invoke('Concat', subject);
    subject.next('a');
    subject.next('b');
    await sleep(20);
    subject.next('c');
    subject.complete();
    expect(await result).toBe('abc');
  });

  it('keeps an idle connection alive with server pings', async () => {
    const client = await connect();
    client.serverTimeoutInMilliseconds = 800;
    let closed = false;
    client.onclose(() => {
      closed = true;
    });
    await sleep(1600);
    expect(closed).toBe(false);
    expect(client.state).toBe(HubConnectionState.Connected);
    expect(await client.invoke('Echo', 'alive')).toBe('alive');
  });

  it('delivers hub-level broadcasts from outside an invocation', async () => {
    const client = await connect();
    const received = waitFor<number>((resolve) => client.on('broadcast', resolve));
    await server.hub.clients.all.send('broadcast', 42);
    expect(await received).toBe(42);
    const direct = waitFor<number>((resolve) => client.on('broadcast', resolve));
    await server.hub.clients.client(client.connectionId!).send('broadcast', 7);
    expect(await direct).toBe(7);
  });

  it('authenticates with an access token', async () => {
    const client = await connect({ accessTokenFactory: () => 'alice' });
    expect(await client.invoke('GetUser')).toBe('alice');
    const rejected = buildClient(server.url, transport, { accessTokenFactory: () => 'bad' });
    await expect(rejected.start()).rejects.toThrow("Error: bad token: Status code '401'");
    const forbidden = buildClient(server.url, transport, { accessTokenFactory: () => 'forbidden' });
    await expect(forbidden.start()).rejects.toThrow("Error: nope: Status code '403'");
  });

  it('reconnects automatically after the server aborts with allowReconnect', async () => {
    const client = buildClient(server.url, transport, {}, (b) => b.withAutomaticReconnect([0, 50, 100]));
    clients.push(client);
    await client.start();
    const firstId = client.connectionId;
    const reconnected = waitFor<string | undefined>((resolve) => client.onreconnected(resolve));
    await client.invoke('AbortMe', true);
    const newId = await reconnected;
    expect(newId).toBeDefined();
    expect(newId).not.toBe(firstId);
    expect(await client.invoke('Echo', 'back')).toBe('back');
  });

  it('closes for good when the server aborts without allowReconnect', async () => {
    const client = buildClient(server.url, transport, {}, (b) => b.withAutomaticReconnect([0]));
    clients.push(client);
    await client.start();
    let reconnecting = false;
    client.onreconnecting(() => {
      reconnecting = true;
    });
    const closed = waitFor<Error | undefined>((resolve) => client.onclose(resolve));
    await client.invoke('AbortMe', false);
    expect(await closed).toBeUndefined();
    expect(reconnecting).toBe(false);
  });

  it('awaits client results (server invokes the client with an id)', async () => {
    const client = await connect();
    client.on('Confirm', (question: string) => `${question}!`);
    client.on('Explode', () => {
      throw new Error('boom');
    });
    const id = client.connectionId!;
    expect(await server.hub.invokeClient(id, 'Confirm', ['sure'])).toBe('sure!');
    await expect(server.hub.invokeClient(id, 'Explode')).rejects.toThrow('Error: boom');
    await expect(server.hub.invokeClient(id, 'Missing')).rejects.toThrow("Client didn't provide a result.");
    await expect(server.hub.invokeClient('nobody', 'Confirm')).rejects.toThrow(
      "Connection 'nobody' does not exist.",
    );
    client.on('Never', () => new Promise(() => {}));
    const pending = expect(server.hub.invokeClient(id, 'Never')).rejects.toThrow('disconnected');
    await client.invoke('Void');
    await client.stop();
    await pending;
  });

  it('runs invocations of one client one at a time by default', async () => {
    const client = await connect();
    const order: string[] = [];
    await Promise.all([
      client.invoke('Delay', 80).then(() => order.push('slow')),
      client.invoke('Echo', 'fast').then(() => order.push('fast')),
    ]);
    expect(order).toEqual(['slow', 'fast']);
  });
});
