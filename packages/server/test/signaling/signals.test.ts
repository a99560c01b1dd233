import { ErrorCode, Limits, NO_MEDIA } from '@smartc/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, hubError, settle, stopAll, type TestClient } from './clients.js';
import { startSignalingServer, type TestServer } from './harness.js';

/** One server for the tests of this file (each test uses its own sessions); others start their own. */
let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startSignalingServer();
});

afterAll(async () => {
  await server.close();
});

afterEach(async () => {
  await stopAll(clients.splice(0));
});

async function joined(sessionId: string, name: string): Promise<{ client: TestClient; peerId: string }> {
  const client = await connectClient(server.url, {
    token: (await server.signUp(name)).token,
  });
  clients.push(client);
  const { peerId } = await client.join(sessionId, name);
  return { client, peerId };
}

const offer = { type: 'offer', sdp: 'v=0\r\no=- SECRET-SDP-MARKER 2 IN IP4 127.0.0.1\r\n', gen: 1 };

describe('SendSignal', () => {
  it('relays objects and strings addressed by peerId between two peers', async () => {
    const room = await server.createSession('room');
    const alice = await joined(room, 'alice');
    const bob = await joined(room, 'bob');

    expect(await alice.client.invoke('SendSignal', bob.peerId, offer)).toBeNull();
    expect(await bob.client.waitFor('ReceiveSignal')).toEqual([alice.peerId, offer]);

    const legacy = JSON.stringify({ type: 'answer', sdp: 'v=0' });
    await bob.client.invoke('SendSignal', alice.peerId, legacy);
    expect(await alice.client.waitFor('ReceiveSignal')).toEqual([bob.peerId, legacy]);
    await settle();
    expect(alice.client.received('ReceiveSignal')).toHaveLength(1);
    expect(bob.client.received('ReceiveSignal')).toHaveLength(1);
  });

  it('delivers a full mesh of signals between five peers, each to its target only', async () => {
    const mesh = await server.createSession('mesh');
    const peers: Array<{ client: TestClient; peerId: string }> = [];
    for (const name of ['peer1', 'peer2', 'peer3', 'peer4', 'peer5']) peers.push(await joined(mesh, name));
    await Promise.all(
      peers.flatMap((from) =>
        peers
          .filter((to) => to !== from)
          .map((to) =>
            from.client.invoke('SendSignal', to.peerId, {
              type: 'ice-candidate',
              candidate: null,
              gen: 0,
              to: to.peerId,
            }),
          ),
      ),
    );
    await settle(300);
    for (const me of peers) {
      const signals = me.client.received('ReceiveSignal');
      expect(signals).toHaveLength(4);
      expect(signals.every(([, signal]) => (signal as { to: string }).to === me.peerId)).toBe(true);
      expect(new Set(signals.map(([from]) => from))).toEqual(
        new Set(peers.filter((p) => p !== me).map((p) => p.peerId)),
      );
    }
  });

  it('never lets a peer of another session signal into this one', async () => {
    const room = await server.createSession('room');
    const other = await server.createSession('other');
    const alice = await joined(room, 'alice');
    const mallory = await joined(other, 'mallory');
    const refused = await hubError(mallory.client.invoke('SendSignal', alice.peerId, offer));
    expect(refused.code).toBe(ErrorCode.SIGNALING_PEER_NOT_FOUND);
    await settle();
    expect(alice.client.received('ReceiveSignal')).toEqual([]);
    expect(alice.client.received('UserJoined')).toEqual([]);
  });

  it('refuses callers that have not joined', async () => {
    const room = await server.createSession('room');
    const alice = await joined(room, 'alice');
    const outsider = await connectClient(server.url, {
      token: (await server.signUp('outsider')).token,
    });
    clients.push(outsider);
    expect((await hubError(outsider.invoke('SendSignal', alice.peerId, offer))).code).toBe(
      ErrorCode.SIGNALING_NOT_JOINED,
    );
    expect((await hubError(outsider.invoke('UpdateMediaState', { audio: true }))).code).toBe(
      ErrorCode.SIGNALING_NOT_JOINED,
    );
    expect((await hubError(outsider.invoke('SendMessage', 'hi'))).code).toBe(ErrorCode.SIGNALING_NOT_JOINED);
    await settle();
    expect(alice.client.events).toEqual([]);
  });

  it('refuses oversized and ill-typed signals with clear errors, and the connection keeps working', async () => {
    const room = await server.createSession('room');
    const alice = await joined(room, 'alice');
    const bob = await joined(room, 'bob');
    const big = { type: 'offer', sdp: 'x'.repeat(Limits.signalMaxBytes) };
    const tooLarge = await hubError(alice.client.invoke('SendSignal', bob.peerId, big));
    expect(tooLarge.code).toBe(ErrorCode.SIGNALING_PAYLOAD_TOO_LARGE);
    expect(tooLarge.message).toContain(String(Limits.signalMaxBytes));
    for (const bad of [42, null, [1, 2], true, '']) {
      const error = await hubError(alice.client.connection.invoke('SendSignal', bob.peerId, bad));
      expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
    }
    expect((await hubError(alice.client.connection.invoke('SendSignal', 7, offer))).code).toBe(
      ErrorCode.VALIDATION_FAILED,
    );
    expect((await hubError(alice.client.invoke('SendSignal', 'p_doesNotExist', offer))).code).toBe(
      ErrorCode.SIGNALING_PEER_NOT_FOUND,
    );
    expect((await hubError(alice.client.invoke('SendSignal', alice.peerId, offer))).code).toBe(
      ErrorCode.VALIDATION_FAILED,
    );
    await alice.client.invoke('SendSignal', bob.peerId, offer);
    await bob.client.waitFor('ReceiveSignal');
    await settle();
    expect(bob.client.received('ReceiveSignal')).toEqual([[alice.peerId, offer]]);

    const metrics = await server.registry.metrics();
    expect(metrics).toMatch(
      /smartc_signaling_signals_rejected_total\{code="SIGNALING_PAYLOAD_TOO_LARGE"\} 1/,
    );
    expect(metrics).toMatch(
      /smartc_signaling_signals_rejected_total\{code="SIGNALING_PEER_NOT_FOUND"\} [1-9]/,
    );
    expect(metrics).toMatch(/smartc_signaling_signals_relayed_total\{queued="false"\} [1-9]/);
  });

  it('never writes signal contents to the logs', async () => {
    const room = await server.createSession('room');
    const alice = await joined(room, 'alice');
    const bob = await joined(room, 'bob');
    await alice.client.invoke('SendSignal', bob.peerId, offer);
    await hubError(alice.client.invoke('SendSignal', 'p_nobody', offer));
    await bob.client.waitFor('ReceiveSignal');
    expect(server.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(server.logs)).not.toContain('SECRET-SDP-MARKER');
  });
});

describe('media state, chat and heartbeat', () => {
  it('announces media state changes to the others and returns the full state', async () => {
    const room = await server.createSession('room');
    const alice = await joined(room, 'alice');
    const bob = await joined(room, 'bob');
    expect(await alice.client.invoke('UpdateMediaState', { video: true })).toEqual({
      ...NO_MEDIA,
      video: true,
    });
    expect(await bob.client.waitFor('MediaStateChanged')).toEqual([
      { peerId: alice.peerId, audio: false, video: true, screen: false },
    ]);
    expect((await hubError(alice.client.connection.invoke('UpdateMediaState', { audio: 1 }))).code).toBe(
      ErrorCode.VALIDATION_FAILED,
    );
    await settle();
    expect(alice.client.received('MediaStateChanged')).toEqual([]);
    const carol = await joined(room, 'carol');
    const me = carol.client.received('UserJoined').find(([e]) => e.peerId === alice.peerId);
    expect(me?.[0].media).toEqual({ ...NO_MEDIA, video: true });
  });

  it('sends chat messages to the others and returns them to the sender', async () => {
    const room = await server.createSession('room');
    const alice = await joined(room, 'alice');
    const bob = await joined(room, 'bob');
    const sent = await alice.client.invoke('SendMessage', 'Bonjour !');
    expect(sent).toMatchObject({
      sessionId: room,
      fromPeerId: alice.peerId,
      username: 'alice',
      text: 'Bonjour !',
    });
    expect(Number.isNaN(Date.parse(sent.sentAt))).toBe(false);
    expect(await bob.client.waitFor('ReceiveMessage')).toEqual([sent]);
    expect((await hubError(alice.client.invoke('SendMessage', '  '))).code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(
      (await hubError(alice.client.invoke('SendMessage', 'x'.repeat(Limits.chatMessageMax + 1)))).code,
    ).toBe(ErrorCode.SIGNALING_PAYLOAD_TOO_LARGE);
    await settle();
    expect(alice.client.received('ReceiveMessage')).toEqual([]);
    expect(bob.client.received('ReceiveMessage')).toHaveLength(1);
  });

  it('answers Heartbeat with the server time, joined or not', async () => {
    const room = await server.createSession('room');
    const alice = await joined(room, 'alice');
    const { serverTime } = await alice.client.invoke('Heartbeat');
    expect(Math.abs(Date.parse(serverTime) - Date.now())).toBeLessThan(5000);
    const outsider = await connectClient(server.url, {
      token: (await server.signUp('outsider')).token,
    });
    clients.push(outsider);
    expect(await outsider.invoke('Heartbeat')).toHaveProperty('serverTime');
  });
});
