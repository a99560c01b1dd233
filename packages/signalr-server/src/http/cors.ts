import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HubCorsOptions } from '../types.js';

/** Request headers the SignalR client sends cross-origin. */
export const CORS_ALLOWED_HEADERS = 'authorization, content-type, x-requested-with, x-signalr-user-agent';
export const CORS_ALLOWED_METHODS = 'GET, POST, DELETE, OPTIONS';
/** How long browsers may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Whether the policy allows this exact origin. */
export function isOriginAllowed(cors: HubCorsOptions | undefined, origin: string): boolean {
  if (!cors) return false;
  const policy = cors.origin;
  if (policy === true) return true;
  if (typeof policy === 'function') {
    try {
      return policy(origin) === true;
    } catch {
      return false;
    }
  }
  return policy.includes(origin);
}

/** Reflects an allowed origin with credentials (the client uses `credentials: "include"`). */
export function applyCorsHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  cors: HubCorsOptions | undefined,
): void {
  const origin = req.headers.origin;
  if (!origin || !isOriginAllowed(cors, origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Vary', 'Origin');
}

/** Answers a preflight: 204, with the allow headers when the origin is allowed. */
export function answerPreflight(
  req: IncomingMessage,
  res: ServerResponse,
  cors: HubCorsOptions | undefined,
): void {
  const origin = req.headers.origin;
  if (origin && isOriginAllowed(cors, origin)) {
    res.setHeader('Access-Control-Allow-Methods', CORS_ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
  }
  res.writeHead(204);
  res.end();
}

/**
 * WebSockets have no CORS: with a policy, the Origin must pass it; without one, a browser
 * Origin must match the Host (same-origin). Non-browser clients send no Origin.
 */
export function isWebSocketOriginAllowed(req: IncomingMessage, cors: HubCorsOptions | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (cors) return isOriginAllowed(cors, origin);
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
