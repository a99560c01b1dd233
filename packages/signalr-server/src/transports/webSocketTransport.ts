import type { RawData, WebSocket } from 'ws';
import { ProtocolError } from '../errors.js';
import type { Transport, TransportEvents } from './transport.js';

/** WebSocket close codes used here (RFC 6455 §7.4.1). */
export enum CloseCode {
  Normal = 1000,
  GoingAway = 1001,
  NoStatus = 1005,
}

const GRACEFUL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.Normal,
  CloseCode.GoingAway,
  CloseCode.NoStatus,
]);

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/** The WebSockets transport over a `ws` socket: text frames out, every frame parsed in. */
export class WebSocketTransport implements Transport {
  readonly name = 'WebSockets' as const;
  readonly inherentKeepAlive = false;
  readonly #socket: WebSocket;
  #closed = false;

  constructor(socket: WebSocket, events: TransportEvents) {
    this.#socket = socket;
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        events.onProtocolError(
          new ProtocolError('Binary frames are not supported by the JSON hub protocol.'),
        );
        return;
      }
      events.onData(toBuffer(data));
    });
    // `ws` emits 'error' (e.g. max payload exceeded) and then 'close'; the close carries the outcome.
    socket.on('error', () => {});
    socket.on('close', (code, reason) => {
      this.#closed = true;
      const graceful = GRACEFUL_CLOSE_CODES.has(code);
      const text = reason.length > 0 ? reason.toString('utf8') : 'no reason given';
      events.onClose(
        graceful ? undefined : new Error(`WebSocket closed with status code: ${code} (${text}).`),
      );
    });
  }

  write(payload: string): Promise<void> {
    if (this.#closed || this.#socket.readyState !== this.#socket.OPEN) {
      return Promise.reject(new Error('The WebSocket is not open.'));
    }
    return new Promise((resolve, reject) => {
      this.#socket.send(payload, { binary: false }, (error) => (error ? reject(error) : resolve()));
    });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#socket.close(CloseCode.Normal);
  }

  /** Drops the socket without a closing handshake (used when a close does not complete). */
  terminate(): void {
    this.#socket.terminate();
  }
}
