import { ApiRoutes, ErrorCode, type IceServer, isIceConfigResponse } from '@smartc/protocol';
import { errorFromCode, isSmaRTCError } from '../errors.js';
import type { CallOptions, HttpClient } from './httpClient.js';

/**
 * The ICE servers used when the SmaRTC server cannot be reached: a public STUN server only
 * (enough on open networks; calls behind strict NATs need the server's TURN entries).
 */
export const FALLBACK_ICE_SERVERS: readonly IceServer[] = Object.freeze([
  Object.freeze({ urls: 'stun:stun.l.google.com:19302' }),
]);

/** Share of the `ttl` after which the ICE configuration is fetched again. */
export const ICE_REFRESH_RATIO = 0.8;

/** What `api.ice.getIceServers()` resolves to. */
export interface IceServersResult {
  /** Pass to `new RTCPeerConnection({ iceServers })`. */
  iceServers: IceServer[];
  /** Seconds the entries (notably TURN credentials) stay valid; 0 for the fallback. */
  ttl: number;
  /** True when the server could not be reached and {@link FALLBACK_ICE_SERVERS} were returned. */
  fallback: boolean;
  /** When the entries expire (ms since the epoch); `Date.now()` for the fallback. */
  expiresAt: number;
}

/** Options of `api.ice.getIceServers()`. */
export interface GetIceServersOptions extends CallOptions {
  /** Skip the cache and ask the server. */
  forceRefresh?: boolean;
}

interface Cached {
  result: IceServersResult;
  refreshAt: number;
}

/** Failures for which the fallback is returned instead of an error: the server is unreachable or broken. */
function isUnreachable(error: unknown): boolean {
  if (!isSmaRTCError(error)) return false;
  if (error.code === ErrorCode.NETWORK_UNREACHABLE || error.code === ErrorCode.TIMEOUT) return true;
  return error.code === ErrorCode.SERVER_ERROR && (error.status === undefined || error.status >= 500);
}

function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted)
    return Promise.reject(errorFromCode(ErrorCode.ABORTED, undefined, { cause: signal.reason }));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(errorFromCode(ErrorCode.ABORTED, undefined, { cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * ICE configuration (`api.ice`): STUN, and TURN with short-lived credentials, from `GET /api/webrtc/ice`.
 * Cached for its `ttl` and fetched again in the background at 80% of it (concurrent callers share one
 * request); when the server is unreachable, {@link FALLBACK_ICE_SERVERS} with `fallback: true` (not cached:
 * the next call asks the server again). Guests (no token) get it too when the server allows guests.
 *
 * @example
 * const { iceServers, fallback } = await api.ice.getIceServers();
 * if (fallback) console.warn('TURN unavailable: calls may fail behind strict NATs');
 * const pc = new RTCPeerConnection({ iceServers });
 */
export class IceConfigApi {
  readonly #http: HttpClient;
  readonly #onRefresh: (result: IceServersResult) => void;
  #cached: Cached | undefined;
  #inFlight: Promise<IceServersResult> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #generation = 0;
  #disposed = false;

  /** @internal Use `api.ice`. */
  constructor(http: HttpClient, onRefresh: (result: IceServersResult) => void) {
    this.#http = http;
    this.#onRefresh = onRefresh;
  }

  /**
   * The ICE servers to use now. Resolves with the fallback (`fallback: true`) rather than failing when the
   * server is unreachable, times out or answers 5xx; other failures (e.g. `AUTH_REQUIRED` on a server
   * without guests, `ABORTED`) reject.
   *
   * @example
   * const { iceServers } = await api.ice.getIceServers({ timeoutMs: 3_000 });
   */
  async getIceServers(options: GetIceServersOptions = {}): Promise<IceServersResult> {
    const now = Date.now();
    const cached = this.#cached;
    if (!options.forceRefresh && cached && now < cached.result.expiresAt) {
      if (now >= cached.refreshAt) this.#refresh().catch(() => undefined);
      return cached.result;
    }
    try {
      return await raceSignal(this.#refresh(options.timeoutMs), options.signal);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      const valid = this.#cached;
      if (valid && Date.now() < valid.result.expiresAt) return valid.result;
      return {
        iceServers: FALLBACK_ICE_SERVERS.map((s) => ({ ...s })),
        ttl: 0,
        fallback: true,
        expiresAt: Date.now(),
      };
    }
  }

  /** Forgets the cached configuration (e.g. when the user changes: TURN credentials are per user). */
  clear(): void {
    this.#generation++;
    this.#cached = undefined;
    this.#inFlight = undefined;
    this.#stopTimer();
  }

  /** Stops the refresh timer for good. */
  dispose(): void {
    this.#disposed = true;
    this.clear();
  }

  /** One shared request; stores its result and schedules the next refresh. */
  #refresh(timeoutMs?: number): Promise<IceServersResult> {
    if (this.#inFlight) return this.#inFlight;
    const generation = this.#generation;
    const request = this.#http
      .request({
        method: 'GET',
        path: ApiRoutes.iceServers,
        auth: 'optional',
        guard: isIceConfigResponse,
        options: { timeoutMs },
      })
      .then((response) => {
        const fetchedAt = Date.now();
        const ttlMs = Math.max(0, response.ttl) * 1000;
        const result: IceServersResult = {
          iceServers: response.iceServers,
          ttl: response.ttl,
          fallback: false,
          expiresAt: fetchedAt + ttlMs,
        };
        if (generation === this.#generation && !this.#disposed) {
          const hadCache = this.#cached !== undefined;
          this.#cached = { result, refreshAt: fetchedAt + ttlMs * ICE_REFRESH_RATIO };
          this.#schedule(ttlMs * ICE_REFRESH_RATIO);
          if (hadCache) this.#onRefresh(result);
        }
        return result;
      })
      .catch((error: unknown) => {
        // A failed background refresh is tried again while the cached entries are still valid.
        const cached = this.#cached;
        if (generation === this.#generation && cached && !this.#disposed) {
          const remaining = cached.result.expiresAt - Date.now();
          if (remaining > 2_000) this.#schedule(Math.min(remaining / 2, 30_000));
        }
        throw error;
      })
      .finally(() => {
        if (this.#inFlight === request) this.#inFlight = undefined;
      });
    this.#inFlight = request;
    return request;
  }

  #schedule(delayMs: number): void {
    this.#stopTimer();
    if (this.#disposed || delayMs <= 0) return;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#refresh().catch(() => undefined);
      },
      Math.min(delayMs, 2 ** 31 - 1),
    );
    (this.#timer as { unref?: () => void }).unref?.();
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
