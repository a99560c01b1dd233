import { HttpTransportType } from '@microsoft/signalr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, startTestServer, type TestServer } from './testHub.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe.each([
  ['WebSockets', HttpTransportType.WebSockets],
  ['ServerSentEvents', HttpTransportType.ServerSentEvents],
  ['LongPolling', HttpTransportType.LongPolling],
])('%s', (name, transport) => {
  it('echoes', async () => {
    const client = buildClient(server.url, transport);
    await client.start();
    expect(await client.invoke('Echo', 'hi')).toBe('hi');
    expect(await client.invoke('GetTransport')).toBe(name);
    await client.stop();
  });
});
