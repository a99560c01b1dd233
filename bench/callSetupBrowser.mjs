// (c) Call setup time in Chromium: one browser context per peer, pages on the benchmark server's origin with
// the @smartc/mesh browser bundle, fake camera. From `call.join()` until the first remote video frame is
// presented in a <video> element (requestVideoFrameCallback) and until the reliable data channel is open.
import { chromium } from 'playwright-core';
import { buildMeshBrowserBundle } from '../scripts/build-browser-bundle.mjs';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { CallSetupSamples } from './lib/callSetupStats.mjs';
import { startChildServer } from './lib/childServer.mjs';
import { sleep } from './lib/stats.mjs';

export const CHROMIUM_RUNTIME = 'Chromium';
const RUN_TIMEOUT_MS = 15_000;

/** In the page: camera, a Call, listeners; `window.__bench.join(room)` starts the clock and joins. */
async function preparePage(username) {
  const { Call } = window.SmaRTCMesh;
  const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
  const timings = { joined: -1, remotes: {}, deferredOffers: 0 };
  let t0 = 0;
  const since = () => performance.now() - t0;
  const remote = (peerId) => {
    timings.remotes[peerId] ??= {};
    return timings.remotes[peerId];
  };
  const logger = {
    debug: (message) => {
      if (message.includes('no offer from the impolite side')) timings.deferredOffers += 1;
    },
  };
  const call = new Call({ serverUrl: location.origin, username, logger, statsIntervalMs: 60_000 });
  const mesh = call.mesh;
  mesh.on('peer-connected', (peerId) => {
    remote(peerId).connected ??= since();
  });
  mesh.on('channel-open', (peerId, kind) => {
    if (kind === 'reliable') remote(peerId).channel ??= since();
  });
  mesh.on('remote-stream', (peerId, remoteStream) => {
    remote(peerId);
    const video = document.createElement('video');
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    video.srcObject = remoteStream;
    document.body.append(video);
    const decoded = () => {
      remote(peerId).frame ??= since();
    };
    if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(decoded);
    const poll = () => {
      if (video.readyState >= 2 && video.videoWidth > 0) decoded();
      else if (remote(peerId).frame === undefined) setTimeout(poll, 5);
    };
    poll();
    video.play().catch(() => {});
  });
  window.__bench = {
    timings,
    async join(room) {
      t0 = performance.now();
      await call.join(room, { localStream: stream });
      timings.joined = since();
    },
    done(peers) {
      const remotes = Object.values(timings.remotes);
      return remotes.length === peers - 1 && remotes.every((r) => r.frame >= 0 && r.channel >= 0);
    },
    async close() {
      await call.dispose();
      for (const track of stream.getTracks()) track.stop();
    },
  };
}

async function runOnce(browser, { baseUrl, bundle }, peers, room) {
  const contexts = await Promise.all(Array.from({ length: peers }, () => browser.newContext()));
  try {
    const pages = await Promise.all(
      contexts.map(async (context, i) => {
        const page = await context.newPage();
        await page.goto(`${baseUrl}/health`);
        await page.addScriptTag({ path: bundle });
        await page.evaluate(preparePage, `bench-${i}`);
        return page;
      }),
    );
    await Promise.all(pages.map((page) => page.evaluate((r) => window.__bench.join(r), room))); // the glare case
    await Promise.all(
      pages.map((page) =>
        page
          .waitForFunction((n) => window.__bench.done(n), peers, { timeout: RUN_TIMEOUT_MS, polling: 50 })
          .catch(() => {}),
      ),
    );
    const timings = await Promise.all(pages.map((page) => page.evaluate(() => window.__bench.timings)));
    await Promise.all(pages.map((page) => page.evaluate(() => window.__bench.close()).catch(() => {})));
    return timings;
  } finally {
    await Promise.all(contexts.map((context) => context.close().catch(() => {})));
  }
}

/**
 * Rows `{runtime, peers, runs, first frame p50/p95 ms, data channel p50/p95 ms}` for each `{peers, runs}` plan
 * and `breakdown` rows (medians per peer pair), or `{skipped}` with the reason when there is no Chromium.
 */
export async function benchCallSetupChromium(plans) {
  const executablePath = findChromium();
  if (!executablePath) return { skipped: 'no Chromium found (set CHROMIUM_PATH)', rows: [], breakdown: [] };
  const bundle = await buildMeshBrowserBundle();
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    return {
      skipped: `Chromium at ${executablePath} did not start: ${error.message.split('\n')[0]}`,
      rows: [],
      breakdown: [],
    };
  }
  const server = await startChildServer(new URL('./servers/hubServer.mjs', import.meta.url).pathname);
  const rows = [];
  const breakdown = [];
  try {
    const env = { baseUrl: server.baseUrl, bundle };
    await runOnce(browser, env, 2, 'setup-warmup');
    for (const { peers, runs } of plans) {
      const samples = new CallSetupSamples();
      for (let run = 0; run < runs; run += 1) {
        samples.addRun(await runOnce(browser, env, peers, `setup-chromium-${peers}-${run}`), peers);
        await sleep(200);
      }
      rows.push(samples.row(CHROMIUM_RUNTIME, peers));
      breakdown.push(samples.breakdown(CHROMIUM_RUNTIME, peers));
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return { rows, breakdown };
}
