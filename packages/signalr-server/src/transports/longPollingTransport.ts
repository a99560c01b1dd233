import type { ServerResponse } from 'node:http';
import type { Transport, TransportEvents } from './transport.js';

/** HTTP statuses of the long-polling protocol. */
enum PollStatus {
  Data = 200,
  Terminated = 204,
}

const POLL_HEADERS = {
  'Content-Type': 'application/octet-stream',
  'Cache-Control': 'no-cache, no-store',
  Pragma: 'no-cache',
  Expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
} as const;

/** Timing the long-polling transport needs from the hub options. */
export interface LongPollingTimings {
  readonly pollTimeoutMs: number;
  readonly disconnectTimeoutMs: number;
}

interface ParkedPoll {
  readonly response: ServerResponse;
  readonly startedAt: number;
}

/**
 * Long polling: each GET takes everything buffered (whole records) or waits for data until
 * the poll timeout (then 200 empty). The first poll returns 200 empty at once. After close the
 * buffered data is still delivered, then polls get 204. A connection with no poll for the
 * disconnect timeout is closed; once closed and drained it is disposed.
 */
export class LongPollingTransport implements Transport {
  readonly name = 'LongPolling' as const;
  readonly inherentKeepAlive = true;
  readonly #events: Pick<TransportEvents, 'onClose'>;
  readonly #timings: LongPollingTimings;
  readonly #onDisposed: () => void;
  #buffer: string[] = [];
  #poll: ParkedPoll | undefined;
  #activated = false;
  #closed = false;
  #disposed = false;
  #lastActivityAt: number;

  constructor(events: Pick<TransportEvents, 'onClose'>, timings: LongPollingTimings, onDisposed: () => void) {
    this.#events = events;
    this.#timings = timings;
    this.#onDisposed = onDisposed;
    this.#lastActivityAt = Date.now();
  }

  /** Serves one poll request. */
  poll(response: ServerResponse): void {
    this.#lastActivityAt = Date.now();
    if (!this.#activated) {
      this.#activated = true;
      this.#respond(response, PollStatus.Data, '');
      return;
    }
    if (this.#poll) this.#endPoll(PollStatus.Terminated, '');
    if (this.#buffer.length > 0) {
      this.#respond(response, PollStatus.Data, this.#takeBuffer());
      return;
    }
    if (this.#closed) {
      this.#respond(response, PollStatus.Terminated, '');
      this.#dispose();
      return;
    }
    const parked: ParkedPoll = { response, startedAt: Date.now() };
    this.#poll = parked;
    response.on('close', () => {
      if (this.#poll === parked) {
        this.#poll = undefined;
        this.#lastActivityAt = Date.now();
      }
    });
  }

  write(payload: string): Promise<void> {
    if (this.#disposed) return Promise.reject(new Error('The long-polling connection is gone.'));
    this.#buffer.push(payload);
    const parked = this.#poll;
    if (parked) {
      if (parked.response.destroyed) this.#poll = undefined;
      else this.#endPoll(PollStatus.Data, this.#takeBuffer());
    }
    return Promise.resolve();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#poll && this.#buffer.length === 0) {
      this.#endPoll(PollStatus.Terminated, '');
      this.#dispose();
    }
    this.#events.onClose(undefined);
  }

  /** DELETE from the client: ends the pending poll with 204 and disposes. */
  terminate(): void {
    this.#buffer = [];
    if (this.#poll) this.#endPoll(PollStatus.Terminated, '');
    this.close();
    this.#dispose();
  }

  tick(now: number): void {
    if (this.#disposed) return;
    if (this.#poll) {
      if (now - this.#poll.startedAt >= this.#timings.pollTimeoutMs) this.#endPoll(PollStatus.Data, '');
      return;
    }
    if (now - this.#lastActivityAt < this.#timings.disconnectTimeoutMs) return;
    if (!this.#closed) {
      this.#closed = true;
      this.#events.onClose(new Error('The long-polling client stopped polling.'));
    }
    this.#dispose();
  }

  #takeBuffer(): string {
    const payload = this.#buffer.join('');
    this.#buffer = [];
    return payload;
  }

  #endPoll(status: PollStatus, body: string): void {
    const parked = this.#poll;
    this.#poll = undefined;
    this.#lastActivityAt = Date.now();
    if (parked) this.#respond(parked.response, status, body);
  }

  #respond(response: ServerResponse, status: PollStatus, body: string): void {
    if (response.writableEnded || response.destroyed) return;
    const headers =
      status === PollStatus.Terminated
        ? POLL_HEADERS
        : { ...POLL_HEADERS, 'Content-Length': String(Buffer.byteLength(body)) };
    response.writeHead(status, headers);
    response.end(body);
  }

  #dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#onDisposed();
  }
}
