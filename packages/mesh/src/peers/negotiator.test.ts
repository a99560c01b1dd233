import type { Signal } from '@smartc/protocol';
import { describe, expect, it } from 'vitest';
import { Negotiator } from './negotiator.js';

/** A small fake RTCPeerConnection: enough state for the negotiator's decisions. */
class FakePc extends EventTarget {
  signalingState: RTCSignalingState = 'stable';
  remoteDescription: RTCSessionDescriptionInit | null = null;
  localDescription: RTCSessionDescriptionInit | null = null;
  added: RTCIceCandidateInit[] = [];
  calls: string[] = [];
  async createOffer() {
    this.calls.push('createOffer');
    return { type: 'offer' as const, sdp: 'local-offer' };
  }
  async createAnswer() {
    this.calls.push('createAnswer');
    return { type: 'answer' as const, sdp: 'local-answer' };
  }
  async setLocalDescription(d: RTCSessionDescriptionInit) {
    this.calls.push(`sld:${d.type}`);
    if (d.type === 'rollback') {
      this.signalingState = 'stable';
      this.localDescription = null;
      return;
    }
    this.localDescription = d;
    this.signalingState = d.type === 'offer' ? 'have-local-offer' : 'stable';
  }
  async setRemoteDescription(d: RTCSessionDescriptionInit) {
    this.calls.push(`srd:${d.type}`);
    if (d.type === 'offer' && this.signalingState !== 'stable') throw new Error('wrong state');
    this.remoteDescription = d;
    this.signalingState = d.type === 'offer' ? 'have-remote-offer' : 'stable';
  }
  async addIceCandidate(c: RTCIceCandidateInit) {
    this.added.push(c);
  }
  getTransceivers() {
    return [];
  }
}

const webrtc = {
  RTCSessionDescription: class {
    constructor(init: RTCSessionDescriptionInit) {
      Object.assign(this, init);
    }
  },
  RTCIceCandidate: class {
    constructor(init: RTCIceCandidateInit) {
      Object.assign(this, init);
    }
  },
} as never;

function setup(polite: boolean) {
  const pc = new FakePc();
  const sent: Signal[] = [];
  const errors: unknown[] = [];
  const negotiator = new Negotiator({
    pc: pc as unknown as RTCPeerConnection,
    polite,
    generation: 10,
    webrtc,
    send: (s) => sent.push(s),
    onError: (e) => errors.push(e),
    politeInitialOfferDelayMs: 0,
  });
  return { pc, sent, errors, negotiator };
}

const candidate = (n: number, gen?: number): Signal => ({
  type: 'ice-candidate',
  candidate: {
    candidate: `candidate:${n} 1 udp 1 127.0.0.1 ${5000 + n} typ host`,
    sdpMid: '0',
    sdpMLineIndex: 0,
  },
  ...(gen !== undefined ? { gen } : {}),
});

describe('Negotiator', () => {
  it('queues candidates until the remote description is set, then adds them in order', async () => {
    const { pc, negotiator, sent } = setup(true);
    expect(negotiator.handleSignal(candidate(1, 3))).toBe('handled');
    expect(negotiator.handleSignal(candidate(2, 3))).toBe('handled');
    await negotiator.idle();
    expect(pc.added).toHaveLength(0);
    expect(negotiator.pendingCandidates).toBe(2);
    negotiator.handleSignal({ type: 'offer', sdp: 'remote-offer', gen: 3 });
    await negotiator.idle();
    expect(pc.added.map((c) => c.candidate?.split(' ')[0])).toEqual(['candidate:1', 'candidate:2']);
    expect(sent).toEqual([{ type: 'answer', sdp: 'local-answer', gen: 10 }]);
  });

  it('drops signals of an older generation and asks for a rebuild on a newer offer', async () => {
    const { negotiator, pc } = setup(false);
    negotiator.handleSignal({ type: 'offer', sdp: 'remote-offer', gen: 5 });
    await negotiator.idle();
    expect(negotiator.remoteGeneration).toBe(5);
    expect(negotiator.handleSignal(candidate(1, 4))).toBe('stale');
    expect(negotiator.handleSignal({ type: 'offer', sdp: 'x', gen: 4 })).toBe('stale');
    expect(negotiator.handleSignal(candidate(2, 6))).toBe('stale');
    expect(negotiator.handleSignal({ type: 'offer', sdp: 'y', gen: 6 })).toBe('rebuild');
    await negotiator.idle();
    expect(pc.added).toHaveLength(0);
  });

  it('impolite: ignores a colliding offer and swallows its candidates', async () => {
    const { negotiator, pc, sent, errors } = setup(false);
    pc.dispatchEvent(new Event('negotiationneeded'));
    await negotiator.idle();
    expect(pc.signalingState).toBe('have-local-offer');
    negotiator.handleSignal({ type: 'offer', sdp: 'their-offer', gen: 1 });
    await negotiator.idle();
    expect(negotiator.ignoreOffer).toBe(true);
    expect(pc.calls).not.toContain('srd:offer');
    expect(sent.map((s) => s.type)).toEqual(['offer']);
    expect(errors).toEqual([]);
  });

  it('polite: rolls back explicitly, accepts the remote offer and answers', async () => {
    const { negotiator, pc, sent, errors } = setup(true);
    pc.dispatchEvent(new Event('negotiationneeded'));
    await negotiator.idle();
    negotiator.handleSignal({ type: 'offer', sdp: 'their-offer', gen: 1 });
    await negotiator.idle();
    expect(pc.calls).toEqual([
      'createOffer',
      'sld:offer',
      'sld:rollback',
      'srd:offer',
      'createAnswer',
      'sld:answer',
    ]);
    expect(sent.map((s) => s.type)).toEqual(['offer', 'answer']);
    expect(pc.signalingState).toBe('stable');
    expect(errors).toEqual([]);
  });

  it('drops an answer that arrives when no offer is pending', async () => {
    const { negotiator, pc, errors } = setup(true);
    negotiator.handleSignal({ type: 'answer', sdp: 'late', gen: 1 });
    await negotiator.idle();
    expect(pc.calls).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('restarts ICE with an iceRestart offer where restartIce() is missing', async () => {
    const { negotiator, pc, sent } = setup(false);
    const offers: unknown[] = [];
    pc.createOffer = async (options?: RTCOfferOptions) => {
      offers.push(options);
      return { type: 'offer', sdp: 'restart' };
    };
    negotiator.restartIce();
    await negotiator.idle();
    expect(offers).toEqual([{ iceRestart: true }]);
    expect(sent).toEqual([{ type: 'offer', sdp: 'restart', gen: 10 }]);
  });
});
