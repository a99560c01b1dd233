import type { DataChannelKind, DataPayload, MeshLogger, ReceivedData } from './types.js';

/** Labels and fixed ids of the pre-negotiated channels (identical on both sides: no `ondatachannel` race). */
export const DATA_CHANNELS: Readonly<Record<DataChannelKind, { label: string; init: RTCDataChannelInit }>> = {
  reliable: { label: 'smartc-reliable', init: { negotiated: true, id: 0, ordered: true } },
  unreliable: {
    label: 'smartc-unreliable',
    init: { negotiated: true, id: 1, ordered: false, maxRetransmits: 0 },
  },
};

/** Backpressure limits of {@link PeerDataChannels}. */
export interface DataChannelLimits {
  /** Above this `bufferedAmount`, messages wait in the queue (default 1 MiB). */
  highWaterMark?: number;
  /** `bufferedAmountLowThreshold`: the queue drains when the buffer falls to it (default 256 KiB). */
  lowWaterMark?: number;
  /** Queue bound in bytes per channel (default 8 MiB); beyond it `send` returns false. */
  maxQueuedBytes?: number;
}

/** Callbacks of {@link PeerDataChannels}. */
export interface DataChannelHandlers {
  onOpen?(kind: DataChannelKind): void;
  onClose?(kind: DataChannelKind): void;
  onMessage?(data: ReceivedData, kind: DataChannelKind): void;
}

function sizeOf(data: DataPayload): number {
  return typeof data === 'string' ? data.length * 2 : data.byteLength;
}

class Channel {
  readonly #queue: DataPayload[] = [];
  #queuedBytes = 0;
  #opened = false;

  constructor(
    readonly kind: DataChannelKind,
    readonly dc: RTCDataChannel,
    readonly limits: Required<DataChannelLimits>,
    handlers: DataChannelHandlers,
    readonly logger: MeshLogger | undefined,
  ) {
    dc.binaryType = 'arraybuffer';
    dc.bufferedAmountLowThreshold = limits.lowWaterMark;
    dc.addEventListener('open', () => {
      this.#opened = true;
      this.#drain();
      handlers.onOpen?.(kind);
    });
    dc.addEventListener('close', () => {
      this.#queue.length = 0;
      this.#queuedBytes = 0;
      if (this.#opened) handlers.onClose?.(kind);
      this.#opened = false;
    });
    dc.addEventListener('bufferedamountlow', () => this.#drain());
    dc.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as unknown;
      if (typeof data === 'string' || data instanceof ArrayBuffer) handlers.onMessage?.(data, kind);
      else if (ArrayBuffer.isView(data))
        handlers.onMessage?.(
          data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
          kind,
        );
    });
  }

  get open(): boolean {
    return this.dc.readyState === 'open';
  }

  send(data: DataPayload): boolean {
    const state = this.dc.readyState;
    if (state === 'closing' || state === 'closed') return false;
    const size = sizeOf(data);
    const congested =
      state !== 'open' || this.#queue.length > 0 || this.dc.bufferedAmount + size > this.limits.highWaterMark;
    if (!congested) return this.#write(data);
    // Unreliable data is only worth sending now: drop it under backpressure (but queue it before open).
    if (this.kind === 'unreliable' && state === 'open') return false;
    if (this.#queuedBytes + size > this.limits.maxQueuedBytes) {
      this.logger?.warn?.(`[data ${this.kind}] queue full, message dropped`);
      return false;
    }
    this.#queue.push(data);
    this.#queuedBytes += size;
    return true;
  }

  #write(data: DataPayload): boolean {
    try {
      this.dc.send(data as string);
      return true;
    } catch (error) {
      this.logger?.warn?.(`[data ${this.kind}] send failed: ${(error as Error)?.message}`);
      return false;
    }
  }

  #drain(): void {
    while (this.#queue.length > 0 && this.open && this.dc.bufferedAmount < this.limits.highWaterMark) {
      const next = this.#queue.shift() as DataPayload;
      this.#queuedBytes -= sizeOf(next);
      this.#write(next);
    }
  }

  close(): void {
    this.#queue.length = 0;
    this.#queuedBytes = 0;
    try {
      this.dc.close();
    } catch {
      // already closed with its connection
    }
  }
}

/**
 * The two pre-negotiated data channels of one peer connection (id 0 reliable and ordered, id 1
 * unordered with `maxRetransmits: 0`), with a bounded send queue: messages wait while the channel
 * is connecting or its buffer is above the high-water mark, and drain on `bufferedamountlow`.
 *
 * @example
 * const channels = new PeerDataChannels(pc, { onMessage: (data, kind) => console.log(kind, data) });
 * channels.send('hello'); // reliable
 * channels.send(new Uint8Array([1, 2]), 'unreliable');
 */
export class PeerDataChannels {
  readonly #channels: Record<DataChannelKind, Channel>;

  constructor(
    pc: RTCPeerConnection,
    handlers: DataChannelHandlers,
    limits: DataChannelLimits = {},
    logger?: MeshLogger,
  ) {
    const l: Required<DataChannelLimits> = {
      highWaterMark: limits.highWaterMark ?? 1024 * 1024,
      lowWaterMark: limits.lowWaterMark ?? 256 * 1024,
      maxQueuedBytes: limits.maxQueuedBytes ?? 8 * 1024 * 1024,
    };
    const make = (kind: DataChannelKind) =>
      new Channel(
        kind,
        pc.createDataChannel(DATA_CHANNELS[kind].label, DATA_CHANNELS[kind].init),
        l,
        handlers,
        logger,
      );
    this.#channels = { reliable: make('reliable'), unreliable: make('unreliable') };
  }

  /** Sends (or queues) `data`. False when it was dropped: channel closed, queue full, or unreliable under backpressure. */
  send(data: DataPayload, kind: DataChannelKind = 'reliable'): boolean {
    return this.#channels[kind].send(data);
  }

  /** True when the channel is open. */
  isOpen(kind: DataChannelKind): boolean {
    return this.#channels[kind].open;
  }

  /** The underlying channel (diagnostics). */
  channel(kind: DataChannelKind): RTCDataChannel {
    return this.#channels[kind].dc;
  }

  /** Closes both channels and drops what is queued. */
  close(): void {
    this.#channels.reliable.close();
    this.#channels.unreliable.close();
  }
}
