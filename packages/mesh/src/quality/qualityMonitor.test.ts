import { describe, expect, it } from 'vitest';
import { StatsCollector } from '../stats/collector.js';
import type { PeerStats } from '../stats/types.js';
import { QualityMonitor } from './qualityMonitor.js';
import type { QualityReport } from './thresholds.js';

interface Knobs {
  rttMs?: number | null;
  lossPercent?: number | null;
  jitterMs?: number | null;
  videoKbps?: number | null;
  fps?: number | null;
  limitation?: 'none' | 'cpu' | 'bandwidth' | null;
  video?: boolean;
}

function stats(k: Knobs = {}): PeerStats {
  const video = k.video ?? true;
  return {
    timestampMs: 0,
    rttMs: k.rttMs === undefined ? 20 : k.rttMs,
    availableOutgoingKbps: 2000,
    localCandidateType: 'host',
    remoteCandidateType: 'host',
    inbound: {
      audioKbps: 30,
      videoKbps: video ? (k.videoKbps === undefined ? 800 : k.videoKbps) : null,
      packetLossPercent: k.lossPercent === undefined ? 0 : k.lossPercent,
      jitterMs: k.jitterMs === undefined ? 5 : k.jitterMs,
      packetsLostTotal: 0,
      video: video ? { framesPerSecond: k.fps === undefined ? 30 : k.fps, width: 640, height: 480 } : null,
    },
    outbound: {
      audioKbps: 30,
      videoKbps: 800,
      packetLossPercent: 0,
      jitterMs: 3,
      qualityLimitationReason: k.limitation === undefined ? 'none' : k.limitation,
      video: null,
    },
  };
}

function run(monitor: QualityMonitor, samples: PeerStats[], peerId = 'p') {
  const events: QualityReport[] = [];
  const off = monitor.on('quality-changed', (id, report) => {
    if (id === peerId) events.push(report);
  });
  const levels = samples.map((s) => monitor.update(peerId, s).level);
  off();
  return { events, levels };
}

describe('QualityMonitor', () => {
  it('stays good on a healthy connection and emits nothing', () => {
    const { events, levels } = run(
      new QualityMonitor(),
      Array.from({ length: 6 }, () => stats()),
    );
    expect(events).toEqual([]);
    expect(levels.every((l) => l === 'good')).toBe(true);
  });

  it.each([
    [{ rttMs: 350 }, 'warning', 'high-rtt'],
    [{ rttMs: 700 }, 'bad', 'high-rtt'],
    [{ lossPercent: 3 }, 'warning', 'packet-loss'],
    [{ lossPercent: 10 }, 'bad', 'packet-loss'],
    [{ jitterMs: 50 }, 'warning', 'jitter'],
    [{ videoKbps: 100 }, 'warning', 'low-bitrate'],
    [{ videoKbps: 20 }, 'bad', 'low-bitrate'],
    [{ fps: 10 }, 'warning', 'low-framerate'],
    [{ limitation: 'cpu' }, 'warning', 'cpu-limited'],
    [{ limitation: 'bandwidth' }, 'warning', 'bandwidth-limited'],
  ] as const)('%o over the window → %s (%s)', (knobs, level, reason) => {
    const monitor = new QualityMonitor();
    const { events } = run(
      monitor,
      Array.from({ length: 5 }, () => stats(knobs)),
    );
    expect(events).toEqual([{ level, reasons: [reason] }]);
    expect(monitor.get('p')).toEqual({ level, reasons: [reason] });
  });

  it('averages over the window: one spike does not change the level', () => {
    const samples = [stats(), stats(), stats(), stats(), stats({ rttMs: 900 }), stats(), stats()];
    // Average with the spike: (4 × 20 + 900) / 5 = 196 ms < 300.
    expect(run(new QualityMonitor(), samples).events).toEqual([]);
  });

  it('ignores the video metrics when no video is received, and null rates (first sample)', () => {
    const samples = [stats({ video: false }), stats({ videoKbps: null, fps: null }), stats({ video: false })];
    expect(run(new QualityMonitor(), samples).events).toEqual([]);
  });

  it('reports several reasons, most severe first', () => {
    const { events } = run(new QualityMonitor(), [stats({ rttMs: 400, lossPercent: 12 })]);
    expect(events).toEqual([{ level: 'bad', reasons: ['packet-loss', 'high-rtt'] }]);
  });

  it('worsens at once but improves only after samplesToImprove good samples (hysteresis)', () => {
    const monitor = new QualityMonitor({ thresholds: { windowSize: 1 } });
    const { events, levels } = run(monitor, [stats({ rttMs: 700 }), stats(), stats(), stats(), stats()]);
    expect(levels).toEqual(['bad', 'bad', 'bad', 'good', 'good']);
    expect(events.map((e) => e.level)).toEqual(['bad', 'good']);
  });

  it('does not flap around a threshold: leaving a level needs a margin below its limit', () => {
    const monitor = new QualityMonitor({ thresholds: { windowSize: 1, samplesToImprove: 1 } });
    // 310 → warning; 290 is under 300 but not under 300 × 0.8 = 240, so it stays warning.
    const { events, levels } = run(monitor, [
      stats({ rttMs: 310 }),
      stats({ rttMs: 290 }),
      stats({ rttMs: 305 }),
      stats({ rttMs: 280 }),
      stats({ rttMs: 200 }),
    ]);
    expect(levels).toEqual(['warning', 'warning', 'warning', 'warning', 'good']);
    expect(events.map((e) => e.level)).toEqual(['warning', 'good']);
  });

  it('keeps peers apart, forgets removed ones, and follows a collector through observe()', () => {
    const monitor = new QualityMonitor({ thresholds: { windowSize: 1 } });
    monitor.update('a', stats({ rttMs: 700 }));
    monitor.update('b', stats());
    expect([monitor.get('a').level, monitor.get('b').level]).toEqual(['bad', 'good']);
    monitor.remove('a');
    expect(monitor.get('a').level).toBe('good');

    const listeners: Record<string, (...args: never[]) => void> = {};
    const fakeCollector = {
      on: (event: string, listener: (...args: never[]) => void) => {
        listeners[event] = listener;
        return () => delete listeners[event];
      },
    };
    const off = monitor.observe(fakeCollector as never);
    (listeners.stats as unknown as (id: string, s: PeerStats) => void)('c', stats({ lossPercent: 20 }));
    expect(monitor.get('c').level).toBe('bad');
    (listeners.dropped as unknown as (id: string) => void)('c');
    expect(monitor.get('c').level).toBe('good');
    off();
    expect(Object.keys(listeners)).toEqual([]);
    // A real collector fits observe().
    const collector = new StatsCollector();
    monitor.observe(collector)();
    expect(collector.listenerCount()).toBe(0);
  });
});
