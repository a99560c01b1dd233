import { expect, type Locator } from '@playwright/test';

/** What a `<video>` shows: its picture size and the frames it presented so far. */
export interface VideoState {
  width: number;
  height: number;
  frames: number;
}

/** The state of the `<video>` `video` points at. */
export function videoState(video: Locator): Promise<VideoState> {
  return video.evaluate((element: HTMLVideoElement) => ({
    width: element.videoWidth,
    height: element.videoHeight,
    frames: element.getVideoPlaybackQuality().totalVideoFrames,
  }));
}

/** Waits until `video` presents 10 more frames than now. */
export async function expectFramesAdvancing(video: Locator, what: string, timeout = 15_000): Promise<void> {
  const before = (await videoState(video)).frames;
  await expect
    .poll(async () => (await videoState(video)).frames, { timeout, message: `${what}: the video advances` })
    .toBeGreaterThanOrEqual(before + 10);
}

/** Waits until `video` decodes (its picture has a width), then until its frames keep advancing. */
export async function expectVideoFlowing(video: Locator, what: string, timeout = 30_000): Promise<void> {
  await expect
    .poll(async () => (await videoState(video)).width, { timeout, message: `${what}: the video decodes` })
    .toBeGreaterThan(0);
  await expectFramesAdvancing(video, what);
}
