import { type ErrorCode, isErrorCode } from './errorCodes.js';

/** The JSON body of every REST error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Field-level details for `VALIDATION_FAILED`. */
    details?: ReadonlyArray<{ path: string; message: string }>;
  };
}

/** True when `value` has the shape of an {@link ErrorBody}. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return isErrorCode(code) && typeof message === 'string';
}

/**
 * Hub errors travel as the Completion `error` string. SmaRTC hubs format them as
 * `"<CODE>: <message>"` so clients recover the code with {@link parseHubError}.
 */
export function formatHubError(code: ErrorCode, message: string): string {
  return `${code}: ${message}`;
}

const HUB_ERROR_PATTERN = /(?:^|\s)([A-Z][A-Z_]+[A-Z]): (.*)$/s;

/**
 * Recovers `{ code, message }` from a hub error string, including the
 * `"An unexpected error occurred invoking 'X' on the server. HubException: CODE: msg"` form.
 * Returns `undefined` when the text carries no known code.
 */
export function parseHubError(text: string): { code: ErrorCode; message: string } | undefined {
  const match = HUB_ERROR_PATTERN.exec(text);
  if (!match) return undefined;
  const [, code, message] = match;
  return isErrorCode(code) ? { code, message: message ?? '' } : undefined;
}
