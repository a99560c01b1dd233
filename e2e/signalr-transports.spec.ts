import { createRequire } from 'node:module';
import type { HubConnection } from '@microsoft/signalr';
import { type Browser, expect, type Page, test } from '@playwright/test';

// The unmodified official browser client, exactly as a web page would load it.
const requireFromServer = createRequire(new URL('../packages/server/package.json', import.meta.url));
const SIGNALR_BROWSER = requireFromServer.resolve('@microsoft/signalr/dist/browser/signalr.min.js');

const TRANSPORTS = ['WebSockets', 'ServerSentEvents', 'LongPolling'] as const;
type Transport = (typeof TRANSPORTS)[number];

/** What the test pages keep on `window`. */
interface PageGlobals {
  signalR: typeof import('@microsoft/signalr');
  hub: HubConnection;
  events: Array<Record<string, unknown>>;
}

interface Joined {
  peerId: string;
  peers: { peerId: string; username: string }[];
}

/** A page with the SignalR client loaded, signed in as `username`, joined to `room` over `transport`. */
async function joinFromPage(
  browser: Browser,
  username: string,
  password: string,
  room: string,
  transport: Transport,
) {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/health');
  await page.addScriptTag({ path: SIGNALR_BROWSER });
  const joined = await page.evaluate(
    async ({ username, password, room, transport }) => {
      const w = window as unknown as PageGlobals;
      const login = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      const { token } = await login.json();
      w.events = [];
      w.hub = new w.signalR.HubConnectionBuilder()
        .withUrl('/signalhub', {
          transport: w.signalR.HttpTransportType[transport],
          accessTokenFactory: () => token,
        })
        .configureLogging(w.signalR.LogLevel.Warning)
        .build();
      w.hub.on('UserJoined', (e) => w.events.push({ kind: 'UserJoined', e }));
      w.hub.on('UserLeft', (e) => w.events.push({ kind: 'UserLeft', e }));
      w.hub.on('ReceiveSignal', (from, signal) => w.events.push({ kind: 'ReceiveSignal', from, signal }));
      await w.hub.start();
      return w.hub.invoke('JoinSession', room, username);
    },
    { username, password, room, transport },
  );
  return { page, joined: joined as Joined };
}

function eventsOf(page: Page) {
  return page.evaluate(() => (window as unknown as PageGlobals).events);
}

/** Invokes a hub method from the page; resolves its result, or `{ error }` with the client's error text. */
function invokeFromPage(page: Page, method: string, ...args: unknown[]) {
  return page.evaluate(
    ([method, args]) =>
      (window as unknown as PageGlobals).hub
        .invoke(method, ...args)
        .catch((e: Error) => ({ error: e.message })),
    [method, args] as const,
  );
}

for (const transport of TRANSPORTS) {
  test(`official SignalR browser client signals peer to peer over ${transport}`, async ({ browser }) => {
    const room = `e2e-${transport.toLowerCase()}`;
    const alice = await joinFromPage(browser, 'alice', 'Alice123!', room, transport);
    const bob = await joinFromPage(browser, 'bob', 'Bob123!', room, transport);

    expect(bob.joined.peers.map((p) => p.peerId)).toEqual([alice.joined.peerId]);
    await expect
      .poll(async () => (await eventsOf(alice.page)).find((e) => e.kind === 'UserJoined'))
      .toMatchObject({ e: { username: 'bob', connectionId: bob.joined.peerId } });

    const offer = { type: 'offer', sdp: `v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=${transport}\r\n`, gen: 1 };
    expect(await invokeFromPage(alice.page, 'SendSignal', bob.joined.peerId, offer)).toBeNull();
    await expect
      .poll(async () => (await eventsOf(bob.page)).find((e) => e.kind === 'ReceiveSignal'))
      .toEqual({ kind: 'ReceiveSignal', from: alice.joined.peerId, signal: offer });

    // Leave the way the SDKs do: LeaveSession, then stop. The others see it at once.
    expect(await invokeFromPage(bob.page, 'LeaveSession')).toBeNull();
    await bob.page.evaluate(() => (window as unknown as PageGlobals).hub.stop());
    await expect
      .poll(async () => (await eventsOf(alice.page)).find((e) => e.kind === 'UserLeft'))
      .toMatchObject({ e: { connectionId: bob.joined.peerId, reason: 'left' } });
    await alice.page.context().close();
    await bob.page.context().close();
  });
}

test('a stranger in another session cannot signal into a session', async ({ browser }) => {
  const alice = await joinFromPage(browser, 'alice', 'Alice123!', 'e2e-private', 'WebSockets');
  const mallory = await joinFromPage(browser, 'demo', 'Demo123!', 'e2e-elsewhere', 'WebSockets');
  const outcome = await invokeFromPage(mallory.page, 'SendSignal', alice.joined.peerId, {
    type: 'offer',
    sdp: 'v=0',
  });
  expect(outcome).toEqual({ error: expect.stringContaining('SIGNALING_PEER_NOT_FOUND') });
  await alice.page.waitForTimeout(300);
  expect((await eventsOf(alice.page)).filter((e) => e.kind === 'ReceiveSignal')).toEqual([]);
  // The stranger's connection still works after the refusal.
  expect(await invokeFromPage(mallory.page, 'Heartbeat')).toMatchObject({ serverTime: expect.any(String) });
});

test('the start page signs in, creates a session and joins it over the hub', async ({ page }) => {
  await page.goto('/start');
  await expect(page).toHaveTitle(/SmaRTC/);
  await expect(page.locator('#health')).toContainText('Healthy');
  await expect(page.locator('a[href="/docs"]').first()).toBeVisible();

  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#whoami')).toHaveText('Signed in as demo (user).');
  await page.getByLabel('New session').fill('Appel du start page');
  await page.getByRole('button', { name: 'Create' }).click();
  const session = page.locator('#sessions li', { hasText: 'Appel du start page' });
  await expect(session).toContainText('by demo · 0/');
  await page.locator('#transport').selectOption('LongPolling');
  await session.getByRole('button', { name: 'Join' }).click();

  await expect(page.locator('#hub-state')).toHaveText('connected');
  await expect(page.locator('#hub-transport')).toHaveText('LongPolling');
  await expect(page.locator('#hub-peer')).toHaveText(/^p_/);
  await expect(page.locator('#error')).toBeHidden();
  await page.screenshot({
    path: new URL('./.results/start-page.png', import.meta.url).pathname,
    fullPage: true,
  });
});
