import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Limits } from '@smartc/protocol';

/** pino log levels accepted by `--log-level`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A rate limit: `points` requests per `durationSeconds` window. */
export interface RateLimitRule {
  points: number;
  durationSeconds: number;
}

/** Rate limits on the auth routes (in-memory, per server process). */
export interface RateLimitConfig {
  /** Login attempts per client IP. */
  loginPerIp: RateLimitRule;
  /** Failed login attempts per username (reset by a successful login). */
  loginFailuresPerUsername: RateLimitRule;
  /** Registrations per client IP. */
  registerPerIp: RateLimitRule;
}

/** Everything `createServer` accepts. Every field is optional; see {@link ServerConfig} for defaults. */
export interface ServerOptions {
  /** TCP port; `0` picks a free one. Default 8080. */
  port?: number;
  /** Interface to bind. Default `0.0.0.0`. */
  host?: string;
  /** SQLite file, or `:memory:`. Default `./.smartc/smartc.db` (the folder is created). */
  dbPath?: string;
  /** Development mode: a generated JWT secret is allowed, localhost origins may call the API. */
  dev?: boolean;
  /** Demo mode: dev mode + guests + ad-hoc rooms + the seeded demo users. */
  demo?: boolean;
  /** Hub joins without an account. Default off (on with `demo`). */
  allowGuests?: boolean;
  /** `JoinSession` with an unknown id creates that room. Default off (on with `demo`). */
  adhocRooms?: boolean;
  /** Origins allowed to call cross-origin (`*` for any). Default none; localhost in dev/demo. */
  corsOrigins?: readonly string[];
  logLevel?: LogLevel;
  /** HS256 secret, at least 32 characters. Required unless `dev` or `demo`. */
  jwtSecret?: string;
  /** Access-token lifetime. Default 43 200 s (12 h). */
  jwtTtlSeconds?: number;
  /** STUN URLs. Default `stun:stun.l.google.com:19302`. */
  stunUrls?: readonly string[];
  /** TURN URLs, used with `turnSecret`. */
  turnUrls?: readonly string[];
  /** coturn `static-auth-secret` (REST API credentials). */
  turnSecret?: string;
  /** Lifetime of TURN credentials (the `ttl` of the ICE response). Default 86 400 s. */
  turnTtlSeconds?: number;
  /** Participants per session by default. Default `Limits.participantsDefault`. */
  maxParticipants?: number;
  /** How long a dropped participant is kept for a resume. Default 15 000 ms. */
  resumeGraceMs?: number;
  /** Resume tokens validity. Default 86 400 s. */
  resumeTokenTtlSeconds?: number;
  /** Trust `X-Forwarded-For` (behind a reverse proxy) for client IPs. Default false. */
  trustProxy?: boolean;
  /** Auth rate limits; `false` disables them (tests, benchmarks). */
  rateLimits?: Partial<RateLimitConfig> | false;
  /**
   * A folder with a web app (its `index.html` and assets) served at `/`, e.g. the demo app
   * `examples/vanilla`; the built-in start page then moves to `/start`. Default none.
   */
  appDir?: string;
}

/** The resolved, validated and frozen server configuration. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dbPath: string;
  readonly dev: boolean;
  readonly demo: boolean;
  readonly allowGuests: boolean;
  readonly adhocRooms: boolean;
  /** Explicit allowed origins; `localhost` adds any http(s)://localhost|127.0.0.1|[::1] origin. */
  readonly cors: {
    readonly origins: readonly string[];
    readonly anyOrigin: boolean;
    readonly localhost: boolean;
  };
  readonly logLevel: LogLevel;
  readonly jwtSecret: string | undefined;
  readonly jwtTtlSeconds: number;
  readonly ice: {
    readonly stunUrls: readonly string[];
    readonly turnUrls: readonly string[];
    readonly turnSecret: string | undefined;
    readonly turnTtlSeconds: number;
  };
  readonly maxParticipants: number;
  readonly resumeGraceMs: number;
  readonly resumeTokenTtlSeconds: number;
  readonly trustProxy: boolean;
  readonly rateLimits: RateLimitConfig | false;
  /** Absolute path of the web app served at `/`, or `null` (the start page is at `/`). */
  readonly appDir: string | null;
}

/** Thrown when options are invalid; the message says what to fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_DB_PATH = './.smartc/smartc.db';
export const DEFAULT_STUN_URLS: readonly string[] = ['stun:stun.l.google.com:19302'];
export const MIN_JWT_SECRET_LENGTH = 32;

const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  loginPerIp: { points: 60, durationSeconds: 60 },
  loginFailuresPerUsername: { points: 10, durationSeconds: 15 * 60 },
  registerPerIp: { points: 30, durationSeconds: 10 * 60 },
};

function integer(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got ${String(value)})`);
  }
  return v;
}

function rule(name: string, value: RateLimitRule | undefined, fallback: RateLimitRule): RateLimitRule {
  const r = value ?? fallback;
  return Object.freeze({
    points: integer(`${name}.points`, r.points, fallback.points, 1, 1_000_000),
    durationSeconds: integer(
      `${name}.durationSeconds`,
      r.durationSeconds,
      fallback.durationSeconds,
      1,
      86_400,
    ),
  });
}

function urls(name: string, list: readonly string[], schemes: RegExp): readonly string[] {
  for (const url of list) {
    if (!schemes.test(url)) throw new ConfigError(`${name}: "${url}" is not a valid URL for this list`);
  }
  return Object.freeze([...list]);
}

/**
 * Validates options and fills in defaults. Throws {@link ConfigError} with a clear message,
 * notably when `jwtSecret` is missing outside dev/demo mode.
 */
export function resolveConfig(options: ServerOptions = {}): ServerConfig {
  const demo = options.demo ?? false;
  const dev = demo || (options.dev ?? false);
  const jwtSecret = options.jwtSecret === '' ? undefined : options.jwtSecret;
  if (jwtSecret === undefined && !dev) {
    throw new ConfigError(
      `SMARTC_JWT_SECRET is required (at least ${MIN_JWT_SECRET_LENGTH} characters) unless the server runs with --dev or --demo. ` +
        "Generate one with: node -e \"console.log(require('node:crypto').randomBytes(48).toString('base64url'))\"",
    );
  }
  if (jwtSecret !== undefined && jwtSecret.length < MIN_JWT_SECRET_LENGTH) {
    throw new ConfigError(
      `SMARTC_JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters (got ${jwtSecret.length})`,
    );
  }
  const logLevel = options.logLevel ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`log level must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const origins = (options.corsOrigins ?? []).map((o) => o.trim()).filter((o) => o !== '');
  for (const origin of origins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        `CORS origin "${origin}" must look like https://app.example.com (no path) or be *`,
      );
    }
  }
  const turnSecret = options.turnSecret === '' ? undefined : options.turnSecret;
  const rateLimits =
    options.rateLimits === false
      ? false
      : Object.freeze({
          loginPerIp: rule(
            'rateLimits.loginPerIp',
            options.rateLimits?.loginPerIp,
            DEFAULT_RATE_LIMITS.loginPerIp,
          ),
          loginFailuresPerUsername: rule(
            'rateLimits.loginFailuresPerUsername',
            options.rateLimits?.loginFailuresPerUsername,
            DEFAULT_RATE_LIMITS.loginFailuresPerUsername,
          ),
          registerPerIp: rule(
            'rateLimits.registerPerIp',
            options.rateLimits?.registerPerIp,
            DEFAULT_RATE_LIMITS.registerPerIp,
          ),
        });
  const host = options.host ?? '0.0.0.0';
  if (host.trim() === '') throw new ConfigError('host must not be empty');
  const dbPath = options.dbPath ?? DEFAULT_DB_PATH;
  if (dbPath.trim() === '') throw new ConfigError('db path must not be empty');

  return Object.freeze({
    port: integer('port', options.port, DEFAULT_PORT, 0, 65_535),
    host,
    dbPath,
    dev,
    demo,
    allowGuests: options.allowGuests ?? demo,
    adhocRooms: options.adhocRooms ?? demo,
    cors: Object.freeze({
      origins: Object.freeze(origins.filter((o) => o !== '*')),
      anyOrigin: origins.includes('*'),
      localhost: dev,
    }),
    logLevel,
    jwtSecret,
    jwtTtlSeconds: integer('jwtTtlSeconds', options.jwtTtlSeconds, 12 * 3600, 60, 30 * 86_400),
    ice: Object.freeze({
      stunUrls: urls('STUN URLs', options.stunUrls ?? DEFAULT_STUN_URLS, /^stuns?:\S+$/),
      turnUrls: urls('TURN URLs', options.turnUrls ?? [], /^turns?:\S+$/),
      turnSecret,
      turnTtlSeconds: integer('turnTtlSeconds', options.turnTtlSeconds, 86_400, 60, 7 * 86_400),
    }),
    maxParticipants: integer(
      'maxParticipants',
      options.maxParticipants,
      Limits.participantsDefault,
      2,
      Limits.participantsMax,
    ),
    resumeGraceMs: integer('resumeGraceMs', options.resumeGraceMs, 15_000, 0, 600_000),
    resumeTokenTtlSeconds: integer(
      'resumeTokenTtlSeconds',
      options.resumeTokenTtlSeconds,
      86_400,
      60,
      30 * 86_400,
    ),
    trustProxy: options.trustProxy ?? false,
    rateLimits,
    appDir: appDirectory(options.appDir),
  });
}

/** The app folder as an absolute path; it must hold an `index.html`. */
function appDirectory(dir: string | undefined): string | null {
  if (dir === undefined) return null;
  const absolute = resolve(dir);
  if (!existsSync(join(absolute, 'index.html')))
    throw new ConfigError(`app folder ${absolute} has no index.html (--app / SMARTC_APP_DIR)`);
  return absolute;
}
