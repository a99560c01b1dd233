import { ErrorCode, parseHubError } from '@smartc/protocol';
import { errorFromCode, isSmaRTCError, type SmaRTCError } from '../errors.js';

/** What was being done when a hub error happened: decides the code of errors without one. */
export type HubErrorContext = 'connect' | 'invoke';

/** Texts of the official client meaning "the connection is gone" (not a server-side refusal). */
const DISCONNECTED_PATTERNS: readonly RegExp[] = [
  /Invocation canceled due to the underlying connection being closed/i,
  /Cannot send data if the connection is not in the 'Connected' State/i,
  /connection (?:was )?(?:stopped|closed)/i,
  /Server timeout elapsed/i,
  /WebSocket closed/i,
];

/**
 * Turns anything the SignalR client threw into a {@link SmaRTCError} with a stable code:
 * - a `"CODE: message"` hub error (also inside `HubException: …` or a negotiate failure) keeps
 *   its code (`SIGNALING_PEER_NOT_FOUND`, `AUTH_TOKEN_EXPIRED`, `SIGNALING_GUESTS_DISABLED`, …);
 * - a 401 without a code is `AUTH_TOKEN_INVALID`;
 * - while connecting, anything else (refused, DNS, no transport) is `SIGNALING_CONNECTION_FAILED` (retryable);
 * - a call cut by a lost connection is `SIGNALING_DISCONNECTED` (retryable);
 * - any other invocation failure is `SERVER_ERROR`.
 *
 * @example
 * try {
 *   await connection.invoke('SendSignal', peerId, signal);
 * } catch (error) {
 *   const e = toSmaRTCError(error, 'invoke'); // e.code === 'SIGNALING_PEER_NOT_FOUND'
 * }
 */
export function toSmaRTCError(error: unknown, context: HubErrorContext): SmaRTCError {
  if (isSmaRTCError(error)) return error;
  const text = error instanceof Error ? error.message : String(error);
  const parsed = parseHubError(text);
  if (parsed) return errorFromCode(parsed.code, stripStatus(parsed.message), { cause: error });
  if (/Status code '401'/.test(text)) {
    return errorFromCode(ErrorCode.AUTH_TOKEN_INVALID, undefined, { status: 401, cause: error });
  }
  if (context === 'connect') {
    return errorFromCode(ErrorCode.SIGNALING_CONNECTION_FAILED, undefined, { cause: error });
  }
  if (DISCONNECTED_PATTERNS.some((pattern) => pattern.test(text))) {
    return errorFromCode(ErrorCode.SIGNALING_DISCONNECTED, undefined, { cause: error });
  }
  return errorFromCode(ErrorCode.SERVER_ERROR, text, { cause: error });
}

/** Drops the `: Status code '401'` tail the official client appends to negotiate failures. */
function stripStatus(message: string): string {
  return message.replace(/:\s*Status code '\d+'.*$/s, '').trim();
}

/**
 * The error a call gets when it was abandoned because a later `disconnect()` superseded it.
 *
 * @example
 * client.connect().catch((e) => e.code === 'ABORTED' && console.debug('superseded'));
 * void client.disconnect();
 */
export function abortedError(what: string): SmaRTCError {
  return errorFromCode(ErrorCode.ABORTED, `${what} was cancelled by a later disconnect().`);
}
