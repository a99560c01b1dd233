import { describe, expect, it } from 'vitest';
import { isJoinResult, isLoginResponse, isMediaState } from './guards.js';
import { isSignal } from './signals.js';

describe('isSignal', () => {
  it('accepts offers, answers, candidates and end-of-candidates', () => {
    expect(isSignal({ type: 'offer', sdp: 'v=0', gen: 1 })).toBe(true);
    expect(isSignal({ type: 'answer', sdp: 'v=0' })).toBe(true);
    expect(
      isSignal({
        type: 'ice-candidate',
        candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host' },
      }),
    ).toBe(true);
    expect(isSignal({ type: 'ice-candidate', candidate: null })).toBe(true);
  });

  it('rejects wrong types', () => {
    expect(isSignal({ type: 'offer' })).toBe(false);
    expect(isSignal({ type: 'offer', sdp: 1 })).toBe(false);
    expect(isSignal({ type: 'ice-candidate', candidate: { candidate: 5 } })).toBe(false);
    expect(isSignal({ type: 'bye' })).toBe(false);
    expect(isSignal({ type: 'offer', sdp: 'v=0', gen: 'one' })).toBe(false);
    expect(isSignal('offer')).toBe(false);
  });
});

describe('response guards', () => {
  it('checks a login response down to the user role', () => {
    const user = { id: 'u1', username: 'demo', role: 'user' };
    expect(isLoginResponse({ token: 't', expiresAt: '2030-01-01T00:00:00Z', user })).toBe(true);
    expect(
      isLoginResponse({ token: 't', expiresAt: '2030-01-01T00:00:00Z', user: { ...user, role: 'root' } }),
    ).toBe(false);
  });

  it('checks a join result and its peers', () => {
    const media = { audio: true, video: false, screen: false };
    const result = {
      sessionId: 's',
      peerId: 'p1',
      username: 'a',
      resumeToken: 'r',
      resumed: false,
      iceServers: [],
      peers: [{ peerId: 'p2', username: 'b', media }],
    };
    expect(isJoinResult(result)).toBe(true);
    expect(isJoinResult({ ...result, peers: [{ peerId: 'p2' }] })).toBe(false);
    expect(isMediaState(media)).toBe(true);
    expect(isMediaState({ audio: true })).toBe(false);
  });
});
