import { createRequire } from 'node:module';
import { type Logger, pino } from 'pino';
import type { LogLevel } from './config/serverConfig.js';

const SECRET_QUERY = /([?&](?:access_token|token|id_token|resumeToken)=)[^&#]*/gi;

/** Removes access tokens from a URL before it is logged (SignalR sends them in the query). */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(SECRET_QUERY, '$1[redacted]');
}

function hasPinoPretty(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  level: LogLevel;
  /** Human-readable output (pino-pretty when installed). Default: stdout is a TTY. */
  pretty?: boolean;
}

/**
 * The server's pino logger. Request logs carry method, redacted URL and client address only;
 * Authorization headers, passwords, tokens and SDP are never logged.
 */
export function createLogger(options: LoggerOptions): Logger {
  const pretty = (options.pretty ?? process.stdout.isTTY === true) && hasPinoPretty();
  return pino({
    level: options.level,
    base: { service: 'smartc-server' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'password',
        'token',
        '*.password',
        '*.token',
        '*.sdp',
        '*.resumeToken',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string; socket?: { remoteAddress?: string } }) => ({
        method: req.method,
        url: redactUrl(req.url),
        remoteAddress: req.ip ?? req.socket?.remoteAddress,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,service' },
          },
        }
      : {}),
  });
}
