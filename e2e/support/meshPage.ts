import type { Browser, BrowserContext, Page } from '@playwright/test';

/** What a mesh test page keeps on `window` (set up by {@link openMeshPage}). */
export interface MeshPageGlobals {
  // biome-ignore lint/suspicious/noExplicitAny: the browser bundle is untyped (window.SmaRTCMesh = every export).
  SmaRTCMesh: any;
  // biome-ignore lint/suspicious/noExplicitAny: a Call from the bundle.
  call: any;
  // biome-ignore lint/suspicious/noExplicitAny: a LocalMedia from the bundle.
  media: any;
  /** The latest snapshot delivered to `subscribe`. */
  // biome-ignore lint/suspicious/noExplicitAny: a CallSnapshot from the bundle.
  snapshot: any;
  /** Frames presented per remote peer's <video> (requestVideoFrameCallback). */
  frames: Record<string, number>;
  /** The canvas "camera" track, once switched to it. */
  canvasTrack?: MediaStreamTrack;
  screenShare?: string;
}

export interface MeshPage {
  context: BrowserContext;
  page: Page;
  username: string;
}

/**
 * Opens a page in its own browser context that works like a small call app: local camera and microphone
 * (Chromium's fake devices) through `LocalMedia`, a `Call` joined to `room`, and one <video> per participant
 * rendered from the snapshot (muted, autoplay, playsinline), removed when the participant leaves.
 */
export async function openMeshPage(
  browser: Browser,
  bundlePath: string,
  room: string,
  username: string,
): Promise<MeshPage> {
  const context = await browser.newContext({ viewport: { width: 960, height: 400 } });
  const page = await context.newPage();
  await page.goto('/health');
  await page.setContent(
    `<style>body{margin:0;background:#222;color:#eee;font:12px sans-serif}
      #grid{display:flex;gap:8px;padding:8px;flex-wrap:wrap}
      figure{margin:0} video{width:300px;height:225px;background:#000;object-fit:contain}</style>
     <h3 style="margin:8px">${username}</h3><div id="grid"></div><button id="share">share</button>`,
  );
  await page.addScriptTag({ path: bundlePath });
  await page.evaluate(
    async ({ room, username }) => {
      const w = window as unknown as MeshPageGlobals;
      w.frames = {};
      w.media = new w.SmaRTCMesh.LocalMedia();
      const localStream: MediaStream = await w.media.start({ audio: true, video: true });
      w.call = new w.SmaRTCMesh.Call({ serverUrl: location.origin, username });
      w.media.on(
        'track-replaced',
        (kind: 'audio' | 'video', _old: MediaStreamTrack, track: MediaStreamTrack) =>
          w.call.mesh.replaceTrack(kind, track),
      );
      const grid = document.getElementById('grid') as HTMLDivElement;
      // biome-ignore lint/suspicious/noExplicitAny: snapshot from the bundle.
      const render = (snapshot: any) => {
        w.snapshot = snapshot;
        const present = new Set<string>();
        for (const p of snapshot.participants) {
          present.add(p.peerId);
          let video = grid.querySelector<HTMLVideoElement>(`video[data-peer="${p.peerId}"]`);
          if (!video) {
            const figure = document.createElement('figure');
            video = document.createElement('video');
            video.dataset.peer = p.peerId;
            video.dataset.user = p.username;
            video.muted = true;
            video.autoplay = true;
            video.playsInline = true;
            const caption = document.createElement('figcaption');
            caption.textContent = p.username;
            figure.append(video, caption);
            grid.append(figure);
            const peerId = p.peerId;
            const v = video;
            w.frames[peerId] = 0;
            const count = () => {
              w.frames[peerId] += 1;
              v.requestVideoFrameCallback(count);
            };
            v.requestVideoFrameCallback(count);
          }
          if (p.stream && video.srcObject !== p.stream) {
            video.srcObject = p.stream;
            video.play().catch(() => {});
          }
        }
        for (const video of grid.querySelectorAll<HTMLVideoElement>('video[data-peer]')) {
          if (!present.has(video.dataset.peer as string)) {
            video.srcObject = null;
            video.closest('figure')?.remove();
          }
        }
      };
      w.call.subscribe(render);
      await w.call.join(room, { localStream });
      render(w.call.getSnapshot());
    },
    { room, username },
  );
  return { context, page, username };
}

/** Usernames of the page's remote <video> elements that decode frames (`readyState >= 2`, a width). */
export function decodingVideos(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLVideoElement>('video[data-peer]')]
      .filter((v) => v.readyState >= 2 && v.videoWidth > 0)
      .map((v) => v.dataset.user as string)
      .sort(),
  );
}

/** Frames presented so far by each remote video, by username. */
export function frameCounts(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as MeshPageGlobals;
    const out: Record<string, number> = {};
    for (const v of document.querySelectorAll<HTMLVideoElement>('video[data-peer]')) {
      out[v.dataset.user as string] = Math.max(
        w.frames[v.dataset.peer as string] ?? 0,
        v.getVideoPlaybackQuality().totalVideoFrames,
      );
    }
    return out;
  });
}

/** The participant `username` as this page's snapshot has it (media, connection state), or null. */
export function participantOf(page: Page, username: string) {
  return page.evaluate((username) => {
    const w = window as unknown as MeshPageGlobals;
    // biome-ignore lint/suspicious/noExplicitAny: snapshot participant from the bundle.
    const p = w.snapshot?.participants.find((x: any) => x.username === username);
    return p
      ? { peerId: p.peerId as string, connectionState: p.connectionState as string, media: { ...p.media } }
      : null;
  }, username);
}

/** Usernames of the participants in this page's snapshot. */
export function participantNames(page: Page) {
  return page.evaluate(() =>
    // biome-ignore lint/suspicious/noExplicitAny: snapshot participant from the bundle.
    (window as unknown as MeshPageGlobals).snapshot.participants.map((p: any) => p.username as string).sort(),
  );
}

/**
 * What this page's <video> of `username` shows: its decoded size and the mean colour of its central area
 * (drawn into a canvas), or null when it has no frame yet.
 */
export function sampleVideo(page: Page, username: string) {
  return page.evaluate((username) => {
    const video = document.querySelector<HTMLVideoElement>(`video[data-user="${username}"]`);
    if (!video || video.readyState < 2 || video.videoWidth === 0) return null;
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
    const { data } = ctx.getImageData(16, 12, 32, 24);
    const sum = [0, 0, 0];
    for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) sum[c] += data[i + c];
    const n = data.length / 4;
    return {
      width: video.videoWidth,
      height: video.videoHeight,
      r: Math.round(sum[0] / n),
      g: Math.round(sum[1] / n),
      b: Math.round(sum[2] / n),
    };
  }, username);
}

/** Leaves the call (so the server drops the participant at once, not at a transport timeout), then closes the context. */
export async function closeMeshPage({ page, context }: MeshPage) {
  const left = page.evaluate(() => (window as unknown as MeshPageGlobals).call?.dispose()).catch(() => {});
  await Promise.race([left, new Promise((resolve) => setTimeout(resolve, 3_000))]);
  await context.close();
}
