import { isSmaRTCError } from '@smartc/core';
import { MEDIA_ERROR_NAMES, normalizeMediaError } from '@smartc/mesh';
import { ErrorCode } from '@smartc/protocol';
import { type SimpleOperation, SmaRTCSimpleError } from '../simpleError.js';
import { messagesFor, type SimpleLocale, type SimpleMessageId, type SimpleMessages } from './catalogue.js';
import { codeDescription } from './codeDescriptions.js';
import { messageIdFor } from './messageIdFor.js';

/** Your own texts for some messages, per locale (`{detail}` is replaced as in the built-in ones). */
export type SimpleMessageOverrides = Partial<Record<SimpleLocale, Partial<SimpleMessages>>>;

/**
 * The stable code of anything thrown by the layers below: theirs, a browser media exception's (by name; a plain
 * `TypeError` is a bug, not a media error), else `SERVER_ERROR`.
 */
function codeOf(error: unknown): ErrorCode {
  if (isSmaRTCError(error)) return error.code;
  const name = (error as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && name !== 'TypeError' && Object.hasOwn(MEDIA_ERROR_NAMES, name))
    return normalizeMediaError(error).code;
  return ErrorCode.SERVER_ERROR;
}

/**
 * Turns the errors of the layers below into {@link SmaRTCSimpleError}s in one locale: the message is chosen
 * from the operation and the stable code, the code and cause are kept.
 *
 * @example
 * const translator = new Translator('en');
 * translator.error('login', new SmaRTCError('AUTH_INVALID_CREDENTIALS')).message; // 'Wrong username or password'
 */
export class Translator {
  #locale: SimpleLocale;
  readonly #overrides: SimpleMessageOverrides;

  constructor(locale: SimpleLocale = 'fr', overrides: SimpleMessageOverrides = {}) {
    this.#locale = locale;
    this.#overrides = overrides;
  }

  get locale(): SimpleLocale {
    return this.#locale;
  }

  set locale(locale: SimpleLocale) {
    this.#locale = locale;
  }

  /** The text of message `id` for an error of `code`. */
  text(id: SimpleMessageId, code: ErrorCode): string {
    const template = this.#overrides[this.#locale]?.[id] ?? messagesFor(this.#locale)[id];
    return template.replaceAll('{detail}', codeDescription(code, this.#locale));
  }

  /** `error` as a {@link SmaRTCSimpleError} of `operation` (returned as is when it already is one). */
  error(operation: SimpleOperation, error: unknown, messageId?: SimpleMessageId): SmaRTCSimpleError {
    if (error instanceof SmaRTCSimpleError) return error;
    const code = codeOf(error);
    const id = messageId ?? messageIdFor(operation, code);
    const below = isSmaRTCError(error) ? error : undefined;
    return new SmaRTCSimpleError(code, this.text(id, code), {
      operation,
      messageId: id,
      cause: error,
      ...(below?.status !== undefined ? { status: below.status } : {}),
      ...(below ? { retryable: below.retryable } : {}),
      ...(below?.retryAfterSeconds !== undefined ? { retryAfterSeconds: below.retryAfterSeconds } : {}),
    });
  }
}
