import { describe, expect, it } from 'vitest';
import type { PeerStats, QualityLimitationReason } from '../stats/types.js';
import { applyQuality, type SenderLike } from './applyQuality.js';
import { AUTO_QUALITY, computeAutoTarget, QUALITY_PRESETS } from './presets.js';

/** A sender recording setParameters, as a browser's: getParameters returns a fresh copy each time. */
function fakeSender(
  kind: 'audio' | 'video' | null,
  encodings: RTCRtpEncodingParameters[] = [{ active: true }],
) {
  let current: RTCRtpSendParameters = {
    transactionId: 't0',
    encodings,
    codecs: [],
    headerExtensions: [],
    rtcp: {},
  };
  const calls: RTCRtpSendParameters[] = [];
  const sender: SenderLike & { calls: RTCRtpSendParameters[] } = {
    calls,
    track: kind === null ? null : { kind },
    getParameters: () => structuredClone(current),
    setParameters: async (parameters) => {
      calls.push(structuredClone(parameters));
      current = structuredClone(parameters);
    },
  };
  return sender;
}

function statsWith(reason: QualityLimitationReason | null, availableOutgoingKbps: number | null = null) {
  return {
    availableOutgoingKbps,
    outbound: { qualityLimitationReason: reason } as PeerStats['outbound'],
  };
}

describe('applyQuality presets', () => {
  it.each(['low', 'medium', 'high'] as const)(
    '%s sets maxBitrate, scaleResolutionDownBy and maxFramerate',
    async (preset) => {
      const sender = fakeSender('video');
      const target = await applyQuality(sender, preset);
      expect(target).toEqual(QUALITY_PRESETS[preset]);
      expect(sender.calls).toHaveLength(1);
      expect(sender.calls[0]?.encodings[0]).toEqual({ active: true, ...QUALITY_PRESETS[preset] });
      expect(sender.calls[0]?.transactionId).toBe('t0');
    },
  );

  it('caps the preset bitrate to budget ÷ peerCount as the mesh grows', async () => {
    const sender = fakeSender('video');
    await applyQuality(sender, 'high', { peerCount: 5 });
    expect(sender.calls[0]?.encodings[0]?.maxBitrate).toBe(500_000);
    await applyQuality(sender, 'high', { peerCount: 5, uplinkBudgetBps: 1_000_000 });
    expect(sender.calls[1]?.encodings[0]?.maxBitrate).toBe(200_000);
  });

  it('adds one encoding when getParameters returns an empty encodings array', async () => {
    const sender = fakeSender('video', []);
    await applyQuality(sender, 'low');
    expect(sender.calls[0]?.encodings).toEqual([{ ...QUALITY_PRESETS.low }]);
  });

  it('leaves audio senders and senders without a track untouched', async () => {
    const audio = fakeSender('audio');
    const none = fakeSender(null);
    expect(await applyQuality(audio, 'low')).toBeNull();
    expect(await applyQuality(none, 'auto')).toBeNull();
    expect(audio.calls).toEqual([]);
    expect(none.calls).toEqual([]);
  });

  it('does not call setParameters when the encoding already matches', async () => {
    const sender = fakeSender('video');
    await applyQuality(sender, 'medium');
    await applyQuality(sender, 'medium');
    expect(sender.calls).toHaveLength(1);
  });

  it('rejects with the error of setParameters', async () => {
    const sender = fakeSender('video');
    sender.setParameters = () => Promise.reject(new DOMException('', 'InvalidStateError'));
    await expect(applyQuality(sender, 'low')).rejects.toMatchObject({ name: 'InvalidStateError' });
  });
});

describe('applyQuality auto', () => {
  it('gives one peer the full per-peer cap and five peers a fifth of the budget', async () => {
    const one = fakeSender('video');
    const five = fakeSender('video');
    await applyQuality(one, 'auto', { peerCount: 1 });
    await applyQuality(five, 'auto', { peerCount: 5 });
    expect(one.calls[0]?.encodings[0]).toMatchObject(QUALITY_PRESETS.high);
    expect(five.calls[0]?.encodings[0]).toMatchObject({
      maxBitrate: 500_000,
      scaleResolutionDownBy: 2,
      maxFramerate: 24,
    });
  });

  it('steps down when bandwidth-limited, lowers resolution too when CPU-limited', async () => {
    const sender = fakeSender('video', [{ active: true, maxBitrate: 1_000_000 }]);
    await applyQuality(sender, 'auto', { stats: statsWith('bandwidth') });
    expect(sender.calls[0]?.encodings[0]).toMatchObject({ maxBitrate: 700_000, scaleResolutionDownBy: 2 });
    await applyQuality(sender, 'auto', { stats: statsWith('cpu') });
    expect(sender.calls[1]?.encodings[0]).toMatchObject({
      maxBitrate: 490_000,
      scaleResolutionDownBy: 4,
      maxFramerate: 15,
    });
  });

  it('steps up slowly when nothing limits it, up to the cap', async () => {
    const sender = fakeSender('video', [{ active: true, maxBitrate: 400_000 }]);
    const bitrates: number[] = [];
    for (let i = 0; i < 12; i++) {
      const target = await applyQuality(sender, 'auto', { peerCount: 2, stats: statsWith('none') });
      bitrates.push(target?.maxBitrate ?? 0);
    }
    expect(bitrates[0]).toBe(460_000);
    expect(bitrates[1]).toBe(529_000);
    expect(bitrates.at(-1)).toBe(1_250_000);
    expect(bitrates.every((b, i) => i === 0 || b >= (bitrates[i - 1] ?? 0))).toBe(true);
  });

  it('follows availableOutgoingBitrate and never goes below the minimum', () => {
    expect(computeAutoTarget({ peerCount: 1, availableOutgoingBps: 300_000 }).maxBitrate).toBe(270_000);
    expect(
      computeAutoTarget({ peerCount: 1, currentMaxBitrate: 110_000, qualityLimitationReason: 'bandwidth' })
        .maxBitrate,
    ).toBe(AUTO_QUALITY.minBitrateBps);
    expect(computeAutoTarget({ peerCount: 50 }).maxBitrate).toBe(AUTO_QUALITY.minBitrateBps);
  });
});
