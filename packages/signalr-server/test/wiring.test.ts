import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpTransportType } from '@microsoft/signalr';
import { expect, it } from 'vitest';
import { type HubLogger, SignalRHub } from '../src/index.js';
import { buildClient, testHubOptions } from './testHub.js';

it('leaves non-hub requests to the application and logs no tokens or payloads', async () => {
  const lines: Array<{ level: string; obj: object; msg?: string }> = [];
  const logger: HubLogger = {
    debug: (obj, msg) => lines.push({ level: 'debug', obj, msg }),
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj, msg }),
  };
  const hub = new SignalRHub(testHubOptions({ logger }));
  const server = createServer((req, res) => {
    if (hub.handleRequest(req, res)) return;
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => res.end(`app:${req.url}:${body}`));
  });
  server.on('upgrade', (req, socket, head) => {
    if (!hub.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const other = await fetch(`${base}/hubx/negotiate`, { method: 'POST', body: 'untouched' });
    expect(await other.text()).toBe('app:/hubx/negotiate:untouched');

    const client = buildClient(`${base}/hub`, HttpTransportType.WebSockets, {
      accessTokenFactory: () => 'secret-token-xyz',
    });
    await client.start();
    expect(await client.invoke('Echo', 'payload-marker')).toBe('payload-marker');
    await client.invoke('ThrowError').catch(() => {});
    await client.stop();
    await expect.poll(() => hub.connectionCount).toBe(0);
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain('secret-token-xyz');
    expect(logged).not.toContain('payload-marker');
    expect(lines.some((line) => line.level === 'info' && line.msg === 'connection opened')).toBe(true);
  } finally {
    await hub.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

it('validates options', () => {
  expect(() => new SignalRHub({ path: 'hub', hub: { methods: {} } })).toThrow(/path/);
  expect(() => new SignalRHub({ path: '/hub', hub: { methods: {} }, keepAliveIntervalMs: 0 })).toThrow(
    /keepAliveIntervalMs/,
  );
  expect(
    () => new SignalRHub({ path: '/hub', hub: { methods: { A: { handler: () => 1, arity: [2, 1] } } } }),
  ).toThrow(/arity/);
  expect(() => new SignalRHub({ path: '/hub', hub: { methods: {} }, transports: [] })).toThrow(/transports/);
});
