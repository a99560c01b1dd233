import {
  errorFromCode,
  isSmaRTCError,
  SignalingClient,
  type SmaRTCError,
  type Unsubscribe,
} from '@smartc/core';
import type { ChatMessage, MediaState } from '@smartc/protocol';
import { MeshPeerManager, type SendOptions } from '../peers/meshPeerManager.js';
import type { DataPayload, IceServersProvider, MeshLogger } from '../peers/types.js';
import { QualityMonitor } from '../quality/qualityMonitor.js';
import { DEFAULT_STATS_INTERVAL_MS, StatsCollector } from '../stats/collector.js';
import type { WebRTCOption } from '../webrtc/webRTCImplementation.js';
import { wireMesh, wireSignaling } from './callEvents.js';
import { type CallAction, callReducer } from './callReducer.js';
import { type CallSnapshot, initialCallState } from './callState.js';

/** Options of {@link Call}. */
export interface CallOptions {
  /** Server origin, e.g. `https://calls.example.com` (used when no `signaling` is given). */
  serverUrl: string;
  /** Access token for the signaling client it creates; none joins as a guest. */
  getToken?: () => string | undefined | Promise<string | undefined>;
  /** Your display name. */
  username: string;
  /** WebRTC classes; browser globals by default. In Node: `import wrtc from '@roamhq/wrtc'`. */
  webrtc?: WebRTCOption;
  /** Peers beyond this many are not connected (a `mesh-limit` warning says so). Default 8. */
  maxDirectPeers?: number;
  /** ICE servers for every peer connection (default: the join result's, from the server). */
  iceServers?: IceServersProvider;
  /** Milliseconds between two stats samples per peer. Default 2000. */
  statsIntervalMs?: number;
  /** A signaling client of your own: the call uses it but does not dispose it. */
  signaling?: SignalingClient;
  logger?: MeshLogger;
}

/** Options of {@link Call.join}. */
export interface CallJoinOptions {
  /** What to send (default: the stream given to `setLocalStream`, if any). */
  localStream?: MediaStream | null;
  /** The media state announced (default: from the stream's enabled tracks). */
  media?: Partial<MediaState>;
}

/** Called after every change of the snapshot. */
export type CallListener = (snapshot: CallSnapshot) => void;

function mediaOf(stream: MediaStream | null): MediaState {
  const on = (kind: 'audio' | 'video') =>
    !!stream?.getTracks().some((t) => t.kind === kind && t.enabled && t.readyState !== 'ended');
  return { audio: on('audio'), video: on('video'), screen: false };
}

/**
 * One call: owns the signaling client, the mesh, stats/quality and the local stream, and exposes
 * one immutable {@link CallSnapshot} (`subscribe` + `getSnapshot`), replaced only when something changed.
 *
 * @example
 * const call = new Call({ serverUrl: 'http://localhost:8080', username: 'alice' });
 * const unsubscribe = call.subscribe((s) => render(s.participants));
 * await call.join('room-1', { localStream: await navigator.mediaDevices.getUserMedia({ audio: true, video: true }) });
 * await call.setMicrophoneEnabled(false);
 * // React: useSyncExternalStore(call.subscribe, call.getSnapshot)
 * await call.dispose();
 */
export class Call {
  readonly #options: CallOptions;
  readonly #signaling: SignalingClient;
  readonly #ownsSignaling: boolean;
  readonly #collector: StatsCollector;
  readonly #quality: QualityMonitor;
  readonly #listeners = new Set<CallListener>();
  readonly #offSignaling: Unsubscribe[];
  #mesh!: MeshPeerManager;
  #offMesh: Unsubscribe[] = [];
  #state: CallSnapshot;
  #stream: MediaStream | null = null;
  #joining: Promise<void> | undefined;
  #epoch = 0;
  #disposed = false;

  constructor(options: CallOptions) {
    this.#options = options;
    this.#state = initialCallState(options.username);
    this.#ownsSignaling = !options.signaling;
    this.#signaling =
      options.signaling ??
      new SignalingClient({
        serverUrl: options.serverUrl,
        ...(options.getToken ? { getToken: options.getToken } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
      });
    this.#collector = new StatsCollector({
      intervalMs: options.statsIntervalMs ?? DEFAULT_STATS_INTERVAL_MS,
    });
    this.#quality = new QualityMonitor();
    this.#offSignaling = [
      ...wireSignaling(this.#signaling, this.#dispatch),
      this.#quality.observe(this.#collector),
    ];
    this.#createMesh();
  }

  /** The signaling client (advanced use: do not join or leave through it). */
  get signaling(): SignalingClient {
    return this.#signaling;
  }

  /** The current mesh (a new one after each `leave()`; advanced use). */
  get mesh(): MeshPeerManager {
    return this.#mesh;
  }

  /** Listens to snapshot changes; returns the unsubscribe function. Stable, so it can be passed around unbound. */
  subscribe = (listener: CallListener): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** The current snapshot: the same object until something changes. */
  getSnapshot = (): CallSnapshot => this.#state;

  /**
   * Joins `sessionId` and resolves once joined. Calling it again while joining returns the same promise.
   * Rejects with the join's `SmaRTCError` (status `failed`), or `ABORTED` when `leave()`/`dispose()` came first.
   */
  join(sessionId: string, options: CallJoinOptions = {}): Promise<void> {
    if (this.#joining) return this.#joining;
    if (this.#disposed) return Promise.reject(errorFromCode('ABORTED', 'The call is disposed'));
    const { status } = this.#state;
    if ((status === 'joined' || status === 'reconnecting') && this.#state.sessionId === sessionId)
      return Promise.resolve();
    const epoch = ++this.#epoch;
    if (options.localStream !== undefined) this.#stream = options.localStream;
    const media = { ...mediaOf(this.#stream), ...options.media };
    this.#dispatch({ type: 'join-started', sessionId, media, stream: this.#stream });
    const joining = this.#join(epoch, sessionId, media).finally(() => {
      if (this.#joining === joining) this.#joining = undefined;
    });
    this.#joining = joining;
    return joining;
  }

  async #join(epoch: number, sessionId: string, media: MediaState): Promise<void> {
    try {
      if (this.#stream) await this.#mesh.setLocalStream(this.#stream);
      const result = await this.#mesh.join(sessionId, { username: this.#options.username, media });
      if (epoch !== this.#epoch) throw errorFromCode('ABORTED', 'The call was left while joining');
      this.#dispatch({ type: 'joined', peerId: result.peerId, peers: [...this.#signaling.peers.values()] });
      // toggled while joining: the join announced the older state
      const now = this.#state.self.media;
      if (now.audio !== media.audio || now.video !== media.video || now.screen !== media.screen)
        await this.#announce(now).catch(() => {});
    } catch (error) {
      const e: SmaRTCError = isSmaRTCError(error)
        ? error
        : errorFromCode('SERVER_ERROR', String(error), { cause: error });
      if (epoch === this.#epoch) this.#dispatch({ type: 'join-failed', error: e });
      throw e;
    }
  }

  /** Leaves the session: closes every peer connection; the call can join again. */
  async leave(): Promise<void> {
    this.#epoch += 1;
    this.#joining = undefined;
    const status = this.#state.status;
    if (status !== 'idle' && status !== 'failed') this.#dispatch({ type: 'left' });
    this.#closeMesh();
    try {
      await this.#signaling.leave();
    } finally {
      if (!this.#disposed) this.#createMesh();
    }
  }

  /** Leaves and releases everything: no timers, no listeners, no connections. Idempotent. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#epoch += 1;
    this.#joining = undefined;
    if (this.#state.status !== 'idle') this.#dispatch({ type: 'left' });
    this.#closeMesh();
    for (const off of this.#offSignaling) off();
    this.#listeners.clear();
    if (this.#ownsSignaling) await this.#signaling.dispose();
    else await this.#signaling.leave().catch(() => {});
  }

  /** Sends `stream` (replacing the current one; `null` sends nothing) and announces its media state. */
  async setLocalStream(stream: MediaStream | null): Promise<void> {
    this.#stream = stream;
    const media = mediaOf(stream);
    this.#dispatch({ type: 'self-stream', stream, media });
    await this.#mesh.setLocalStream(stream);
    await this.#announce(media);
  }

  /** Mutes/unmutes the local audio tracks (`track.enabled`) and tells the others. */
  setMicrophoneEnabled(enabled: boolean): Promise<void> {
    return this.#setKindEnabled('audio', enabled);
  }

  /** Turns the local video tracks on/off (`track.enabled`) and tells the others. */
  setCameraEnabled(enabled: boolean): Promise<void> {
    return this.#setKindEnabled('video', enabled);
  }

  /** Sends a chat message to the session; it appears in `messages` (yours too). */
  async sendMessage(text: string): Promise<ChatMessage> {
    const message = await this.#signaling.sendMessage(text);
    this.#dispatch({ type: 'message', message });
    return message;
  }

  /** Sends data to one peer (data channel). False when dropped. */
  send(peerId: string, data: DataPayload, options?: SendOptions): boolean {
    return this.#mesh.send(peerId, data, options);
  }

  /** Sends data to every peer; returns how many accepted it. */
  broadcast(data: DataPayload, options?: SendOptions): number {
    return this.#mesh.broadcast(data, options);
  }

  async #setKindEnabled(kind: 'audio' | 'video', enabled: boolean): Promise<void> {
    for (const track of this.#stream?.getTracks() ?? []) if (track.kind === kind) track.enabled = enabled;
    const media = kind === 'audio' ? { audio: enabled } : { video: enabled };
    this.#dispatch({ type: 'self-media', media });
    await this.#announce(media);
  }

  async #announce(media: Partial<MediaState>): Promise<void> {
    const status = this.#state.status;
    if (status !== 'joined' && status !== 'reconnecting') return; // sent with the next join
    await this.#signaling.updateMediaState(media);
  }

  #dispatch = (action: CallAction): void => {
    const next = callReducer(this.#state, action);
    if (next === this.#state) return;
    this.#state = next;
    for (const listener of [...this.#listeners]) {
      try {
        listener(next);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };

  #createMesh(): void {
    const o = this.#options;
    this.#mesh = new MeshPeerManager({
      signaling: this.#signaling,
      ...(o.webrtc ? { webrtc: o.webrtc } : {}),
      ...(o.maxDirectPeers !== undefined ? { maxDirectPeers: o.maxDirectPeers } : {}),
      ...(o.iceServers ? { iceServers: o.iceServers } : {}),
      ...(o.logger ? { logger: o.logger } : {}),
    });
    this.#offMesh = wireMesh(this.#mesh, this.#collector, this.#quality, this.#dispatch);
  }

  #closeMesh(): void {
    for (const off of this.#offMesh) off();
    this.#offMesh = [];
    this.#mesh.close();
    for (const id of this.#collector.peerIds()) this.#quality.remove(id);
    this.#collector.stop();
  }
}
