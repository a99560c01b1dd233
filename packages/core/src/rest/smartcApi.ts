import type { UserDto } from '@smartc/protocol';
import { TypedEmitter } from '../typedEmitter.js';
import { AuthApi } from './authApi.js';
import { AuthState, type GetToken } from './authState.js';
import {
  DEFAULT_RETRY_OPTIONS,
  DEFAULT_TIMEOUT_MS,
  type FetchLike,
  HttpClient,
  type RetryOptions,
} from './httpClient.js';
import { IceConfigApi, type IceServersResult } from './iceConfig.js';
import { SessionsApi } from './sessionsApi.js';
import { memoryTokenStorage, type TokenStorage } from './tokenStorage.js';

/** Server URL used outside browsers when none is given. */
export const DEFAULT_SERVER_URL = 'http://localhost:8080';

/** Options of {@link SmaRTCApi}. Every field is optional. */
export interface SmaRTCApiOptions {
  /** The SmaRTC server origin. Default: the page's origin in browsers, `http://localhost:8080` elsewhere. */
  serverUrl?: string;
  /** The fetch implementation. Default: the global `fetch` (browsers, Node 18+). */
  fetch?: FetchLike;
  /** Time per request attempt before failing with `TIMEOUT`, in ms. Default 10 000. */
  timeoutMs?: number;
  /** Retries of GET calls after network errors, timeouts, 502/503/504 and 429; `false` disables them. */
  retry?: Partial<RetryOptions> | false;
  /** Where the login is kept. Default {@link memoryTokenStorage}. */
  tokenStorage?: TokenStorage;
  /**
   * For apps with their own auth: the access token to send (consulted before any stored login);
   * `undefined`/`null` means none (guest).
   */
  getToken?: GetToken;
}

/** Events of {@link SmaRTCApi}. */
export type SmaRTCApiEvents = {
  /** The signed-in user changed: after login, logout, expiry, or the server rejecting the token (`null`). */
  'auth-changed': [user: UserDto | null];
  /** The cached ICE configuration was refreshed in the background (new TURN credentials). */
  'ice-servers-changed': [result: IceServersResult];
};

function defaultServerUrl(): string {
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
  return typeof origin === 'string' && /^https?:\/\//.test(origin) ? origin : DEFAULT_SERVER_URL;
}

function resolveFetch(custom: FetchLike | undefined): FetchLike {
  if (custom) return custom;
  const global = (globalThis as { fetch?: FetchLike }).fetch;
  if (typeof global !== 'function') {
    throw new TypeError('SmaRTCApi: no global fetch (Node 18+ or a browser is needed); pass options.fetch.');
  }
  // Bound so browsers do not throw "Illegal invocation".
  return global.bind(globalThis);
}

/**
 * The SmaRTC REST client: accounts (`auth`), sessions (`sessions`) and ICE configuration (`ice`).
 * Works the same in browsers and Node 18+. Every failure is a `SmaRTCError` with a stable `code`.
 *
 * @example
 * import { SmaRTCApi } from '@smartc/core';
 *
 * const api = new SmaRTCApi({ serverUrl: 'http://localhost:8080' });
 * api.on('auth-changed', (user) => console.log(user ? `hello ${user.username}` : 'signed out'));
 * await api.auth.login('demo', 'Demo123!');
 * const session = await api.sessions.create({ name: 'My call' });
 * const { iceServers } = await api.sessions.join(session.id);
 * api.dispose();
 */
export class SmaRTCApi extends TypedEmitter<SmaRTCApiEvents> {
  /** The server origin requests go to (no trailing slash). */
  readonly serverUrl: string;
  /** Accounts and sign-in. */
  readonly auth: AuthApi;
  /** Sessions (calls). */
  readonly sessions: SessionsApi;
  /** ICE configuration (cached, refreshed, with a STUN-only fallback). */
  readonly ice: IceConfigApi;
  readonly #http: HttpClient;
  readonly #state: AuthState;

  constructor(options: SmaRTCApiOptions = {}) {
    super();
    this.serverUrl = (options.serverUrl ?? defaultServerUrl()).replace(/\/+$/, '');
    this.#state = new AuthState(options.tokenStorage ?? memoryTokenStorage(), options.getToken, (user) => {
      this.ice.clear();
      this.emit('auth-changed', user);
    });
    this.#http = new HttpClient({
      baseUrl: this.serverUrl,
      fetch: resolveFetch(options.fetch),
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retry:
        options.retry === false
          ? { ...DEFAULT_RETRY_OPTIONS, retries: 0 }
          : { ...DEFAULT_RETRY_OPTIONS, ...options.retry },
      tokens: this.#state,
    });
    this.auth = new AuthApi(this.#http, this.#state);
    this.sessions = new SessionsApi(this.#http);
    this.ice = new IceConfigApi(this.#http, (result) => this.emit('ice-servers-changed', result));
  }

  /**
   * True while a stored login is valid (not expired). Tokens from `getToken` are not counted.
   *
   * @example
   * if (!api.isLoggedIn) await api.auth.login(username, password);
   */
  get isLoggedIn(): boolean {
    return this.#state.user !== null;
  }

  /**
   * The signed-in user of the stored login, or `null`.
   *
   * @example
   * greet(api.user?.username ?? 'guest');
   */
  get user(): UserDto | null {
    return this.#state.user;
  }

  /**
   * The access token to send right now (from `getToken`, else the stored login), or `undefined` for a guest.
   * This is what the signaling client uses as its access token factory.
   *
   * @example
   * const hub = new HubConnectionBuilder()
   *   .withUrl(`${api.serverUrl}/signalhub`, { accessTokenFactory: async () => (await api.getAccessToken()) ?? '' })
   *   .build();
   */
  getAccessToken(): Promise<string | undefined> {
    return this.#state.token();
  }

  /**
   * Stops timers (ICE refresh, token expiry), aborts requests in flight (`ABORTED`) and removes listeners.
   * The stored login is kept. Calling it twice is harmless.
   *
   * @example
   * api.dispose();
   */
  dispose(): void {
    this.ice.dispose();
    this.#state.dispose();
    this.#http.dispose();
    this.removeAllListeners();
  }
}
