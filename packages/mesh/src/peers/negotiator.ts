import type { Signal } from '@smartc/protocol';
import type { WebRTCImplementation } from '../webrtc/webRTCImplementation.js';
import { GenerationFilter } from './generation.js';
import type { MeshLogger } from './types.js';

/** What a {@link Negotiator} needs. */
export interface NegotiatorOptions {
  pc: RTCPeerConnection;
  /** The polite side rolls back its own offer on a collision; the impolite side ignores the remote one. */
  polite: boolean;
  /** This connection's generation, sent as `gen` with every signal. */
  generation: number;
  /** The remote generation this connection is already bound to (when rebuilt for a newer remote one). */
  remoteGeneration?: number;
  webrtc: Pick<WebRTCImplementation, 'RTCSessionDescription' | 'RTCIceCandidate'>;
  /** Sends a signal to the remote peer (fire and forget: the caller handles delivery errors). */
  send(signal: Signal): void;
  /**
   * The polite side lets the impolite side open the first negotiation, offering itself only if no
   * offer arrived within this delay (default 1500 ms; 0 disables). This avoids the initial glare,
   * whose rollback @roamhq/wrtc mishandles for data channels (the m=application section ends rejected).
   */
  politeInitialOfferDelayMs?: number;
  /** A negotiation step failed (not a glare: those are resolved silently). */
  onError?(error: unknown, step: string): void;
  logger?: MeshLogger;
  /** Label for log lines (e.g. the remote peerId). */
  label?: string;
}

/** What {@link Negotiator.handleSignal} did with a signal. */
export type SignalOutcome = 'handled' | 'stale' | 'rebuild';

/**
 * MDN's perfect negotiation around one RTCPeerConnection: `makingOffer` / `ignoreOffer`, explicit
 * rollback on the polite side (works where implicit rollback is missing, e.g. @roamhq/wrtc), explicit
 * `createOffer`/`createAnswer` (for implementations without argument-less `setLocalDescription`),
 * a candidate queue until the remote description is set, and generation tags. Every step runs on
 * one queue, so a remote description never lands in the middle of our own offer.
 *
 * @example
 * const negotiator = new Negotiator({ pc, polite, generation, webrtc, send: (s) => signaling.sendSignal(id, s) });
 * signaling.on('signal', (from, signal) => from === id && negotiator.handleSignal(signal));
 */
export class Negotiator {
  readonly generation: number;
  readonly #o: NegotiatorOptions;
  readonly #pc: RTCPeerConnection;
  readonly #remote: GenerationFilter;
  #queue: Promise<void> = Promise.resolve();
  #makingOffer = false;
  #ignoreOffer = false;
  #iceRestartOffer = false;
  #pending: RTCIceCandidateInit[] = [];
  #closed = false;
  #deferTimer: ReturnType<typeof setTimeout> | undefined;
  #deferred = false;
  readonly #onNegotiationNeeded = () => this.#enqueue('offer', () => this.#makeOffer());
  readonly #onIceCandidate = (event: RTCPeerConnectionIceEvent) => {
    const c = event.candidate;
    if (!c?.candidate || this.#closed) return;
    this.#o.send({
      type: 'ice-candidate',
      candidate: { candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex },
      gen: this.generation,
    });
  };

  constructor(options: NegotiatorOptions) {
    this.#o = options;
    this.#pc = options.pc;
    this.generation = options.generation;
    this.#remote = new GenerationFilter(options.remoteGeneration);
    this.#pc.addEventListener('negotiationneeded', this.#onNegotiationNeeded);
    this.#pc.addEventListener('icecandidate', this.#onIceCandidate);
  }

  /** True while an offer of ours is being created and set. */
  get makingOffer(): boolean {
    return this.#makingOffer;
  }
  /** True when the last remote offer collided with ours and was ignored (impolite side). */
  get ignoreOffer(): boolean {
    return this.#ignoreOffer;
  }
  /** The remote generation this connection talks to. */
  get remoteGeneration(): number | undefined {
    return this.#remote.bound;
  }
  /** Remote candidates waiting for a remote description. */
  get pendingCandidates(): number {
    return this.#pending.length;
  }

  /**
   * Applies a signal from the remote peer. `stale`: an older generation, dropped. `rebuild`: an
   * offer from a newer remote generation while bound to an older one (the remote rebuilt its
   * connection): the caller should rebuild this connection and hand the signal to the new one.
   */
  handleSignal(signal: Signal): SignalOutcome {
    if (this.#closed) return 'stale';
    const bound = this.#remote.bound;
    const verdict = this.#remote.check(signal.gen);
    if (verdict === 'stale') {
      this.#log('debug', `dropped a stale ${signal.type} (gen ${signal.gen} < ${bound})`);
      return 'stale';
    }
    if (verdict === 'newer') {
      if (signal.type === 'offer') return 'rebuild';
      if (signal.type === 'answer') {
        // The remote rebuilt its connection when our offer arrived (ours is newer than what it had): its
        // new connection answers that offer. Anything else of an unknown generation is dropped.
        const gen = signal.gen as number;
        const description = { type: signal.type, sdp: signal.sdp };
        this.#enqueue('answer', async () => {
          if (this.#pc.signalingState !== 'have-local-offer') return;
          this.#remote.rebind(gen);
          this.#log('debug', `the remote rebuilt its connection (gen ${gen}) to answer our offer`);
          await this.#applyDescription(description);
        });
        return 'handled';
      }
      this.#log('debug', `dropped a ${signal.type} of an unknown newer generation ${signal.gen}`);
      return 'stale';
    }
    if (signal.type === 'ice-candidate') {
      const candidate = signal.candidate;
      if (candidate) this.#enqueue('candidate', () => this.#addCandidate(candidate));
    } else {
      const description = { type: signal.type, sdp: signal.sdp };
      this.#enqueue(signal.type, () => this.#applyDescription(description));
    }
    return 'handled';
  }

  /**
   * Restarts ICE: `pc.restartIce()` (which fires `negotiationneeded`) where available, else an
   * offer with `iceRestart: true`.
   */
  restartIce(): void {
    if (this.#closed) return;
    const pc = this.#pc as RTCPeerConnection & { restartIce?: () => void };
    this.#iceRestartOffer = true;
    if (typeof pc.restartIce === 'function') pc.restartIce();
    else this.#enqueue('offer', () => this.#makeOffer());
  }

  /** Resolves when every queued negotiation step has run (for tests and orderly teardown). */
  idle(): Promise<void> {
    return this.#queue;
  }

  /** Stops listening to the connection (does not close it). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#pending = [];
    clearTimeout(this.#deferTimer);
    this.#pc.removeEventListener('negotiationneeded', this.#onNegotiationNeeded);
    this.#pc.removeEventListener('icecandidate', this.#onIceCandidate);
  }

  #enqueue(step: string, run: () => Promise<void>): void {
    this.#queue = this.#queue.then(async () => {
      if (this.#closed || this.#pc.signalingState === 'closed') return;
      try {
        await run();
      } catch (error) {
        if (this.#closed || (this.#pc.signalingState as string) === 'closed') return;
        this.#log('warn', `${step} failed: ${(error as Error)?.message ?? error}`);
        this.#o.onError?.(error, step);
      }
    });
  }

  async #makeOffer(): Promise<void> {
    const pc = this.#pc;
    if (pc.signalingState !== 'stable') return; // negotiationneeded fires again once stable
    if (this.#deferInitialOffer()) return;
    if (!this.#iceRestartOffer && this.#negotiated()) {
      // A negotiationneeded queued before the remote's offer arrived: answering it negotiated everything.
      this.#log('debug', 'no offer needed: everything is negotiated');
      return;
    }
    this.#makingOffer = true;
    try {
      const iceRestart = this.#iceRestartOffer;
      this.#iceRestartOffer = false;
      const offer = await pc.createOffer(iceRestart ? { iceRestart: true } : undefined);
      if (pc.signalingState !== 'stable' || this.#closed) return;
      await pc.setLocalDescription(offer);
      const sdp = pc.localDescription?.sdp ?? offer.sdp ?? '';
      this.#log('debug', `sent offer (gen ${this.generation}${iceRestart ? ', ICE restart' : ''})`);
      this.#o.send({ type: 'offer', sdp, gen: this.generation });
    } finally {
      this.#makingOffer = false;
    }
  }

  async #applyDescription(description: { type: 'offer' | 'answer'; sdp: string }): Promise<void> {
    const pc = this.#pc;
    if (description.type === 'answer' && pc.signalingState !== 'have-local-offer') {
      this.#log('debug', `dropped an answer in state ${pc.signalingState} (stale)`);
      return;
    }
    const offerCollision =
      description.type === 'offer' && (this.#makingOffer || pc.signalingState !== 'stable');
    this.#ignoreOffer = !this.#o.polite && offerCollision;
    if (this.#ignoreOffer) {
      this.#log('debug', 'ignored a colliding offer (impolite)');
      return;
    }
    if (offerCollision) {
      // Explicit rollback: @roamhq/wrtc (and older browsers) have no implicit rollback.
      await pc.setLocalDescription({ type: 'rollback' } as RTCSessionDescriptionInit);
      this.#log('debug', 'rolled back our offer (polite)');
    }
    await pc.setRemoteDescription(new this.#o.webrtc.RTCSessionDescription(description));
    await this.#flushCandidates();
    if (description.type !== 'offer') return;
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    this.#o.send({ type: 'answer', sdp: pc.localDescription?.sdp ?? answer.sdp ?? '', gen: this.generation });
    this.#log('debug', `sent answer (gen ${this.generation})`);
    if (this.#needsNegotiation()) this.#enqueue('offer', () => this.#makeOffer());
  }

  /** True when this (polite, never negotiated) side waits for the impolite side's first offer. */
  #deferInitialOffer(): boolean {
    const delay = this.#o.politeInitialOfferDelayMs ?? 1500;
    if (!this.#o.polite || delay <= 0 || this.#iceRestartOffer || this.#pc.remoteDescription) return false;
    if (this.#deferred) return this.#deferTimer !== undefined;
    this.#deferred = true;
    this.#deferTimer = setTimeout(() => {
      this.#deferTimer = undefined;
      if (this.#pc.remoteDescription && !this.#needsNegotiation()) return;
      this.#log('debug', 'no offer from the impolite side: offering');
      this.#enqueue('offer', () => this.#makeOffer());
    }, delay);
    return true;
  }

  /** Whether a completed negotiation covers the data channels (`m=application`) and every local track. */
  #negotiated(): boolean {
    const local = this.#pc.currentLocalDescription?.sdp;
    if (!local || !this.#pc.currentRemoteDescription || !/\nm=application /.test(local)) return false;
    return !this.#needsNegotiation();
  }

  /** After an answer: are local tracks still unnegotiated (no mid, or not sending)? */
  #needsNegotiation(): boolean {
    const pc = this.#pc;
    if (typeof pc.getTransceivers !== 'function') return false;
    return pc.getTransceivers().some((t) => {
      if ((t as { stopped?: boolean }).stopped || t.direction === 'stopped') return false;
      if (t.mid === null) return true;
      const sending = t.currentDirection === 'sendrecv' || t.currentDirection === 'sendonly';
      return t.sender.track !== null && !sending;
    });
  }

  async #addCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    if (!this.#pc.remoteDescription) {
      this.#pending.push(candidate);
      return;
    }
    await this.#tryAdd(candidate);
  }

  async #flushCandidates(): Promise<void> {
    const pending = this.#pending;
    this.#pending = [];
    for (const candidate of pending) await this.#tryAdd(candidate);
  }

  async #tryAdd(candidate: RTCIceCandidateInit): Promise<void> {
    try {
      await this.#pc.addIceCandidate(new this.#o.webrtc.RTCIceCandidate(candidate));
    } catch (error) {
      // Candidates of an ignored offer, or of a superseded ICE generation, are expected to fail.
      if (!this.#ignoreOffer) this.#log('debug', `candidate not added: ${(error as Error)?.message}`);
    }
  }

  #log(level: 'debug' | 'warn', message: string): void {
    this.#o.logger?.[level]?.(`[negotiator ${this.#o.label ?? ''}] ${message}`);
  }
}
