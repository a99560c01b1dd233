import { errorFromCode, isSmaRTCError, type SmaRTCError } from '@smartc/core';
import { ErrorCode } from '@smartc/protocol';

/** DOMException / legacy error names of getUserMedia and getDisplayMedia, by SmaRTC code. */
export const MEDIA_ERROR_NAMES: Readonly<Record<string, ErrorCode>> = {
  NotAllowedError: ErrorCode.MEDIA_PERMISSION_DENIED,
  SecurityError: ErrorCode.MEDIA_PERMISSION_DENIED,
  PermissionDeniedError: ErrorCode.MEDIA_PERMISSION_DENIED,
  NotReadableError: ErrorCode.MEDIA_DEVICE_IN_USE,
  TrackStartError: ErrorCode.MEDIA_DEVICE_IN_USE,
  AbortError: ErrorCode.MEDIA_DEVICE_IN_USE,
  NotFoundError: ErrorCode.MEDIA_DEVICE_NOT_FOUND,
  DevicesNotFoundError: ErrorCode.MEDIA_DEVICE_NOT_FOUND,
  OverconstrainedError: ErrorCode.MEDIA_CONSTRAINTS_UNSATISFIABLE,
  ConstraintNotSatisfiedError: ErrorCode.MEDIA_CONSTRAINTS_UNSATISFIABLE,
  TypeError: ErrorCode.MEDIA_UNSUPPORTED,
  NotSupportedError: ErrorCode.MEDIA_UNSUPPORTED,
};

function field(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;
}

/**
 * Maps a getUserMedia / getDisplayMedia failure to a {@link SmaRTCError} with a `MEDIA_*` code, by the
 * error's `name` (never by user agent). The original error is kept as `cause`. For constraint errors the
 * message names the constraint (`OverconstrainedError.constraint`). A {@link SmaRTCError} is returned as is;
 * an unknown error becomes `MEDIA_UNSUPPORTED`.
 *
 * @example
 * try {
 *   stream = await navigator.mediaDevices.getUserMedia({ video: true });
 * } catch (error) {
 *   const e = normalizeMediaError(error);
 *   if (e.code === 'MEDIA_PERMISSION_DENIED') showPermissionHelp();
 * }
 */
export function normalizeMediaError(error: unknown): SmaRTCError {
  if (isSmaRTCError(error)) return error;
  const name = field(error, 'name');
  const code =
    (typeof name === 'string' ? MEDIA_ERROR_NAMES[name] : undefined) ?? ErrorCode.MEDIA_UNSUPPORTED;
  if (code === ErrorCode.MEDIA_CONSTRAINTS_UNSATISFIABLE) {
    const constraint = field(error, 'constraint');
    if (typeof constraint === 'string' && constraint !== '') {
      return errorFromCode(code, `No camera or microphone satisfies the "${constraint}" constraint.`, {
        cause: error,
      });
    }
  }
  return errorFromCode(code, undefined, { cause: error });
}
