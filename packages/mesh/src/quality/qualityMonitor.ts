import { TypedEmitter, type Unsubscribe } from '@smartc/core';
import type { PeerStats } from '../stats/types.js';
import { assessWindow, type ReasonLevels } from './assess.js';
import {
  LEVEL_RANK,
  QUALITY_THRESHOLDS,
  type QualityLevel,
  type QualityReason,
  type QualityReport,
  type QualityThresholds,
} from './thresholds.js';

/** Events of a {@link QualityMonitor}. */
export type QualityMonitorEvents = {
  /** A peer's level or reasons changed. */
  'quality-changed': [peerId: string, report: QualityReport];
};

/** Options of a {@link QualityMonitor}. */
export interface QualityMonitorOptions {
  /** Overrides of {@link QUALITY_THRESHOLDS}. */
  thresholds?: Partial<QualityThresholds>;
}

interface PeerState {
  window: PeerStats[];
  reasons: ReasonLevels;
  report: QualityReport;
  betterStreak: number;
}

const GOOD: QualityReport = Object.freeze({ level: 'good', reasons: [] }) as QualityReport;

function toReport(levels: ReasonLevels): QualityReport {
  const reasons = (Object.keys(levels) as QualityReason[]).sort(
    (a, b) => LEVEL_RANK[levels[b] ?? 'good'] - LEVEL_RANK[levels[a] ?? 'good'],
  );
  const level = reasons.reduce<QualityLevel>(
    (worst, reason) =>
      LEVEL_RANK[levels[reason] ?? 'good'] > LEVEL_RANK[worst] ? (levels[reason] ?? worst) : worst,
    'good',
  );
  return { level, reasons };
}

function sameReport(a: QualityReport, b: QualityReport): boolean {
  return (
    a.level === b.level &&
    a.reasons.length === b.reasons.length &&
    a.reasons.every((r, i) => r === b.reasons[i])
  );
}

/**
 * Per-peer connection quality (`good | warning | bad` with reasons) over a sliding window of
 * {@link PeerStats}, with hysteresis so it does not flap: a level worsens at once, but improves only
 * after {@link QualityThresholds.samplesToImprove} better samples, and a metric must clear its limit
 * by a margin. Emits `quality-changed` only on change.
 *
 * @example
 * const quality = new QualityMonitor();
 * quality.observe(collector); // a StatsCollector
 * quality.on('quality-changed', (peerId, { level, reasons }) => console.log(peerId, level, reasons));
 */
export class QualityMonitor extends TypedEmitter<QualityMonitorEvents> {
  readonly thresholds: Readonly<QualityThresholds>;
  readonly #peers = new Map<string, PeerState>();

  constructor(options: QualityMonitorOptions = {}) {
    super();
    this.thresholds = Object.freeze({ ...QUALITY_THRESHOLDS, ...options.thresholds });
  }

  /** Adds a sample of `peerId` and returns its (possibly unchanged) quality. */
  update(peerId: string, stats: PeerStats): QualityReport {
    let state = this.#peers.get(peerId);
    if (!state) {
      state = { window: [], reasons: {}, report: GOOD, betterStreak: 0 };
      this.#peers.set(peerId, state);
    }
    state.window.push(stats);
    if (state.window.length > this.thresholds.windowSize) state.window.shift();
    const levels = assessWindow(state.window, this.thresholds, state.reasons);
    const candidate = toReport(levels);
    if (LEVEL_RANK[candidate.level] < LEVEL_RANK[state.report.level]) {
      state.betterStreak += 1;
      if (state.betterStreak < this.thresholds.samplesToImprove) return state.report;
    }
    state.betterStreak = 0;
    state.reasons = levels;
    if (!sameReport(candidate, state.report)) {
      state.report = candidate;
      this.emit('quality-changed', peerId, candidate);
    }
    return state.report;
  }

  /** The current quality of `peerId` (`good` before any sample). */
  get(peerId: string): QualityReport {
    return this.#peers.get(peerId)?.report ?? GOOD;
  }

  /** Forgets `peerId`. */
  remove(peerId: string): void {
    this.#peers.delete(peerId);
  }

  /** Feeds every `stats` event of a collector (and forgets dropped peers) until the returned function is called. */
  observe(collector: {
    on(event: 'stats', listener: (peerId: string, stats: PeerStats) => void): Unsubscribe;
    on(event: 'dropped', listener: (peerId: string) => void): Unsubscribe;
  }): Unsubscribe {
    const offStats = collector.on('stats', (peerId, stats) => {
      this.update(peerId, stats);
    });
    const offDropped = collector.on('dropped', (peerId) => this.remove(peerId));
    return () => {
      offStats();
      offDropped();
    };
  }
}
