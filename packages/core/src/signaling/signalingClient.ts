import { type HubConnection, HubConnectionState } from '@microsoft/signalr';
import {
  type ChatMessage,
  ErrorCode,
  type HeartbeatResult,
  HubEvent,
  type HubEvents,
  HubMethod,
  type HubMethods,
  type JoinOptions,
  type JoinResult,
  Limits,
  type MediaState,
  type PeerInfo,
} from '@smartc/protocol';
import { errorFromCode, type SmaRTCError } from '../errors.js';
import { TypedEmitter } from '../typedEmitter.js';
import type { SignalingClientOptions, SignalingJoinOptions } from './clientOptions.js';
import type {
  ConnectionState,
  ConnectionStateReason,
  RejoinedEvent,
  SignalingEvents,
  SignalPayload,
} from './events.js';
import { buildHubConnection, invokeHub } from './hubConnection.js';
import { abortedError, toSmaRTCError } from './hubErrors.js';
import { KnownPeers } from './knownPeers.js';
import { type Attempt, Lifecycle } from './lifecycle.js';
import { ReadyGate } from './readyGate.js';
import { resolveReconnectPolicy, toRetryPolicy } from './reconnectPolicy.js';

interface Joined {
  sessionId: string;
  username: string;
  result: JoinResult;
}

const signalBytes = (signal: SignalPayload): number =>
  new TextEncoder().encode(typeof signal === 'string' ? signal : JSON.stringify(signal)).length;

/**
 * The signaling client: one SignalR connection to the hub, a session joined on it, typed events,
 * and outages survived. Lifecycle calls (`connect`, `join`, `leave`, `disconnect`) are serialised:
 * overlapping calls end in one consistent state and `disconnect()` cancels what was pending.
 * On a lost connection it reconnects (policy), rejoins with its resumeToken and keeps its peerId.
 *
 * @example
 * const client = new SignalingClient({ serverUrl: 'http://localhost:8080', getToken: () => token });
 * client.on('signal', (from, signal) => negotiator.handle(from, signal));
 * client.on('rejoined', ({ resumed }) => { if (!resumed) rebuildPeerConnections(); });
 * const { peerId, peers, iceServers } = await client.join('demo-room', { username: 'alice' });
 * await client.sendSignal(peers[0].peerId, { type: 'offer', sdp });
 */
export class SignalingClient extends TypedEmitter<SignalingEvents> {
  readonly #options: SignalingClientOptions;
  readonly #lifecycle = new Lifecycle();
  readonly #ready = new ReadyGate();
  readonly #peers: KnownPeers;
  readonly #stopping = new WeakSet<HubConnection>();
  #connection: HubConnection | undefined;
  #state: ConnectionState = 'disconnected';
  #joined: Joined | undefined;
  #media: Partial<MediaState> = {};
  #buffer: Array<() => void> | undefined;
  #giveUp: SmaRTCError | undefined;

  constructor(options: SignalingClientOptions) {
    super();
    this.#options = { ...options };
    this.#peers = new KnownPeers(
      {
        joined: (peer) => this.emit('peer-joined', peer),
        left: (peer, why) => this.emit('peer-left', peer, why),
      },
      options.peerLeftGraceMs ?? 15_000,
    );
  }

  /** `connecting | connected | reconnecting | disconnected`; after a reconnect `connected` means rejoined. */
  get state(): ConnectionState {
    return this.#state;
  }
  /** Your peerId in the joined session (kept across resumed reconnects). */
  get peerId(): string | undefined {
    return this.#joined?.result.peerId;
  }
  /** The joined session. */
  get sessionId(): string | undefined {
    return this.#joined?.sessionId;
  }
  /** The latest resume token (also after the session was lost: pass it to `join` to keep your peerId). */
  get resumeToken(): string | undefined {
    return this.#lastResumeToken;
  }
  #lastResumeToken: string | undefined;
  /** The latest join or rejoin result (ICE servers included). */
  get joinResult(): JoinResult | undefined {
    return this.#joined?.result;
  }
  /** A snapshot of the known peers by peerId (from the join result and events). */
  get peers(): Map<string, PeerInfo> {
    return this.#peers.snapshot();
  }
  /** Escape hatch: the live SignalR HubConnection (diagnostics, tests). Do not start or stop it yourself. */
  get hubConnection(): HubConnection | undefined {
    return this.#connection;
  }

  /**
   * Connects to the hub (no-op when connected). Rejects with `SIGNALING_CONNECTION_FAILED`
   * (retryable), `AUTH_TOKEN_*`, `SIGNALING_GUESTS_DISABLED`, or `ABORTED` if `disconnect()` came first.
   *
   * @example
   * await client.connect();
   */
  connect(): Promise<void> {
    return this.#lifecycle.run((attempt) => this.#connect(attempt), this.#stale('connect()'));
  }

  /**
   * Joins a session (connecting first if needed) and returns the protocol's `JoinResult`. Joining
   * the session you are in returns its current result; joining another leaves the current one first.
   * A rejected `resumeToken` does not fail the join: it goes on fresh (`result.resumed === false`).
   *
   * @example
   * const { peerId, peers, iceServers, resumeToken } = await client.join('room-1', { username: 'alice' });
   */
  join(sessionId: string, options: SignalingJoinOptions): Promise<JoinResult> {
    return this.#lifecycle.run((attempt) => this.#join(attempt, sessionId, options), this.#stale('join()'));
  }

  /**
   * Leaves the session (others see `UserLeft {reason: 'left'}`); stays connected. No-op when not joined.
   *
   * @example
   * await client.leave();
   */
  leave(): Promise<void> {
    return this.#lifecycle.run(
      () => this.#leave(),
      () => undefined,
    );
  }

  /**
   * Leaves and closes the connection. Cancels pending `connect`/`join` calls (they reject with `ABORTED`)
   * so that a late answer to them changes nothing.
   *
   * @example
   * useEffect(() => { void client.join(id, { username }); return () => void client.disconnect(); }, [id]);
   */
  disconnect(): Promise<void> {
    this.#lifecycle.supersede(abortedError('The operation'));
    return this.#lifecycle.run(() => this.#disconnect());
  }

  /** Disconnects and removes every listener. */
  async dispose(): Promise<void> {
    await this.disconnect();
    this.removeAllListeners();
  }

  /**
   * Sends a signal to a peer of your session, addressed by peerId. While reconnecting it waits for
   * the rejoin (up to `rejoinWaitMs`), then fails with a retryable `SIGNALING_DISCONNECTED`; a send cut
   * by the outage also fails with `SIGNALING_DISCONNECTED` (delivery unknown). Other errors:
   * `SIGNALING_NOT_JOINED`, `SIGNALING_PEER_NOT_FOUND`, `SIGNALING_PAYLOAD_TOO_LARGE`.
   *
   * @example
   * await client.sendSignal(peerId, { type: 'ice-candidate', candidate: event.candidate?.toJSON() ?? null });
   */
  async sendSignal(peerId: string, signal: SignalPayload): Promise<void> {
    if (signalBytes(signal) > Limits.signalMaxBytes)
      throw errorFromCode(ErrorCode.SIGNALING_PAYLOAD_TOO_LARGE);
    await this.#invokeJoined(HubMethod.SendSignal, peerId, signal);
  }

  /**
   * Updates your media state (partial); returns the full state the others now see.
   *
   * @example
   * await client.updateMediaState({ audio: false });
   */
  async updateMediaState(state: Partial<MediaState>): Promise<MediaState> {
    const full = await this.#invokeJoined(HubMethod.UpdateMediaState, state);
    this.#media = { ...full };
    return full;
  }

  /**
   * Sends a chat message to the session; returns it as delivered.
   *
   * @example
   * const message = await client.sendMessage('hello');
   */
  sendMessage(text: string): Promise<ChatMessage> {
    return this.#invokeJoined(HubMethod.SendMessage, text);
  }

  /**
   * Checks the hub answers; returns the server time.
   *
   * @example
   * const { serverTime } = await client.heartbeat();
   */
  async heartbeat(): Promise<HeartbeatResult> {
    return invokeHub(await this.#readyConnection(), HubMethod.Heartbeat);
  }

  // ---- lifecycle operations (run one at a time by #lifecycle) ----

  async #connect(attempt: Attempt): Promise<void> {
    if (this.#connection && this.#state !== 'disconnected') return;
    this.#giveUp = undefined;
    const connection = buildHubConnection(
      this.#options,
      toRetryPolicy(resolveReconnectPolicy(this.#options.reconnectPolicy), {
        shouldRetry: (reason) => toSmaRTCError(reason, 'connect').retryable,
        onGiveUp: (reason) => {
          this.#giveUp = errorFromCode(ErrorCode.SIGNALING_RECONNECT_FAILED, undefined, {
            cause: toSmaRTCError(reason, 'connect'),
          });
        },
      }),
    );
    this.#wire(connection);
    this.#connection = connection;
    this.#setState('connecting', 'client');
    const abort = () => this.#stop(connection);
    attempt.signal.addEventListener('abort', abort, { once: true });
    try {
      await connection.start();
    } catch (error) {
      if (!attempt.isCurrent()) throw abortedError('connect()');
      this.#connection = undefined;
      const failure = toSmaRTCError(error, 'connect');
      this.#setState('disconnected', 'connect-failed', failure);
      throw failure;
    } finally {
      attempt.signal.removeEventListener('abort', abort);
    }
    if (!attempt.isCurrent()) throw abortedError('connect()');
    this.#setState('connected', 'client');
  }

  async #join(attempt: Attempt, sessionId: string, options: SignalingJoinOptions): Promise<JoinResult> {
    if (this.#joined?.sessionId === sessionId) return this.#joined.result;
    if (this.#joined) await this.#leave();
    if (this.#state === 'disconnected') await this.#connect(attempt);
    const connection = await this.#readyConnection();
    if (!attempt.isCurrent()) throw abortedError('join()');
    const media = options.media ?? {};
    const { result } = await this.#invokeJoin(connection, sessionId, options.username, {
      ...(options.resumeToken ? { resumeToken: options.resumeToken } : {}),
      media,
    }).catch((error: unknown) => {
      throw attempt.isCurrent() ? error : abortedError('join()');
    });
    if (!attempt.isCurrent() || connection !== this.#connection) {
      this.#endJoin(undefined);
      throw abortedError('join()'); // the superseding disconnect() stops the connection: the server drops us
    }
    this.#media = { ...media };
    this.#endJoin(() => {
      this.#setJoined({ sessionId, username: options.username, result });
      this.#peers.reset(result.peers);
    });
    return result;
  }

  async #leave(): Promise<void> {
    const joined = this.#joined;
    if (!joined) return;
    this.#clearSession();
    const connection = this.#connection;
    if (connection?.state !== HubConnectionState.Connected) return; // the server drops us after its grace window
    await invokeHub(connection, HubMethod.LeaveSession, joined.sessionId).catch(() => undefined);
  }

  async #disconnect(): Promise<void> {
    const connection = this.#connection;
    if (connection) {
      if (this.#joined && connection.state === HubConnectionState.Connected) await this.#leave();
      this.#connection = undefined;
      await this.#stop(connection);
    }
    this.#clearSession();
    this.#setState('disconnected', 'client');
  }

  async #rejoin(attempt: Attempt, connection: HubConnection): Promise<void> {
    const joined = this.#joined;
    if (!attempt.isCurrent() || connection !== this.#connection || !joined) return;
    if (connection.state !== HubConnectionState.Connected) return; // lost again: the next onreconnected retries
    try {
      const { result, resumeError } = await this.#invokeJoin(connection, joined.sessionId, joined.username, {
        resumeToken: joined.result.resumeToken,
        media: this.#media,
      });
      if (!attempt.isCurrent() || connection !== this.#connection || this.#joined !== joined) {
        this.#endJoin(undefined);
        return;
      }
      this.#endJoin(() => {
        this.#setJoined({ ...joined, result });
        this.#peers.reconcile(result.peers);
      });
      const event: RejoinedEvent = {
        resumed: result.peerId === joined.result.peerId,
        peerId: result.peerId,
        previousPeerId: joined.result.peerId,
        result,
      };
      if (resumeError) event.error = resumeError;
      this.emit('rejoined', event);
      this.#setState('connected', 'reconnected');
    } catch (error) {
      const failure = toSmaRTCError(error, 'invoke');
      if (
        failure.code === ErrorCode.SIGNALING_DISCONNECTED ||
        connection.state !== HubConnectionState.Connected
      ) {
        return; // the connection dropped during the rejoin: SignalR reconnects and we rejoin again
      }
      if (!attempt.isCurrent() || connection !== this.#connection) return;
      this.#clearSession(); // e.g. the session was deleted during the outage
      this.emit('error', failure);
      this.#setState('connected', 'reconnected', failure);
    }
  }

  // ---- helpers ----

  #stale(what: string): () => never {
    return () => {
      throw abortedError(what);
    };
  }

  async #invokeJoin(
    connection: HubConnection,
    sessionId: string,
    username: string,
    options: JoinOptions,
  ): Promise<{ result: JoinResult; resumeError?: SmaRTCError }> {
    this.#buffer = []; // peer events arriving before the result (compat UserJoined) wait for it
    try {
      return { result: await invokeHub(connection, HubMethod.JoinSession, sessionId, username, options) };
    } catch (error) {
      const failure = toSmaRTCError(error, 'invoke');
      if (failure.code !== ErrorCode.SIGNALING_RESUME_REJECTED || !options.resumeToken) {
        this.#endJoin(undefined);
        throw failure;
      }
      const { resumeToken: _rejected, ...fresh } = options;
      try {
        const result = await invokeHub(connection, HubMethod.JoinSession, sessionId, username, fresh);
        return { result, resumeError: failure };
      } catch (again) {
        this.#endJoin(undefined);
        throw again;
      }
    }
  }

  /** Applies a join (or drops it when `apply` is undefined), then replays the buffered peer events. */
  #endJoin(apply: (() => void) | undefined): void {
    const buffered = this.#buffer ?? [];
    this.#buffer = undefined;
    if (!apply) return;
    apply();
    for (const replay of buffered) replay();
  }

  #setJoined(joined: Joined): void {
    this.#joined = joined;
    this.#lastResumeToken = joined.result.resumeToken;
  }

  #clearSession(): void {
    this.#joined = undefined;
    this.#peers.clear();
  }

  /** The connection once connected (and rejoined), waiting up to `rejoinWaitMs` while reconnecting. */
  async #readyConnection(): Promise<HubConnection> {
    if (this.#state === 'reconnecting') {
      const waitMs = this.#options.rejoinWaitMs ?? 10_000;
      await this.#ready.wait(waitMs, () =>
        errorFromCode(ErrorCode.SIGNALING_DISCONNECTED, `Still reconnecting after ${waitMs} ms.`),
      );
    }
    const connection = this.#connection;
    if (this.#state !== 'connected' || !connection) throw errorFromCode(ErrorCode.SIGNALING_DISCONNECTED);
    return connection;
  }

  async #invokeJoined<M extends 'SendSignal' | 'UpdateMediaState' | 'SendMessage'>(
    method: M,
    ...args: HubMethods[M]['args']
  ): Promise<HubMethods[M]['result']> {
    if (!this.#joined) throw errorFromCode(ErrorCode.SIGNALING_NOT_JOINED);
    const connection = await this.#readyConnection();
    if (!this.#joined) throw errorFromCode(ErrorCode.SIGNALING_NOT_JOINED);
    return invokeHub(connection, method, ...args);
  }

  #setState(state: ConnectionState, reason?: ConnectionStateReason, error?: SmaRTCError): void {
    const previous = this.#state;
    if (previous === state) return;
    this.#state = state;
    if (state === 'connected') this.#ready.open();
    if (state === 'disconnected') this.#ready.fail(error ?? errorFromCode(ErrorCode.SIGNALING_DISCONNECTED));
    this.emit('connection-state', {
      state,
      previous,
      ...(reason ? { reason } : {}),
      ...(error ? { error } : {}),
    });
  }

  #stop(connection: HubConnection): Promise<void> {
    this.#stopping.add(connection);
    return connection.stop().catch(() => undefined);
  }

  /** Subscribes to a HubConnection once; its handlers act only while it is the live connection. */
  #wire(connection: HubConnection): void {
    const live = () => connection === this.#connection && !this.#stopping.has(connection);
    const on = <E extends HubEvent>(event: E, handler: (...args: HubEvents[E]) => void) =>
      connection.on(event, (...args: unknown[]) => {
        if (live()) handler(...(args as HubEvents[E]));
      });
    const peerEvent = (apply: () => void) => {
      if (this.#buffer) this.#buffer.push(apply);
      else if (this.#joined) apply();
    };
    on(HubEvent.UserJoined, (event) => peerEvent(() => this.#peers.userJoined(event)));
    on(HubEvent.UserLeft, (event) => peerEvent(() => this.#peers.userLeft(event)));
    on(HubEvent.MediaStateChanged, ({ peerId, ...media }) =>
      peerEvent(() => {
        this.#peers.updateMedia(peerId, media);
        this.emit('media-state', peerId, media);
      }),
    );
    on(HubEvent.ReceiveSignal, (from, signal) => this.emit('signal', from, signal));
    on(HubEvent.ReceiveMessage, (message) => this.emit('message', message));
    on(HubEvent.SessionEnded, (event) => {
      if (this.#joined?.sessionId !== event.sessionId) return;
      this.#joined = undefined;
      this.#peers.endAll('session-ended');
      this.emit('session-ended', event);
    });
    connection.onreconnecting((error) => {
      if (!live()) return;
      const reason = error ? 'transport-lost' : 'server-closed';
      this.#setState('reconnecting', reason, error && toSmaRTCError(error, 'invoke'));
    });
    connection.onreconnected(() => {
      if (!live()) return;
      if (!this.#joined) return this.#setState('connected', 'reconnected');
      void this.#lifecycle.run(
        (attempt) => this.#rejoin(attempt, connection),
        () => undefined,
      );
    });
    connection.onclose((error) => {
      if (!live()) return;
      this.#connection = undefined;
      const wasReconnecting = this.#state === 'reconnecting';
      this.#clearSession();
      if (this.#giveUp || wasReconnecting) {
        const failure = this.#giveUp ?? errorFromCode(ErrorCode.SIGNALING_RECONNECT_FAILED);
        this.emit('error', failure);
        this.#setState('disconnected', 'reconnect-failed', failure);
      } else {
        this.#setState('disconnected', 'server-closed', error ? toSmaRTCError(error, 'invoke') : undefined);
      }
    });
  }
}
