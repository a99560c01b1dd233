import { ErrorCode } from '@smartc/protocol';

/** English default messages; `@smartc/simple` translates by code. */
const DEFAULT_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  AUTH_INVALID_CREDENTIALS: 'Wrong username or password.',
  AUTH_USERNAME_TAKEN: 'This username is already taken.',
  AUTH_REQUIRED: 'You need to sign in first.',
  AUTH_TOKEN_INVALID: 'Your sign-in is not valid; sign in again.',
  AUTH_TOKEN_EXPIRED: 'Your sign-in has expired; sign in again.',
  FORBIDDEN: 'You are not allowed to do this.',
  SESSION_NOT_FOUND: 'This call does not exist.',
  SESSION_FULL: 'This call is full.',
  VALIDATION_FAILED: 'Some of the data sent is not valid.',
  NOT_FOUND: 'Not found.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
  RATE_LIMITED: 'Too many attempts; try again later.',
  SERVER_ERROR: 'The server ran into an error.',
  NETWORK_UNREACHABLE: 'The server cannot be reached.',
  TIMEOUT: 'The server took too long to answer.',
  ABORTED: 'The request was cancelled.',
  SIGNALING_NOT_JOINED: 'Join a call first.',
  SIGNALING_PEER_NOT_FOUND: 'That participant is not in this call.',
  SIGNALING_PAYLOAD_TOO_LARGE: 'The message is too large.',
  SIGNALING_RESUME_REJECTED: 'The call could not be resumed.',
  SIGNALING_GUESTS_DISABLED: 'This server does not allow guests; sign in first.',
  SIGNALING_DISCONNECTED: 'The connection to the server was lost.',
  SIGNALING_CONNECTION_FAILED: 'Could not connect to the signaling server.',
  SIGNALING_RECONNECT_FAILED: 'Could not reconnect to the signaling server.',
  PEER_CONNECTION_FAILED: 'The connection to a participant failed.',
  MEDIA_PERMISSION_DENIED: 'Camera or microphone access was denied.',
  MEDIA_DEVICE_IN_USE: 'The camera or microphone is in use by another application.',
  MEDIA_DEVICE_NOT_FOUND: 'No camera or microphone was found.',
  MEDIA_CONSTRAINTS_UNSATISFIABLE: 'No camera or microphone matches the requested settings.',
  MEDIA_UNSUPPORTED: 'This browser cannot capture media.',
};

/** Codes whose operations may succeed if simply tried again later. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  ErrorCode.NETWORK_UNREACHABLE,
  ErrorCode.TIMEOUT,
  ErrorCode.RATE_LIMITED,
  ErrorCode.SERVER_ERROR,
  ErrorCode.SIGNALING_DISCONNECTED,
  ErrorCode.SIGNALING_CONNECTION_FAILED,
]);

/** Options of {@link SmaRTCError}. */
export interface SmaRTCErrorOptions {
  /** HTTP status, when the error came from an HTTP response. */
  status?: number;
  /** Overrides the default retryability of the code. */
  retryable?: boolean;
  /** Seconds to wait before retrying (from `Retry-After`). */
  retryAfterSeconds?: number;
  /** Field-level details of a `VALIDATION_FAILED`. */
  details?: ReadonlyArray<{ path: string; message: string }>;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * Every error SmaRTC SDKs throw or emit. `code` is stable (from `@smartc/protocol`) and is what
 * apps should branch on; `message` is English and meant for logs or as a default text.
 *
 * @example
 * try {
 *   await api.auth.login('demo', 'wrong');
 * } catch (error) {
 *   if (isSmaRTCError(error) && error.code === 'AUTH_INVALID_CREDENTIALS') showLoginError();
 * }
 */
export class SmaRTCError extends Error {
  override readonly name: string = 'SmaRTCError';
  readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly details: ReadonlyArray<{ path: string; message: string }> | undefined;

  constructor(code: ErrorCode, message?: string, options: SmaRTCErrorOptions = {}) {
    super(
      message ?? DEFAULT_MESSAGES[code],
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.status = options.status;
    this.retryable = options.retryable ?? RETRYABLE.has(code);
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }
}

/** Authentication and authorisation failures (`AUTH_*`, `FORBIDDEN`). */
export class AuthError extends SmaRTCError {
  override readonly name = 'AuthError';
}

/** The server could not be reached, answered too late, or the call was cancelled. */
export class NetworkError extends SmaRTCError {
  override readonly name = 'NetworkError';
}

/** Signaling hub failures (`SIGNALING_*`). */
export class SignalingError extends SmaRTCError {
  override readonly name = 'SignalingError';
}

/** True when `value` is a {@link SmaRTCError} (of any subclass). */
export function isSmaRTCError(value: unknown): value is SmaRTCError {
  return value instanceof SmaRTCError;
}

/** The English default message of a code. */
export function defaultMessage(code: ErrorCode): string {
  return DEFAULT_MESSAGES[code];
}

/** Builds the error of the right subclass for a code. */
export function errorFromCode(code: ErrorCode, message?: string, options?: SmaRTCErrorOptions): SmaRTCError {
  if (code.startsWith('AUTH_') || code === ErrorCode.FORBIDDEN) return new AuthError(code, message, options);
  if (code === ErrorCode.NETWORK_UNREACHABLE || code === ErrorCode.TIMEOUT || code === ErrorCode.ABORTED) {
    return new NetworkError(code, message, options);
  }
  if (code.startsWith('SIGNALING_')) return new SignalingError(code, message, options);
  return new SmaRTCError(code, message, options);
}
