import type { IncomingMessage } from 'node:http';
import { errorMessage } from '../errors.js';
import type { ResolvedHubOptions } from '../options.js';
import { getAccessToken } from './httpUtils.js';

/** Outcome of authenticating a request that creates a connection. */
export type AuthOutcome<TUser> =
  | { ok: true; user: TUser }
  | { ok: false; status: 401 | 403 | 500; message: string };

/**
 * Runs the hub's `authenticate` with the request's token; never throws. Tokens are never logged.
 * A rejection's message becomes the negotiate response body, which the official client shows as
 * `Failed to complete negotiation with the server: Error: <message>: Status code '401'`.
 */
export async function authenticateRequest<TUser>(
  options: ResolvedHubOptions<TUser>,
  req: IncomingMessage,
  query: URLSearchParams,
): Promise<AuthOutcome<TUser>> {
  try {
    const result = await options.authenticate(getAccessToken(req, query), req);
    if (result.ok) return { ok: true, user: result.user };
    options.logger.debug({ status: result.status, reason: result.message }, 'authentication rejected');
    return { ok: false, status: result.status === 403 ? 403 : 401, message: result.message };
  } catch (error) {
    options.logger.error({ err: errorMessage(error) }, 'authenticate threw');
    return { ok: false, status: 500, message: '' };
  }
}

/** Which of the hub's endpoints a path is. */
export type HubRoute = 'negotiate' | 'connection';

/** Matches `path`, `path/`, `path/negotiate` and `path/negotiate/`. */
export function matchRoute(hubPath: string, pathname: string): HubRoute | undefined {
  const base = hubPath === '/' ? '' : hubPath;
  if (pathname === hubPath || pathname === `${base}/`) return 'connection';
  if (pathname === `${base}/negotiate` || pathname === `${base}/negotiate/`) return 'negotiate';
  return undefined;
}
