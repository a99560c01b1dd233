import type { SmaRTCServer } from '@smartc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type SimpleParticipant,
  type SimpleRemoteStream,
  SmaRTCSimple,
  type SmaRTCSimpleError,
} from '../src/index.js';
import { countFrames, nodeMedia, stopMedia, webrtc } from './helpers/media.js';
import { startDemoServer, waitFor } from './helpers/server.js';

let server: SmaRTCServer;
const clients: SmaRTCSimple[] = [];

/** A signed-in SmaRTCSimple in Node, with everything its subscriptions report. */
async function user(username: string, password: string) {
  const smartc = new SmaRTCSimple({ serverUrl: server.url, webrtc, localMedia: nodeMedia });
  clients.push(smartc);
  const seen = {
    local: [] as MediaStream[],
    remote: [] as SimpleRemoteStream[],
    joined: [] as SimpleParticipant[],
    left: [] as SimpleParticipant[],
    errors: [] as SmaRTCSimpleError[],
  };
  smartc.onLocalStream((s) => seen.local.push(s));
  smartc.onRemoteStream((e) => seen.remote.push(e));
  smartc.onUserJoined((p) => seen.joined.push(p));
  smartc.onUserLeft((p) => seen.left.push(p));
  smartc.onError((e) => seen.errors.push(e));
  await smartc.login(username, password);
  return { smartc, seen };
}

function mediaOf(smartc: SmaRTCSimple, username: string) {
  return smartc.call?.getSnapshot().participants.find((p) => p.username === username)?.media;
}

beforeAll(async () => {
  server = await startDemoServer();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
  stopMedia();
});
afterAll(async () => {
  await server?.close();
});

describe('SmaRTCSimple in a real call (Node, @roamhq/wrtc)', () => {
  it('startCall, joinCall, see each other’s video, mute, turn the camera off, endCall', async () => {
    const alice = await user('alice', 'Alice123!');
    const bob = await user('bob', 'Bob123!');

    const sessionId = await alice.smartc.startCall('Mon appel', 'Réunion du lundi');
    expect(alice.smartc.currentCallId).toBe(sessionId);
    expect(alice.seen.local).toHaveLength(1);
    expect(await alice.smartc.getCallDetails(sessionId)).toMatchObject({
      name: 'Mon appel',
      description: 'Réunion du lundi',
    });
    expect((await bob.smartc.getAvailableCalls()).map((s) => s.id)).toContain(sessionId);

    await bob.smartc.joinCall(sessionId);
    expect(bob.smartc.currentCallId).toBe(sessionId);
    await waitFor(
      () => alice.seen.remote.length > 0 && bob.seen.remote.length > 0,
      () => `remote streams: alice ${alice.seen.remote.length}, bob ${bob.seen.remote.length}`,
    );
    expect(alice.seen.joined.map((p) => p.username)).toEqual(['bob']);
    expect(bob.seen.joined.map((p) => p.username)).toEqual(['alice']);
    expect(alice.seen.remote[0]?.username).toBe('bob');

    // Bob's camera frames decode at alice's, and alice's at bob's.
    for (const [who, seen] of [
      ['alice', alice.seen],
      ['bob', bob.seen],
    ] as const) {
      await waitFor(
        () => seen.remote.at(-1)?.stream.getVideoTracks().length === 1,
        () => `${who} has a remote video track`,
      );
      const track = seen.remote.at(-1)?.stream.getVideoTracks()[0] as MediaStreamTrack;
      const counter = countFrames(track);
      try {
        await waitFor(
          () => counter.frames() >= 10,
          () => `${who} decoded ${counter.frames()} frames`,
        );
      } finally {
        counter.stop();
      }
    }

    // Mute and camera off reach the other side.
    expect(await bob.smartc.toggleMicrophone()).toBe(false);
    await waitFor(
      () => mediaOf(alice.smartc, 'bob')?.audio === false,
      () => 'alice sees bob muted',
    );
    expect(await bob.smartc.toggleCamera()).toBe(false);
    await waitFor(
      () => mediaOf(alice.smartc, 'bob')?.video === false,
      () => 'alice sees bob’s camera off',
    );
    expect(await bob.smartc.toggleMicrophone()).toBe(true);
    await waitFor(
      () => mediaOf(alice.smartc, 'bob')?.audio === true,
      () => 'alice sees bob unmuted',
    );

    await bob.smartc.endCall();
    expect(bob.smartc.currentCallId).toBeNull();
    await waitFor(
      () => alice.seen.left.length === 1,
      () => 'alice sees bob leave',
    );
    expect(alice.seen.left[0]).toMatchObject({ username: 'bob' });
    expect(alice.seen.errors).toEqual([]);
    expect(bob.seen.errors).toEqual([]);
  });

  it('joining another call leaves the first; logout ends the call', async () => {
    const alice = await user('alice', 'Alice123!');
    const bob = await user('bob', 'Bob123!');
    const first = await alice.smartc.startCall('Premier');
    await bob.smartc.joinCall(first);
    await waitFor(
      () => alice.seen.joined.length === 1,
      () => 'bob joins the first call',
    );

    const second = await bob.smartc.startCall('Second');
    expect(bob.smartc.currentCallId).toBe(second);
    await waitFor(
      () => alice.seen.left.length === 1,
      () => 'bob leaves the first call',
    );

    await bob.smartc.logout();
    expect(bob.smartc.currentCallId).toBeNull();
    expect(bob.smartc.isLoggedIn).toBe(false);
    expect((await alice.smartc.getCallDetails(second)).participants).toEqual([]);
  });

  it('a call deleted by its creator ends for everyone in it: the call is freed, a new one can start', async () => {
    const alice = await user('alice', 'Alice123!');
    const bob = await user('bob', 'Bob123!');
    const sessionId = await alice.smartc.startCall('Bientôt fini');
    await bob.smartc.joinCall(sessionId);
    await waitFor(
      () => bob.seen.joined.length === 1,
      () => 'bob sees alice',
    );

    await alice.smartc.api.sessions.delete(sessionId);
    await waitFor(
      () => bob.smartc.currentCallId === null,
      () => 'bob’s call is over',
    );
    expect(bob.smartc.call).toBeNull();
    expect(bob.seen.errors).toEqual([]);
    await expect(bob.smartc.startCall('La suite')).resolves.toEqual(expect.any(String));
  });
});
