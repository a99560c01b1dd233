import { SignalingClient, type Unsubscribe } from '@smartc/core';
import { Call, type CallSnapshot, type LocalMediaOptions, type WebRTCOption } from '@smartc/mesh';
import { type CallChanges, diffSnapshots } from './callWatcher.js';

/** What one call of a SmaRTCSimple needs. */
export interface SimpleCallSetup {
  /** Origin of the signaling hub. */
  serverUrl: string;
  username: string;
  getToken(): Promise<string | undefined>;
  webrtc?: WebRTCOption;
  localMedia?: LocalMediaOptions;
  maxDirectPeers?: number;
}

/**
 * One call of a {@link SmaRTCSimple}: a signaling client and a `Call` of its own, whose snapshots are reported
 * as the original wrapper's events, until `close()` releases everything (camera, connections, timers).
 */
export class SimpleCall {
  readonly call: Call;
  readonly #signaling: SignalingClient;
  readonly #off: Unsubscribe;

  constructor(options: SimpleCallSetup, report: CallChanges) {
    const { serverUrl, username, getToken, webrtc, localMedia, maxDirectPeers } = options;
    this.#signaling = new SignalingClient({ serverUrl, getToken });
    this.call = new Call({
      serverUrl,
      username,
      signaling: this.#signaling,
      ...(webrtc ? { webrtc } : {}),
      ...(localMedia ? { media: localMedia } : {}),
      ...(maxDirectPeers !== undefined ? { maxDirectPeers } : {}),
    });
    let prev: CallSnapshot = this.call.getSnapshot();
    this.#off = this.call.subscribe((next) => {
      const before = prev;
      prev = next;
      diffSnapshots(before, next, report);
    });
  }

  /** Joins `sessionId`, capturing what `media` asks for (audio-only when the camera fails). */
  join(sessionId: string, media: { audio: boolean; video: boolean }): Promise<void> {
    return this.call.join(sessionId, { media, fallbackToAudioOnly: true });
  }

  /** Leaves and releases everything; no event is reported any more. */
  async close(): Promise<void> {
    this.#off();
    try {
      await this.call.dispose();
    } finally {
      await this.#signaling.dispose();
    }
  }
}
