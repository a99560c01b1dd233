import type { SmaRTCServer } from '@smartc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { participant, waitForSnapshot } from './helpers/callHarness.js';
import { type CallPair, connectPair } from './helpers/callPair.js';
import { startTestServer } from './helpers/peers.js';

let server: SmaRTCServer;
const pairs: CallPair[] = [];
let room = 0;
const nextRoom = () => `call-${process.pid}-${++room}`;

async function pair(): Promise<CallPair> {
  const p = await connectPair(server, nextRoom());
  pairs.push(p);
  return p;
}

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await Promise.all(pairs.splice(0).map((p) => p.close()));
});
afterAll(async () => {
  await server?.close();
});

describe('Call: two participants', () => {
  it('each snapshot shows the other: username, connected, a remote video stream, then stats and quality', async () => {
    const { alice, bob } = await pair();
    const a = alice.getSnapshot();
    const b = bob.getSnapshot();
    expect(a.status).toBe('joined');
    expect(a.self.peerId).toBeTruthy();
    expect(a.self.username).toBe('alice');
    expect(a.self.media).toEqual({ audio: true, video: true, screen: false });
    expect(a.signaling.state).toBe('connected');
    expect(a.participants).toHaveLength(1);
    expect(b.participants).toHaveLength(1);
    const bobAtAlice = a.participants[0]!;
    expect(bobAtAlice).toMatchObject({
      peerId: b.self.peerId,
      username: 'bob',
      connectionState: 'connected',
      media: { audio: true, video: true, screen: false },
    });
    expect(bobAtAlice.stream?.getVideoTracks()).toHaveLength(1);
    expect(b.participants[0]).toMatchObject({ peerId: a.self.peerId, username: 'alice' });
    await waitForSnapshot(
      alice,
      (s) => (s.participants[0]?.stats?.inbound.videoKbps ?? 0) > 0 && !!s.participants[0]?.quality,
      'stats with inbound video kbps and a quality at alice',
    );
    const p = alice.getSnapshot().participants[0]!;
    expect(p.stats!.inbound.videoKbps).toBeGreaterThan(0);
    expect(['good', 'warning', 'bad']).toContain(p.quality!.level);
  });

  it('microphone and camera toggles reach the other snapshot and the local tracks', async () => {
    const { alice, bob, aliceVideo } = await pair();
    const alicePeerId = alice.getSnapshot().self.peerId;
    await alice.setMicrophoneEnabled(false);
    expect(aliceVideo.audioTrack.enabled).toBe(false);
    expect(aliceVideo.track.enabled).toBe(true);
    expect(alice.getSnapshot().self.media.audio).toBe(false);
    await waitForSnapshot(
      bob,
      () => participant(bob, alicePeerId)?.media.audio === false,
      'bob sees alice muted',
    );
    expect(participant(bob, alicePeerId)?.media.video).toBe(true);
    await alice.setCameraEnabled(false);
    expect(aliceVideo.track.enabled).toBe(false);
    await waitForSnapshot(
      bob,
      () => participant(bob, alicePeerId)?.media.video === false,
      'bob sees alice camera off',
    );
    await alice.setMicrophoneEnabled(true);
    expect(aliceVideo.audioTrack.enabled).toBe(true);
    await waitForSnapshot(
      bob,
      () => participant(bob, alicePeerId)?.media.audio === true,
      'bob sees alice unmuted',
    );
  });

  it('chat: a message appears in both snapshots, once', async () => {
    const { alice, bob } = await pair();
    const sent = await alice.sendMessage('hello bob');
    await waitForSnapshot(bob, (s) => s.messages.some((m) => m.text === 'hello bob'), 'bob got the message');
    const atBob = bob.getSnapshot().messages.find((m) => m.id === sent.id);
    expect(atBob).toMatchObject({
      text: 'hello bob',
      username: 'alice',
      fromPeerId: alice.getSnapshot().self.peerId,
    });
    expect(alice.getSnapshot().messages.filter((m) => m.id === sent.id)).toHaveLength(1);
  });

  it('snapshot identity: stable without changes, one notification per change, unsubscribe works', async () => {
    const { alice, bob, aliceSnapshots } = await pair();
    // every published snapshot is a different object, and each one was the current one when published
    expect(new Set(aliceSnapshots).size).toBe(aliceSnapshots.length);
    expect(aliceSnapshots.at(-1)).toBe(alice.getSnapshot());
    const one = alice.getSnapshot();
    expect(alice.getSnapshot()).toBe(one);
    expect(Object.isFrozen(one)).toBe(true);
    const seen: unknown[] = [];
    const off = alice.subscribe((s) => seen.push(s));
    await alice.setMicrophoneEnabled(false); // exactly one change of self.media
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(alice.getSnapshot());
    expect(alice.getSnapshot()).not.toBe(one);
    await alice.setMicrophoneEnabled(false); // no change: no notification, same object
    expect(seen.filter((s) => s !== seen[0])).toEqual([]);
    off();
    const count = seen.length;
    await alice.setCameraEnabled(false);
    expect(seen.length).toBe(count);
    // a change of one participant keeps the self object, and vice versa
    const before = bob.getSnapshot();
    const alicePeerId = alice.getSnapshot().self.peerId;
    await waitForSnapshot(
      bob,
      () => participant(bob, alicePeerId)?.media.video === false,
      'bob sees camera off',
    );
    expect(bob.getSnapshot().self).toBe(before.self);
  });

  it('leave: the other snapshot drops the participant; the caller ends in left', async () => {
    const { alice, bob } = await pair();
    await alice.leave();
    expect(alice.getSnapshot().status).toBe('left');
    expect(alice.getSnapshot().participants).toEqual([]);
    await waitForSnapshot(bob, (s) => s.participants.length === 0, 'bob no longer sees alice');
    expect(bob.getSnapshot().status).toBe('joined');
  });
});
