import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { expectVideoFlowing as expectFlowing, videoState } from './support/video';

/** The React example app, served by `vite preview` (see EXAMPLE_APPS in playwright.config.ts). */
const APP = 'http://127.0.0.1:8101/';
const SCREENSHOT = new URL('./.results/react-example.png', import.meta.url).pathname;

interface Participant {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function open(browser: Browser, url = APP): Promise<Participant> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { context, page, errors };
}

/** Enters the app as `name`: signed in with `password`, or a guest without one. */
async function enter(page: Page, name: string, password = '') {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Enter' }).click();
}

/** The tile of the remote participant `name` on `page`. */
const tileOf = (page: Page, name: string) =>
  page.locator(`[data-smartc-tile][data-username="${name}"]:not([data-self])`);

/** What `page`'s <video> of `name` decodes: its size and the frames presented so far. */
const remoteVideo = (page: Page, name: string) => videoState(tileOf(page, name).locator('video'));

/** Waits until `page` decodes `name`'s video and its frames keep advancing (and no click-to-play was needed). */
async function expectVideoFlowing(page: Page, name: string) {
  await expectFlowing(tileOf(page, name).locator('video'), name);
  await expect(tileOf(page, name).getByRole('button', { name: 'Click to play' })).toHaveCount(0);
}

/** Waits until `page` shows live stats of the connection with `name`: RTT, received bitrate, quality badge. */
async function expectStats(page: Page, name: string) {
  const stats = tileOf(page, name).locator('.stats');
  await expect(stats).toHaveText(/^RTT \d+ ms · ↓ \d+ kbps$/, { timeout: 15_000 });
  await expect
    .poll(async () => Number(await stats.getAttribute('data-kbps')), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await expect(tileOf(page, name).locator('[data-quality]')).toHaveAttribute(
    'data-quality',
    /^(good|warning|bad)$/,
    {
      timeout: 20_000,
    },
  );
}

test('React example: demo signs in and starts a call, a guest joins by the link; each sees the other', async ({
  browser,
}) => {
  const people: Participant[] = [];
  try {
    // demo signs in and starts a call: the invitation link carries its id
    const demo = await open(browser);
    people.push(demo);
    await enter(demo.page, 'demo', 'Demo123!');
    await demo.page.getByRole('button', { name: 'Start a call' }).click();
    await expect(demo.page.locator('[data-status]')).toHaveText('joined', { timeout: 15_000 });
    await expect(demo.page.locator('[data-smartc-tile][data-self] .smartc-tile__name')).toHaveText(
      'demo (you)',
    );
    const link = (await demo.page.getByRole('link').getAttribute('href')) ?? '';
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:8101\/\?call=.+/);
    expect(new URL(demo.page.url()).searchParams.get('call')).toBe(new URL(link).searchParams.get('call'));

    // a guest opens the link and only gives a name
    const gwen = await open(browser, link);
    people.push(gwen);
    await enter(gwen.page, 'Gwen');
    await expect(gwen.page.locator('[data-status]')).toHaveText('joined', { timeout: 15_000 });

    // one participant each (StrictMode's double mount joined once): two tiles on both sides
    for (const { page } of people) {
      await expect(page.getByText('2 in the call')).toBeVisible({ timeout: 15_000 });
      await expect(page.locator('[data-smartc-tile]')).toHaveCount(2);
    }

    // each decodes the other's camera, frames advancing, with the connection's stats
    await expectVideoFlowing(demo.page, 'Gwen');
    await expectVideoFlowing(gwen.page, 'demo');
    await expectStats(demo.page, 'Gwen');
    await expectStats(gwen.page, 'demo');
    await demo.page.screenshot({ path: SCREENSHOT });

    // controls: the guest mutes and turns the camera off; demo sees both
    await gwen.page.getByRole('button', { name: 'Mute' }).click();
    await expect(tileOf(demo.page, 'Gwen').getByRole('img', { name: 'Microphone off' })).toBeVisible();
    await gwen.page.getByRole('button', { name: 'Camera off' }).click();
    await expect(tileOf(demo.page, 'Gwen').locator('.smartc-tile__placeholder')).toHaveText('G');
    await expect(gwen.page.getByRole('button', { name: 'Camera on' })).toBeVisible();

    // demo shares the screen (Chromium's fake screen is 16:9): the guest receives it instead of the camera
    await demo.page.getByRole('button', { name: 'Share screen' }).click();
    await expect(demo.page.getByRole('button', { name: 'Stop sharing' })).toBeVisible();
    await expect
      .poll(
        async () => {
          const { width, height } = await remoteVideo(gwen.page, 'demo');
          return height > 0 && Math.abs(width / height - 16 / 9) < 0.05;
        },
        { timeout: 15_000, message: "the guest sees demo's 16:9 screen" },
      )
      .toBe(true);

    // the guest leaves: back to the lobby, and demo's grid keeps only demo's own tile
    await gwen.page.getByRole('button', { name: 'Leave' }).click();
    await expect(gwen.page.getByRole('button', { name: 'Start a call' })).toBeVisible();
    await expect(demo.page.locator('[data-smartc-tile]')).toHaveCount(1, { timeout: 10_000 });
    for (const person of people) expect(person.errors).toEqual([]);
  } finally {
    for (const { page } of people) {
      const leave = page.getByRole('button', { name: 'Leave' });
      if (await leave.isVisible().catch(() => false)) await leave.click().catch(() => {});
    }
    await Promise.all(people.map(({ context }) => context.close()));
  }
});
