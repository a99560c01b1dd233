import {
  errorFromCode,
  type FetchLike,
  SmaRTCApi,
  type TokenStorage,
  TypedEmitter,
  type Unsubscribe,
} from '@smartc/core';
import type { Call, LocalMediaOptions, WebRTCOption } from '@smartc/mesh';
import type { SessionDto, UserDto } from '@smartc/protocol';
import type { CallProblem, SimpleParticipant, SimpleRemoteStream } from './callWatcher.js';
import type { SimpleLocale } from './messages/catalogue.js';
import { type SimpleMessageOverrides, Translator } from './messages/translator.js';
import { SimpleCall } from './simpleCall.js';
import type { SimpleOperation, SmaRTCSimpleError } from './simpleError.js';

/** Options of {@link SmaRTCSimple}; every one is optional. */
export interface SmaRTCSimpleOptions {
  /** Origin of the REST API and the hub. Browser: the page's origin; Node: `http://localhost:8080`. */
  serverUrl?: string;
  /** Origin of the signaling hub, when it is not `serverUrl`. */
  signalingUrl?: string;
  /** Language of error messages. Default `'fr'`. */
  locale?: SimpleLocale;
  /** Your own texts for some messages, per locale. */
  messages?: SimpleMessageOverrides;
  /** What calls send. Default `{ audio: true, video: true }`; without a camera a call goes on audio-only. */
  media?: { audio?: boolean; video?: boolean };
  /** WebRTC classes; browser globals by default. Node: `import wrtc from '@roamhq/wrtc'`. */
  webrtc?: WebRTCOption;
  /** Where calls capture media; `navigator.mediaDevices` by default. Node: `{ mediaDevices: wrtc.mediaDevices }`. */
  localMedia?: LocalMediaOptions;
  /** Where the sign-in is kept (default: memory, so a reload signs out). */
  tokenStorage?: TokenStorage;
  /** A `fetch` of your own (tests, proxies). */
  fetch?: FetchLike;
  /** Peers beyond this many are not connected. Default 8. */
  maxDirectPeers?: number;
}

/** What to send in one call (`startCall`, `joinCall`); defaults to the `media` option of the constructor. */
export interface SimpleCallOptions {
  /** `{ audio: false, video: false }` joins to watch and listen only (e.g. after a denied permission). */
  media?: { audio?: boolean; video?: boolean };
}

/** The events of {@link SmaRTCSimple} (also reachable through `onLocalStream`, `onRemoteStream`, …). */
export type SmaRTCSimpleEvents = {
  'local-stream': [stream: MediaStream];
  'remote-stream': [event: SimpleRemoteStream];
  'user-joined': [participant: SimpleParticipant];
  'user-left': [participant: SimpleParticipant];
  /** Problems during a call that no method can report: connection lost, a participant unreachable, camera lost. */
  error: [error: SmaRTCSimpleError];
};

/**
 * Three lines to a call: sign in, start or join a call, end it. Errors are `SmaRTCSimpleError`s with the original
 * wrappers' French messages (`Identifiants incorrects`, `Cet appel n'existe pas`, …) or English ones, and the stable
 * `code` and `cause` of the layer below.
 *
 * @example
 * const smartc = new SmaRTCSimple(); // browser: the page's server; Node: http://localhost:8080
 * smartc.onRemoteStream(({ username, stream }) => attach(username, stream));
 * await smartc.login('demo', 'Demo123!');
 * const sessionId = await smartc.startCall('Mon appel'); // creates and joins
 * await smartc.toggleMicrophone();                        // muted for everyone
 * await smartc.endCall();
 */
export class SmaRTCSimple extends TypedEmitter<SmaRTCSimpleEvents> {
  /** The REST client underneath (advanced use). */
  readonly api: SmaRTCApi;
  readonly #options: SmaRTCSimpleOptions;
  readonly #translator: Translator;
  #current: SimpleCall | null = null;
  #callId: string | null = null;
  /** Call changes (start, join, end, logout) run one after the other. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: SmaRTCSimpleOptions = {}) {
    super();
    this.#options = options;
    this.#translator = new Translator(options.locale ?? 'fr', options.messages);
    this.api = new SmaRTCApi({
      ...(options.serverUrl !== undefined ? { serverUrl: options.serverUrl } : {}),
      ...(options.tokenStorage ? { tokenStorage: options.tokenStorage } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  /** True while signed in. */
  get isLoggedIn(): boolean {
    return this.api.isLoggedIn;
  }
  /** The signed-in username, or `null`. */
  get currentUsername(): string | null {
    return this.api.user?.username ?? null;
  }
  /** The id of the call you are in, or `null`. */
  get currentCallId(): string | null {
    return this.#callId;
  }
  /** The current call's state store (`subscribe`/`getSnapshot`), or `null` outside a call. */
  get call(): Call | null {
    return this.#current?.call ?? null;
  }
  /** The language of error messages; can be changed at any time. */
  get locale(): SimpleLocale {
    return this.#translator.locale;
  }
  set locale(locale: SimpleLocale) {
    this.#translator.locale = locale;
  }

  /** Signs in. Fails with `Identifiants incorrects` (`AUTH_INVALID_CREDENTIALS`) or `Problème de connexion`. */
  login(username: string, password: string): Promise<UserDto> {
    return this.#run('login', async () => (await this.api.auth.login(username, password)).user);
  }

  /** Creates an account (does not sign in). Fails with `Ce nom d'utilisateur existe déjà` when taken. */
  register(username: string, password: string): Promise<UserDto> {
    return this.#run('register', () => this.api.auth.register(username, password));
  }

  /** Ends the current call, if any, then signs out. */
  logout(): Promise<void> {
    return this.#serial(async () => {
      if (this.#current) await this.#run('endCall', () => this.#leave());
      await this.#run('logout', () => this.api.auth.logout());
    });
  }

  /** Creates a call named `name` and joins it; resolves with its id. Fails with `Impossible de créer l'appel`. */
  startCall(name: string, description?: string, options: SimpleCallOptions = {}): Promise<string> {
    return this.#serial(() =>
      this.#run('startCall', async () => {
        this.#requireLogin();
        const session = await this.api.sessions.create({
          name,
          ...(description !== undefined ? { description } : {}),
        });
        await this.#enter(session.id, options);
        return session.id;
      }),
    );
  }

  /**
   * Joins the existing call `sessionId` (leaving the current one first). Never creates a call: an unknown id fails
   * with `Cet appel n'existe pas` (`SESSION_NOT_FOUND`).
   *
   * @example
   * await smartc.joinCall(id).catch(async (error) => {
   *   // camera and microphone refused: join to watch and listen
   *   if (error.code === 'MEDIA_PERMISSION_DENIED') await smartc.joinCall(id, { media: { audio: false, video: false } });
   * });
   */
  joinCall(sessionId: string, options: SimpleCallOptions = {}): Promise<void> {
    return this.#serial(() =>
      this.#run('joinCall', async () => {
        this.#requireLogin();
        await this.#enter(sessionId, options);
      }),
    );
  }

  /** Leaves the current call (no-op outside a call); the camera and microphone are released. */
  endCall(): Promise<void> {
    return this.#serial(() =>
      this.#current ? this.#run('endCall', () => this.#leave()) : Promise.resolve(),
    );
  }

  /** Mutes or unmutes your microphone for everyone; resolves with whether it is now on. Fails with `Erreur micro`. */
  toggleMicrophone(): Promise<boolean> {
    return this.#run('toggleMicrophone', async () => {
      const call = this.#requireCall();
      const on = !call.getSnapshot().self.media.audio;
      await call.setMicrophoneEnabled(on);
      return on;
    });
  }

  /** Turns your camera off (its light too) or on for everyone; resolves with whether it is now on. Fails with `Erreur caméra`. */
  toggleCamera(): Promise<boolean> {
    return this.#run('toggleCamera', async () => {
      const call = this.#requireCall();
      const on = !call.getSnapshot().self.media.video;
      await call.setCameraEnabled(on, { release: true });
      return on;
    });
  }

  /** The calls on the server. Fails with `Erreur lors de la récupération`. */
  getAvailableCalls(): Promise<SessionDto[]> {
    return this.#run('getAvailableCalls', () => this.api.sessions.list());
  }

  /** One call, with its participants. Fails with `Appel introuvable` for an unknown id. */
  getCallDetails(sessionId: string): Promise<SessionDto> {
    return this.#run('getCallDetails', () => this.api.sessions.get(sessionId));
  }

  /** The ICE servers for your peer connections (TURN credentials included); STUN only if the server is unreachable. */
  getIceServers(): Promise<RTCIceServer[]> {
    return this.#run('getIceServers', async () => (await this.api.ice.getIceServers()).iceServers);
  }

  /** Calls `callback` with your camera and microphone stream when a call starts. Returns the unsubscribe function. */
  onLocalStream(callback: (stream: MediaStream) => void): Unsubscribe {
    return this.on('local-stream', callback);
  }
  /** Calls `callback` with each remote participant's stream. Returns the unsubscribe function. */
  onRemoteStream(callback: (event: SimpleRemoteStream) => void): Unsubscribe {
    return this.on('remote-stream', callback);
  }
  /** Calls `callback` when someone joins your call. Returns the unsubscribe function. */
  onUserJoined(callback: (participant: SimpleParticipant) => void): Unsubscribe {
    return this.on('user-joined', callback);
  }
  /** Calls `callback` when someone leaves your call. Returns the unsubscribe function. */
  onUserLeft(callback: (participant: SimpleParticipant) => void): Unsubscribe {
    return this.on('user-left', callback);
  }
  /** Calls `callback` with problems during a call (methods reject instead). Returns the unsubscribe function. */
  onError(callback: (error: SmaRTCSimpleError) => void): Unsubscribe {
    return this.on('error', callback);
  }

  /** Ends the call and stops every timer and request; the instance is done. */
  async dispose(): Promise<void> {
    await this.endCall().catch(() => undefined);
    this.api.dispose();
    this.removeAllListeners();
  }

  async #run<T>(operation: SimpleOperation, task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (error) {
      throw this.#translator.error(operation, error);
    }
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #requireLogin(): void {
    if (!this.api.isLoggedIn) throw errorFromCode('AUTH_REQUIRED');
  }

  #requireCall(): Call {
    if (!this.#current || this.#callId === null) throw errorFromCode('SIGNALING_NOT_JOINED');
    return this.#current.call;
  }

  async #enter(sessionId: string, options: SimpleCallOptions): Promise<void> {
    if (this.#current) await this.#leave();
    await this.api.sessions.join(sessionId); // never creates a call: SESSION_NOT_FOUND, SESSION_FULL
    const o = this.#options;
    const current: SimpleCall = new SimpleCall(
      {
        serverUrl: o.signalingUrl ?? this.api.serverUrl,
        username: this.currentUsername ?? '',
        getToken: () => this.api.getAccessToken(),
        ...(o.webrtc ? { webrtc: o.webrtc } : {}),
        ...(o.localMedia ? { localMedia: o.localMedia } : {}),
        ...(o.maxDirectPeers !== undefined ? { maxDirectPeers: o.maxDirectPeers } : {}),
      },
      {
        localStream: (stream) => this.emit('local-stream', stream),
        remoteStream: (event) => this.emit('remote-stream', event),
        userJoined: (participant) => this.emit('user-joined', participant),
        userLeft: (participant) => this.emit('user-left', participant),
        problem: (problem) => this.#onProblem(problem),
        ended: (error) => this.#onEnded(current, error),
      },
    );
    this.#current = current;
    const media = { ...o.media, ...options.media };
    try {
      await current.join(sessionId, { audio: media.audio ?? true, video: media.video ?? true });
    } catch (error) {
      await this.#leave();
      throw error;
    }
    this.#callId = sessionId;
  }

  #onProblem(problem: CallProblem): void {
    const messageId = problem.kind === 'media-fallback' ? 'mediaFallback' : undefined;
    this.emit('error', this.#translator.error('call', problem.error, messageId));
  }

  /** The call is over without `endCall()`: free it (camera off, `currentCallId` null) so a new one can start. */
  #onEnded(ended: SimpleCall, error: unknown): void {
    void this.#serial(() => (this.#current === ended ? this.#leave() : Promise.resolve())).catch(() => {});
    if (error !== undefined) this.emit('error', this.#translator.error('call', error));
  }

  async #leave(): Promise<void> {
    const current = this.#current;
    this.#current = null;
    this.#callId = null;
    await current?.close();
  }
}
