import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, settle, stopAll, type TestClient } from './clients.js';
import { startSignalingServer, type TestServer } from './harness.js';

let server: TestServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  await stopAll(clients.splice(0));
  await server?.close();
  server = undefined;
});

describe('signaling over every SignalR transport', () => {
  it('joins, signals and leaves with long polling, SSE and WebSockets clients together', async () => {
    server = await startSignalingServer({ allowGuests: true });
    const room = await server.createSession('room');
    const lp = await connectClient(server.url, { transport: 'LongPolling' });
    const sse = await connectClient(server.url, { transport: 'ServerSentEvents' });
    const ws = await connectClient(server.url, { transport: 'WebSockets' });
    clients.push(lp, sse, ws);

    const a = await lp.join(room, 'long-poll');
    const b = await sse.join(room, 'sse');
    const c = await ws.join(room, 'ws');
    expect(b.peers.map((p) => p.peerId)).toEqual([a.peerId]);
    await lp.waitFor('UserJoined', (e) => e.peerId === c.peerId);
    await sse.waitFor('UserJoined', (e) => e.peerId === c.peerId);

    await lp.invoke('SendSignal', b.peerId, { type: 'offer', sdp: 'lp->sse' });
    await sse.invoke('SendSignal', a.peerId, { type: 'answer', sdp: 'sse->lp' });
    await ws.invoke('SendSignal', a.peerId, 'ws->lp');
    expect(await sse.waitFor('ReceiveSignal')).toEqual([a.peerId, { type: 'offer', sdp: 'lp->sse' }]);
    await lp.waitFor('ReceiveSignal', (from) => from === c.peerId);
    expect(lp.received('ReceiveSignal')).toEqual(
      expect.arrayContaining([
        [b.peerId, { type: 'answer', sdp: 'sse->lp' }],
        [c.peerId, 'ws->lp'],
      ]),
    );

    await sse.invoke('LeaveSession', room);
    expect(await lp.waitFor('UserLeft')).toEqual([
      { username: 'sse', connectionId: b.peerId, peerId: b.peerId, reason: 'left' },
    ]);
    await settle();
    expect(server.signaling.participants(room).map((p) => p.peerId)).toEqual([a.peerId, c.peerId]);
  });
});
