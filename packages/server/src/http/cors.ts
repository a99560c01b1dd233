import type { ServerConfig } from '../config/serverConfig.js';

const LOCALHOST_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/**
 * Whether a browser origin may call the API and hub cross-origin. Same-origin pages need no
 * CORS at all, so the default (no origins configured outside dev/demo) allows none.
 */
export function isOriginAllowed(cors: ServerConfig['cors'], origin: string): boolean {
  if (cors.anyOrigin) return true;
  if (cors.origins.includes(origin)) return true;
  return cors.localhost && LOCALHOST_ORIGIN.test(origin);
}
