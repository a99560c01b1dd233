import { errorFromCode } from '@smartc/core';
import type { ChatMessage, PeerInfo } from '@smartc/protocol';
import { describe, expect, it } from 'vitest';
import type { PeerStats } from '../stats/types.js';
import { type CallAction, callReducer } from './callReducer.js';
import { type CallSnapshot, initialCallState, MAX_CALL_MESSAGES } from './callState.js';

const stream = (id: string) => ({ id }) as unknown as MediaStream;
const peer = (peerId: string, username = peerId): PeerInfo => ({
  peerId,
  username,
  media: { audio: true, video: true, screen: false },
});
const stats = (videoKbps: number) =>
  ({ timestampMs: 1, rttMs: 10, inbound: { videoKbps } }) as unknown as PeerStats;
const message = (id: string): ChatMessage => ({
  id,
  sessionId: 'room',
  fromPeerId: 'b',
  username: 'bob',
  text: `hi ${id}`,
  sentAt: '2026-01-01T00:00:00Z',
});

function run(state: CallSnapshot, ...actions: CallAction[]): CallSnapshot {
  return actions.reduce(callReducer, state);
}

/** Joined as `me` with peers b and c. */
function joined(): CallSnapshot {
  return run(
    initialCallState('alice'),
    {
      type: 'join-started',
      sessionId: 'room',
      media: { audio: true, video: true, screen: false },
      stream: null,
    },
    { type: 'joined', peerId: 'me', peers: [peer('b', 'bob'), peer('c', 'carol')] },
  );
}

describe('callReducer', () => {
  it('starts idle with nothing', () => {
    const s = initialCallState('alice');
    expect(s).toMatchObject({
      status: 'idle',
      sessionId: null,
      participants: [],
      messages: [],
      warnings: [],
    });
    expect(s.self).toEqual({
      peerId: null,
      username: 'alice',
      screenSharing: false,
      media: { audio: false, video: false, screen: false },
      stream: null,
    });
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('join-started → joined: status, self, participants in join order', () => {
    const local = stream('local');
    const starting = callReducer(initialCallState('alice'), {
      type: 'join-started',
      sessionId: 'room',
      media: { audio: true, video: false, screen: false },
      stream: local,
    });
    expect(starting.status).toBe('joining');
    expect(starting.sessionId).toBe('room');
    expect(starting.self).toMatchObject({ stream: local, media: { audio: true, video: false } });
    const s = callReducer(starting, { type: 'joined', peerId: 'me', peers: [peer('b'), peer('c')] });
    expect(s.status).toBe('joined');
    expect(s.self.peerId).toBe('me');
    expect(s.participants.map((p) => p.peerId)).toEqual(['b', 'c']);
    expect(s.participants[0]).toEqual({
      peerId: 'b',
      username: 'b',
      connectionState: 'connecting',
      media: { audio: true, video: true, screen: false },
      stream: null,
      stats: null,
      quality: null,
    });
    expect(Object.isFrozen(s.participants)).toBe(true);
    expect(Object.isFrozen(s.participants[0])).toBe(true);
  });

  it('joined / join-failed only apply while joining', () => {
    const idle = initialCallState('alice');
    expect(callReducer(idle, { type: 'joined', peerId: 'me', peers: [] })).toBe(idle);
    const error = errorFromCode('SESSION_FULL');
    expect(callReducer(idle, { type: 'join-failed', error })).toBe(idle);
    const failed = run(
      idle,
      {
        type: 'join-started',
        sessionId: 'r',
        media: { audio: false, video: false, screen: false },
        stream: null,
      },
      { type: 'join-failed', error },
    );
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe(error);
  });

  it('left clears the participants, and is a no-op twice', () => {
    const s = callReducer(joined(), { type: 'left' });
    expect(s.status).toBe('left');
    expect(s.participants).toEqual([]);
    expect(callReducer(s, { type: 'left' })).toBe(s);
  });

  it('peer-joined appends once; peer-left removes; unknown ids change nothing', () => {
    const s0 = joined();
    const s1 = callReducer(s0, { type: 'peer-joined', peer: peer('d', 'dave') });
    expect(s1.participants.map((p) => p.peerId)).toEqual(['b', 'c', 'd']);
    expect(callReducer(s1, { type: 'peer-joined', peer: peer('d') })).toBe(s1);
    const s2 = callReducer(s1, { type: 'peer-left', peerId: 'c' });
    expect(s2.participants.map((p) => p.peerId)).toEqual(['b', 'd']);
    expect(callReducer(s2, { type: 'peer-left', peerId: 'zzz' })).toBe(s2);
    expect(callReducer(initialCallState('x'), { type: 'peer-joined', peer: peer('d') }).participants).toEqual(
      [],
    );
  });

  it('peer-state, remote-stream, media-state, stats, quality, peer-reset update one participant and keep the others', () => {
    const s0 = joined();
    const [b0, c0] = s0.participants;
    const remote = stream('remote-b');
    const report = { level: 'warning' as const, reasons: ['high-rtt' as const] };
    const steps: CallAction[] = [
      { type: 'peer-state', peerId: 'b', state: 'connected' },
      { type: 'remote-stream', peerId: 'b', stream: remote },
      { type: 'media-state', peerId: 'b', media: { audio: false, video: true, screen: false } },
      { type: 'stats', peerId: 'b', stats: stats(300), quality: null },
      { type: 'quality', peerId: 'b', quality: report },
    ];
    let s = s0;
    for (const action of steps) {
      const next = callReducer(s, action);
      expect(next, action.type).not.toBe(s);
      expect(next.participants[0], action.type).not.toBe(s.participants[0]);
      expect(next.participants[1], action.type).toBe(c0);
      // the same action again changes nothing
      expect(callReducer(next, action), `${action.type} twice`).toBe(next);
      s = next;
    }
    expect(s.participants[0]).toMatchObject({
      connectionState: 'connected',
      stream: remote,
      media: { audio: false, video: true },
      quality: report,
    });
    expect(s.participants[0]?.stats?.inbound.videoKbps).toBe(300);
    expect(b0?.connectionState).toBe('connecting'); // never mutated
    const withQuality = callReducer(s, {
      type: 'stats',
      peerId: 'b',
      stats: stats(400),
      quality: { level: 'good', reasons: [] },
    });
    expect(withQuality.participants[0]?.quality?.level).toBe('good');
    const reset = callReducer(s, { type: 'peer-reset', peerId: 'b' });
    expect(reset.participants[0]).toMatchObject({ stream: null, stats: null, quality: null });
    expect(reset.participants[1]).toBe(c0);
    for (const type of [
      'peer-state',
      'remote-stream',
      'media-state',
      'stats',
      'quality',
      'peer-reset',
    ] as const) {
      const action = { ...steps.find((a) => a.type === type), type, peerId: 'nobody' } as CallAction;
      expect(callReducer(s, action), type).toBe(s);
    }
  });

  it('signaling-state: reconnecting while joined; rejoined resumed keeps everything', () => {
    let s = run(
      joined(),
      { type: 'peer-state', peerId: 'b', state: 'connected' },
      { type: 'remote-stream', peerId: 'b', stream: stream('b') },
    );
    const before = s.participants;
    s = callReducer(s, { type: 'signaling-state', state: 'reconnecting', reason: 'transport-lost' });
    expect(s.status).toBe('reconnecting');
    expect(s.signaling).toEqual({ state: 'reconnecting', reason: 'transport-lost' });
    expect(callReducer(s, { type: 'signaling-state', state: 'reconnecting', reason: 'transport-lost' })).toBe(
      s,
    );
    s = callReducer(s, { type: 'signaling-state', state: 'connected', reason: 'reconnected' });
    expect(s.status).toBe('reconnecting');
    const self = s.self;
    s = callReducer(s, {
      type: 'rejoined',
      peerId: 'me',
      resumed: true,
      peers: [peer('b', 'bob'), peer('c', 'carol')],
    });
    expect(s.status).toBe('joined');
    expect(s.self).toBe(self);
    expect(s.participants).toBe(before);
  });

  it('rejoined fresh: new self.peerId, connections reset, new peers appended', () => {
    let s = run(
      joined(),
      { type: 'remote-stream', peerId: 'b', stream: stream('b') },
      { type: 'signaling-state', state: 'reconnecting' },
    );
    s = callReducer(s, {
      type: 'rejoined',
      peerId: 'me2',
      resumed: false,
      peers: [peer('b', 'bob'), peer('c', 'carol'), peer('e')],
    });
    expect(s.status).toBe('joined');
    expect(s.self.peerId).toBe('me2');
    expect(s.participants.map((p) => p.peerId)).toEqual(['b', 'c', 'e']);
    expect(s.participants[0]).toMatchObject({ stream: null, connectionState: 'connecting' });
    expect(
      callReducer(initialCallState('x'), { type: 'rejoined', peerId: 'a', resumed: true, peers: [] }).status,
    ).toBe('idle');
  });

  it('reconnect-failed or a signaling error while reconnecting fails the call', () => {
    const error = errorFromCode('SIGNALING_RECONNECT_FAILED');
    const reconnecting = callReducer(joined(), { type: 'signaling-state', state: 'reconnecting' });
    const a = callReducer(reconnecting, {
      type: 'signaling-state',
      state: 'disconnected',
      reason: 'reconnect-failed',
      error,
    });
    expect(a).toMatchObject({ status: 'failed', error });
    const b = callReducer(reconnecting, { type: 'signaling-error', error });
    expect(b).toMatchObject({ status: 'failed', error });
    const c = callReducer(joined(), { type: 'signaling-error', error });
    expect(c).toMatchObject({ status: 'joined', error });
    expect(callReducer(c, { type: 'signaling-error', error })).toBe(c);
  });

  it('self-media and self-stream', () => {
    const s0 = joined();
    const s1 = callReducer(s0, { type: 'self-media', media: { audio: false } });
    expect(s1.self.media).toEqual({ audio: false, video: true, screen: false });
    expect(s1.participants).toBe(s0.participants);
    expect(callReducer(s1, { type: 'self-media', media: { audio: false } })).toBe(s1);
    const local = stream('l');
    const s2 = callReducer(s1, {
      type: 'self-stream',
      stream: local,
      media: { audio: true, video: true, screen: false },
    });
    expect(s2.self).toMatchObject({ stream: local, media: { audio: true } });
    expect(
      callReducer(s2, {
        type: 'self-stream',
        stream: local,
        media: { audio: true, video: true, screen: false },
      }),
    ).toBe(s2);
  });

  it('messages: appended once, bounded; warnings bounded', () => {
    let s = joined();
    s = callReducer(s, { type: 'message', message: message('1') });
    expect(s.messages.map((m) => m.id)).toEqual(['1']);
    expect(callReducer(s, { type: 'message', message: message('1') })).toBe(s);
    for (let i = 2; i <= MAX_CALL_MESSAGES + 5; i++)
      s = callReducer(s, { type: 'message', message: message(String(i)) });
    expect(s.messages).toHaveLength(MAX_CALL_MESSAGES);
    expect(s.messages.at(-1)?.id).toBe(String(MAX_CALL_MESSAGES + 5));
    const w = callReducer(s, {
      type: 'warning',
      warning: { reason: 'uplink', connectedPeers: 5, limit: 4, message: 'x' },
    });
    expect(w.warnings).toHaveLength(1);
    expect(w.participants).toBe(s.participants);
  });

  it('join-started resets the call but keeps the chat of the same session', () => {
    const s = run(joined(), { type: 'message', message: message('1') }, { type: 'left' });
    const again = callReducer(s, {
      type: 'join-started',
      sessionId: 'room',
      media: { audio: false, video: false, screen: false },
      stream: null,
    });
    expect(again).toMatchObject({ status: 'joining', participants: [], error: undefined });
    expect(again.messages).toBe(s.messages);
    const other = callReducer(s, {
      type: 'join-started',
      sessionId: 'other',
      media: { audio: false, video: false, screen: false },
      stream: null,
    });
    expect(other.messages).toEqual([]);
  });
});

describe('callReducer: screen share', () => {
  it('self-screen sets screenSharing and media.screen, and is a no-op when unchanged', () => {
    const start = initialCallState('alice');
    expect(start.self.screenSharing).toBe(false);
    const on = callReducer(start, { type: 'self-screen', sharing: true });
    expect(on.self).toMatchObject({
      screenSharing: true,
      media: { audio: false, video: false, screen: true },
    });
    expect(Object.isFrozen(on.self)).toBe(true);
    expect(callReducer(on, { type: 'self-screen', sharing: true })).toBe(on);
    const off = callReducer(on, { type: 'self-screen', sharing: false });
    expect(off.self).toMatchObject({ screenSharing: false, media: { screen: false } });
  });
});
