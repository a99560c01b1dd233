import { type ErrorBody, ErrorCode, HTTP_STATUS_BY_CODE } from '@smartc/protocol';

/** A field-level validation problem reported with `VALIDATION_FAILED`. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** Options of a {@link SmaRTCServerError}. */
export interface SmaRTCServerErrorOptions {
  /** Overrides the status from `HTTP_STATUS_BY_CODE`. */
  status?: number;
  cause?: unknown;
  details?: readonly ErrorDetail[];
  /** Extra response headers, e.g. `Retry-After`. */
  headers?: Readonly<Record<string, string>>;
}

/**
 * An error the server reports to clients as `{ error: { code, message } }` with a stable
 * {@link ErrorCode} and the matching HTTP status. Anything else becomes a 500 `SERVER_ERROR`.
 */
export class SmaRTCServerError extends Error {
  override readonly name = 'SmaRTCServerError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: readonly ErrorDetail[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, message: string, options: SmaRTCServerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? HTTP_STATUS_BY_CODE[code] ?? 500;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  /** The JSON body sent for this error. */
  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details && this.details.length > 0 ? { details: [...this.details] } : {}),
      },
    };
  }
}

/** True when `value` is a {@link SmaRTCServerError}. */
export function isSmaRTCServerError(value: unknown): value is SmaRTCServerError {
  return value instanceof SmaRTCServerError;
}

/** Shorthands for the errors routes throw most. */
export const Errors = {
  authRequired: () =>
    new SmaRTCServerError(ErrorCode.AUTH_REQUIRED, 'Sign in first: send Authorization: Bearer <token>'),
  forbidden: (message = 'You are not allowed to do this') =>
    new SmaRTCServerError(ErrorCode.FORBIDDEN, message),
  sessionNotFound: (id: string) =>
    new SmaRTCServerError(ErrorCode.SESSION_NOT_FOUND, `Session "${id}" does not exist`),
  invalidCredentials: () =>
    new SmaRTCServerError(ErrorCode.AUTH_INVALID_CREDENTIALS, 'Invalid username or password'),
} as const;
