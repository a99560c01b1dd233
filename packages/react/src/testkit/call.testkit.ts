import { SignalingClient, type SignalingJoinOptions } from '@smartc/core';
import { Call, type CallOptions } from '@smartc/mesh';
import type { ChatMessage, JoinResult, MediaState } from '@smartc/protocol';
import { createTestStream } from './media.testkit.js';

/**
 * A real `SignalingClient` whose hub is scripted: `join` answers at once (no server); `leave`, media-state
 * updates and chat messages are recorded. Everything else is the real client. Test helper, not exported.
 */
export class ScriptedSignaling extends SignalingClient {
  readonly joins: string[] = [];
  readonly leaves: string[] = [];
  /** Media states announced to the others, in order. */
  readonly announced: Partial<MediaState>[] = [];
  readonly messages: string[] = [];
  /** When set, joins reject with it (as the hub would, e.g. `SESSION_NOT_FOUND`). */
  failJoin: Error | undefined;
  #sessionId: string | undefined;

  constructor() {
    super({ serverUrl: 'http://127.0.0.1:9' });
  }

  override async join(sessionId: string, options: SignalingJoinOptions): Promise<JoinResult> {
    this.joins.push(sessionId);
    if (this.failJoin) throw this.failJoin;
    this.#sessionId = sessionId;
    return {
      sessionId,
      peerId: `peer-${this.joins.length}`,
      username: options.username,
      peers: [],
      iceServers: [],
      resumeToken: 'token',
      resumed: false,
    };
  }

  override async updateMediaState(state: Partial<MediaState>): Promise<MediaState> {
    this.announced.push(state);
    return { audio: false, video: false, screen: false, ...state };
  }

  override async sendMessage(text: string): Promise<ChatMessage> {
    this.messages.push(text);
    const id = `m${this.messages.length}`;
    return { id, sessionId: this.#sessionId ?? '', fromPeerId: 'peer-1', username: 'me', text, sentAt: '' };
  }

  override async leave(): Promise<void> {
    if (this.#sessionId) this.leaves.push(this.#sessionId);
    this.#sessionId = undefined;
  }
}

class Unused {
  constructor() {
    throw new Error('no peer connection is expected in this test');
  }
}

/** WebRTC classes for a call that never connects a peer (happy-dom has no RTCPeerConnection). */
export const NO_PEERS_WEBRTC = {
  RTCPeerConnection: Unused,
  RTCSessionDescription: Unused,
  RTCIceCandidate: Unused,
  MediaStream: Unused,
};

/** Options of a real `Call` on scripted signaling, capturing media (when asked) from `navigator.mediaDevices`. */
export function testCallOptions(signaling: ScriptedSignaling, username = 'me'): CallOptions {
  return {
    serverUrl: 'http://127.0.0.1:9',
    username,
    signaling,
    webrtc: NO_PEERS_WEBRTC,
    media: { createStream: (tracks) => createTestStream(tracks) },
  };
}

/** A real `Call` on scripted signaling. */
export function createTestCall(username = 'me'): { call: Call; signaling: ScriptedSignaling } {
  const signaling = new ScriptedSignaling();
  return { call: new Call(testCallOptions(signaling, username)), signaling };
}
