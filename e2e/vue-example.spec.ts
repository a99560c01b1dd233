import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { expectVideoFlowing as expectFlowing, videoState } from './support/video';

/** The Vue example app, served by `vite preview` (see EXAMPLE_APPS in playwright.config.ts). */
const APP = 'http://127.0.0.1:8102/';
const SCREENSHOT = new URL('./.results/vue-example.png', import.meta.url).pathname;

interface Participant {
  context: BrowserContext;
  page: Page;
}

async function open(browser: Browser, url = APP): Promise<Participant> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 720 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(url);
  return { context, page };
}

/** The remote tile of `name` on `page`. */
const tileOf = (page: Page, name: string) =>
  page.locator('.smartc-tile:not([data-local])', {
    has: page.locator('.smartc-tile__name', { hasText: name }),
  });

/** What `page`'s <video> of `name` decodes: its size and the frames presented so far. */
const remoteVideo = (page: Page, name: string) => videoState(tileOf(page, name).locator('video'));

/** Waits until `page` decodes `name`'s video and its frames keep advancing. */
async function expectVideoFlowing(page: Page, name: string) {
  await expectFlowing(tileOf(page, name).locator('video'), name);
  await expect(tileOf(page, name).locator('.smartc-tile__play')).toHaveCount(0); // autoplay was not blocked
}

/** Waits until `page` shows live stats for `name`: RTT, inbound bitrate and a quality badge. */
async function expectStats(page: Page, name: string) {
  const stats = page.locator('.tile', { has: tileOf(page, name) }).locator('.stats');
  await expect(stats.locator('[data-stat="rtt"]')).toHaveText(/^\d+ ms$/, { timeout: 15_000 });
  await expect(stats.locator('[data-stat="in"]')).toHaveText(/^\d+ kbps$/, { timeout: 15_000 });
  await expect(stats.locator('.smartc-quality')).toHaveAttribute('data-level', /good|warning|bad/, {
    timeout: 20_000,
  });
}

test('Vue example: alice signs in and starts a call, a guest joins by the link; both see and hear each other', async ({
  browser,
}) => {
  const people: Participant[] = [];
  try {
    // alice signs in and starts a call
    const alice = await open(browser);
    people.push(alice);
    await alice.page.getByPlaceholder('Your name').fill('alice');
    await alice.page.getByPlaceholder('Password').fill('Alice123!');
    await alice.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(alice.page.getByText('Signed in as alice')).toBeVisible();
    await alice.page.getByRole('button', { name: 'Start a call' }).click();
    await expect(alice.page.getByTestId('status')).toHaveText('joined', { timeout: 15_000 });
    await expect(alice.page.locator('.smartc-tile[data-local] .smartc-tile__name')).toHaveText('alice (you)');
    // the device picker lists Chromium's fake camera and can switch it (the call captured it)
    const camera = alice.page.locator('[data-kind="videoinput"] select');
    await expect(camera).toBeEnabled();
    await expect(camera.locator('option')).not.toHaveCount(0);
    const link = await alice.page.getByLabel('Invite link').inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:8102\/\?call=.+/);

    // a guest opens the link: the call id is filled in; a name and Join are enough
    const gwen = await open(browser, link);
    people.push(gwen);
    await expect(gwen.page.getByPlaceholder('Call id')).toHaveValue(
      new URL(link).searchParams.get('call') ?? '',
    );
    await gwen.page.getByPlaceholder('Your name').fill('Gwen');
    await gwen.page.getByRole('button', { name: 'Join' }).click();
    await expect(gwen.page.getByTestId('status')).toHaveText('joined', { timeout: 15_000 });

    // each decodes the other's camera, frames advancing, and sees the stats of the connection
    await expectVideoFlowing(alice.page, 'Gwen');
    await expectVideoFlowing(gwen.page, 'alice');
    await expectStats(alice.page, 'Gwen');
    await expectStats(gwen.page, 'alice');
    await alice.page.screenshot({ path: SCREENSHOT });

    // the guest switches to another microphone in the picker: the call captures it and keeps it selected
    const microphone = gwen.page.locator('[data-kind="audioinput"] select');
    const mics = await microphone
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const current = await microphone.inputValue();
    const other = mics.find((id) => id !== current && id !== 'default' && id !== 'communications');
    expect(other, 'Chromium offers fake microphones to switch to').toBeDefined();
    await microphone.selectOption(other as string);
    await expect(microphone).toHaveValue(other as string);
    await expect(gwen.page.locator('.controls [role="alert"]')).toHaveCount(0);

    // alice picks another speaker: the guest's tile plays there (setSinkId)
    const speaker = alice.page.locator('[data-kind="audiooutput"] select');
    const speakers = await speaker
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const headphones = speakers.find((id) => id !== 'default') as string;
    await speaker.selectOption(headphones);
    await expect
      .poll(() =>
        tileOf(alice.page, 'Gwen')
          .locator('video')
          .evaluate((v: HTMLMediaElement) => v.sinkId),
      )
      .toBe(headphones);

    // controls: the guest mutes and stops the camera; alice sees both
    await gwen.page.getByRole('button', { name: 'Mute' }).click();
    await expect(tileOf(alice.page, 'Gwen').getByRole('img', { name: 'Microphone off' })).toBeVisible();
    await gwen.page.getByRole('button', { name: 'Stop camera' }).click();
    await expect(tileOf(alice.page, 'Gwen')).toHaveAttribute('data-video-off', 'true');
    await expect(gwen.page.getByRole('button', { name: 'Start camera' })).toBeVisible();

    // alice shares her screen (Chromium's fake 1920×1080 screen): the guest receives 16:9 frames instead
    await alice.page.getByRole('button', { name: 'Share screen' }).click();
    await expect(alice.page.getByRole('button', { name: 'Stop sharing' })).toBeVisible();
    await expect
      .poll(
        async () => {
          const { width, height } = await remoteVideo(gwen.page, 'alice');
          return height > 0 && Math.abs(width / height - 16 / 9) < 0.05;
        },
        { timeout: 15_000, message: "the guest sees alice's 16:9 screen" },
      )
      .toBe(true);

    // the guest leaves: back to the lobby, and alice's grid drops the tile
    await gwen.page.getByRole('button', { name: 'Leave' }).click();
    await expect(gwen.page.getByRole('button', { name: 'Join' })).toBeVisible();
    await expect(alice.page.locator('.smartc-tile')).toHaveCount(1, { timeout: 10_000 });
  } finally {
    for (const { page } of people) {
      const leave = page.getByRole('button', { name: 'Leave' });
      if (await leave.isVisible().catch(() => false)) await leave.click().catch(() => {});
    }
    await Promise.all(people.map(({ context }) => context.close()));
  }
});
