import { describe, expect, it } from 'vitest';
import {
  createReconnectPolicy,
  DEFAULT_RECONNECT_DELAYS_MS,
  resolveReconnectPolicy,
  toRetryPolicy,
} from './reconnectPolicy.js';

const at = (retryCount: number, elapsedMs = 0) => ({ retryCount, elapsedMs, reason: undefined });

describe('createReconnectPolicy', () => {
  it('grows the delays LiveKit-style, adds jitter and caps at 10 s', () => {
    const policy = createReconnectPolicy({ random: () => 0.5, maxRetries: 20, maxElapsedMs: 1e9 });
    const delays = Array.from({ length: 9 }, (_, i) => policy.nextRetryDelayMs(at(i)));
    expect(delays).toEqual([0, 800, 1700, 3200, 5300, 7500, 10000, 10000, 10000]);
    expect(DEFAULT_RECONNECT_DELAYS_MS[0]).toBe(0);
  });

  it('jitters within [base, base + jitterMs)', () => {
    const low = createReconnectPolicy({ random: () => 0 }).nextRetryDelayMs(at(1));
    const high = createReconnectPolicy({ random: () => 0.999 }).nextRetryDelayMs(at(1));
    expect(low).toBe(300);
    expect(high).toBe(1299);
  });

  it('gives up after maxRetries or maxElapsedMs', () => {
    const policy = createReconnectPolicy({ maxRetries: 3, maxElapsedMs: 5000, random: () => 0 });
    expect(policy.nextRetryDelayMs(at(2))).toBe(1200);
    expect(policy.nextRetryDelayMs(at(3))).toBeNull();
    expect(policy.nextRetryDelayMs(at(1, 5000))).toBeNull();
    expect(policy.nextRetryDelayMs(at(2, 4500))).toBe(500); // not past the deadline
  });

  it('accepts custom delays and a custom policy object', () => {
    const custom = { nextRetryDelayMs: () => 42 };
    expect(resolveReconnectPolicy(custom)).toBe(custom);
    const fixed = resolveReconnectPolicy({ delays: [10, 20], jitterMs: 0 });
    expect([0, 1, 2].map((i) => fixed.nextRetryDelayMs(at(i)))).toEqual([10, 20, 20]);
  });
});

describe('toRetryPolicy', () => {
  const ctx = (previousRetryCount: number) => ({
    previousRetryCount,
    elapsedMilliseconds: 0,
    retryReason: new Error('lost'),
  });

  it('adapts to SignalR and reports giving up', () => {
    const gaveUp: Error[] = [];
    const retry = toRetryPolicy(createReconnectPolicy({ maxRetries: 1, random: () => 0 }), {
      onGiveUp: (e) => gaveUp.push(e),
    });
    expect(retry.nextRetryDelayInMilliseconds(ctx(0))).toBe(0);
    expect(gaveUp).toEqual([]);
    expect(retry.nextRetryDelayInMilliseconds(ctx(1))).toBeNull();
    expect(gaveUp.map((e) => e.message)).toEqual(['lost']);
  });

  it('lets shouldRetry veto attempts after a failed one', () => {
    const retry = toRetryPolicy(createReconnectPolicy(), { shouldRetry: () => false });
    expect(retry.nextRetryDelayInMilliseconds(ctx(0))).toBe(0);
    expect(retry.nextRetryDelayInMilliseconds(ctx(1))).toBeNull();
  });
});
