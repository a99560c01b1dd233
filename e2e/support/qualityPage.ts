import type { Page } from '@playwright/test';
import type { MeshPageGlobals } from './meshPage';

/** What the quality spec keeps on `window`, besides {@link MeshPageGlobals}. */
export interface QualityGlobals extends MeshPageGlobals {
  // biome-ignore lint/suspicious/noExplicitAny: a StatsCollector from the bundle.
  qualityStats?: any;
}

/** The peerId of `username` in this page's snapshot (throws when absent). */
export function peerIdOf(page: Page, username: string): Promise<string> {
  return page.evaluate((username) => {
    const w = window as unknown as QualityGlobals;
    // biome-ignore lint/suspicious/noExplicitAny: snapshot participant from the bundle.
    const p = w.snapshot?.participants.find((x: any) => x.username === username);
    if (!p) throw new Error(`${username} is not in the snapshot`);
    return p.peerId as string;
  }, username);
}

/**
 * Applies `preset` to this page's video sender towards `peerId` with `applyQuality` (from `window.SmaRTCMesh`)
 * and returns what the sender then reports in `getParameters().encodings[0]`.
 */
export function applyPreset(page: Page, peerId: string, preset: 'low' | 'medium' | 'high') {
  return page.evaluate(
    async ({ peerId, preset }) => {
      const w = window as unknown as QualityGlobals;
      const pc: RTCPeerConnection = w.call.mesh.getPeer(peerId).pc;
      const sender = pc.getSenders().find((s) => s.track?.kind === 'video');
      if (!sender) throw new Error('no video sender');
      const target = await w.SmaRTCMesh.applyQuality(sender, preset, { peerCount: 1 });
      const e = sender.getParameters().encodings[0] ?? {};
      return {
        target,
        encoding: {
          maxBitrate: e.maxBitrate,
          scaleResolutionDownBy: e.scaleResolutionDownBy,
          maxFramerate: e.maxFramerate,
        },
      };
    },
    { peerId, preset },
  );
}

/** Starts a `StatsCollector` (1 s interval) on this page's connection to `peerId`. */
export function startInboundStats(page: Page, peerId: string) {
  return page.evaluate((peerId) => {
    const w = window as unknown as QualityGlobals;
    w.qualityStats = new w.SmaRTCMesh.StatsCollector({ intervalMs: 1000 });
    w.qualityStats.add(peerId, w.call.mesh.getPeer(peerId).pc);
  }, peerId);
}

/** The latest inbound video of `peerId` as the collector measured it: kbps and decoded size, or null. */
export function inboundVideo(page: Page, peerId: string) {
  return page.evaluate((peerId) => {
    const w = window as unknown as QualityGlobals;
    const s = w.qualityStats?.get(peerId);
    if (!s) return null;
    return {
      kbps: s.inbound.videoKbps as number | null,
      width: s.inbound.video?.width as number | null,
      height: s.inbound.video?.height as number | null,
    };
  }, peerId);
}

/** Stops the collector started by {@link startInboundStats}. */
export function stopInboundStats(page: Page) {
  return page.evaluate(() => (window as unknown as QualityGlobals).qualityStats?.stop());
}
