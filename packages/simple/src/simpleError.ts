import { SmaRTCError } from '@smartc/core';
import type { ErrorCode } from '@smartc/protocol';
import type { SimpleMessageId } from './messages/catalogue.js';

/**
 * What was being done when an error happened: a SmaRTCSimple method, `sendMessage` / `screenShare` (for apps
 * translating `Call` errors), or `call` for errors during a call (onError).
 */
export type SimpleOperation =
  | 'login'
  | 'register'
  | 'logout'
  | 'startCall'
  | 'joinCall'
  | 'endCall'
  | 'toggleMicrophone'
  | 'toggleCamera'
  | 'getAvailableCalls'
  | 'getCallDetails'
  | 'getIceServers'
  | 'sendMessage'
  | 'screenShare'
  | 'call';

/** Options of {@link SmaRTCSimpleError}. */
export interface SmaRTCSimpleErrorOptions {
  operation: SimpleOperation;
  messageId: SimpleMessageId;
  /** The error of the layer below (a `SmaRTCError` of `@smartc/core` or `@smartc/mesh`, usually). */
  cause?: unknown;
  status?: number;
  retryable?: boolean;
  retryAfterSeconds?: number;
}

/**
 * Every error of SmaRTCSimple: a `SmaRTCError` whose `message` is the localised text of the original wrappers
 * (`Identifiants incorrects`, `Cet appel n'existe pas`, …), whose `code` is the stable code of the layer below,
 * and whose `cause` is the original error. Branch on `code` (or `messageId`), show `message`.
 *
 * @example
 * try {
 *   await smartc.joinCall(id);
 * } catch (error) {
 *   if (error instanceof SmaRTCSimpleError && error.code === 'SESSION_NOT_FOUND') showNotFound(error.message);
 * }
 */
export class SmaRTCSimpleError extends SmaRTCError {
  override readonly name = 'SmaRTCSimpleError';
  /** The method that failed (`call`: during a call). */
  readonly operation: SimpleOperation;
  /** Which message of the catalogue `message` is. */
  readonly messageId: SimpleMessageId;

  constructor(code: ErrorCode, message: string, options: SmaRTCSimpleErrorOptions) {
    super(code, message, {
      cause: options.cause,
      ...(options.status !== undefined ? { status: options.status } : {}),
      ...(options.retryable !== undefined ? { retryable: options.retryable } : {}),
      ...(options.retryAfterSeconds !== undefined ? { retryAfterSeconds: options.retryAfterSeconds } : {}),
    });
    this.operation = options.operation;
    this.messageId = options.messageId;
  }

  /** `SmaRTC: <message>`, as the original wrappers printed it. */
  override toString(): string {
    return `SmaRTC: ${this.message}`;
  }
}
