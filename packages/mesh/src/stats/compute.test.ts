import { describe, expect, it } from 'vitest';
import { computePeerStats } from './compute.js';
import { toLegacyStats } from './legacy.js';
import { sampleStats } from './sample.js';
import { chromiumReport, wrtcReport } from './testFixtures.js';

describe('computePeerStats (wrtc-shaped reports)', () => {
  const first = sampleStats(
    wrtcReport({
      rttSeconds: 0.001,
      videoBytesReceived: 100_000,
      videoPacketsReceived: 100,
      framesDecoded: 30,
      audioBytesReceived: 10_000,
      videoBytesSent: 200_000,
      audioBytesSent: 5_000,
      framesEncoded: 30,
    }),
    10_000,
  );
  const second = sampleStats(
    wrtcReport({
      rttSeconds: 0.004,
      videoBytesReceived: 350_000,
      videoPacketsReceived: 290,
      videoPacketsLost: 10,
      framesDecoded: 90,
      audioBytesReceived: 14_000,
      videoBytesSent: 450_000,
      audioBytesSent: 9_000,
      framesEncoded: 90,
      availableOutgoingBitrate: 1_356_705,
    }),
    12_000,
  );

  it('reports no rates on the first sample, never cumulative totals', () => {
    const stats = computePeerStats(undefined, first);
    expect(stats.inbound.videoKbps).toBeNull();
    expect(stats.inbound.audioKbps).toBeNull();
    expect(stats.outbound.videoKbps).toBeNull();
    expect(stats.inbound.packetLossPercent).toBeNull();
    // Current values are known at once.
    expect(stats.rttMs).toBe(1);
    expect(stats.inbound.video).toEqual({ framesPerSecond: null, width: 320, height: 240 });
  });

  it('computes kbps from byte deltas over the time delta', () => {
    const stats = computePeerStats(first, second);
    expect(stats.inbound.videoKbps).toBe(1000); // 250 000 B × 8 / 2 s / 1000
    expect(stats.inbound.audioKbps).toBe(16);
    expect(stats.outbound.videoKbps).toBe(1000);
    expect(stats.outbound.audioKbps).toBe(16);
    expect(stats.availableOutgoingKbps).toBe(1356.7);
  });

  it('takes the RTT of the selected pair (transport.selectedCandidatePairId), in ms', () => {
    expect(computePeerStats(first, second).rttMs).toBe(4);
  });

  it('computes loss % from packet deltas over received + lost', () => {
    // 190 received, 10 lost in the interval → 5 %.
    expect(computePeerStats(first, second).inbound.packetLossPercent).toBe(5);
    expect(computePeerStats(first, second).inbound.packetsLostTotal).toBe(10);
  });

  it('derives fps from framesDecoded / framesEncoded deltas when framesPerSecond is missing', () => {
    const stats = computePeerStats(first, second);
    expect(stats.inbound.video?.framesPerSecond).toBe(30);
    expect(stats.outbound.video?.framesPerSecond).toBe(30);
  });

  it('prefers framesPerSecond when reported', () => {
    const withFps = sampleStats(wrtcReport({ framesDecoded: 90, framesPerSecond: 25 }), 12_000);
    expect(computePeerStats(first, withFps).inbound.video?.framesPerSecond).toBe(25);
  });

  it('reports jitter in ms, candidate types and the limitation reason', () => {
    const stats = computePeerStats(first, second);
    expect(stats.inbound.jitterMs).toBe(6);
    expect(stats.outbound.jitterMs).toBe(5);
    expect(stats.localCandidateType).toBe('host');
    expect(stats.remoteCandidateType).toBe('host');
    expect(stats.outbound.qualityLimitationReason).toBe('none');
  });

  it('returns null rates when a counter went back (stream replaced) or the clock did not move', () => {
    const reset = sampleStats(wrtcReport({ videoBytesReceived: 1_000, framesDecoded: 2 }), 14_000);
    const stats = computePeerStats(second, reset);
    expect(stats.inbound.videoKbps).toBeNull();
    expect(stats.inbound.video?.framesPerSecond).toBeNull();
    expect(computePeerStats(second, { ...second }).inbound.videoKbps).toBeNull();
  });

  it('keeps the rate of a constant stream constant over many samples', () => {
    const rates: Array<number | null> = [];
    let previous = sampleStats(wrtcReport({ videoBytesReceived: 0 }), 0);
    for (let i = 1; i <= 5; i++) {
      const current = sampleStats(wrtcReport({ videoBytesReceived: i * 62_500 }), i * 1000);
      rates.push(computePeerStats(previous, current).inbound.videoKbps);
      previous = current;
    }
    expect(rates).toEqual([500, 500, 500, 500, 500]);
  });
});

describe('computePeerStats (Chromium-shaped reports)', () => {
  it('finds the nominated succeeded pair and falls back to remote-inbound-rtp RTT', () => {
    const stats = computePeerStats(undefined, sampleStats(chromiumReport(), 0));
    expect(stats.rttMs).toBe(50);
    expect(stats.localCandidateType).toBe('srflx');
    expect(stats.remoteCandidateType).toBe('relay');
    expect(stats.availableOutgoingKbps).toBe(2000);
  });

  it('uses the candidate pair RTT when present, and reports the remote loss and limitation', () => {
    const stats = computePeerStats(undefined, sampleStats(chromiumReport({ rttSeconds: 0.012 }), 0));
    expect(stats.rttMs).toBe(12);
    expect(stats.outbound.packetLossPercent).toBe(1);
    expect(stats.outbound.qualityLimitationReason).toBe('bandwidth');
    expect(stats.outbound.video).toEqual({ framesPerSecond: 20, width: 640, height: 480 });
  });

  it('reports null for what the report lacks (no inbound audio, no outbound audio)', () => {
    const a = sampleStats(chromiumReport({ videoBytesReceived: 1000 }), 0);
    const b = sampleStats(chromiumReport({ videoBytesReceived: 2000 }), 1000);
    const stats = computePeerStats(a, b);
    expect(stats.inbound.audioKbps).toBeNull();
    expect(stats.outbound.audioKbps).toBeNull();
    expect(stats.inbound.videoKbps).toBe(8);
  });

  it('reports everything unknown for an empty report', () => {
    const stats = computePeerStats(undefined, sampleStats(new Map(), 0));
    expect(stats).toMatchObject({ rttMs: null, availableOutgoingKbps: null, localCandidateType: null });
    expect(stats.inbound).toEqual({
      audioKbps: null,
      videoKbps: null,
      packetLossPercent: null,
      jitterMs: null,
      packetsLostTotal: 0,
      video: null,
    });
  });
});

describe('toLegacyStats', () => {
  it('maps to { latency, bitrate, packetsLost, jitter } with current values', () => {
    const first = sampleStats(
      wrtcReport({ rttSeconds: 0.02, videoBytesReceived: 100_000, audioBytesReceived: 0 }),
      0,
    );
    const second = sampleStats(
      wrtcReport({
        rttSeconds: 0.03,
        videoBytesReceived: 225_000,
        audioBytesReceived: 5_000,
        videoPacketsLost: 3,
        videoPacketsReceived: 97,
        framesDecoded: 30,
      }),
      1000,
    );
    expect(toLegacyStats(computePeerStats(first, second))).toEqual({
      latency: 30,
      bitrate: 1040,
      packetsLost: 3,
      jitter: 6,
      outgoingBitrate: 0,
      packetLossPercent: 3,
      framesPerSecond: 30,
      resolution: '320x240',
      relayed: false,
    });
  });

  it('reports unknown latency and bitrate as null on the first sample', () => {
    const legacy = toLegacyStats(computePeerStats(undefined, sampleStats(chromiumReport(), 0)));
    expect(legacy.bitrate).toBeNull();
    expect(legacy.relayed).toBe(true);
  });
});
