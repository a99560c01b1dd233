import { TypedEmitter } from '@smartc/core';
import { computePeerStats } from './compute.js';
import { sampleStats } from './sample.js';
import type { PeerStats, StatsReportLike, StatsSample } from './types.js';

/** What the collector needs of a peer connection: any `RTCPeerConnection` (browser or @roamhq/wrtc). */
export interface StatsSource {
  getStats(): Promise<StatsReportLike>;
  readonly connectionState?: string;
}

/** Events of a {@link StatsCollector}. */
export type StatsCollectorEvents = {
  /** New stats of a peer, once per interval. */
  stats: [peerId: string, stats: PeerStats];
  /** The peer was removed because its connection is closed or `getStats()` failed. */
  dropped: [peerId: string, reason: unknown];
};

/** Options of a {@link StatsCollector}. */
export interface StatsCollectorOptions {
  /** Milliseconds between two `getStats()` calls per peer. Default {@link DEFAULT_STATS_INTERVAL_MS}. */
  intervalMs?: number;
  /** Clock used to time the samples; default `performance.now()`. */
  now?: () => number;
}

/** Default polling interval. */
export const DEFAULT_STATS_INTERVAL_MS = 2000;

interface Entry {
  source: StatsSource;
  previous: StatsSample | undefined;
  latest: PeerStats | undefined;
  inFlight: boolean;
}

/**
 * Polls `getStats()` of every registered peer connection on one shared timer (one call per peer per
 * interval, skipped while the previous one is still pending) and emits {@link PeerStats} as rates.
 * A closed connection or a failing `getStats()` drops the peer (`dropped` event), never an
 * unhandled rejection. The timer is unref'd, so it never keeps Node alive.
 *
 * @example
 * const collector = new StatsCollector({ intervalMs: 1000 });
 * collector.on('stats', (peerId, stats) => console.log(peerId, stats.rttMs, stats.inbound.videoKbps));
 * collector.add('peer-1', pc);
 * // later
 * collector.stop();
 */
export class StatsCollector extends TypedEmitter<StatsCollectorEvents> {
  readonly intervalMs: number;
  readonly #now: () => number;
  readonly #peers = new Map<string, Entry>();
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: StatsCollectorOptions = {}) {
    super();
    const interval = options.intervalMs ?? DEFAULT_STATS_INTERVAL_MS;
    if (!Number.isFinite(interval) || interval <= 0)
      throw new RangeError(`Invalid stats interval: ${interval}`);
    this.intervalMs = interval;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Starts polling `source` for `peerId` (replacing an earlier source of that id). */
  add(peerId: string, source: StatsSource): void {
    this.#peers.set(peerId, { source, previous: undefined, latest: undefined, inFlight: false });
    this.#start();
  }

  /** Stops polling `peerId`. Unknown ids are ignored. */
  remove(peerId: string): void {
    this.#peers.delete(peerId);
    if (this.#peers.size === 0) this.#clearTimer();
  }

  /** The latest stats of `peerId`, if any were computed. */
  get(peerId: string): PeerStats | undefined {
    return this.#peers.get(peerId)?.latest;
  }

  /** Ids of the polled peers. */
  peerIds(): string[] {
    return [...this.#peers.keys()];
  }

  /** Polls every peer now (also what the timer calls). Resolves when every poll has settled. */
  async poll(): Promise<void> {
    await Promise.all([...this.#peers].map(([peerId, entry]) => this.#pollPeer(peerId, entry)));
  }

  /** Stops polling and forgets every peer. Listeners stay registered. */
  stop(): void {
    this.#peers.clear();
    this.#clearTimer();
  }

  async #pollPeer(peerId: string, entry: Entry): Promise<void> {
    if (entry.inFlight) return;
    if (entry.source.connectionState === 'closed') {
      this.#drop(peerId, entry, new Error('RTCPeerConnection is closed'));
      return;
    }
    entry.inFlight = true;
    try {
      const report = await entry.source.getStats();
      if (this.#peers.get(peerId) !== entry) return;
      const sample = sampleStats(report, this.#now());
      const stats = computePeerStats(entry.previous, sample);
      entry.previous = sample;
      entry.latest = stats;
      this.emit('stats', peerId, stats);
    } catch (error) {
      this.#drop(peerId, entry, error);
    } finally {
      entry.inFlight = false;
    }
  }

  #drop(peerId: string, entry: Entry, reason: unknown): void {
    if (this.#peers.get(peerId) !== entry) return;
    this.remove(peerId);
    this.emit('dropped', peerId, reason);
  }

  #start(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      void this.poll();
    }, this.intervalMs);
    const timer = this.#timer as { unref?: () => void };
    timer.unref?.();
  }

  #clearTimer(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
