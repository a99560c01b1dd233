import type { SmaRTCServer } from '@smartc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Bot,
  bytes,
  countAudio,
  countFrames,
  createBot,
  fullMesh,
  HEIGHT,
  joinAll,
  meshReport,
  startSources,
  startTestServer,
  WIDTH,
  waitFor,
} from './helpers/peers.js';

let server: SmaRTCServer;
let bots: Bot[] = [];
const cleanups: Array<() => void> = [];
let room = 0;
const nextRoom = () => `peers-${process.pid}-${++room}`;

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
  await Promise.all(bots.map((b) => b.close()));
  bots = [];
});
afterAll(async () => {
  await server?.close();
});

function make(count: number, options?: Parameters<typeof createBot>[2]): Bot[] {
  const made = Array.from({ length: count }, (_, i) => createBot(server, `bot${i}`, options));
  bots.push(...made);
  return made;
}

describe('MeshPeerManager with real @roamhq/wrtc peers and the real server', () => {
  it('two peers: data on both channels both ways, audio and video frames decode', async () => {
    const [a, b] = make(2) as [Bot, Bot];
    const sources = startSources();
    cleanups.push(() => sources.stop());
    await a.mesh.setLocalStream(sources.stream);
    const frames: Array<ReturnType<typeof countFrames>> = [];
    const audio: Array<ReturnType<typeof countAudio>> = [];
    const streams: string[] = [];
    b.mesh.on('remote-stream', (_peerId, stream) => streams.push(stream.id));
    b.mesh.on('remote-track', (peerId, track) => {
      expect(peerId).toBe(a.peerId);
      if (track.kind === 'video') frames.push(countFrames(track));
      else audio.push(countAudio(track));
    });
    cleanups.push(() => {
      for (const f of [...frames, ...audio]) f.stop();
    });
    const opened: string[] = [];
    a.mesh.on('channel-open', (peerId, channel) => opened.push(`${peerId}:${channel}`));

    await joinAll([a, b], nextRoom());
    await waitFor(
      () => fullMesh([a, b]),
      10_000,
      () => meshReport([a, b]),
    );
    await waitFor(
      () => opened.length === 2,
      5000,
      () => `both channels open: ${opened} ${JSON.stringify(a.mesh.getPeer(b.peerId)?.channels)}`,
    );
    expect(opened.sort()).toEqual([`${b.peerId}:reliable`, `${b.peerId}:unreliable`]);
    expect(a.mesh.getPeer(b.peerId)?.channels).toEqual({ reliable: true, unreliable: true });

    expect(a.mesh.send(b.peerId, 'hello b')).toBe(true);
    expect(b.mesh.send(a.peerId, new Uint8Array([1, 2, 3]))).toBe(true);
    expect(a.mesh.send(b.peerId, new Uint8Array([9, 8]).buffer, { reliable: false })).toBe(true);
    expect(b.mesh.send(a.peerId, 'hello a, unreliably', { reliable: false })).toBe(true);
    await waitFor(() => a.received.length === 2 && b.received.length === 2, 5000, 'data both ways');
    expect(b.received).toContainEqual({ from: a.peerId, data: 'hello b', channel: 'reliable' });
    expect(a.received).toContainEqual({ from: b.peerId, data: 'hello a, unreliably', channel: 'unreliable' });
    const binaryAtA = a.received.find((r) => r.channel === 'reliable');
    const binaryAtB = b.received.find((r) => r.channel === 'unreliable');
    expect(bytes(binaryAtA?.data ?? '')).toEqual([1, 2, 3]);
    expect(bytes(binaryAtB?.data ?? '')).toEqual([9, 8]);

    await waitFor(() => frames.length === 1 && audio.length === 1, 5000, 'remote tracks');
    const video = frames[0]!.stats;
    await waitFor(
      () => video.frames >= 10,
      8000,
      () => `video frames ${video.frames}`,
    );
    const before = video.frames;
    await waitFor(() => video.frames >= before + 10, 5000, 'frames keep growing');
    expect([video.width, video.height]).toEqual([WIDTH, HEIGHT]);
    await waitFor(() => audio[0]!.stats.chunks > 10, 5000, 'audio flows');
    expect(streams).toEqual([sources.stream.id]);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('five peers form a full mesh and every broadcast reaches all the others', async () => {
    const five = make(5);
    await joinAll(five, nextRoom());
    await waitFor(
      () => fullMesh(five),
      15_000,
      () => meshReport(five),
    );
    await waitFor(
      () => five.every((x) => five.every((y) => x === y || x.mesh.getPeer(y.peerId)?.channels.reliable)),
      5000,
      'channels open',
    );
    for (const bot of five) expect(bot.mesh.broadcast(`from ${bot.name}`)).toBe(4);
    await waitFor(() => five.every((b) => b.received.length === 4), 5000, 'broadcasts arrive');
    for (const bot of five) {
      const senders = bot.received.map((r) => r.from).sort();
      expect(senders).toEqual(
        five
          .filter((o) => o !== bot)
          .map((o) => o.peerId)
          .sort(),
      );
      for (const r of bot.received)
        expect(r.data).toBe(`from ${five.find((o) => o.peerId === r.from)?.name}`);
      expect(bot.errors).toEqual([]);
      expect(bot.mesh.peers.size).toBe(4);
    }
  });
});
