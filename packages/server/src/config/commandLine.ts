import { parseArgs } from 'node:util';
import { ConfigError, type LogLevel, type ServerOptions } from './serverConfig.js';

/** Usage text printed by `smartc-server --help`. */
export const USAGE = `Usage: smartc-server [options]

Runs the SmaRTC reference server: REST API, signaling hub (/signalhub), docs (/docs).

Options:
  --port <n>            Port to listen on (env PORT or SMARTC_PORT; default 8080; 0 = any free port)
  --host <addr>         Interface to bind (env SMARTC_HOST; default 0.0.0.0)
  --db <path>           SQLite file or :memory: (env SMARTC_DB; default ./.smartc/smartc.db)
  --demo                Demo mode: dev mode + guests + ad-hoc rooms + users demo, alice, bob
  --dev                 Dev mode: a generated JWT secret is allowed, localhost origins may call the API
  --allow-guests        Let people join the hub without an account (env SMARTC_ALLOW_GUESTS)
  --adhoc-rooms         JoinSession with an unknown id creates that room (env SMARTC_ADHOC_ROOMS)
  --cors-origin <url>   Allow this browser origin (repeatable or comma-separated; * = any)
                        (env SMARTC_CORS_ORIGINS)
  --log-level <level>   fatal|error|warn|info|debug|trace|silent (env SMARTC_LOG_LEVEL; default info)
  --trust-proxy         Take client IPs from X-Forwarded-For (env SMARTC_TRUST_PROXY)
  --app <dir>           Serve the web app in <dir> (its index.html) at /; the start page moves to
                        /start (env SMARTC_APP_DIR). pnpm start serves the demo app, examples/vanilla
  -h, --help            Show this help

Environment only:
  SMARTC_JWT_SECRET         JWT signing secret, >= 32 characters (required without --dev/--demo)
  SMARTC_JWT_TTL            Access token lifetime in seconds (default 43200)
  SMARTC_STUN_URLS          Comma-separated STUN URLs (default stun:stun.l.google.com:19302)
  SMARTC_TURN_URLS          Comma-separated TURN URLs (used with SMARTC_TURN_SECRET)
  SMARTC_TURN_SECRET        coturn static-auth-secret for short-lived TURN credentials
  SMARTC_TURN_TTL           TURN credential lifetime in seconds (default 86400)
  SMARTC_MAX_PARTICIPANTS   Default participants per session (default 16, max 50)
  SMARTC_RESUME_GRACE_MS    How long a dropped participant may resume (default 15000)
  SMARTC_LOGIN_RATE_LIMIT   Login attempts per IP per minute (default 60)
  SMARTC_REGISTER_RATE_LIMIT Registrations per IP per 10 minutes (default 30)
  SMARTC_RATE_LIMITS        Set to "off" to disable auth rate limits (benchmarks)
`;

/** The result of parsing a command line: either a help request or server options. */
export type CommandLine = { help: true } | { help: false; options: ServerOptions };

type Env = Readonly<Record<string, string | undefined>>;

function list(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^\d+$/.test(value.trim())) throw new ConfigError(`${name} must be a whole number (got "${value}")`);
  return Number(value.trim());
}

function flag(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(`${name} must be true or false (got "${value}")`);
}

/**
 * Parses `smartc-server` flags and environment variables into {@link ServerOptions}
 * (flags win over environment). Throws {@link ConfigError} on unknown flags or bad values.
 */
export function parseCommandLine(argv: readonly string[], env: Env = process.env): CommandLine {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\nRun smartc-server --help for the options.`);
  }
  if (values.help) return { help: true };

  const loginPerMinute = int('SMARTC_LOGIN_RATE_LIMIT', env.SMARTC_LOGIN_RATE_LIMIT);
  const registerPer10Min = int('SMARTC_REGISTER_RATE_LIMIT', env.SMARTC_REGISTER_RATE_LIMIT);
  const rateLimitsOff = env.SMARTC_RATE_LIMITS?.trim().toLowerCase() === 'off';
  const corsFlag = values['cors-origin']?.flatMap((v) => list(v) ?? []);

  const options: ServerOptions = {
    port: int('--port', values.port) ?? int('SMARTC_PORT', env.SMARTC_PORT) ?? int('PORT', env.PORT),
    host: values.host ?? env.SMARTC_HOST,
    dbPath: values.db ?? env.SMARTC_DB,
    demo: values.demo || flag('SMARTC_DEMO', env.SMARTC_DEMO),
    dev: values.dev || flag('SMARTC_DEV', env.SMARTC_DEV),
    allowGuests: values['allow-guests'] || flag('SMARTC_ALLOW_GUESTS', env.SMARTC_ALLOW_GUESTS),
    adhocRooms: values['adhoc-rooms'] || flag('SMARTC_ADHOC_ROOMS', env.SMARTC_ADHOC_ROOMS),
    corsOrigins: corsFlag && corsFlag.length > 0 ? corsFlag : list(env.SMARTC_CORS_ORIGINS),
    logLevel: (values['log-level'] ?? env.SMARTC_LOG_LEVEL) as LogLevel | undefined,
    trustProxy: values['trust-proxy'] || flag('SMARTC_TRUST_PROXY', env.SMARTC_TRUST_PROXY),
    appDir: values.app ?? env.SMARTC_APP_DIR,
    jwtSecret: env.SMARTC_JWT_SECRET,
    jwtTtlSeconds: int('SMARTC_JWT_TTL', env.SMARTC_JWT_TTL),
    stunUrls: list(env.SMARTC_STUN_URLS),
    turnUrls: list(env.SMARTC_TURN_URLS),
    turnSecret: env.SMARTC_TURN_SECRET,
    turnTtlSeconds: int('SMARTC_TURN_TTL', env.SMARTC_TURN_TTL),
    maxParticipants: int('SMARTC_MAX_PARTICIPANTS', env.SMARTC_MAX_PARTICIPANTS),
    resumeGraceMs: int('SMARTC_RESUME_GRACE_MS', env.SMARTC_RESUME_GRACE_MS),
    rateLimits: rateLimitsOff
      ? false
      : {
          ...(loginPerMinute === undefined
            ? {}
            : { loginPerIp: { points: loginPerMinute, durationSeconds: 60 } }),
          ...(registerPer10Min === undefined
            ? {}
            : { registerPerIp: { points: registerPer10Min, durationSeconds: 600 } }),
        },
  };
  // Drop undefined entries so resolveConfig applies its defaults.
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { help: false, options: defined as ServerOptions };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      demo: { type: 'boolean' },
      dev: { type: 'boolean' },
      'allow-guests': { type: 'boolean' },
      'adhoc-rooms': { type: 'boolean' },
      'cors-origin': { type: 'string', multiple: true },
      'log-level': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      app: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
