/**
 * Who may connect to the hub: a valid access token makes a user; no token makes a guest when the
 * server allows guests. A token that is present but wrong is always refused (never downgraded to guest).
 */
import { ErrorCode, formatHubError } from '@smartc/protocol';
import type { AuthenticateResult } from '@smartc/signalr-server';
import type { HubPrincipal, SignalingDeps } from './deps.js';

const TOKEN_ERROR_CODES: ReadonlySet<string> = new Set([
  ErrorCode.AUTH_TOKEN_INVALID,
  ErrorCode.AUTH_TOKEN_EXPIRED,
  ErrorCode.AUTH_REQUIRED,
  ErrorCode.FORBIDDEN,
]);

/** The hub's `authenticate` option. */
export type HubAuthenticate = (token: string | undefined) => Promise<AuthenticateResult<HubPrincipal>>;

/**
 * Builds the hub's `authenticate` hook. Rejections carry `"<CODE>: <message>"` as their message.
 * Errors of `verifyAccessToken` without a token error code (e.g. storage down) are rethrown, so an
 * outage is not reported to clients as a bad token.
 */
export function createAuthenticate(
  deps: Pick<SignalingDeps, 'config' | 'verifyAccessToken'>,
): HubAuthenticate {
  return async (token) => {
    if (token === undefined || token.trim() === '') {
      if (deps.config.allowGuests) return { ok: true, user: { kind: 'guest' } };
      return {
        ok: false,
        status: 401,
        message: formatHubError(
          ErrorCode.SIGNALING_GUESTS_DISABLED,
          'Sign in first: this server does not accept guests on the signaling hub',
        ),
      };
    }
    try {
      const user = await deps.verifyAccessToken(token);
      return {
        ok: true,
        user: { kind: 'user', userId: user.userId, username: user.username, role: user.role },
      };
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code !== 'string' || !TOKEN_ERROR_CODES.has(code)) throw error;
      const message =
        code === ErrorCode.AUTH_TOKEN_EXPIRED
          ? formatHubError(ErrorCode.AUTH_TOKEN_EXPIRED, 'The access token has expired; sign in again')
          : formatHubError(ErrorCode.AUTH_TOKEN_INVALID, 'The access token is invalid');
      return { ok: false, status: 401, message };
    }
  };
}
