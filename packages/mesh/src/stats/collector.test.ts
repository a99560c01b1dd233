import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatsCollector, type StatsSource } from './collector.js';
import { wrtcReport } from './testFixtures.js';
import type { PeerStats } from './types.js';

/** A fake connection whose video bytes grow by 125 000 per getStats() call (1 Mbps at 1 s). */
function fakePc(): StatsSource & { calls: number; connectionState: string } {
  const pc = {
    calls: 0,
    connectionState: 'connected',
    getStats: async () => {
      pc.calls += 1;
      return wrtcReport({ rttSeconds: 0.002, videoBytesReceived: pc.calls * 125_000 });
    },
  };
  return pc;
}

describe('StatsCollector', () => {
  let clock = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function collector(): StatsCollector {
    return new StatsCollector({ intervalMs: 1000, now: () => clock });
  }

  async function tick(): Promise<void> {
    clock += 1000;
    await vi.advanceTimersByTimeAsync(1000);
  }

  it('polls each peer once per interval and emits rates from the second sample on', async () => {
    const stats = collector();
    const pc = fakePc();
    const seen: Array<[string, PeerStats]> = [];
    stats.on('stats', (peerId, s) => seen.push([peerId, s]));
    stats.add('p1', pc);
    await tick();
    await tick();
    await tick();
    expect(pc.calls).toBe(3);
    expect(seen.map(([id, s]) => [id, s.inbound.videoKbps])).toEqual([
      ['p1', null],
      ['p1', 1000],
      ['p1', 1000],
    ]);
    expect(stats.get('p1')?.rttMs).toBe(2);
    stats.stop();
  });

  it('polls 8 peers with one getStats each per interval', async () => {
    const stats = collector();
    const pcs = Array.from({ length: 8 }, () => fakePc());
    for (const [i, pc] of pcs.entries()) stats.add(`p${i}`, pc);
    await tick();
    await tick();
    expect(pcs.map((pc) => pc.calls)).toEqual(Array(8).fill(2));
    stats.stop();
  });

  it('skips a peer while its previous getStats is still pending', async () => {
    const stats = collector();
    let calls = 0;
    stats.add('slow', { getStats: () => new Promise(() => void calls++) });
    await tick();
    await tick();
    expect(calls).toBe(1);
    stats.stop();
  });

  it('drops a peer whose getStats rejects or throws, without unhandled rejections', async () => {
    const stats = collector();
    const dropped: string[] = [];
    stats.on('dropped', (peerId) => dropped.push(peerId));
    stats.add('rejects', { getStats: () => Promise.reject(new Error('RTCPeerConnection is closed')) });
    stats.add('throws', {
      getStats: () => {
        throw new Error('closed');
      },
    });
    const ok = fakePc();
    stats.add('ok', ok);
    await tick();
    expect(dropped.sort()).toEqual(['rejects', 'throws']);
    expect(stats.peerIds()).toEqual(['ok']);
    await tick();
    expect(ok.calls).toBe(2);
    stats.stop();
  });

  it('drops a closed connection without calling getStats', async () => {
    const stats = collector();
    const pc = fakePc();
    pc.connectionState = 'closed';
    const dropped = vi.fn();
    stats.on('dropped', dropped);
    stats.add('p1', pc);
    await tick();
    expect(pc.calls).toBe(0);
    expect(dropped).toHaveBeenCalledWith('p1', expect.any(Error));
  });

  it('stops polling removed peers and after stop()', async () => {
    const stats = collector();
    const a = fakePc();
    const b = fakePc();
    stats.add('a', a);
    stats.add('b', b);
    await tick();
    stats.remove('a');
    await tick();
    stats.stop();
    await tick();
    expect([a.calls, b.calls]).toEqual([1, 2]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not emit stats of a peer removed while its getStats was pending', async () => {
    const stats = collector();
    let resolve: (value: Map<string, unknown>) => void = () => {};
    stats.add('p', { getStats: () => new Promise((r) => (resolve = r)) });
    const listener = vi.fn();
    stats.on('stats', listener);
    await tick();
    stats.remove('p');
    resolve(wrtcReport());
    await vi.advanceTimersByTimeAsync(0);
    expect(listener).not.toHaveBeenCalled();
  });

  it('rejects an invalid interval', () => {
    expect(() => new StatsCollector({ intervalMs: 0 })).toThrow(RangeError);
  });
});
