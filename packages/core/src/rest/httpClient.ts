import { ErrorCode, isErrorBody } from '@smartc/protocol';
import { errorFromCode, isSmaRTCError, type SmaRTCError } from '../errors.js';

/** The `fetch` signature the REST client needs (the global `fetch` of browsers and Node 18+ fits). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Retries of safe calls (GET only) after retryable failures: network errors, timeouts, 502/503/504, and 429
 * when its `Retry-After` is within `maxRetryAfterSeconds`. Delays grow exponentially with jitter.
 */
export interface RetryOptions {
  /** Extra attempts after the first one. Default 2. */
  retries: number;
  /** First backoff delay in ms (doubles each attempt, with jitter). Default 300. */
  baseDelayMs: number;
  /** Longest backoff delay in ms. Default 5 000. */
  maxDelayMs: number;
  /** A 429 whose `Retry-After` is longer than this is not retried but thrown. Default 10. */
  maxRetryAfterSeconds: number;
}

/** Default {@link RetryOptions}. */
export const DEFAULT_RETRY_OPTIONS: Readonly<RetryOptions> = Object.freeze({
  retries: 2,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxRetryAfterSeconds: 10,
});

/** Default time a request may take before failing with `TIMEOUT`, in ms. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Options every REST call accepts.
 *
 * @example
 * const controller = new AbortController();
 * const sessions = await api.sessions.list({ signal: controller.signal, timeoutMs: 3_000 });
 */
export interface CallOptions {
  /** Cancels the call: it rejects with `ABORTED`. */
  signal?: AbortSignal;
  /** Time per attempt before failing with `TIMEOUT` (default: the client's `timeoutMs`). */
  timeoutMs?: number;
  /** Overrides the client's retry count for this call (GET calls only; 0 disables retries). */
  retries?: number;
}

/** How a request authenticates: always, when a token is available, or never. */
export type AuthMode = 'required' | 'optional' | 'none';

/** One REST request, as the API modules describe it. @internal */
export interface HttpRequest<T> {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  auth: AuthMode;
  /** Checks the success body; `undefined` when no body is expected (e.g. 204). */
  guard?: (value: unknown) => value is T;
  options?: CallOptions | undefined;
}

/** Supplies the bearer token of a request and hears about the server rejecting it. @internal */
export interface TokenProvider {
  /** The token to send; rejects with `AUTH_REQUIRED`/`AUTH_TOKEN_EXPIRED` when `mode` is `required` and none is usable. */
  tokenFor(mode: AuthMode): Promise<string | undefined>;
  /** Called when the server answered 401 `AUTH_TOKEN_*` to a request made with `token`. */
  rejected(token: string, error: SmaRTCError): void;
}

/** Settings of {@link HttpClient}. @internal */
export interface HttpClientSettings {
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs: number;
  retry: RetryOptions;
  tokens: TokenProvider;
}

const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * fetch + timeout + cancellation + retries + error mapping: every failure becomes a `SmaRTCError`.
 * @internal
 */
export class HttpClient {
  readonly #settings: HttpClientSettings;
  readonly #disposed = new AbortController();

  constructor(settings: HttpClientSettings) {
    this.#settings = settings;
  }

  /** Aborts requests in flight and makes later ones fail with `ABORTED`. */
  dispose(): void {
    this.#disposed.abort();
  }

  /** Sends `request`, retrying safe calls, and returns its checked body. */
  async request<T>(request: HttpRequest<T>): Promise<T> {
    const { retry } = this.#settings;
    const retries = request.method === 'GET' ? Math.max(0, request.options?.retries ?? retry.retries) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#attempt(request);
      } catch (error) {
        const delayMs = attempt < retries ? this.#retryDelay(error, attempt) : undefined;
        if (delayMs === undefined) throw error;
        await this.#sleep(delayMs, request.options?.signal);
      }
    }
  }

  /** Milliseconds to wait before retrying after `error`, or `undefined` when it must not be retried. */
  #retryDelay(error: unknown, attempt: number): number | undefined {
    if (!isSmaRTCError(error)) return undefined;
    const { retry } = this.#settings;
    const transport = error.code === ErrorCode.NETWORK_UNREACHABLE || error.code === ErrorCode.TIMEOUT;
    if (!transport && !(error.status !== undefined && RETRY_STATUSES.has(error.status))) return undefined;
    if (error.retryAfterSeconds !== undefined) {
      return error.retryAfterSeconds <= retry.maxRetryAfterSeconds
        ? error.retryAfterSeconds * 1000
        : undefined;
    }
    if (error.status === 429) return undefined;
    const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  #sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const signals = [signal, this.#disposed.signal];
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortedError(signal?.aborted ? signal.reason : undefined));
      };
      const timer = setTimeout(() => {
        for (const s of signals) s?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      if (signals.some((s) => s?.aborted)) return onAbort();
      for (const s of signals) s?.addEventListener('abort', onAbort, { once: true });
    });
  }

  async #attempt<T>(request: HttpRequest<T>): Promise<T> {
    const { options } = request;
    const callerSignal = options?.signal;
    if (callerSignal?.aborted) throw abortedError(callerSignal.reason);
    if (this.#disposed.signal.aborted) throw abortedError(undefined, 'The client was disposed.');
    const token = await this.#settings.tokens.tokenFor(request.auth);

    const controller = new AbortController();
    let timedOut = false;
    const timeoutMs = options?.timeoutMs ?? this.#settings.timeoutMs;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    callerSignal?.addEventListener('abort', onAbort, { once: true });
    this.#disposed.signal.addEventListener('abort', onAbort, { once: true });

    const headers: Record<string, string> = { accept: 'application/json' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const what = `${request.method} ${request.path}`;
    try {
      let response: Response;
      let text: string;
      try {
        response = await this.#settings.fetch(this.#settings.baseUrl + request.path, {
          method: request.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: controller.signal,
        });
        text = await response.text();
      } catch (cause) {
        if (callerSignal?.aborted) throw abortedError(callerSignal.reason);
        if (this.#disposed.signal.aborted) throw abortedError(cause, 'The client was disposed.');
        if (timedOut) {
          throw errorFromCode(
            ErrorCode.TIMEOUT,
            `${what}: no answer from the server within ${timeoutMs} ms.`,
            {
              cause,
            },
          );
        }
        throw errorFromCode(
          ErrorCode.NETWORK_UNREACHABLE,
          `${what}: the server at ${this.#settings.baseUrl} cannot be reached.`,
          { cause },
        );
      }
      if (!response.ok) {
        const error = errorFromResponse(response, text, what);
        if (token !== undefined && error.status === 401 && error.code.startsWith('AUTH_TOKEN_')) {
          this.#settings.tokens.rejected(token, error);
        }
        throw error;
      }
      return parseBody(response, text, request.guard, what);
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
      this.#disposed.signal.removeEventListener('abort', onAbort);
    }
  }
}

function abortedError(cause: unknown, message?: string): SmaRTCError {
  return errorFromCode(ErrorCode.ABORTED, message, { cause });
}

/** Parses `Retry-After` (seconds or an HTTP date) into whole seconds. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; cause: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    return { ok: false, cause };
  }
}

/** Maps an error response to a `SmaRTCError`: the server's code and message when the body is an error body. */
export function errorFromResponse(response: Response, text: string, what: string): SmaRTCError {
  const status = response.status;
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  const parsed = parseJson(text);
  if (parsed.ok && isErrorBody(parsed.value)) {
    const { code, message, details } = parsed.value.error;
    return errorFromCode(code, message, { status, retryAfterSeconds, details });
  }
  const code =
    status === 429
      ? ErrorCode.RATE_LIMITED
      : status === 413
        ? ErrorCode.PAYLOAD_TOO_LARGE
        : ErrorCode.SERVER_ERROR;
  const label = `${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return errorFromCode(code, `${what}: the server answered ${label} without a SmaRTC error body.`, {
    status,
    retryAfterSeconds,
    retryable: code !== ErrorCode.SERVER_ERROR || status >= 500,
    cause: parsed.ok ? undefined : parsed.cause,
  });
}

function parseBody<T>(
  response: Response,
  text: string,
  guard: ((value: unknown) => value is T) | undefined,
  what: string,
): T {
  if (guard === undefined) return undefined as T;
  const parsed = parseJson(text);
  if (!parsed.ok) {
    throw errorFromCode(
      ErrorCode.SERVER_ERROR,
      `${what}: the server answered ${response.status} with a non-JSON body.`,
      {
        status: response.status,
        retryable: false,
        cause: parsed.cause,
      },
    );
  }
  if (!guard(parsed.value)) {
    throw errorFromCode(
      ErrorCode.SERVER_ERROR,
      `${what}: the server answered ${response.status} with an unexpected body.`,
      {
        status: response.status,
        retryable: false,
      },
    );
  }
  return parsed.value;
}
