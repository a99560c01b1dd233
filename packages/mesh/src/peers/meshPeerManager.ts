import {
  errorFromCode,
  isSmaRTCError,
  type RejoinedEvent,
  type SignalingClient,
  type SignalingJoinOptions,
  type SignalPayload,
  type SmaRTCError,
  TypedEmitter,
  type Unsubscribe,
} from '@smartc/core';
import { isSignal, type JoinResult, type PeerInfo, type Signal } from '@smartc/protocol';
import {
  resolveWebRTC,
  type WebRTCImplementation,
  type WebRTCOption,
} from '../webrtc/webRTCImplementation.js';
import type { MeshPeerEvents, PeerDisconnectReason } from './events.js';
import { nextGeneration } from './generation.js';
import { NegotiationRecovery } from './negotiationRecovery.js';
import { type LocalTrack, PeerSession } from './peerSession.js';
import { isPolite } from './politeness.js';
import type {
  DataChannelKind,
  DataPayload,
  IceRestartOptions,
  IceServersProvider,
  MeshLogger,
  PeerState,
} from './types.js';

/** Options of {@link MeshPeerManager}. */
export interface MeshPeerManagerOptions {
  /** The signaling client the manager drives (it does not connect, join or dispose it for you, except via `join`). */
  signaling: SignalingClient;
  /** WebRTC classes; browser globals by default. In Node: `import wrtc from '@roamhq/wrtc'`. */
  webrtc?: WebRTCOption;
  /** Fresh ICE servers for every connection and ICE restart (default: the latest join result's). */
  iceServers?: IceServersProvider;
  /**
   * Connections per peer (default 8). Symmetric: only the first `maxDirectPeers + 1` participants in join
   * order (as the server lists them) connect, to each other; later ones connect to nobody, and `mesh-limit`
   * says so on both sides, until someone earlier leaves.
   */
  maxDirectPeers?: number;
  /** Above this many connected peers while sending video, `mesh-limit` warns about the uplink (default 4). */
  videoUplinkWarningPeers?: number;
  iceRestart?: IceRestartOptions;
  /** Extra RTCPeerConnection settings (its `iceServers` are replaced by the provider's). */
  rtcConfiguration?: RTCConfiguration;
  logger?: MeshLogger;
}

/** Read-only view of one remote peer. */
export interface MeshPeer {
  readonly peerId: string;
  readonly username: string | undefined;
  readonly state: PeerState;
  readonly polite: boolean;
  /** This side's connection generation (a new one on every rebuild). */
  readonly generation: number;
  /** The connection itself: for stats (`getStats`) and diagnostics. Do not negotiate on it. */
  readonly pc: RTCPeerConnection;
  readonly remoteStreams: readonly MediaStream[];
  /** Whether each data channel is open. */
  readonly channels: Readonly<Record<DataChannelKind, boolean>>;
}

/** Options of {@link MeshPeerManager.send} and {@link MeshPeerManager.broadcast}. */
export interface SendOptions {
  /** `true` (default): the ordered, reliable channel. `false`: unordered, no retransmits. */
  reliable?: boolean;
}

const MAX_EARLY_SIGNALS = 500;

/**
 * The mesh: one RTCPeerConnection per remote peer of the session, negotiated with perfect
 * negotiation over a {@link SignalingClient}, with ICE restarts, two pre-negotiated data channels
 * per peer, and local tracks sent to everyone. A signaling outage does not touch the connections
 * (a resumed rejoin keeps them); a fresh rejoin (new peerId) rebuilds them.
 *
 * @example
 * import wrtc from '@roamhq/wrtc'; // Node only; browsers need no `webrtc`
 * const signaling = new SignalingClient({ serverUrl: 'http://localhost:8080' });
 * const mesh = new MeshPeerManager({ signaling, webrtc: wrtc });
 * mesh.on('peer-connected', (peerId) => mesh.send(peerId, 'hello'));
 * mesh.on('data', (peerId, data) => console.log(peerId, data));
 * mesh.on('remote-stream', (peerId, stream) => show(peerId, stream));
 * await mesh.setLocalStream(localStream);
 * await mesh.join('room-1', { username: 'alice' });
 * // …
 * mesh.close();
 * await signaling.disconnect();
 */
export class MeshPeerManager extends TypedEmitter<MeshPeerEvents> {
  readonly #signaling: SignalingClient;
  /** Resolved when first needed (a join), so that creating a manager touches no browser global (SSR). */
  #webrtcImpl: WebRTCImplementation | undefined;
  readonly #o: MeshPeerManagerOptions;
  readonly #sessions = new Map<string, PeerSession>();
  readonly #skipped = new Set<string>();
  readonly #recovery = new NegotiationRecovery();
  /** Participants (this one included) in join order, for the symmetric `maxDirectPeers` rule. */
  #order: string[] = [];
  readonly #local = new Map<string, LocalTrack>();
  readonly #unsubscribe: Unsubscribe[];
  #early: Array<[string, Signal]> = [];
  #localPeerId: string | undefined;
  #closed = false;
  #uplinkWarned = false;

  constructor(options: MeshPeerManagerOptions) {
    super();
    this.#o = options;
    this.#signaling = options.signaling;
    const s = this.#signaling;
    this.#unsubscribe = [
      s.on('peer-joined', (peer) => this.#onPeerJoined(peer)),
      s.on('peer-left', (peer) => this.#onPeerLeft(peer.peerId)),
      s.on('signal', (from, signal) => this.#onSignal(from, signal)),
      s.on('rejoined', (event) => this.#onRejoined(event)),
      s.on('session-ended', () => this.#closeAll('left')),
    ];
    if (s.joinResult) this.attach(s.joinResult);
  }

  /** Your peerId in the session, once attached. */
  get localPeerId(): string | undefined {
    return this.#localPeerId;
  }

  /** Every remote peer with a connection (including `failed` ones until they leave). */
  get peers(): ReadonlyMap<string, MeshPeer> {
    const views = new Map<string, MeshPeer>();
    for (const id of this.#sessions.keys()) views.set(id, this.getPeer(id) as MeshPeer);
    return views;
  }

  /** A read-only view of one peer, or `undefined`. */
  getPeer(peerId: string): MeshPeer | undefined {
    const session = this.#sessions.get(peerId);
    if (!session) return undefined;
    const signaling = this.#signaling;
    return {
      peerId,
      get username() {
        return signaling.peers.get(peerId)?.username;
      },
      get state() {
        return session.state;
      },
      polite: session.polite,
      generation: session.generation,
      pc: session.pc,
      get remoteStreams() {
        return session.remoteStreams;
      },
      get channels() {
        return {
          reliable: session.isChannelOpen('reliable'),
          unreliable: session.isChannelOpen('unreliable'),
        };
      },
    };
  }

  /**
   * Joins a session through the signaling client and connects to everyone in it.
   *
   * @example
   * const { peerId } = await mesh.join('room-1', { username: 'alice' });
   */
  async join(sessionId: string, options: SignalingJoinOptions): Promise<JoinResult> {
    this.#webrtc(); // fails before joining (MEDIA_UNSUPPORTED) where there is no WebRTC
    const result = await this.#signaling.join(sessionId, options);
    this.attach(result);
    return result;
  }

  /**
   * Connects to the peers of a join result (when you joined through the signaling client
   * yourself; done automatically when the client is already joined at construction or on its next event).
   */
  attach(result: JoinResult | undefined = this.#signaling.joinResult): void {
    if (this.#closed || !result) return;
    if (this.#localPeerId === result.peerId) return;
    if (this.#localPeerId !== undefined) this.#closeAll('rebuilt');
    this.#localPeerId = result.peerId;
    this.#order = [...result.peers.map((p) => p.peerId), result.peerId];
    this.#o.logger?.info?.(`[mesh] attached as ${result.peerId} with ${result.peers.length} peer(s)`);
    const known = new Map<string, PeerInfo>(result.peers.map((p) => [p.peerId, p]));
    for (const [id, peer] of this.#signaling.peers) known.set(id, peer);
    for (const id of known.keys()) this.#ensureSession(id);
    const early = this.#early;
    this.#early = [];
    for (const [from, signal] of early) this.#route(from, signal);
  }

  /** Sends `stream`'s tracks to every peer (replacing the current ones, no renegotiation for known kinds); `null` stops sending. */
  async setLocalStream(stream: MediaStream | null): Promise<void> {
    const tracks = stream ? stream.getTracks() : [];
    const kinds = new Set(tracks.map((t) => t.kind));
    const jobs: Promise<void>[] = [];
    for (const kind of [...this.#local.keys()])
      if (!kinds.has(kind)) jobs.push(this.replaceTrack(kind, null));
    for (const track of tracks) jobs.push(this.addTrack(track, stream ?? undefined));
    await Promise.all(jobs);
  }

  /** Sends `track` to every peer: `replaceTrack` when its kind already has a sender, else `addTrack` (renegotiates). */
  async addTrack(track: MediaStreamTrack, stream?: MediaStream): Promise<void> {
    const local: LocalTrack = stream ? { track, stream } : { track };
    this.#local.set(track.kind, local);
    await Promise.all([...this.#sessions.values()].map((s) => s.setTrack(local)));
    this.#checkUplink();
  }

  /** Replaces what every peer receives for `kind` (`null`: send nothing), without renegotiation when possible. */
  async replaceTrack(kind: string, track: MediaStreamTrack | null): Promise<void> {
    if (track) return this.addTrack(track, this.#local.get(kind)?.stream);
    this.#local.delete(kind);
    await Promise.all([...this.#sessions.values()].map((s) => s.setTrack({ kind, track: null })));
  }

  /** Sends to one peer. False when dropped (not connected, channel closed, queue full). */
  send(peerId: string, data: DataPayload, options: SendOptions = {}): boolean {
    const session = this.#sessions.get(peerId);
    return session ? session.send(data, options.reliable === false ? 'unreliable' : 'reliable') : false;
  }

  /** Sends to every peer; returns how many accepted it. */
  broadcast(data: DataPayload, options: SendOptions = {}): number {
    let sent = 0;
    for (const id of this.#sessions.keys()) if (this.send(id, data, options)) sent += 1;
    return sent;
  }

  /** Restarts ICE with one peer now (e.g. after a network change). */
  restartIce(peerId: string): void {
    this.#sessions.get(peerId)?.restartIce();
  }

  /** Closes every connection and stops listening to the signaling client. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closeAll('closed');
    this.#closed = true;
    for (const off of this.#unsubscribe) off();
    this.#early = [];
    this.#local.clear();
  }

  #onPeerJoined(peer: PeerInfo): void {
    if (!this.#attachIfJoined()) return;
    this.#ensureSession(peer.peerId);
  }

  #onPeerLeft(peerId: string): void {
    this.#skipped.delete(peerId);
    this.#recovery.forget(peerId);
    this.#order = this.#order.filter((id) => id !== peerId);
    const session = this.#sessions.get(peerId);
    if (session) {
      this.#sessions.delete(peerId);
      this.#closeSession(session, 'left');
    }
    // A place may have opened below the limit: connect whoever now ranks within it.
    if (this.#skipped.size > 0) for (const id of this.#signaling.peers.keys()) this.#ensureSession(id);
  }

  #onSignal(from: string, payload: SignalPayload): void {
    if (!isSignal(payload)) return;
    if (!this.#attachIfJoined()) {
      if (this.#early.length < MAX_EARLY_SIGNALS) this.#early.push([from, payload]);
      return;
    }
    this.#route(from, payload);
  }

  #route(from: string, signal: Signal): void {
    if (from === this.#localPeerId) return;
    let session = this.#sessions.get(from);
    if (!session) {
      if (!this.#signaling.peers.has(from)) {
        this.#o.logger?.debug?.(`[mesh] ignored a ${signal.type} from unknown peer ${from}`);
        return;
      }
      session = this.#ensureSession(from);
      if (!session) return;
    }
    if (session.handleSignal(signal) !== 'rebuild') return;
    this.#o.logger?.info?.(`[mesh] ${from} rebuilt its connection (gen ${signal.gen}): rebuilding ours`);
    this.#sessions.delete(from);
    this.#closeSession(session, 'rebuilt');
    this.#ensureSession(from, signal.gen)?.handleSignal(signal);
  }

  #onRejoined(event: RejoinedEvent): void {
    if (this.#closed) return;
    if (event.resumed && event.peerId === this.#localPeerId) {
      this.#o.logger?.info?.('[mesh] signaling resumed: peer connections kept');
      for (const id of this.#signaling.peers.keys()) this.#ensureSession(id);
      return;
    }
    this.#o.logger?.info?.(`[mesh] rejoined as ${event.peerId}: rebuilding every connection`);
    this.attach(event.result);
  }

  #attachIfJoined(): boolean {
    if (this.#closed) return false;
    if (this.#localPeerId === undefined && this.#signaling.joinResult)
      this.attach(this.#signaling.joinResult);
    return this.#localPeerId !== undefined;
  }

  /** Position in join order (peers not seen yet are appended, so both sides rank them last). */
  #rank(peerId: string): number {
    let index = this.#order.indexOf(peerId);
    if (index < 0) index = this.#order.push(peerId) - 1;
    return index;
  }

  #activeCount(): number {
    let n = 0;
    for (const s of this.#sessions.values()) if (s.state !== 'failed' && s.state !== 'closed') n += 1;
    return n;
  }

  #ensureSession(peerId: string, remoteGeneration?: number): PeerSession | undefined {
    const local = this.#localPeerId;
    if (this.#closed || local === undefined || peerId === local) return undefined;
    const existing = this.#sessions.get(peerId);
    if (existing) return existing;
    const limit = this.#o.maxDirectPeers ?? 8;
    if (this.#rank(peerId) > limit || this.#rank(local) > limit) {
      if (!this.#skipped.has(peerId)) {
        this.#skipped.add(peerId);
        this.emit('mesh-limit', {
          reason: 'max-direct-peers',
          connectedPeers: this.#activeCount(),
          limit,
          peerId,
          message: `Not connecting to ${peerId}: the mesh is limited to ${limit} direct peers.`,
        });
      }
      return undefined;
    }
    this.#skipped.delete(peerId);
    const session = this.#createSession(peerId, local, remoteGeneration);
    this.#sessions.set(peerId, session);
    this.emit('peer-state', peerId, session.state);
    this.#checkUplink();
    return session;
  }

  #createSession(peerId: string, local: string, remoteGeneration: number | undefined): PeerSession {
    const logger = this.#o.logger;
    const emitIfCurrent = (fn: () => void) => {
      if (this.#sessions.get(peerId) === session) fn();
    };
    const iceServers = this.#iceServersProvider();
    const session: PeerSession = new PeerSession({
      peerId,
      polite: isPolite(local, peerId),
      generation: nextGeneration(),
      ...(remoteGeneration !== undefined ? { remoteGeneration } : {}),
      webrtc: this.#webrtc(),
      configuration: { ...this.#o.rtcConfiguration, iceServers: this.#currentIceServers() },
      localTracks: [...this.#local.values()],
      send: (signal) => this.#sendSignal(peerId, signal),
      iceServers,
      ...(this.#o.iceRestart ? { iceRestart: this.#o.iceRestart } : {}),
      ...(logger ? { logger } : {}),
      handlers: {
        state: (state) =>
          emitIfCurrent(() => {
            this.emit('peer-state', peerId, state);
            if (state !== 'connected') return;
            this.#recovery.connected(peerId);
            this.emit('peer-connected', peerId);
          }),
        track: (track, streams) => emitIfCurrent(() => this.emit('remote-track', peerId, track, streams)),
        stream: (stream) => emitIfCurrent(() => this.emit('remote-stream', peerId, stream)),
        data: (data, channel) => emitIfCurrent(() => this.emit('data', peerId, data, channel)),
        channelOpen: (channel) => emitIfCurrent(() => this.emit('channel-open', peerId, channel)),
        channelClose: (channel) => emitIfCurrent(() => this.emit('channel-close', peerId, channel)),
        iceRestart: (attempt) => emitIfCurrent(() => this.emit('ice-restart', peerId, attempt)),
        failed: (error) =>
          emitIfCurrent(() => {
            this.emit('peer-failed', peerId, error);
            this.emit('peer-disconnected', peerId, 'failed');
          }),
        negotiationError: (error, step) =>
          emitIfCurrent(() => {
            this.emit(
              'error',
              errorFromCode('PEER_CONNECTION_FAILED', `Negotiation with ${peerId} failed (${step}).`, {
                cause: error,
              }),
              peerId,
            );
            queueMicrotask(() => this.#recover(session));
          }),
      },
    });
    return session;
  }

  /** After a failed negotiation: a fresh connection (see {@link NegotiationRecovery}), or the peer given up. */
  #recover(session: PeerSession): void {
    const { peerId } = session;
    if (this.#closed || this.#sessions.get(peerId) !== session || session.state === 'failed') return;
    if (this.#recovery.failed(peerId) === 'give-up') {
      session.fail(
        errorFromCode('PEER_CONNECTION_FAILED', `Could not negotiate a connection with ${peerId}.`),
      );
      return;
    }
    this.#o.logger?.warn?.(`[mesh] negotiation with ${peerId} failed: rebuilding the connection`);
    this.#sessions.delete(peerId);
    this.#closeSession(session, 'rebuilt');
    this.#ensureSession(peerId);
  }

  #closeSession(session: PeerSession, reason: PeerDisconnectReason): void {
    const wasActive = session.state !== 'failed' && session.state !== 'closed';
    session.close();
    this.emit('peer-state', session.peerId, 'closed');
    if (wasActive) this.emit('peer-disconnected', session.peerId, reason);
  }

  #closeAll(reason: PeerDisconnectReason): void {
    const sessions = [...this.#sessions.values()];
    this.#sessions.clear();
    this.#skipped.clear();
    this.#recovery.forget();
    this.#order = [];
    this.#uplinkWarned = false;
    for (const session of sessions) this.#closeSession(session, reason);
  }

  #webrtc(): WebRTCImplementation {
    this.#webrtcImpl ??= resolveWebRTC(this.#o.webrtc);
    return this.#webrtcImpl;
  }

  #currentIceServers(): RTCIceServer[] {
    return (this.#signaling.joinResult?.iceServers ?? []) as RTCIceServer[];
  }

  #iceServersProvider(): IceServersProvider {
    return this.#o.iceServers ?? (() => this.#currentIceServers());
  }

  #sendSignal(peerId: string, signal: Signal): void {
    if (this.#closed) return;
    this.#signaling.sendSignal(peerId, signal).catch((error: unknown) => {
      if (this.#closed || !this.#sessions.has(peerId)) return;
      const e: SmaRTCError = isSmaRTCError(error)
        ? error
        : errorFromCode('PEER_CONNECTION_FAILED', `Could not signal ${peerId}.`, { cause: error });
      this.#o.logger?.warn?.(`[mesh] ${signal.type} to ${peerId} not sent: ${e.code}`);
      this.emit('error', e, peerId);
    });
  }

  #checkUplink(): void {
    const limit = this.#o.videoUplinkWarningPeers ?? 4;
    const sendsVideo = this.#local.has('video');
    const count = this.#activeCount();
    if (!sendsVideo || count <= limit) {
      this.#uplinkWarned = false;
      return;
    }
    if (this.#uplinkWarned) return;
    this.#uplinkWarned = true;
    this.emit('mesh-limit', {
      reason: 'uplink',
      connectedPeers: count,
      limit,
      message: `Sending video to ${count} peers: most uplinks carry ${limit} well; expect lower quality.`,
    });
  }
}
