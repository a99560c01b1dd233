import { errorFromCode } from '@smartc/core';
import {
  type CallAction,
  type CallSnapshot,
  callReducer,
  initialCallState,
  type PeerStats,
  type QualityReport,
} from '@smartc/mesh';
import type { PeerInfo } from '@smartc/protocol';
import type { CallController } from '../callStore.js';

/**
 * A call store driven by scripted `CallAction`s through mesh's real `callReducer`: the same snapshots, with the
 * same identity rules, as a `Call` would publish. Its actions reject: a test that needs them uses a real `Call`.
 * Test helper, not exported from the package.
 */
export class ScriptedCall implements CallController {
  #state: CallSnapshot;
  readonly #listeners = new Set<(snapshot: CallSnapshot) => void>();

  constructor(username = 'me') {
    this.#state = initialCallState(username);
  }

  subscribe = (listener: (snapshot: CallSnapshot) => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  getSnapshot = (): CallSnapshot => this.#state;

  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** Applies `action` and notifies like `Call` does (only when the snapshot changed). */
  dispatch(action: CallAction): void {
    const next = callReducer(this.#state, action);
    if (next === this.#state) return;
    this.#state = next;
    for (const listener of [...this.#listeners]) listener(next);
  }

  /** Joined `sessionId` as `peerId` with `peers` already there. */
  joined(peers: PeerInfo[] = [], sessionId = 'room-1', peerId = 'p-self'): void {
    this.dispatch({ type: 'join-started', sessionId, media: NO_MEDIA_STATE, stream: null });
    this.dispatch({ type: 'joined', peerId, peers });
  }

  readonly join = notScripted;
  readonly leave = notScripted;
  readonly dispose = notScripted;
  readonly setMicrophoneEnabled = notScripted;
  readonly setCameraEnabled = notScripted;
  readonly switchDevice = notScripted;
  readonly startScreenShare = notScripted;
  readonly stopScreenShare = notScripted;
  readonly sendMessage = notScripted;
  readonly localMedia = null;
}

const NO_MEDIA_STATE = { audio: false, video: false, screen: false };

function notScripted(): Promise<never> {
  return Promise.reject(errorFromCode('VALIDATION_FAILED', 'ScriptedCall has no actions: use a real Call'));
}

/** A peer as signaling announces it. */
export function peer(
  peerId: string,
  username: string,
  media = { audio: true, video: true, screen: false },
): PeerInfo {
  return { peerId, username, media };
}

/** A stats sample of one peer with the given RTT and inbound video rate. */
export function stats(rttMs: number, videoKbps = 800): PeerStats {
  return {
    timestampMs: rttMs,
    rttMs,
    availableOutgoingKbps: 2_000,
    localCandidateType: 'host',
    remoteCandidateType: 'host',
    inbound: {
      audioKbps: 32,
      videoKbps,
      packetLossPercent: 0,
      jitterMs: 2,
      packetsLostTotal: 0,
      video: { framesPerSecond: 30, width: 640, height: 480 },
    },
    outbound: {
      audioKbps: 32,
      videoKbps,
      packetLossPercent: 0,
      jitterMs: 2,
      qualityLimitationReason: 'none',
      video: { framesPerSecond: 30, width: 640, height: 480 },
    },
  };
}

/** A quality report (a new object every call, as a monitor may hand out). */
export function quality(
  level: QualityReport['level'],
  reasons: QualityReport['reasons'] = [],
): QualityReport {
  return { level, reasons: [...reasons] };
}
