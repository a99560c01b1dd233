import { errorFromCode } from '@smartc/core';
import { type CallAction, type CallSnapshot, callReducer, initialCallState } from '@smartc/mesh';
import { describe, expect, it } from 'vitest';
import { type CallChanges, diffSnapshots } from './callWatcher.js';

const media = { audio: true, video: true, screen: false };
const stream = (id: string) => ({ id }) as unknown as MediaStream;

/** Feeds `actions` through the real call reducer and records what the watcher reports for each step. */
function replay(actions: CallAction[]): string[] {
  const seen: string[] = [];
  const report: CallChanges = {
    localStream: (s) => seen.push(`local ${s.id}`),
    remoteStream: (e) => seen.push(`remote ${e.username} ${e.stream.id}`),
    userJoined: (p) => seen.push(`joined ${p.username}`),
    userLeft: (p) => seen.push(`left ${p.username}`),
    problem: (p) => seen.push(`problem ${p.kind} ${(p.error as { code?: string }).code}`),
    ended: (error) => seen.push(`ended ${(error as { code?: string } | undefined)?.code ?? 'cleanly'}`),
  };
  let state: CallSnapshot = initialCallState('alice');
  for (const action of actions) {
    const next = callReducer(state, action);
    diffSnapshots(state, next, report);
    state = next;
  }
  return seen;
}

const joined: CallAction[] = [
  { type: 'join-started', sessionId: 's1', media, stream: null },
  { type: 'self-stream', stream: stream('cam'), media },
  { type: 'joined', peerId: 'p-alice', peers: [{ peerId: 'p-bob', username: 'bob', media }] },
];

describe('diffSnapshots', () => {
  it('reports the local stream, participants and their streams once each', () => {
    expect(
      replay([
        ...joined,
        { type: 'remote-stream', peerId: 'p-bob', stream: stream('bob-1') },
        { type: 'peer-state', peerId: 'p-bob', state: 'connected' },
        { type: 'media-state', peerId: 'p-bob', media: { audio: false, video: true, screen: false } },
        { type: 'peer-joined', peer: { peerId: 'p-carol', username: 'carol', media } },
        { type: 'remote-stream', peerId: 'p-carol', stream: stream('carol-1') },
        { type: 'peer-left', peerId: 'p-bob' },
      ]),
    ).toEqual([
      'local cam',
      'joined bob',
      'remote bob bob-1',
      'joined carol',
      'remote carol carol-1',
      'left bob',
    ]);
  });

  it('reports a failed peer connection and media warnings as problems, not mesh-size warnings', () => {
    const cameraLost = errorFromCode('MEDIA_DEVICE_NOT_FOUND');
    expect(
      replay([
        ...joined,
        { type: 'peer-state', peerId: 'p-bob', state: 'failed' },
        { type: 'peer-state', peerId: 'p-bob', state: 'failed' },
        { type: 'warning', warning: { reason: 'media-fallback', error: cameraLost, message: 'audio only' } },
        {
          type: 'warning',
          warning: { reason: 'uplink', peers: 7, maxDirectPeers: 8, message: 'too many' },
        } as unknown as CallAction,
      ]).slice(2),
    ).toEqual([
      'problem peer-failed PEER_CONNECTION_FAILED',
      'problem media-fallback MEDIA_DEVICE_NOT_FOUND',
    ]);
  });

  it('reports the end of a call that was not left: cleanly when the session ends, with the error when lost', () => {
    expect(replay([...joined, { type: 'left' }]).slice(-2)).toEqual(['left bob', 'ended cleanly']);
    const lost = errorFromCode('SIGNALING_RECONNECT_FAILED');
    expect(
      replay([
        ...joined,
        { type: 'signaling-state', state: 'reconnecting' },
        { type: 'signaling-state', state: 'disconnected', reason: 'reconnect-failed', error: lost },
      ]).at(-1),
    ).toBe('ended SIGNALING_RECONNECT_FAILED');
  });

  it('does not report a failed join as an ended call (the join rejects instead)', () => {
    const refused = errorFromCode('SESSION_NOT_FOUND');
    expect(
      replay([
        { type: 'join-started', sessionId: 's1', media, stream: null },
        { type: 'join-failed', error: refused },
      ]),
    ).toEqual([]);
  });
});
