import type { IRetryPolicy, RetryContext } from '@microsoft/signalr';

/** What a {@link ReconnectPolicy} is told before each reconnect attempt. */
export interface ReconnectContext {
  /** Attempts that already failed in this outage (0 before the first one). */
  retryCount: number;
  /** Milliseconds since the connection was lost. */
  elapsedMs: number;
  /** Why the connection was lost or why the last attempt failed. */
  reason: Error | undefined;
}

/**
 * Decides how long to wait before the next reconnect attempt, or `null` to give up
 * (the client then goes `disconnected` with reason `reconnect-failed`).
 *
 * @example
 * const everySecondForAMinute: ReconnectPolicy = {
 *   nextRetryDelayMs: ({ elapsedMs }) => (elapsedMs < 60_000 ? 1_000 : null),
 * };
 */
export interface ReconnectPolicy {
  nextRetryDelayMs(context: ReconnectContext): number | null;
}

/** Options of {@link createReconnectPolicy}. */
export interface ReconnectPolicyOptions {
  /** Base delays of the successive attempts; the last one repeats. Default {@link DEFAULT_RECONNECT_DELAYS_MS}. */
  delays?: readonly number[];
  /** Give up after this many failed attempts. Default 10. */
  maxRetries?: number;
  /** Give up once the outage has lasted this long. Default 60 000 ms. */
  maxElapsedMs?: number;
  /** Random extra delay, up to this many ms, added to every non-zero delay. Default 1 000 ms. */
  jitterMs?: number;
  /** Upper bound of any delay (jitter included). Default 10 000 ms. */
  maxDelayMs?: number;
  /** Source of randomness in [0, 1) (tests). Default `Math.random`. */
  random?: () => number;
}

/** LiveKit-style growing delays: 0, 300 ms, 1.2 s, 2.7 s, 4.8 s, 7 s, then 10 s. */
export const DEFAULT_RECONNECT_DELAYS_MS: readonly number[] = Object.freeze([
  0, 300, 1200, 2700, 4800, 7000, 10000,
]);

/**
 * The default reconnect policy: growing delays with jitter, capped, giving up after `maxRetries`
 * attempts or `maxElapsedMs` of outage, whichever comes first.
 *
 * @example
 * const client = new SignalingClient({
 *   serverUrl: 'https://calls.example.com',
 *   reconnectPolicy: createReconnectPolicy({ maxElapsedMs: 30_000 }),
 * });
 */
export function createReconnectPolicy(options: ReconnectPolicyOptions = {}): ReconnectPolicy {
  const delays = options.delays && options.delays.length > 0 ? options.delays : DEFAULT_RECONNECT_DELAYS_MS;
  const maxRetries = options.maxRetries ?? 10;
  const maxElapsedMs = options.maxElapsedMs ?? 60_000;
  const jitterMs = options.jitterMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const random = options.random ?? Math.random;
  return {
    nextRetryDelayMs({ retryCount, elapsedMs }) {
      if (retryCount >= maxRetries || elapsedMs >= maxElapsedMs) return null;
      const base = delays[Math.min(retryCount, delays.length - 1)] ?? 0;
      if (base <= 0) return 0;
      const delay = Math.min(maxDelayMs, base + Math.floor(random() * jitterMs));
      // Never wait past the deadline: one last attempt right at it instead.
      return Math.max(0, Math.min(delay, maxElapsedMs - elapsedMs));
    },
  };
}

/** A policy object, or the options of the default one. */
export type ReconnectPolicyInput = ReconnectPolicy | ReconnectPolicyOptions;

/**
 * Resolves the `reconnectPolicy` option of the client.
 *
 * @example
 * resolveReconnectPolicy({ maxRetries: 3 }).nextRetryDelayMs({ retryCount: 3, elapsedMs: 0, reason: undefined }); // null
 */
export function resolveReconnectPolicy(input: ReconnectPolicyInput | undefined): ReconnectPolicy {
  if (input && typeof (input as ReconnectPolicy).nextRetryDelayMs === 'function')
    return input as ReconnectPolicy;
  return createReconnectPolicy(input as ReconnectPolicyOptions | undefined);
}

/**
 * Adapts a {@link ReconnectPolicy} to SignalR's `IRetryPolicy` for `withAutomaticReconnect`.
 * `shouldRetry(reason)` can veto an attempt (e.g. an expired token will not get better);
 * `onGiveUp(reason)` is told when the policy stopped the retries.
 *
 * @example
 * builder.withAutomaticReconnect(toRetryPolicy(createReconnectPolicy(), { onGiveUp: console.warn }));
 */
export function toRetryPolicy(
  policy: ReconnectPolicy,
  hooks: { shouldRetry?: (reason: Error) => boolean; onGiveUp?: (reason: Error) => void } = {},
): IRetryPolicy {
  return {
    nextRetryDelayInMilliseconds(context: RetryContext): number | null {
      const vetoed = context.previousRetryCount > 0 && hooks.shouldRetry?.(context.retryReason) === false;
      const delay = vetoed
        ? null
        : policy.nextRetryDelayMs({
            retryCount: context.previousRetryCount,
            elapsedMs: context.elapsedMilliseconds,
            reason: context.retryReason,
          });
      if (delay === null || !Number.isFinite(delay) || delay < 0) {
        hooks.onGiveUp?.(context.retryReason);
        return null;
      }
      return delay;
    },
  };
}
