import { expect, test } from '@playwright/test';
import { buildMeshBrowserBundle } from '../scripts/build-browser-bundle.mjs';
import {
  closeMeshPage,
  decodingVideos,
  frameCounts,
  type MeshPage,
  type MeshPageGlobals,
  openMeshPage,
  participantNames,
  participantOf,
  sampleVideo,
} from './support/meshPage';

const SCREENSHOT = new URL('./.results/mesh-call.png', import.meta.url).pathname;

type Sample = Awaited<ReturnType<typeof sampleVideo>>;

/** Red after a lossy codec: red channel high, green and blue low. */
const isRed = (s: Sample) => s !== null && s.r > 170 && s.g < 90 && s.b < 90;

const isBlack = (s: Sample) => s !== null && s.r < 30 && s.g < 30 && s.b < 30;

let bundlePath: string;
test.beforeAll(async () => {
  bundlePath = await buildMeshBrowserBundle();
});

test('three Chromium pages in one mesh call: video, mute, camera switch, screen share, leave', async ({
  browser,
}) => {
  // A room of its own per run: a participant of an earlier run that did not leave cleanly is no ghost here.
  const room = `e2e-mesh-${test.info().repeatEachIndex}-${Date.now().toString(36)}`;
  const pages: MeshPage[] = [];
  try {
    // Three participants, each in its own browser context, joining one after the other.
    for (const name of ['alice', 'bob', 'carol'])
      pages.push(await openMeshPage(browser, bundlePath, room, name));
    const [a, b, c] = pages;

    // Every page decodes the two others' videos, and their frames keep coming.
    for (const p of pages) {
      const others = pages.filter((o) => o !== p).map((o) => o.username);
      await expect.poll(() => decodingVideos(p.page), { timeout: 20_000 }).toEqual(others);
    }
    const before = await Promise.all(pages.map((p) => frameCounts(p.page)));
    for (const [i, p] of pages.entries()) {
      await expect
        .poll(
          async () => {
            const now = await frameCounts(p.page);
            const users = Object.keys(before[i]);
            return users.length === 2 && users.every((user) => now[user] >= before[i][user] + 10);
          },
          { timeout: 10_000, message: `${p.username}'s remote videos advance` },
        )
        .toBe(true);
    }

    // Mute: alice turns her microphone and camera off; bob and carol see it, then see her back on.
    await a.page.evaluate(async () => {
      const { call } = window as unknown as MeshPageGlobals;
      await call.setMicrophoneEnabled(false);
      await call.setCameraEnabled(false);
    });
    for (const p of [b, c]) {
      await expect
        .poll(async () => (await participantOf(p.page, 'alice'))?.media, { timeout: 10_000 })
        .toMatchObject({ audio: false, video: false });
      // A disabled camera track sends black frames.
      await expect
        .poll(async () => isBlack(await sampleVideo(p.page, 'alice')), {
          timeout: 10_000,
          message: `${p.username} sees alice's video go black`,
        })
        .toBe(true);
    }
    await a.page.evaluate(async () => {
      const { call } = window as unknown as MeshPageGlobals;
      await call.setMicrophoneEnabled(true);
      await call.setCameraEnabled(true);
    });
    for (const p of [b, c]) {
      await expect
        .poll(async () => (await participantOf(p.page, 'alice'))?.media, { timeout: 10_000 })
        .toMatchObject({ audio: true, video: true });
    }

    // Camera switch: Chromium's fake devices offer one camera, so alice switches to another source as an app
    // would switch devices: a red canvas track, swapped in without renegotiation.
    const cameras = await a.page.evaluate(
      async () =>
        (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput').length,
    );
    expect(cameras).toBeGreaterThanOrEqual(1);
    await a.page.evaluate(async () => {
      const w = window as unknown as MeshPageGlobals;
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 240;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      let tick = 0;
      const draw = () => {
        ctx.fillStyle = 'rgb(255,0,0)';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.fillStyle = tick++ % 2 ? '#fff' : '#000'; // a changing corner, so the track keeps producing frames
        ctx.fillRect(0, 0, 4, 4);
      };
      draw();
      setInterval(draw, 40);
      const [track] = canvas.captureStream(25).getVideoTracks();
      w.canvasTrack = track;
      await w.call.mesh.replaceTrack('video', track);
    });
    for (const p of [b, c]) {
      await expect
        .poll(async () => isRed(await sampleVideo(p.page, 'alice')), {
          timeout: 15_000,
          message: `${p.username} sees alice's red camera`,
        })
        .toBe(true);
    }

    // Screen share: getDisplayMedia (auto-accepted under --use-fake-ui-for-media-stream, a fake 1920x1080 screen)
    // from a click, through LocalMedia, which puts the screen in the camera's place.
    await a.page.evaluate(() => {
      const w = window as unknown as MeshPageGlobals;
      w.screenShare = 'pending';
      (document.getElementById('share') as HTMLButtonElement).onclick = () => {
        w.media.startScreenShare({ replaceCamera: true }).then(
          (track: MediaStreamTrack) => {
            w.screenShare = `ok ${track.getSettings().width}x${track.getSettings().height}`;
          },
          (error: { code?: string; message: string }) => {
            w.screenShare = `error ${error.code ?? ''} ${error.message}`;
          },
        );
      };
    });
    await a.page.click('#share');
    await a.page.waitForFunction(() => (window as unknown as MeshPageGlobals).screenShare !== 'pending');
    expect(await a.page.evaluate(() => (window as unknown as MeshPageGlobals).screenShare)).toBe(
      'ok 1920x1080',
    );
    for (const p of [b, c]) {
      await expect
        .poll(
          async () => {
            const s = await sampleVideo(p.page, 'alice');
            return s !== null && !isRed(s) && Math.abs(s.width / s.height - 16 / 9) < 0.05;
          },
          { timeout: 15_000, message: `${p.username} sees alice's 16:9 screen instead of her camera` },
        )
        .toBe(true);
    }

    await b.page.screenshot({ path: SCREENSHOT });

    // Leave: carol leaves; alice and bob drop her, and her video.
    await c.page.evaluate(() => (window as unknown as MeshPageGlobals).call.leave());
    await expect.poll(() => participantNames(a.page), { timeout: 10_000 }).toEqual(['bob']);
    await expect.poll(() => participantNames(b.page), { timeout: 10_000 }).toEqual(['alice']);
    for (const p of [a, b]) {
      await expect
        .poll(() => decodingVideos(p.page), { timeout: 5_000 })
        .toEqual(p === a ? ['bob'] : ['alice']);
    }
  } finally {
    await Promise.all(pages.map(closeMeshPage));
  }
});
