import type { SmaRTCError } from '@smartc/core';
import type { Signal } from '@smartc/protocol';
import type { WebRTCImplementation } from '../webrtc/webRTCImplementation.js';
import { PeerDataChannels } from './dataChannels.js';
import { IceRestarter } from './iceRestarter.js';
import { Negotiator, type SignalOutcome } from './negotiator.js';
import type {
  DataChannelKind,
  DataPayload,
  IceRestartOptions,
  IceServersProvider,
  MeshLogger,
  PeerState,
  ReceivedData,
} from './types.js';

/** A local track and the stream it belongs to. */
export interface LocalTrack {
  track: MediaStreamTrack;
  stream?: MediaStream;
}

/** What happens in a {@link PeerSession}, reported to its owner. */
export interface PeerSessionHandlers {
  state(state: PeerState): void;
  track(track: MediaStreamTrack, streams: readonly MediaStream[]): void;
  stream(stream: MediaStream): void;
  data(data: ReceivedData, channel: DataChannelKind): void;
  channelOpen(channel: DataChannelKind): void;
  channelClose(channel: DataChannelKind): void;
  iceRestart(attempt: number): void;
  failed(error: SmaRTCError): void;
  negotiationError(error: unknown, step: string): void;
}

/** What a {@link PeerSession} needs. */
export interface PeerSessionOptions {
  peerId: string;
  polite: boolean;
  generation: number;
  remoteGeneration?: number;
  webrtc: WebRTCImplementation;
  configuration: RTCConfiguration;
  localTracks: readonly LocalTrack[];
  send(signal: Signal): void;
  iceServers?: IceServersProvider;
  iceRestart?: IceRestartOptions;
  handlers: PeerSessionHandlers;
  logger?: MeshLogger;
}

/**
 * One remote peer: its RTCPeerConnection, perfect negotiation, ICE restarts, the two data
 * channels, remote tracks and streams, and a {@link PeerState}.
 */
export class PeerSession {
  readonly peerId: string;
  readonly polite: boolean;
  readonly generation: number;
  readonly pc: RTCPeerConnection;
  readonly #o: PeerSessionOptions;
  readonly #negotiator: Negotiator;
  readonly #restarter: IceRestarter;
  readonly #channels: PeerDataChannels;
  readonly #senders = new Map<string, RTCRtpSender>();
  readonly #streams = new Map<string, MediaStream>();
  #state: PeerState = 'connecting';
  #wasConnected = false;

  constructor(options: PeerSessionOptions) {
    this.#o = options;
    this.peerId = options.peerId;
    this.polite = options.polite;
    this.generation = options.generation;
    const { webrtc, handlers, logger, peerId } = options;
    const pc = new webrtc.RTCPeerConnection(options.configuration);
    this.pc = pc;
    this.#negotiator = new Negotiator({
      pc,
      polite: options.polite,
      generation: options.generation,
      ...(options.remoteGeneration !== undefined ? { remoteGeneration: options.remoteGeneration } : {}),
      webrtc,
      send: options.send,
      onError: (error, step) => handlers.negotiationError(error, step),
      ...(logger ? { logger } : {}),
      label: peerId,
    });
    this.#restarter = new IceRestarter({
      ...options.iceRestart,
      pc,
      ...(options.iceServers ? { iceServers: options.iceServers } : {}),
      restart: () => this.#negotiator.restartIce(),
      onRestart: (attempt) => {
        // A restart on a live connection (e.g. asked for by the app) keeps it `connected` throughout.
        if (pc.connectionState !== 'connected')
          this.#setState(this.#wasConnected ? 'reconnecting' : 'connecting');
        handlers.iceRestart(attempt);
      },
      onFailed: (error) => this.fail(error),
      ...(logger ? { logger } : {}),
      label: peerId,
    });
    this.#channels = new PeerDataChannels(
      pc,
      {
        onOpen: (kind) => handlers.channelOpen(kind),
        onClose: (kind) => handlers.channelClose(kind),
        onMessage: (data, kind) => handlers.data(data, kind),
      },
      {},
      logger,
    );
    pc.addEventListener('connectionstatechange', this.#onConnectionState);
    pc.addEventListener('track', this.#onTrack as EventListener);
    for (const local of options.localTracks) this.setTrack(local);
  }

  /** This peer's state. */
  get state(): PeerState {
    return this.#state;
  }
  /** The remote streams received so far. */
  get remoteStreams(): readonly MediaStream[] {
    return [...this.#streams.values()];
  }
  /** The remote generation this connection is bound to. */
  get remoteGeneration(): number | undefined {
    return this.#negotiator.remoteGeneration;
  }
  /** The ICE restarts made in the current outage. */
  get iceRestarts(): number {
    return this.#restarter.attempts;
  }
  /** Whether a data channel is open. */
  isChannelOpen(kind: DataChannelKind): boolean {
    return this.#channels.isOpen(kind);
  }

  /** Routes a signal from this peer to the negotiator. */
  handleSignal(signal: Signal): SignalOutcome {
    if (this.#state === 'failed' || this.#state === 'closed') return 'stale';
    return this.#negotiator.handleSignal(signal);
  }

  /** Sends on a data channel (see {@link PeerDataChannels.send}). */
  send(data: DataPayload, channel: DataChannelKind = 'reliable'): boolean {
    if (this.#state === 'failed' || this.#state === 'closed') return false;
    return this.#channels.send(data, channel);
  }

  /**
   * Sends `local.track` to this peer: `replaceTrack` (no renegotiation) when its kind already has a
   * sender, else `addTrack` (which renegotiates). A `null` track with a `kind` stops sending that kind.
   */
  setTrack(local: LocalTrack | { kind: string; track: null }): Promise<void> {
    if (this.pc.signalingState === 'closed') return Promise.resolve();
    const kind = local.track ? local.track.kind : (local as { kind: string }).kind;
    const sender = this.#senders.get(kind);
    if (sender) return sender.replaceTrack(local.track);
    if (!local.track) return Promise.resolve();
    const streams = 'stream' in local && local.stream ? [local.stream] : [];
    this.#senders.set(kind, this.pc.addTrack(local.track, ...streams));
    return Promise.resolve();
  }

  /** Restarts ICE now (a new series of attempts). */
  restartIce(): void {
    if (this.#state === 'failed' || this.#state === 'closed') return;
    this.#restarter.restartNow();
  }

  /** Resolves when queued negotiation steps have run. */
  idle(): Promise<void> {
    return this.#negotiator.idle();
  }

  /** Gives the connection up: closes it (state `failed`) and reports `error` to the owner. */
  fail(error: SmaRTCError): void {
    if (this.#state === 'failed' || this.#state === 'closed') return;
    this.#shutdown('failed');
    this.#o.handlers.failed(error);
  }

  /** Closes the connection (state `closed`). */
  close(): void {
    this.#shutdown('closed');
  }

  #shutdown(state: 'failed' | 'closed'): void {
    if (this.#state === 'failed' || this.#state === 'closed') return;
    this.#restarter.dispose();
    this.#negotiator.close();
    this.#channels.close();
    this.pc.removeEventListener('connectionstatechange', this.#onConnectionState);
    this.pc.removeEventListener('track', this.#onTrack as EventListener);
    try {
      this.pc.close();
    } catch {
      // already closed
    }
    this.#setState(state);
  }

  readonly #onConnectionState = () => {
    const pc = this.pc;
    const state = pc.connectionState ?? pc.iceConnectionState;
    this.#o.logger?.debug?.(`[peer ${this.peerId}] connection ${state}`);
    this.#restarter.update(state);
    if (state === 'connected') {
      this.#wasConnected = true;
      this.#setState('connected');
    } else if (state === 'disconnected' || state === 'failed') {
      this.#setState(this.#wasConnected ? 'reconnecting' : 'connecting');
    }
  };

  readonly #onTrack = (event: RTCTrackEvent) => {
    const streams = event.streams?.length
      ? [...event.streams]
      : [new this.#o.webrtc.MediaStream([event.track])];
    this.#o.handlers.track(event.track, streams);
    for (const stream of streams) {
      if (this.#streams.has(stream.id)) continue;
      this.#streams.set(stream.id, stream);
      this.#o.handlers.stream(stream);
    }
  };

  #setState(state: PeerState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#o.handlers.state(state);
  }
}
