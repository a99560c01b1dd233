/**
 * Every stable error code SmaRTC puts on the wire or throws from an SDK.
 * Servers send them in `{ error: { code, message } }` bodies and in hub errors;
 * SDKs expose them as `SmaRTCError.code`. Codes never change meaning once shipped.
 */
export const ErrorCode = {
  // Authentication and authorisation
  AUTH_INVALID_CREDENTIALS: 'AUTH_INVALID_CREDENTIALS',
  AUTH_USERNAME_TAKEN: 'AUTH_USERNAME_TAKEN',
  AUTH_REQUIRED: 'AUTH_REQUIRED',
  AUTH_TOKEN_INVALID: 'AUTH_TOKEN_INVALID',
  AUTH_TOKEN_EXPIRED: 'AUTH_TOKEN_EXPIRED',
  FORBIDDEN: 'FORBIDDEN',
  // Sessions (calls)
  SESSION_NOT_FOUND: 'SESSION_NOT_FOUND',
  SESSION_FULL: 'SESSION_FULL',
  // Generic request failures
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVER_ERROR: 'SERVER_ERROR',
  // Transport failures (client side)
  NETWORK_UNREACHABLE: 'NETWORK_UNREACHABLE',
  TIMEOUT: 'TIMEOUT',
  ABORTED: 'ABORTED',
  // Signaling hub
  SIGNALING_NOT_JOINED: 'SIGNALING_NOT_JOINED',
  SIGNALING_PEER_NOT_FOUND: 'SIGNALING_PEER_NOT_FOUND',
  SIGNALING_PAYLOAD_TOO_LARGE: 'SIGNALING_PAYLOAD_TOO_LARGE',
  SIGNALING_RESUME_REJECTED: 'SIGNALING_RESUME_REJECTED',
  SIGNALING_GUESTS_DISABLED: 'SIGNALING_GUESTS_DISABLED',
  SIGNALING_DISCONNECTED: 'SIGNALING_DISCONNECTED',
  SIGNALING_CONNECTION_FAILED: 'SIGNALING_CONNECTION_FAILED',
  SIGNALING_RECONNECT_FAILED: 'SIGNALING_RECONNECT_FAILED',
  // Peer connections and media (client side)
  PEER_CONNECTION_FAILED: 'PEER_CONNECTION_FAILED',
  MEDIA_PERMISSION_DENIED: 'MEDIA_PERMISSION_DENIED',
  MEDIA_DEVICE_IN_USE: 'MEDIA_DEVICE_IN_USE',
  MEDIA_DEVICE_NOT_FOUND: 'MEDIA_DEVICE_NOT_FOUND',
  MEDIA_CONSTRAINTS_UNSATISFIABLE: 'MEDIA_CONSTRAINTS_UNSATISFIABLE',
  MEDIA_UNSUPPORTED: 'MEDIA_UNSUPPORTED',
} as const;

/** One of the stable SmaRTC error codes. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** True when `value` is one of the known {@link ErrorCode}s. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && ERROR_CODES.has(value);
}

/** The HTTP status each REST-facing error code is sent with. */
export const HTTP_STATUS_BY_CODE: Readonly<Partial<Record<ErrorCode, number>>> = {
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_REQUIRED: 401,
  AUTH_TOKEN_INVALID: 401,
  AUTH_TOKEN_EXPIRED: 401,
  AUTH_USERNAME_TAKEN: 409,
  FORBIDDEN: 403,
  SESSION_NOT_FOUND: 404,
  NOT_FOUND: 404,
  SESSION_FULL: 409,
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  SERVER_ERROR: 500,
};
