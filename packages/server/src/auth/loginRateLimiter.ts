import { ErrorCode } from '@smartc/protocol';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig, RateLimitRule } from '../config/serverConfig.js';
import { SmaRTCServerError } from '../errors.js';

function limiter(rule: RateLimitRule, keyPrefix: string): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix, points: rule.points, duration: rule.durationSeconds });
}

function rateLimited(msBeforeNext: number, what: string): SmaRTCServerError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new SmaRTCServerError(ErrorCode.RATE_LIMITED, `Too many ${what}: try again in ${seconds} s`, {
    headers: { 'Retry-After': String(seconds) },
  });
}

/**
 * In-memory rate limits on the auth routes: login attempts per IP, failed logins per username
 * (so one account cannot be brute-forced from many IPs), registrations per IP.
 * Methods reject with a 429 `RATE_LIMITED` {@link SmaRTCServerError} carrying `Retry-After`.
 */
export class AuthRateLimiter {
  readonly #loginPerIp: RateLimiterMemory | undefined;
  readonly #loginFailures: RateLimiterMemory | undefined;
  readonly #registerPerIp: RateLimiterMemory | undefined;

  constructor(config: RateLimitConfig | false) {
    if (config === false) return;
    this.#loginPerIp = limiter(config.loginPerIp, 'login-ip');
    this.#loginFailures = limiter(config.loginFailuresPerUsername, 'login-user');
    this.#registerPerIp = limiter(config.registerPerIp, 'register-ip');
  }

  /** Counts one login attempt from `ip`, and refuses when `usernameKey` has too many failures. */
  async beforeLogin(ip: string, usernameKey: string): Promise<void> {
    await consume(this.#loginPerIp, ip, 'sign-in attempts');
    const failures = await this.#loginFailures?.get(usernameKey);
    if (failures && this.#loginFailures && failures.consumedPoints >= this.#loginFailures.points) {
      throw rateLimited(failures.msBeforeNext, 'failed sign-ins for this account');
    }
  }

  /** Records a failed login for the username. */
  async loginFailed(usernameKey: string): Promise<void> {
    await this.#loginFailures?.penalty(usernameKey, 1);
  }

  /** Clears the failures of a username after a successful login. */
  async loginSucceeded(usernameKey: string): Promise<void> {
    await this.#loginFailures?.delete(usernameKey);
  }

  /** Counts one registration from `ip`. */
  async beforeRegister(ip: string): Promise<void> {
    await consume(this.#registerPerIp, ip, 'registrations');
  }
}

async function consume(rl: RateLimiterMemory | undefined, key: string, what: string): Promise<void> {
  if (!rl) return;
  try {
    await rl.consume(key, 1);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimited(error.msBeforeNext, what);
    throw error;
  }
}
