import type { ServerResponse } from 'node:http';
import type { Transport, TransportEvents } from './transport.js';

/** Headers .NET sends on an event stream (no caching, no compression, no proxy buffering). */
const SSE_HEADERS = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache, no-store',
  Pragma: 'no-cache',
  'Content-Encoding': 'identity',
  'X-Accel-Buffering': 'no',
  Connection: 'keep-alive',
} as const;

/** First bytes of the stream: an SSE comment, so browsers fire `open` at once. */
const SSE_PREAMBLE = ':\r\n';

/** Formats one payload as one SSE event: a `data:` line per payload line, then a blank line. */
export function formatServerSentEvent(payload: string): string {
  let event = '';
  for (const line of payload.split('\n')) {
    event += `data: ${line.endsWith('\r') ? line.slice(0, -1) : line}\r\n`;
  }
  return `${event}\r\n`;
}

/** Server-Sent Events (server→client); client→server data arrives by HTTP POST. */
export class ServerSentEventsTransport implements Transport {
  readonly name = 'ServerSentEvents' as const;
  readonly inherentKeepAlive = false;
  readonly #response: ServerResponse;
  #closed = false;

  constructor(response: ServerResponse, events: Pick<TransportEvents, 'onClose'>) {
    this.#response = response;
    response.writeHead(200, SSE_HEADERS);
    response.write(SSE_PREAMBLE);
    // Fires when we end the stream and when the client goes away; both end the connection.
    response.on('close', () => {
      this.#closed = true;
      events.onClose(undefined);
    });
  }

  write(payload: string): Promise<void> {
    if (this.#closed || this.#response.destroyed) {
      return Promise.reject(new Error('The event stream is closed.'));
    }
    return new Promise((resolve, reject) => {
      this.#response.write(formatServerSentEvent(payload), (error) => (error ? reject(error) : resolve()));
    });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#response.end();
  }
}
