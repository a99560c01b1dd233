import { afterEach, describe, expect, it } from 'vitest';
import { StatsCollector, toLegacyStats } from '../src/stats/index.js';
import { connectMediaPair, type MediaPair, nextStats } from './helpers/statsPair.js';

const INTERVAL_MS = 400;
/** 320x240 VP8 on loopback stays well under this; a cumulative total would exceed it within seconds. */
const SANE_MAX_KBPS = 5000;

describe('StatsCollector on real @roamhq/wrtc connections', () => {
  let pair: MediaPair | undefined;
  let collector: StatsCollector | undefined;

  afterEach(() => {
    collector?.stop();
    pair?.close();
    collector = undefined;
    pair = undefined;
  });

  it('reports plausible non-zero rates that stay rates over several samples', async () => {
    pair = await connectMediaPair();
    collector = new StatsCollector({ intervalMs: INTERVAL_MS });
    const received = nextStats(collector, 'receiver', 6);
    const sent = nextStats(collector, 'sender', 6);
    collector.add('receiver', pair.receiver);
    collector.add('sender', pair.sender);
    const [inbound, outbound] = await Promise.all([received, sent]);

    expect(inbound[0]?.inbound.videoKbps).toBeNull();
    const recent = inbound.slice(3);
    for (const stats of recent) {
      expect(stats.rttMs).not.toBeNull();
      expect(stats.rttMs!).toBeGreaterThanOrEqual(0);
      expect(stats.rttMs!).toBeLessThan(100);
      expect(stats.inbound.videoKbps!).toBeGreaterThan(0);
      expect(stats.inbound.videoKbps!).toBeLessThan(SANE_MAX_KBPS);
      expect(stats.inbound.audioKbps!).toBeGreaterThan(0);
      expect(stats.inbound.video).toMatchObject({ width: 320, height: 240 });
      expect(stats.inbound.video?.framesPerSecond ?? 0).toBeGreaterThan(0);
      expect(stats.inbound.packetLossPercent).not.toBeNull();
      expect(stats.localCandidateType).toBe('host');
      expect(stats.remoteCandidateType).toBe('host');
    }
    // Rates, not totals: the last rate is not much larger than the earlier ones.
    const rates = recent.map((s) => s.inbound.videoKbps!);
    expect(Math.max(...rates)).toBeLessThan(Math.min(...rates) * 4);

    const out = outbound.at(-1)!;
    expect(out.outbound.videoKbps!).toBeGreaterThan(0);
    expect(out.outbound.videoKbps!).toBeLessThan(SANE_MAX_KBPS);
    expect(out.outbound.video).toMatchObject({ width: 320, height: 240 });
    expect(out.outbound.qualityLimitationReason).not.toBeNull();
    expect(out.availableOutgoingKbps!).toBeGreaterThan(0);

    const legacy = toLegacyStats(inbound.at(-1)!);
    expect(legacy.latency).toBe(inbound.at(-1)!.rttMs);
    expect(legacy.bitrate!).toBeGreaterThan(0);
    expect(legacy.bitrate!).toBeLessThan(SANE_MAX_KBPS);
    expect(legacy.resolution).toBe('320x240');
  });

  it('drops a closed connection without errors', async () => {
    pair = await connectMediaPair();
    collector = new StatsCollector({ intervalMs: INTERVAL_MS });
    const first = nextStats(collector, 'sender', 1);
    collector.add('sender', pair.sender);
    collector.add('receiver', pair.receiver);
    await first;
    const dropped = new Promise<string>((resolve) => collector!.on('dropped', (peerId) => resolve(peerId)));
    pair.sender.close();
    expect(await dropped).toBe('sender');
    expect(collector.peerIds()).toEqual(['receiver']);
  });

  it('drops a connection whose getStats throws (closed under a stale state)', async () => {
    pair = await connectMediaPair();
    const pc = pair.sender;
    pc.close();
    collector = new StatsCollector({ intervalMs: INTERVAL_MS });
    const reason = new Promise<unknown>((resolve) =>
      collector!.on('dropped', (_id, error) => resolve(error)),
    );
    // Hide connectionState so that getStats() itself is called, and throws, on the closed connection.
    collector.add('sender', { getStats: () => pc.getStats() });
    await collector.poll();
    expect(await reason).toBeInstanceOf(Error);
    expect(collector.peerIds()).toEqual([]);
  });
});
