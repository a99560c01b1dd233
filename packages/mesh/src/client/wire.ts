import { errorFromCode, isSmaRTCError, type SmaRTCError } from '@smartc/core';
import type { DataPayload, ReceivedData } from '../peers/types.js';

/** Serialises `sendMessage` data: binary is sent as it is, anything else as JSON (so objects round-trip). */
export function encodeMessage(data: unknown): DataPayload {
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data as DataPayload;
  return JSON.stringify(data) ?? 'null';
}

/** Parses a received data-channel message: JSON text → its value, other text and binary as they are. */
export function decodeMessage(data: ReceivedData): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/** Any failure as a `SmaRTCError` (`code` when it is not one already). */
export function toSmaRTCError(
  error: unknown,
  code: Parameters<typeof errorFromCode>[0],
  message?: string,
): SmaRTCError {
  if (isSmaRTCError(error)) return error;
  const text = message ?? (error instanceof Error ? error.message : String(error));
  return errorFromCode(code, text, { cause: error });
}
