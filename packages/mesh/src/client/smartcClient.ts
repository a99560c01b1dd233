import { errorFromCode, type SmaRTCError, TypedEmitter, type Unsubscribe } from '@smartc/core';
import { Call } from '../call/call.js';
import type { CallParticipant, CallSnapshot } from '../call/callState.js';
import type { QualityPreset } from '../quality/presets.js';
import { type LegacyPeerStats, toLegacyStats } from '../stats/legacy.js';
import type { PeerStats } from '../stats/types.js';
import type { SmaRTCClientEvents } from './clientEvents.js';
import { normalizeQuality, type SmaRTCClientOptions, type SmaRTCPeer, type SmaRTCQuality } from './legacy.js';
import { applyToConnection, sampleOnDemand, statsEvent } from './peerStats.js';
import { decodeMessage, encodeMessage, toSmaRTCError } from './wire.js';

/** What the client already reported of one participant. */
interface Seen {
  stream: MediaStream | null;
  stats: unknown;
  quality: string;
  qualityPc: RTCPeerConnection | null;
}

/**
 * The original SmaRTC SDK's client, on top of {@link Call}: same options, methods and events, with
 * every event really emitted, `getStats` giving current rates and `setQuality` changing the encodings.
 *
 * `enableMesh` is accepted for compatibility (the mesh is the only topology). `disconnect()` does not
 * stop your local tracks. `on()` also returns an unsubscribe function (an extension).
 *
 * @example
 * const client = new SmaRTCClient({ serverUrl: 'http://localhost:8080', sessionId: 'demo-room', username: 'Alice', enableMesh: true });
 * const localStream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
 * await client.connect(localStream);
 * client.on('remote-stream', (peerId, stream, username) => attach(peerId, stream, username));
 * client.on('message', (peerId, data) => console.log(peerId, data));
 * client.broadcast({ hello: 'world' });
 * const stats = await client.getStats(peerId); // { latency, bitrate, packetsLost, jitter, ... }
 * await client.disconnect();
 */
export class SmaRTCClient extends TypedEmitter<SmaRTCClientEvents> {
  readonly #options: SmaRTCClientOptions;
  #call: Call | null = null;
  #connecting: Promise<void> | null = null;
  #connected = false;
  #off: Unsubscribe[] = [];
  #seen = new Map<string, Seen>();
  #quality: QualityPreset | 'auto' | null;
  #qualityFailed = new WeakSet<RTCPeerConnection>();

  constructor(options: SmaRTCClientOptions) {
    super();
    this.#options = options;
    this.#quality = options.quality ? normalizeQuality(options.quality) : null;
  }

  /** The underlying {@link Call} while connected or connecting (advanced use), else `null`. */
  get call(): Call | null {
    return this.#call;
  }

  /** Your peerId in the session, `null` when not connected. */
  get peerId(): string | null {
    return this.#call?.getSnapshot().self.peerId ?? null;
  }

  /**
   * Joins the session (sending `localStream`, if any), then emits `connected`. On failure emits `error`
   * and rejects with the same `SmaRTCError`. Calling it while connecting or connected is harmless.
   */
  connect(localStream?: MediaStream): Promise<void> {
    if (this.#connecting) return this.#connecting;
    if (this.#connected) return Promise.resolve();
    const connecting = this.#connect(localStream).finally(() => {
      if (this.#connecting === connecting) this.#connecting = null;
    });
    this.#connecting = connecting;
    return connecting;
  }

  async #connect(localStream: MediaStream | undefined): Promise<void> {
    const o = this.#options;
    const { token, iceServers } = o;
    const call = new Call({
      serverUrl: o.serverUrl,
      username: o.username,
      ...(token ? { getToken: () => token } : {}),
      ...(o.webrtc ? { webrtc: o.webrtc } : {}),
      ...(o.maxDirectPeers !== undefined ? { maxDirectPeers: o.maxDirectPeers } : {}),
      ...(o.statsIntervalMs !== undefined ? { statsIntervalMs: o.statsIntervalMs } : {}),
      ...(iceServers ? { iceServers: () => iceServers } : {}),
    });
    this.#call = call;
    this.#wire(call);
    try {
      await call.join(o.sessionId, { localStream: localStream ?? null });
    } catch (error) {
      const e = toSmaRTCError(error, 'SERVER_ERROR');
      if (this.#call === call) this.#release();
      await call.dispose().catch(() => {});
      this.emit('error', e);
      throw e;
    }
    if (this.#call !== call) throw errorFromCode('ABORTED', 'disconnect() was called while connecting');
    this.#connected = true;
    this.emit('connected');
    // after the caller's `await connect()` continuation, so listeners added right after it get everything
    setTimeout(() => {
      if (this.#call === call) this.#sync(call.getSnapshot());
    }, 0);
  }

  /** Leaves the session, closes every peer connection and emits `disconnected`. */
  async disconnect(): Promise<void> {
    const call = this.#call;
    if (!call) return;
    this.#release();
    try {
      await call.dispose();
    } finally {
      this.emit('disconnected');
    }
  }

  /** The connected participants, with their RTCPeerConnection, current latency and relay use. */
  getPeers(): SmaRTCPeer[] {
    const call = this.#call;
    if (!call) return [];
    const peers: SmaRTCPeer[] = [];
    for (const p of call.getSnapshot().participants) {
      const mesh = call.mesh.getPeer(p.peerId);
      if (!mesh) continue;
      const stats = p.stats ? toLegacyStats(p.stats as PeerStats) : null;
      peers.push({
        peerId: p.peerId,
        username: p.username,
        connection: mesh.pc,
        latency: stats?.latency ?? null,
        isRelay: stats?.relayed === true,
        connectionState: p.connectionState,
      });
    }
    return peers;
  }

  /** Sends `data` to one peer over the reliable data channel (JSON, or binary as is). False when dropped. */
  sendMessage(peerId: string, data: unknown): boolean {
    return this.#call?.send(peerId, encodeMessage(data)) ?? false;
  }

  /** Sends `data` to every peer (see {@link SmaRTCClient.sendMessage}); returns how many accepted it. */
  broadcast(data: unknown): number {
    return this.#call?.broadcast(encodeMessage(data)) ?? 0;
  }

  /**
   * Current stats of one peer: `{ latency (ms), bitrate (kbps, current), packetsLost, jitter, ... }`,
   * sampled on demand when no sample exists yet; `null` for an unknown (or not yet connected) peer.
   * Without `peerId`: `[{ peerId, stats }]` for every participant.
   */
  getStats(): Promise<Array<{ peerId: string; stats: LegacyPeerStats | null }>>;
  getStats(peerId: string): Promise<LegacyPeerStats | null>;
  async getStats(
    peerId?: string,
  ): Promise<LegacyPeerStats | null | Array<{ peerId: string; stats: LegacyPeerStats | null }>> {
    if (peerId !== undefined) return this.#peerStats(peerId);
    const ids = this.#call?.getSnapshot().participants.map((p) => p.peerId) ?? [];
    return Promise.all(ids.map(async (id) => ({ peerId: id, stats: await this.#peerStats(id) })));
  }

  /**
   * Sets the video quality sent to every peer (`low | medium | high | auto`; `veryLow`/`veryHigh`
   * map to `low`/`high`) through the senders' encodings, then emits `quality-changed` with `peerId`
   * `undefined`. Never rejects: an unknown level or an implementation refusing `setParameters` emits `error`.
   */
  async setQuality(level: SmaRTCQuality): Promise<void> {
    const preset = normalizeQuality(level);
    if (!preset) {
      this.emit('error', errorFromCode('VALIDATION_FAILED', `Unknown quality: ${String(level)}`));
      return;
    }
    this.#quality = preset;
    this.#qualityFailed = new WeakSet();
    const call = this.#call;
    if (call) {
      const ids = call.getSnapshot().participants.map((p) => p.peerId);
      await Promise.all(ids.map((id) => this.#applyQuality(call, id, true)));
    }
    this.emit('quality-changed', undefined, preset, []);
  }

  async #peerStats(peerId: string): Promise<LegacyPeerStats | null> {
    const call = this.#call;
    const p = call?.getSnapshot().participants.find((x) => x.peerId === peerId);
    if (!call || !p) return null;
    const latest = p.stats ? toLegacyStats(p.stats as PeerStats) : null;
    if (latest && latest.bitrate !== null) return latest;
    const pc = call.mesh.getPeer(peerId)?.pc;
    if (!pc) return latest;
    return sampleOnDemand(pc);
  }

  async #applyQuality(call: Call, peerId: string, explicit: boolean): Promise<void> {
    const preset = this.#quality;
    const pc = call.mesh.getPeer(peerId)?.pc;
    if (!preset || !pc || (!explicit && this.#qualityFailed.has(pc))) return;
    const snapshot = call.getSnapshot();
    const stats = snapshot.participants.find((p) => p.peerId === peerId)?.stats as PeerStats | null;
    const peerCount = snapshot.participants.filter((p) => p.connectionState === 'connected').length;
    const error = await applyToConnection(pc, preset, { peerCount, stats: stats ?? null });
    if (error === null || (!explicit && this.#qualityFailed.has(pc))) return;
    this.#qualityFailed.add(pc);
    this.emit('error', toSmaRTCError(error, 'MEDIA_UNSUPPORTED', `Could not set the quality: ${error}`));
  }

  #wire(call: Call): void {
    const signaling = call.signaling;
    const mesh = call.mesh;
    const emitError = (error: SmaRTCError) => this.emit('error', error);
    this.#off = [
      call.subscribe((snapshot) => {
        if (this.#connected && this.#call === call) this.#sync(snapshot);
      }),
      signaling.on('connection-state', ({ state, previous }) => {
        if (this.#connected && state === 'reconnecting' && previous !== 'reconnecting')
          this.emit('reconnecting');
      }),
      signaling.on('rejoined', ({ peerId, resumed }) => {
        if (this.#connected) this.emit('reconnected', peerId, resumed);
      }),
      signaling.on('error', emitError),
      mesh.on('error', emitError),
      mesh.on('peer-failed', (_peerId, error) => emitError(error)),
      mesh.on('data', (peerId, data) => this.emit('message', peerId, decodeMessage(data))),
    ];
  }

  #release(): void {
    for (const off of this.#off) off();
    this.#off = [];
    this.#call = null;
    this.#connected = false;
    this.#seen.clear();
  }

  /** Turns snapshot changes into the original events (exactly once each). */
  #sync(snapshot: CallSnapshot): void {
    const call = this.#call;
    if (!call) return;
    const present = new Set<string>();
    for (const p of snapshot.participants) {
      present.add(p.peerId);
      this.#syncParticipant(call, p);
    }
    for (const id of [...this.#seen.keys()]) {
      if (present.has(id)) continue;
      this.#seen.delete(id);
      this.emit('peer-left', id);
    }
    if ((snapshot.status === 'left' || snapshot.status === 'failed') && this.#call === call) {
      this.#release();
      void call.dispose().catch(() => {});
      this.emit('disconnected');
    }
  }

  #syncParticipant(call: Call, p: CallParticipant): void {
    let seen = this.#seen.get(p.peerId);
    if (!seen) {
      seen = { stream: null, stats: null, quality: '', qualityPc: null };
      this.#seen.set(p.peerId, seen);
      this.emit('peer-joined', p.peerId, p.username);
    }
    if (p.stream && p.stream !== seen.stream) {
      seen.stream = p.stream;
      this.emit('remote-stream', p.peerId, p.stream, p.username);
    }
    const pc = call.mesh.getPeer(p.peerId)?.pc ?? null;
    if (p.connectionState === 'connected' && pc && pc !== seen.qualityPc) {
      seen.qualityPc = pc;
      void this.#applyQuality(call, p.peerId, true);
    }
    if (p.stats && p.stats !== seen.stats) {
      seen.stats = p.stats;
      this.emit('stats', statsEvent(p, p.stats as PeerStats));
      if (this.#quality === 'auto') void this.#applyQuality(call, p.peerId, false);
    }
    if (p.quality) {
      const key = `${p.quality.level}:${p.quality.reasons.join(',')}`;
      if (key !== seen.quality) {
        seen.quality = key;
        this.emit('quality-changed', p.peerId, p.quality.level, [...p.quality.reasons]);
      }
    }
  }
}
