import { expect, test } from '@playwright/test';
import { buildMeshBrowserBundle } from '../scripts/build-browser-bundle.mjs';
import { closeMeshPage, decodingVideos, type MeshPage, openMeshPage, sampleVideo } from './support/meshPage';
import {
  applyPreset,
  inboundVideo,
  peerIdOf,
  startInboundStats,
  stopInboundStats,
} from './support/qualityPage';

/** Chromium's fake camera. */
const CAMERA_WIDTH = 640;
/** The `low` preset: 150 kbps, ÷4 resolution, 15 fps. */
const LOW = { maxBitrate: 150_000, scaleResolutionDownBy: 4, maxFramerate: 15 };
const HIGH = { maxBitrate: 1_500_000, scaleResolutionDownBy: 1, maxFramerate: 30 };
/** Measured kbps may exceed the cap a little (RTP headers, a keyframe in the window). */
const KBPS_TOLERANCE = 1.3;

let bundlePath: string;
test.beforeAll(async () => {
  bundlePath = await buildMeshBrowserBundle();
});

test('applyQuality changes what the encoder sends: low shrinks the resolution and bitrate, high restores them', async ({
  browser,
}) => {
  const room = `e2e-quality-${test.info().repeatEachIndex}-${Date.now().toString(36)}`;
  const pages: MeshPage[] = [];
  try {
    for (const name of ['alice', 'bob']) pages.push(await openMeshPage(browser, bundlePath, room, name));
    const [a, b] = pages as [MeshPage, MeshPage];
    await expect.poll(() => decodingVideos(b.page), { timeout: 15_000 }).toEqual(['alice']);
    // Bob receives alice's camera at its full size before anything changes.
    await expect
      .poll(async () => (await sampleVideo(b.page, 'alice'))?.width, {
        timeout: 10_000,
        message: "bob decodes alice's camera at 640 wide",
      })
      .toBe(CAMERA_WIDTH);

    const bobAtAlice = await peerIdOf(a.page, 'bob');
    const aliceAtBob = await peerIdOf(b.page, 'alice');
    await startInboundStats(b.page, aliceAtBob);

    // low: the sender's encodings carry the preset…
    const low = await applyPreset(a.page, bobAtAlice, 'low');
    expect(low.target).toEqual(LOW);
    expect(low.encoding).toEqual(LOW);
    // …and bob decodes a quarter of the width…
    await expect
      .poll(async () => (await sampleVideo(b.page, 'alice'))?.width, {
        timeout: 8_000,
        message: "bob decodes alice's video at 640 / 4 wide",
      })
      .toBe(CAMERA_WIDTH / LOW.scaleResolutionDownBy);
    // …at a bitrate under the cap (as bob's StatsCollector measures it).
    await expect
      .poll(
        async () => {
          const s = await inboundVideo(b.page, aliceAtBob);
          return s?.kbps != null && s.width === CAMERA_WIDTH / LOW.scaleResolutionDownBy
            ? s.kbps
            : Number.POSITIVE_INFINITY;
        },
        { timeout: 8_000, message: "bob's inbound video kbps drops under the low cap" },
      )
      .toBeLessThan((LOW.maxBitrate / 1000) * KBPS_TOLERANCE);

    // high: larger again. Chromium climbs back in steps (bandwidth estimate, CPU adaptation: 480 wide on a
    // busy machine), so "larger" means at least half the camera width, well above low's quarter.
    const high = await applyPreset(a.page, bobAtAlice, 'high');
    expect(high.encoding).toEqual(HIGH);
    await expect
      .poll(async () => (await sampleVideo(b.page, 'alice'))?.width ?? 0, {
        timeout: 10_000,
        message: "bob decodes alice's video at least 320 wide again",
      })
      .toBeGreaterThanOrEqual(CAMERA_WIDTH / 2);
    await stopInboundStats(b.page);
  } finally {
    await Promise.all(pages.map(closeMeshPage));
  }
});
