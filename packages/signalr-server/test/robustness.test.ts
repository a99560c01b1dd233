import { HttpTransportType } from '@microsoft/signalr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildClient, startTestServer, type TestServer, waitFor } from './testHub.js';

const RS = '\x1e';
const HANDSHAKE = `{"protocol":"json","version":1}${RS}`;

let server: TestServer;
let healthy: ReturnType<typeof buildClient>;

beforeAll(async () => {
  server = await startTestServer();
  healthy = buildClient(server.url, HttpTransportType.WebSockets);
  await healthy.start();
});
afterAll(async () => {
  await healthy.stop();
  await server.close();
});

async function negotiate(): Promise<{ connectionId: string; connectionToken: string }> {
  const response = await fetch(`${server.url}/negotiate?negotiateVersion=1`, { method: 'POST' });
  expect(response.status).toBe(200);
  return (await response.json()) as { connectionId: string; connectionToken: string };
}

interface RawSocket {
  readonly ws: WebSocket;
  readonly messages: string[];
  next(): Promise<string>;
  closed: Promise<number>;
}

async function openSocket(token?: string): Promise<RawSocket> {
  const url = `${server.url.replace('http', 'ws')}${token ? `?id=${token}` : ''}`;
  const ws = new WebSocket(url);
  const messages: string[] = [];
  const waiters: Array<(text: string) => void> = [];
  ws.on('message', (data) => {
    const text = String(data);
    const waiter = waiters.shift();
    if (waiter) waiter(text);
    else messages.push(text);
  });
  const closed = new Promise<number>((resolve) => ws.on('close', resolve));
  ws.on('error', () => {});
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
  });
  return {
    ws,
    messages,
    closed,
    next: () => {
      const queued = messages.shift();
      return queued !== undefined
        ? Promise.resolve(queued)
        : waitFor<string>((resolve) => waiters.push(resolve), 3000);
    },
  };
}

async function connected(): Promise<RawSocket> {
  const socket = await openSocket((await negotiate()).connectionToken);
  socket.ws.send(HANDSHAKE);
  expect(await socket.next()).toBe(`{}${RS}`);
  return socket;
}

/** Reads until a Close record arrives (pings may come first). */
async function nextClose(socket: RawSocket): Promise<Record<string, unknown>> {
  for (;;) {
    const text = await socket.next();
    for (const record of text.split(RS).filter(Boolean)) {
      const message = JSON.parse(record) as Record<string, unknown>;
      if (message.type === 7) return message;
    }
  }
}

async function stillServed(): Promise<void> {
  expect(await healthy.invoke('Echo', 'ok')).toBe('ok');
}

describe('misbehaving clients', () => {
  it('answers a garbage handshake with a handshake error and closes', async () => {
    const socket = await openSocket((await negotiate()).connectionToken);
    socket.ws.send(`GET / HTTP/1.1${RS}`);
    expect(await socket.next()).toBe(`{"error":"Error parsing handshake request."}${RS}`);
    expect(await socket.closed).toBe(1000);
    await stillServed();
  });

  it('closes a connection that sends malformed JSON', async () => {
    const socket = await connected();
    socket.ws.send(`{"type":1,"target":${RS}`);
    expect(await nextClose(socket)).toEqual({ type: 7, error: 'Connection closed with an error.' });
    expect(await socket.closed).toBe(1000);
    await stillServed();
  });

  it('closes a connection that sends a binary frame', async () => {
    const socket = await connected();
    socket.ws.send(Buffer.from([1, 2, 3, 0x1e]), { binary: true });
    expect(await nextClose(socket)).toMatchObject({ type: 7, error: 'Connection closed with an error.' });
    await socket.closed;
    await stillServed();
  });

  it('closes a connection that sends an oversized message', async () => {
    const socket = await connected();
    socket.ws.send(`{"type":1,"target":"Echo","arguments":["${'x'.repeat(5000)}"]}${RS}`);
    expect(await nextClose(socket)).toMatchObject({ type: 7 });
    await socket.closed;
    await stillServed();
  });

  it('ignores unknown message types, answers missing-field messages with a close', async () => {
    const socket = await connected();
    socket.ws.send(`{"type":42}${RS}{"type":1,"target":"Echo","arguments":["x"],"invocationId":"1"}${RS}`);
    let reply = await socket.next();
    while (reply.includes('"type":6')) reply = await socket.next();
    expect(reply).toBe(`{"type":3,"invocationId":"1","result":"x"}${RS}`);
    socket.ws.send(`{"type":1,"arguments":[]}${RS}`);
    expect(await nextClose(socket)).toMatchObject({ type: 7 });
    await stillServed();
  });

  it('answers a duplicate invocation id and handles many records per frame', async () => {
    const socket = await connected();
    socket.ws.send(
      `{"type":1,"target":"Delay","arguments":[50],"invocationId":"a"}${RS}` +
        `{"type":1,"target":"Echo","arguments":[1],"invocationId":"a"}${RS}` +
        `{"type":1,"target":"Echo","arguments":[2]}${RS}` +
        `{"type":1,"target":"Nope","arguments":[]}${RS}`,
    );
    const records: string[] = [];
    while (records.length < 2) {
      for (const record of (await socket.next()).split(RS).filter(Boolean)) {
        if (!record.includes('"type":6')) records.push(record);
      }
    }
    expect(JSON.parse(records[0]!)).toEqual({
      type: 3,
      invocationId: 'a',
      error: "Invocation ID 'a' is already in use.",
    });
    expect(JSON.parse(records[1]!)).toMatchObject({ type: 3, invocationId: 'a' });
    socket.ws.close();
  });

  it('rejects unknown ids, missing ids and a second WebSocket for the same id', async () => {
    const url = server.url;
    expect((await fetch(`${url}?id=unknown`, { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await fetch(`${url}?id=unknown`)).status).toBe(404);
    expect((await fetch(`${url}?id=unknown`, { method: 'DELETE' })).status).toBe(404);
    expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(400);
    await expect(openSocket('unknown')).rejects.toThrow('status 404');

    const { connectionToken } = await negotiate();
    const first = await openSocket(connectionToken);
    await expect(openSocket(connectionToken)).rejects.toThrow('status 409');
    expect((await fetch(`${url}?id=${connectionToken}`, { method: 'POST', body: HANDSHAKE })).status).toBe(
      405,
    );
    first.ws.close();
    await stillServed();
  });

  it('closes a handshake that never comes', async () => {
    const socket = await openSocket((await negotiate()).connectionToken);
    expect(await socket.next()).toBe(`{"error":"Handshake was canceled."}${RS}`);
    await socket.closed;
  });

  it('answers an oversized POST body with 413', async () => {
    const { connectionToken } = await negotiate();
    const poll = await fetch(`${server.url}?id=${connectionToken}`);
    expect(poll.status).toBe(200);
    const big = 'x'.repeat(1024 * 1024 + 10);
    const response = await fetch(`${server.url}?id=${connectionToken}`, { method: 'POST', body: big });
    expect(response.status).toBe(413);
    await stillServed();
  });
});

describe('HTTP protocol details', () => {
  it('negotiates v1 and v0', async () => {
    const v1 = await negotiate();
    expect(v1.connectionToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(v1.connectionToken).not.toBe(v1.connectionId);
    const v0 = await (await fetch(`${server.url}/negotiate`, { method: 'POST' })).json();
    expect(v0).toMatchObject({ negotiateVersion: 0 });
    expect(v0).not.toHaveProperty('connectionToken');
    expect((await fetch(`${server.url}/negotiate`)).status).toBe(405);
    expect((await fetch(`${server.baseUrl}/elsewhere`)).status).toBe(404);
  });

  it('serves long polling: first poll 200 empty, data, DELETE 202, then 204', async () => {
    const { connectionToken } = await negotiate();
    const url = `${server.url}?id=${connectionToken}`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('');
    expect(first.headers.get('cache-control')).toBe('no-cache, no-store');
    const sent = await fetch(url, {
      method: 'POST',
      body: `${HANDSHAKE}{"type":1,"target":"Echo","arguments":["lp"],"invocationId":"1"}${RS}`,
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    });
    expect(sent.status).toBe(200);
    const data = await fetch(url);
    expect(await data.text()).toBe(`{}${RS}{"type":3,"invocationId":"1","result":"lp"}${RS}`);
    const pending = fetch(url);
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(202);
    expect((await pending).status).toBe(204);
  });

  it('serves SSE with the preamble and data lines', async () => {
    const { connectionToken } = await negotiate();
    const url = `${server.url}?id=${connectionToken}`;
    const controller = new AbortController();
    const response = await fetch(url, {
      headers: { Accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store');
    const reader = response.body!.getReader();
    let text = '';
    const read = async (until: string) => {
      while (!text.includes(until)) text += new TextDecoder().decode((await reader.read()).value);
    };
    await read(':\r\n');
    expect((await fetch(url, { method: 'POST', body: HANDSHAKE })).status).toBe(200);
    await read('\r\n\r\n');
    expect(text).toBe(`:\r\ndata: {}${RS}\r\n\r\n`);
    expect((await fetch(url, { headers: { Accept: 'text/event-stream' } })).status).toBe(409);
    controller.abort();
  });

  it('handles CORS preflight and reflects allowed origins only', async () => {
    const cors = await startTestServer({ cors: { origin: ['https://app.example'] } });
    try {
      const preflight = await fetch(`${cors.url}/negotiate`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('x-signalr-user-agent');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE');
      const denied = await fetch(`${cors.url}/negotiate`, {
        method: 'POST',
        headers: { Origin: 'https://evil.example' },
      });
      expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await cors.close();
    }
  });

  it('caps pending negotiations with 429', async () => {
    const capped = await startTestServer({ maxPendingConnections: 2 });
    try {
      const post = () => fetch(`${capped.url}/negotiate?negotiateVersion=1`, { method: 'POST' });
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(429);
    } finally {
      await capped.close();
    }
  });

  it('reaps unused negotiations after the disconnect timeout', async () => {
    const { connectionToken } = await negotiate();
    await new Promise((resolve) => setTimeout(resolve, 1400));
    expect((await fetch(`${server.url}?id=${connectionToken}`)).status).toBe(404);
  });

  it('rejects unauthorized negotiate with 401 and the reason authenticate gave', async () => {
    const response = await fetch(`${server.url}/negotiate`, {
      method: 'POST',
      headers: { Authorization: 'Bearer bad' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.text()).toBe('bad token');
  });
});
