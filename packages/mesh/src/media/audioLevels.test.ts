import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AudioLevelMonitor } from './audioLevels.js';

/** Amplitude (0–1) each fake stream currently plays, keyed by the stream object. */
const amplitude = new Map<object, number>();
const contexts: FakeAudioContext[] = [];

class FakeAudioContext {
  closed = false;
  disconnected = 0;
  constructor() {
    contexts.push(this);
  }
  createMediaStreamSource(stream: MediaStream) {
    const source = {
      stream,
      connect: (analyser: { stream?: MediaStream }) => {
        analyser.stream = stream;
      },
      disconnect: () => {
        this.disconnected++;
      },
    };
    return source;
  }
  createAnalyser() {
    const analyser = {
      fftSize: 2048,
      stream: undefined as MediaStream | undefined,
      getByteTimeDomainData(array: Uint8Array) {
        const a = amplitude.get(analyser.stream as object) ?? 0;
        // a square wave of amplitude a: RMS = a
        array.forEach((_, i) => {
          array[i] = 128 + (i % 2 ? 1 : -1) * Math.round(a * 127);
        });
      },
    };
    return analyser;
  }
  async close() {
    this.closed = true;
  }
}

const streamA = { id: 'a' } as unknown as MediaStream;
const streamB = { id: 'b' } as unknown as MediaStream;

describe('AudioLevelMonitor', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    amplitude.clear();
    contexts.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('is unsupported without AudioContext and does not throw', () => {
    const monitor = new AudioLevelMonitor();
    expect(monitor.supported).toBe(false);
    monitor.add('a', streamA);
    expect(monitor.getLevel('a')).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    monitor.stop();
  });

  it('measures levels 0–1 per id on the interval', () => {
    const monitor = new AudioLevelMonitor({ AudioContext: FakeAudioContext, intervalMs: 100 });
    const seen: Array<Record<string, number>> = [];
    monitor.on('levels', (levels) => seen.push(Object.fromEntries(levels)));
    monitor.add('a', streamA);
    monitor.add('b', streamB);
    amplitude.set(streamA, 0.5);
    vi.advanceTimersByTime(100);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.a).toBeCloseTo(0.5, 1);
    expect(seen[0]?.b).toBe(0);
    expect(monitor.getLevel('a')).toBeCloseTo(0.5, 1);
  });

  it('picks the active speaker above the threshold and holds it while quiet for holdMs', () => {
    const monitor = new AudioLevelMonitor({ AudioContext: FakeAudioContext, threshold: 0.1, holdMs: 500 });
    const speakers: Array<string | null> = [];
    monitor.on('active-speaker', (id) => speakers.push(id));
    monitor.add('a', streamA);
    monitor.add('b', streamB);
    amplitude.set(streamA, 0.05); // below the threshold
    vi.advanceTimersByTime(300);
    expect(speakers).toEqual([]);
    amplitude.set(streamA, 0.4);
    vi.advanceTimersByTime(100);
    expect(speakers).toEqual(['a']);
    // b talks louder while a pauses: a keeps the role for the hold time
    amplitude.set(streamA, 0);
    amplitude.set(streamB, 0.6);
    vi.advanceTimersByTime(400);
    expect(monitor.activeSpeaker).toBe('a');
    vi.advanceTimersByTime(100);
    expect(speakers).toEqual(['a', 'b']);
    amplitude.set(streamB, 0);
    vi.advanceTimersByTime(500);
    expect(speakers).toEqual(['a', 'b', null]);
  });

  it('removing the speaker clears it; stop() disconnects, stops the timer and closes the context', () => {
    const monitor = new AudioLevelMonitor({ AudioContext: FakeAudioContext });
    const speakers: Array<string | null> = [];
    monitor.on('active-speaker', (id) => speakers.push(id));
    monitor.add('a', streamA);
    monitor.add('b', streamB);
    amplitude.set(streamA, 0.5);
    vi.advanceTimersByTime(100);
    monitor.remove('a');
    expect(speakers).toEqual(['a', null]);
    monitor.stop();
    expect(contexts).toHaveLength(1);
    expect(contexts[0]?.disconnected).toBe(2);
    expect(contexts[0]?.closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
