import { TypedEmitter } from '@smartc/core';

/** The part of `AudioContext` the monitor uses. */
export interface AudioContextLike {
  createMediaStreamSource(stream: MediaStream): { connect(node: unknown): unknown; disconnect(): void };
  createAnalyser(): { fftSize: number; getByteTimeDomainData(array: Uint8Array): void };
  resume?(): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link AudioLevelMonitor}. */
export interface AudioLevelMonitorOptions {
  /** Default `globalThis.AudioContext` (feature-detected; absent → `supported: false`). */
  AudioContext?: new () => AudioContextLike;
  /** How often levels are measured; default 100 ms. */
  intervalMs?: number;
  /** Level (0–1) from which someone counts as speaking; default 0.05. */
  threshold?: number;
  /** How long the active speaker keeps the role after going quiet; default 1000 ms. */
  holdMs?: number;
}

/** The events of {@link AudioLevelMonitor}. */
export type AudioLevelEvents = {
  /** Every interval: the level (0–1) of every monitored stream. */
  levels: [levels: ReadonlyMap<string, number>];
  'active-speaker': [id: string | null];
};

interface Entry {
  source: { disconnect(): void };
  analyser: { fftSize: number; getByteTimeDomainData(array: Uint8Array): void };
  buffer: Uint8Array;
  level: number;
  lastLoudAt: number;
}

/**
 * Audio levels (RMS, 0–1) per stream via WebAudio, and the active speaker with a threshold and a hold time so it
 * does not flap. Without `AudioContext` (Node) `supported` is false and `add` does nothing.
 *
 * @example
 * const levels = new AudioLevelMonitor();
 * levels.add('me', localMedia.stream);
 * levels.add(peerId, remoteStream);
 * levels.on('active-speaker', (id) => highlight(id));
 */
export class AudioLevelMonitor extends TypedEmitter<AudioLevelEvents> {
  readonly supported: boolean;
  readonly #options: Required<Omit<AudioLevelMonitorOptions, 'AudioContext'>>;
  readonly #Context: (new () => AudioContextLike) | undefined;
  #context: AudioContextLike | null = null;
  readonly #entries = new Map<string, Entry>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #speaker: string | null = null;

  constructor(options: AudioLevelMonitorOptions = {}) {
    super();
    this.#Context =
      options.AudioContext ?? (globalThis as { AudioContext?: new () => AudioContextLike }).AudioContext;
    this.supported = typeof this.#Context === 'function';
    this.#options = {
      intervalMs: options.intervalMs ?? 100,
      threshold: options.threshold ?? 0.05,
      holdMs: options.holdMs ?? 1000,
    };
  }

  /** The current active speaker, if any. */
  get activeSpeaker(): string | null {
    return this.#speaker;
  }

  /** The last level (0–1) of `id`; 0 when unknown. */
  getLevel(id: string): number {
    return this.#entries.get(id)?.level ?? 0;
  }

  /** Monitors `stream` under `id` (replacing a previous stream of that id). */
  add(id: string, stream: MediaStream): void {
    if (!this.#Context) return;
    this.remove(id);
    if (!this.#context) {
      this.#context = new this.#Context();
      this.#context.resume?.().catch(() => undefined);
    }
    const source = this.#context.createMediaStreamSource(stream);
    const analyser = this.#context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    this.#entries.set(id, {
      source,
      analyser,
      buffer: new Uint8Array(analyser.fftSize),
      level: 0,
      lastLoudAt: -1,
    });
    this.#timer ??= setInterval(() => this.#measure(), this.#options.intervalMs);
  }

  /** Stops monitoring `id`. */
  remove(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    entry.source.disconnect();
    this.#entries.delete(id);
    if (this.#entries.size === 0) this.#clearTimer();
    if (this.#speaker === id) this.#setSpeaker(null);
  }

  /** Stops measuring and closes the AudioContext. */
  stop(): void {
    for (const id of [...this.#entries.keys()]) this.remove(id);
    this.#clearTimer();
    this.#context?.close().catch(() => undefined);
    this.#context = null;
  }

  #measure(): void {
    const now = Date.now();
    const levels = new Map<string, number>();
    let loudest: string | null = null;
    for (const [id, entry] of this.#entries) {
      entry.analyser.getByteTimeDomainData(entry.buffer);
      let sum = 0;
      for (const value of entry.buffer) sum += ((value - 128) / 128) ** 2;
      entry.level = Math.min(1, Math.sqrt(sum / entry.buffer.length));
      levels.set(id, entry.level);
      if (entry.level >= this.#options.threshold) {
        entry.lastLoudAt = now;
        if (loudest === null || entry.level > (levels.get(loudest) ?? 0)) loudest = id;
      }
    }
    this.emit('levels', levels);
    const current = this.#speaker === null ? undefined : this.#entries.get(this.#speaker);
    if (current && now - current.lastLoudAt < this.#options.holdMs) return;
    this.#setSpeaker(loudest);
  }

  #setSpeaker(id: string | null): void {
    if (this.#speaker === id) return;
    this.#speaker = id;
    this.emit('active-speaker', id);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
