import {
  errorFromCode,
  isSmaRTCError,
  SignalingClient,
  type SmaRTCError,
  type Unsubscribe,
} from '@smartc/core';
import { type ChatMessage, ErrorCode, type MediaState } from '@smartc/protocol';
import type { InputDeviceKind } from '../media/devices.js';
import { LocalMedia, type LocalMediaOptions, type LocalTrackKind } from '../media/localMedia.js';
import { MeshPeerManager, type SendOptions } from '../peers/meshPeerManager.js';
import type { DataPayload, IceServersProvider, MeshLogger } from '../peers/types.js';
import { QualityMonitor } from '../quality/qualityMonitor.js';
import { DEFAULT_STATS_INTERVAL_MS, StatsCollector } from '../stats/collector.js';
import type { WebRTCOption } from '../webrtc/webRTCImplementation.js';
import { wireMesh, wireSignaling } from './callEvents.js';
import { type CallAction, callReducer } from './callReducer.js';
import { type CallSnapshot, initialCallState, NO_MEDIA } from './callState.js';

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
  /** How Call-owned media is captured (`join(id, { media })`); browser globals by default. Node: `wrtc.mediaDevices`. */
  media?: LocalMediaOptions;
}

/** Options of {@link Call.join}. */
export interface CallJoinOptions {
  /** What to send (default: the stream given to `setLocalStream`, if any). The app keeps owning it. */
  localStream?: MediaStream | null;
  /**
   * Without `localStream`: what the call captures itself through {@link Call.localMedia}, e.g.
   * `{ audio: true, video: true }` or any `MediaStreamConstraints` (rejects with the normalised `MEDIA_*` error).
   * With `localStream`: the media state announced (default: from the stream's enabled tracks).
   */
  media?: Partial<MediaState> | MediaStreamConstraints;
  /** With Call-owned media: if the camera is missing or busy, go on audio-only (a `media-fallback` warning). */
  fallbackToAudioOnly?: boolean;
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
  readonly #localMedia: LocalMedia;
  /** Whether the stream sent is `#localMedia`'s (captured by the call) rather than the app's. */
  #ownsMedia = false;
  #acquiring: Promise<unknown> = Promise.resolve();
  readonly #replacing = new Set<Promise<void>>();
  #offMedia: Unsubscribe[] = [];
  #mediaStarting = false;

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
    this.#localMedia = new LocalMedia(options.media ?? {});
    this.#wireLocalMedia();
    this.#createMesh();
  }

  /** The media the call captured itself (`join(id, { media })`); null when the app passes its own stream. */
  get localMedia(): LocalMedia | null {
    return this.#ownsMedia ? this.#localMedia : null;
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
    const wanted = options.media as (Partial<MediaState> & MediaStreamConstraints) | undefined;
    const capture =
      options.localStream === undefined && wanted && (!!wanted.audio || !!wanted.video)
        ? { audio: wanted.audio ?? false, video: wanted.video ?? false }
        : null;
    if (capture) {
      this.#releaseOwnedMedia();
      this.#ownsMedia = true;
      this.#stream = null;
    } else if (options.localStream !== undefined) {
      this.#releaseOwnedMedia();
      this.#stream = options.localStream;
    }
    const media = capture
      ? { ...NO_MEDIA }
      : { ...mediaOf(this.#stream), ...(options.media as Partial<MediaState> | undefined) };
    this.#dispatch({ type: 'join-started', sessionId, media, stream: this.#stream });
    // without capture the join starts in this tick, as before (a leave() right after aborts it cleanly)
    const start = capture
      ? this.#startOwnedMedia(epoch, { ...capture, fallbackToAudioOnly: !!options.fallbackToAudioOnly })
      : null;
    this.#acquiring = start?.catch(() => undefined) ?? Promise.resolve();
    const joining = (
      start ? start.then((m) => this.#join(epoch, sessionId, m)) : this.#join(epoch, sessionId, media)
    ).catch((error) => this.#joinFailed(epoch, error));
    const done = joining.finally(() => {
      if (this.#joining === joining) this.#joining = undefined;
    });
    this.#joining = done;
    return done;
  }

  async #startOwnedMedia(
    epoch: number,
    options: MediaStreamConstraints & { fallbackToAudioOnly: boolean },
  ): Promise<MediaState> {
    this.#mediaStarting = true;
    const stream = await this.#localMedia.start(options).finally(() => {
      this.#mediaStarting = false;
    });
    if (epoch !== this.#epoch) throw errorFromCode('ABORTED', 'The call was left while joining');
    this.#stream = stream;
    const media = {
      audio: this.#localMedia.audioEnabled,
      video: this.#localMedia.videoEnabled,
      screen: false,
    };
    this.#dispatch({ type: 'self-stream', stream, media });
    return media;
  }

  #joinFailed(epoch: number, error: unknown): never {
    const e: SmaRTCError = isSmaRTCError(error)
      ? error
      : errorFromCode('SERVER_ERROR', String(error), { cause: error });
    if (epoch === this.#epoch) {
      this.#dispatch({ type: 'join-failed', error: e });
      this.#releaseOwnedMedia();
    }
    throw e;
  }

  async #join(epoch: number, sessionId: string, media: MediaState): Promise<void> {
    if (this.#stream) await this.#mesh.setLocalStream(this.#stream);
    const result = await this.#mesh.join(sessionId, { username: this.#options.username, media });
    if (epoch !== this.#epoch) throw errorFromCode('ABORTED', 'The call was left while joining');
    this.#dispatch({ type: 'joined', peerId: result.peerId, peers: [...this.#signaling.peers.values()] });
    // toggled while joining: the join announced the older state
    const now = this.#state.self.media;
    if (now.audio !== media.audio || now.video !== media.video || now.screen !== media.screen)
      await this.#announce(now).catch(() => {});
  }

  /** Leaves the session: closes every peer connection; the call can join again. */
  async leave(): Promise<void> {
    this.#epoch += 1;
    this.#joining = undefined;
    const status = this.#state.status;
    if (status !== 'idle' && status !== 'failed') this.#dispatch({ type: 'left' });
    this.#closeMesh();
    this.#releaseOwnedMedia();
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
    this.#releaseOwnedMedia();
    for (const off of this.#offMedia) off();
    for (const off of this.#offSignaling) off();
    this.#listeners.clear();
    if (this.#ownsSignaling) await this.#signaling.dispose();
    else await this.#signaling.leave().catch(() => {});
  }

  /** Sends `stream` (replacing the current one; `null` sends nothing) and announces its media state. */
  async setLocalStream(stream: MediaStream | null): Promise<void> {
    this.#releaseOwnedMedia();
    this.#stream = stream;
    const media = mediaOf(stream);
    this.#dispatch({ type: 'self-stream', stream, media });
    await this.#mesh.setLocalStream(stream);
    await this.#announce(media);
  }

  /** Mutes/unmutes the local audio tracks (`track.enabled`, for every peer at once) and tells the others. */
  setMicrophoneEnabled(enabled: boolean): Promise<void> {
    return this.#setKindEnabled('audio', enabled, false);
  }

  /**
   * Turns the local video on/off (`track.enabled`) and tells the others. With Call-owned media and `release`,
   * the camera is stopped (light off) and every peer is sent nothing (`replaceTrack('video', null)`); enabling
   * again captures a new track and sends it to every peer. `release` is ignored for a stream of the app's.
   */
  setCameraEnabled(enabled: boolean, options: { release?: boolean } = {}): Promise<void> {
    return this.#setKindEnabled('video', enabled, options.release ?? false);
  }

  /** Switches the microphone or camera of Call-owned media; every peer gets the new track (no renegotiation). */
  async switchDevice(kind: InputDeviceKind, deviceId: string): Promise<void> {
    this.#requireOwnedMedia('switchDevice');
    await this.#acquiring;
    await this.#localMedia.switchDevice(kind, deviceId);
    await this.#settled();
  }

  /**
   * Shares the screen: every peer receives it in place of the camera (restored when sharing ends, also when the
   * user stops it in the browser); `self.screenSharing` and `media.screen` follow. Works with an app stream too.
   */
  async startScreenShare(): Promise<MediaStreamTrack> {
    await this.#acquiring;
    const track = await this.#localMedia.startScreenShare({ replaceCamera: true });
    await this.#settled();
    return track;
  }

  /** Stops sharing the screen (no-op when not sharing). */
  async stopScreenShare(): Promise<void> {
    this.#localMedia.stopScreenShare();
    await this.#settled();
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

  async #setKindEnabled(kind: LocalTrackKind, enabled: boolean, release: boolean): Promise<void> {
    if (enabled && !this.#ownsMedia && !this.#stream?.getTracks().some((t) => t.kind === kind))
      throw errorFromCode(
        ErrorCode.VALIDATION_FAILED,
        `There is no local ${kind} track to turn on: join with media, or setLocalStream() with one.`,
      );
    if (this.#ownsMedia) {
      await this.#acquiring;
      if (kind === 'audio') await this.#localMedia.setAudioEnabled(enabled);
      else await this.#localMedia.setVideoEnabled(enabled, { release });
      await this.#settled();
    } else {
      for (const track of this.#stream?.getTracks() ?? []) if (track.kind === kind) track.enabled = enabled;
    }
    const media = kind === 'audio' ? { audio: enabled } : { video: enabled };
    this.#dispatch({ type: 'self-media', media });
    await this.#announce(media);
  }

  async #announce(media: Partial<MediaState>): Promise<void> {
    const status = this.#state.status;
    if (status !== 'joined' && status !== 'reconnecting') return; // sent with the next join
    await this.#signaling.updateMediaState(media);
  }

  #requireOwnedMedia(what: string): void {
    if (!this.#ownsMedia || this.#localMedia.state !== 'started')
      throw errorFromCode(
        ErrorCode.VALIDATION_FAILED,
        `${what} needs media captured by the call: join(sessionId, { media: { audio, video } }).`,
      );
  }

  /** Forwards LocalMedia's changes to every peer and to the snapshot. */
  #wireLocalMedia(): void {
    const media = this.#localMedia;
    this.#offMedia = [
      media.on('track-replaced', (kind, _old, track) => {
        if (this.#ownsMedia) this.#send(kind, track, media.stream);
      }),
      media.on('screen-share-started', (track) => {
        // an app stream: LocalMedia has no stream to put the screen in, the call sends it itself
        if (!this.#ownsMedia) this.#send('video', track, this.#stream);
        this.#dispatch({ type: 'self-screen', sharing: true });
        void this.#announce({ screen: true }).catch(() => {});
      }),
      media.on('screen-share-ended', () => {
        if (!this.#ownsMedia) this.#send('video', this.#stream?.getVideoTracks()[0] ?? null, this.#stream);
        this.#dispatch({ type: 'self-screen', sharing: false });
        void this.#announce({ screen: false }).catch(() => {});
      }),
      media.on('error', (error) =>
        this.#dispatch({
          type: 'warning',
          warning: {
            reason: this.#mediaStarting ? 'media-fallback' : 'media-error',
            error,
            message: error.message,
          },
        }),
      ),
    ];
  }

  /** Sends `track` (null: nothing) as `kind` to every peer; `#settled()` waits for it. */
  #send(kind: string, track: MediaStreamTrack | null, stream: MediaStream | null): void {
    const job = (
      track ? this.#mesh.addTrack(track, stream ?? undefined) : this.#mesh.replaceTrack(kind, null)
    )
      .catch((error) =>
        this.#options.logger?.warn?.(`Sending the local ${kind} track failed: ${String(error)}`),
      )
      .finally(() => this.#replacing.delete(job));
    this.#replacing.add(job);
  }

  async #settled(): Promise<void> {
    await Promise.all([...this.#replacing]);
  }

  /** Stops the screen share and the media the call captured (never a stream of the app's). */
  #releaseOwnedMedia(): void {
    this.#localMedia.stopScreenShare();
    if (!this.#ownsMedia) return;
    this.#localMedia.stop();
    this.#ownsMedia = false;
    this.#stream = null;
    if (this.#state.self.stream !== null)
      this.#dispatch({ type: 'self-stream', stream: null, media: NO_MEDIA });
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
