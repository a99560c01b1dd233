import type { SmaRTCServer } from '@smartc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmaRTCClient } from '../src/client/index.js';
import type { WebRTCOption } from '../src/webrtc/index.js';
import {
  createClient,
  loginToken,
  record,
  startVideo,
  waitForEvents,
  wrtc,
} from './helpers/clientHarness.js';
import { type ClientPair, connectClients } from './helpers/clientPair.js';
import { startTestServer, waitFor } from './helpers/peers.js';

let server: SmaRTCServer;
const cleanups: Array<() => Promise<void> | void> = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let room = 0;
const nextRoom = () => `client-${process.pid}-${++room}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function pair(): Promise<ClientPair> {
  const p = await connectClients(server, nextRoom());
  cleanups.push(() => p.close());
  return p;
}

beforeAll(async () => {
  server = await startTestServer();
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
  expect(unhandled).toEqual([]);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await server?.close();
});

describe('SmaRTCClient: the original example', () => {
  it('runs as written: connected, peer-joined, remote-stream with video, current getStats', async () => {
    const sources = [startVideo(), startVideo()];
    cleanups.push(() => {
      for (const s of sources) s.stop();
    });
    const make = (username: string) => {
      const client = new SmaRTCClient({
        serverUrl: server.url,
        sessionId: 'demo-room',
        username,
        enableMesh: true,
        webrtc: wrtc as unknown as WebRTCOption,
      });
      cleanups.push(() => client.disconnect());
      return record(client);
    };
    const alice = make('Alice');
    const bob = make('Bob');
    const streams: Array<{ client: string; peerId: string; stream: MediaStream; username: string }> = [];
    for (const [name, r, source] of [
      ['Alice', alice, sources[0]],
      ['Bob', bob, sources[1]],
    ] as const) {
      const client = r.client;
      const localStream = source!.stream;
      await client.connect(localStream);
      client.on('remote-stream', (peerId, stream, username) => {
        streams.push({ client: name, peerId, stream, username });
      });
    }
    expect(alice.of('connected')).toHaveLength(1);
    expect(bob.of('connected')).toHaveLength(1);
    await waitFor(
      () => streams.length === 2,
      15_000,
      () => `remote streams: ${streams.length}`,
    );
    const atAlice = streams.find((s) => s.client === 'Alice')!;
    const atBob = streams.find((s) => s.client === 'Bob')!;
    expect(atAlice).toMatchObject({ peerId: bob.client.peerId, username: 'Bob' });
    expect(atBob).toMatchObject({ peerId: alice.client.peerId, username: 'Alice' });
    await waitFor(() => atAlice.stream.getVideoTracks().length === 1, 5000, 'video track at alice');
    expect(alice.of('peer-joined')).toEqual([[bob.client.peerId, 'Bob']]);
    expect(bob.of('peer-joined')).toEqual([[alice.client.peerId, 'Alice']]);
    expect(alice.of('remote-stream')).toHaveLength(1);

    const peerId = atAlice.peerId;
    await sleep(1500);
    const first = await alice.client.getStats(peerId);
    expect(first).not.toBeNull();
    expect(typeof first!.latency).toBe('number');
    expect(first!.latency).toBeGreaterThanOrEqual(0);
    expect(first!.bitrate).toBeGreaterThan(0);
    expect(typeof first!.packetsLost).toBe('number');
    await sleep(1000);
    const second = await alice.client.getStats(peerId);
    expect(second!.bitrate).toBeGreaterThan(0);
    // a current rate, not cumulative kilobits: a second later it stays in the same range
    expect(second!.bitrate!).toBeLessThan(first!.bitrate! * 4 + 200);
    expect(second!.bitrate!).toBeGreaterThan(first!.bitrate! / 4 - 50);
    // and well below the cumulative kilobits the original SDK reported (media has flowed for > 2.5 s)
    const connection = alice.client.getPeers()[0]!.connection;
    let bytes = 0;
    (await connection.getStats()).forEach((r: { type: string; bytesReceived?: number }) => {
      if (r.type === 'inbound-rtp') bytes += r.bytesReceived ?? 0;
    });
    expect(second!.bitrate!).toBeLessThan(((bytes * 8) / 1000) * 0.75);
  });
});

describe('SmaRTCClient: peers, stats and messages', () => {
  it('getPeers() gives the connection, latency and relay use; getStats() lists peers; unknown → null', async () => {
    const { alice, bob } = await pair();
    await waitForEvents(alice, () => alice.client.getPeers()[0]?.latency !== null, 'alice has a latency');
    const peers = alice.client.getPeers();
    expect(peers).toHaveLength(1);
    const peer = peers[0]!;
    expect(peer).toMatchObject({
      peerId: bob.client.peerId,
      username: 'bob',
      isRelay: false,
      connectionState: 'connected',
    });
    expect(peer.connection).toBeInstanceOf(wrtc.RTCPeerConnection);
    expect(peer.latency).toBeGreaterThanOrEqual(0);
    expect(await alice.client.getStats('unknown')).toBeNull();
    const all = await alice.client.getStats();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ peerId: bob.client.peerId, stats: { packetsLost: expect.any(Number) } });
  });

  it('sendMessage and broadcast deliver objects as `message (peerId, data)`', async () => {
    const { alice, bob } = await pair();
    await waitFor(
      () => alice.client.sendMessage(bob.client.peerId!, { hello: 'bob', n: [1, 2] }),
      5000,
      'send',
    );
    await waitForEvents(bob, () => bob.of('message').length === 1, 'bob gets the message');
    expect(bob.of('message')[0]).toEqual([alice.client.peerId, { hello: 'bob', n: [1, 2] }]);
    expect(bob.client.broadcast('plain text')).toBe(1);
    expect(bob.client.broadcast({ nested: { ok: true } })).toBe(1);
    await waitForEvents(alice, () => alice.of('message').length === 2, 'alice gets two messages');
    expect(alice.of('message')).toEqual([
      [bob.client.peerId, 'plain text'],
      [bob.client.peerId, { nested: { ok: true } }],
    ]);
    expect(alice.client.sendMessage('unknown', 1)).toBe(false);
  });

  it('stats events arrive periodically with the legacy shape', async () => {
    const { alice, bob } = await pair();
    await waitForEvents(alice, () => alice.of('stats').length >= 3, 'three stats events');
    const [stats] = alice.of('stats').at(-1)!;
    expect(stats).toMatchObject({
      peerId: bob.client.peerId,
      username: 'bob',
      packetsLost: expect.any(Number),
    });
    expect(stats.latency).toBe(stats.roundTripTime);
    expect(stats.bitrate).toBe(stats.bandwidth);
  });
});

describe('SmaRTCClient: lifecycle', () => {
  it('peer-left when the other disconnects; disconnected on disconnect', async () => {
    const { alice, bob } = await pair();
    const bobId = bob.client.peerId;
    await bob.client.disconnect();
    expect(bob.of('disconnected')).toHaveLength(1);
    expect(bob.client.peerId).toBeNull();
    await waitForEvents(alice, () => alice.of('peer-left').length === 1, 'alice sees bob leave');
    expect(alice.of('peer-left')).toEqual([[bobId]]);
    expect(alice.client.getPeers()).toEqual([]);
    expect(alice.of('disconnected')).toHaveLength(0);
  });

  it('reconnecting then reconnected when the signaling socket is cut, with the same peerId', async () => {
    const { alice, bob } = await pair();
    const before = alice.client.peerId;
    // biome-ignore lint/suspicious/noExplicitAny: reaching the transport to cut it
    (alice.client.call!.signaling.hubConnection as any).connection.transport._webSocket.terminate();
    await waitForEvents(alice, () => alice.of('reconnected').length === 1, 'alice reconnects', 20_000);
    const names = alice.events.map((e) => e.name).filter((n) => n === 'reconnecting' || n === 'reconnected');
    expect(names).toEqual(['reconnecting', 'reconnected']);
    expect(alice.of('reconnected')[0]).toEqual([before, true]);
    expect(alice.client.peerId).toBe(before);
    expect(bob.of('peer-left')).toEqual([]);
    expect(alice.of('disconnected')).toEqual([]);
  });

  it('joins under the account username with a token', async () => {
    const token = await loginToken(server, `carol${process.pid}`, 'Carol-Passw0rd!');
    const video = startVideo();
    const sessionId = nextRoom();
    const carol = createClient(server, 'ignored', { sessionId, token });
    const dave = createClient(server, 'dave', { sessionId });
    cleanups.push(async () => {
      video.stop();
      await Promise.all([carol.client.disconnect(), dave.client.disconnect()]);
    });
    await carol.client.connect(video.stream);
    await dave.client.connect();
    await waitForEvents(dave, () => dave.of('peer-joined').length === 1, 'dave sees carol');
    expect(dave.of('peer-joined')).toEqual([[carol.client.peerId, `carol${process.pid}`]]);
    await waitForEvents(carol, () => carol.of('peer-joined').length === 1, 'carol sees dave');
    expect(carol.of('peer-joined')).toEqual([[dave.client.peerId, 'dave']]);
  });

  it('enableMesh: false is accepted and still connects', async () => {
    const solo = createClient(server, 'frank', { sessionId: nextRoom(), enableMesh: false });
    cleanups.push(() => solo.client.disconnect());
    await solo.client.connect();
    expect(solo.of('connected')).toHaveLength(1);
    expect(solo.client.peerId).toBeTruthy();
    expect(solo.client.getPeers()).toEqual([]);
    expect(await solo.client.getStats()).toEqual([]);
  });

  it('a failed connect emits error and rejects with the same SmaRTCError', async () => {
    const bad = createClient(server, 'eve', { token: 'not-a-token' });
    const failure = await bad.client.connect().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: expect.stringMatching(/^AUTH_|SIGNALING_/) });
    expect(bad.of('error')).toEqual([[failure]]);
    expect(bad.of('connected')).toEqual([]);
    expect(bad.client.call).toBeNull();
  });
});

describe('SmaRTCClient: quality', () => {
  it('setQuality emits quality-changed; @roamhq/wrtc refusing setParameters is an error event', async () => {
    const { alice } = await pair();
    await alice.client.setQuality('low');
    const mine = alice.of('quality-changed').filter(([peerId]) => peerId === undefined);
    expect(mine).toEqual([[undefined, 'low', []]]);
    const errors = alice.of('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]![0]).toMatchObject({ code: 'MEDIA_UNSUPPORTED' });
    await alice.client.setQuality('veryHigh');
    expect(
      alice
        .of('quality-changed')
        .filter(([p]) => p === undefined)
        .at(-1),
    ).toEqual([undefined, 'high', []]);
    await alice.client.setQuality('bogus' as never);
    expect(alice.of('error').at(-1)![0]).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('the quality option is applied to each new connection (an error event where refused)', async () => {
    const p = await connectClients(server, nextRoom(), { quality: 'medium' });
    cleanups.push(() => p.close());
    await waitForEvents(p.alice, () => p.alice.of('error').length > 0, 'alice reports the refusal');
    expect(p.alice.of('error')).toEqual([[expect.objectContaining({ code: 'MEDIA_UNSUPPORTED' })]]);
  });

  it('peer quality-changed reports a level with reasons', async () => {
    const { alice } = await pair();
    await waitForEvents(
      alice,
      () => alice.of('quality-changed').some(([p]) => p !== undefined),
      'a peer quality',
    );
    const [, level, reasons] = alice.of('quality-changed').find(([p]) => p !== undefined)!;
    expect(['good', 'warning', 'bad']).toContain(level);
    expect(Array.isArray(reasons)).toBe(true);
  });
});
