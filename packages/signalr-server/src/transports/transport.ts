import type { TransportName } from '../types.js';

/** What a transport reports to the connection that owns it. */
export interface TransportEvents {
  /** Bytes received from the client (WebSocket frames; HTTP POST bodies are routed directly). */
  onData(chunk: Buffer): void;
  /** The client broke the transport contract (e.g. a binary frame on a text connection). */
  onProtocolError(error: Error): void;
  /** The transport ended; `error` is set when it did not end gracefully. */
  onClose(error: Error | undefined): void;
}

/** A message-oriented server transport: whole payloads out, bytes in. */
export interface Transport {
  readonly name: TransportName;
  /** Long polling has an inherent keep-alive: the server sends no pings over it. */
  readonly inherentKeepAlive: boolean;
  /** Sends one payload made of whole records, as one frame / event / poll response. */
  write(payload: string): Promise<void>;
  /** Ends the transport after data already written. Calls `onClose` (once) when done. */
  close(): void;
  /** Called by the heartbeat; transports with deadlines (long polling) use it. */
  tick?(now: number): void;
}
