import { ProtocolError } from '../errors.js';

/** Terminator of every JSON hub record (ASCII record separator). */
export const RECORD_SEPARATOR = '\x1e';
const RECORD_SEPARATOR_CODE = 0x1e;

/** Appends the record separator to one serialised record. */
export function writeRecord(text: string): string {
  return text + RECORD_SEPARATOR;
}

/**
 * Incremental splitter of the text framing: bytes in, complete records out. A record may
 * arrive split across chunks; a record (or an unterminated remainder) larger than
 * `maxMessageSize` bytes throws a {@link ProtocolError}. 0x1E never occurs inside a multi-byte
 * UTF-8 sequence, so splitting bytes is safe; each record is decoded strictly.
 */
export class TextMessageParser {
  readonly #maxMessageSize: number;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  #remainder: Buffer | undefined;

  constructor(maxMessageSize: number) {
    this.#maxMessageSize = maxMessageSize;
  }

  /** Bytes buffered that do not yet form a complete record. */
  get pendingBytes(): number {
    return this.#remainder?.length ?? 0;
  }

  /** Feeds one chunk; returns the records it completed (without separators). */
  push(chunk: Buffer): string[] {
    const data = this.#remainder ? Buffer.concat([this.#remainder, chunk]) : chunk;
    this.#remainder = undefined;
    const records: string[] = [];
    let start = 0;
    for (;;) {
      const end = data.indexOf(RECORD_SEPARATOR_CODE, start);
      if (end === -1) break;
      this.#checkSize(end - start);
      records.push(this.#decode(data.subarray(start, end)));
      start = end + 1;
    }
    if (start < data.length) {
      this.#checkSize(data.length - start);
      this.#remainder = Buffer.from(data.subarray(start));
    }
    return records;
  }

  #checkSize(size: number): void {
    if (size > this.#maxMessageSize) {
      throw new ProtocolError(
        `The maximum message size of ${this.#maxMessageSize}B was exceeded. The message size can be configured in the hub options.`,
      );
    }
  }

  #decode(bytes: Buffer): string {
    try {
      return this.#decoder.decode(bytes);
    } catch {
      throw new ProtocolError('Invalid UTF-8 in message.');
    }
  }
}
