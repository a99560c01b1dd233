import { createRequire } from 'node:module';
import { type Browser, expect, type Page, test } from '@playwright/test';

// The unmodified official browser client, exactly as a web page would load it.
const requireFromServer = createRequire(new URL('../packages/server/package.json', import.meta.url));
const SIGNALR_BROWSER = requireFromServer.resolve('@microsoft/signalr/dist/browser/signalr.min.js');

const TRANSPORTS = ['WebSockets', 'ServerSentEvents', 'LongPolling'] as const;
type Transport = (typeof TRANSPORTS)[number];

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
      const signalR = (window as unknown as { signalR: typeof import('@microsoft/signalr') }).signalR;
      const login = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      const { token } = await login.json();
      const w = window as unknown as { events: unknown[]; hub: import('@microsoft/signalr').HubConnection };
      w.events = [];
      w.hub = new signalR.HubConnectionBuilder()
        .withUrl('/signalhub', {
          transport: signalR.HttpTransportType[transport],
          accessTokenFactory: () => token,
        })
        .configureLogging(signalR.LogLevel.Warning)
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
  return page.evaluate(() => (window as unknown as { events: Array<Record<string, unknown>> }).events);
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
    await alice.page.evaluate(
      ([target, signal]) =>
        (window as unknown as { hub: import('@microsoft/signalr').HubConnection }).hub.invoke(
          'SendSignal',
          target,
          signal,
        ),
      [bob.joined.peerId, offer] as const,
    );
    await expect
      .poll(async () => (await eventsOf(bob.page)).find((e) => e.kind === 'ReceiveSignal'))
      .toEqual({ kind: 'ReceiveSignal', from: alice.joined.peerId, signal: offer });

    await bob.page.evaluate(() =>
      (window as unknown as { hub: import('@microsoft/signalr').HubConnection }).hub.stop(),
    );
    await expect
      .poll(async () => (await eventsOf(alice.page)).find((e) => e.kind === 'UserLeft'), { timeout: 30_000 })
      .toMatchObject({ e: { connectionId: bob.joined.peerId } });
    await alice.page.context().close();
    await bob.page.context().close();
  });
}

test('a stranger in another session cannot signal into a session', async ({ browser }) => {
  const alice = await joinFromPage(browser, 'alice', 'Alice123!', 'e2e-private', 'WebSockets');
  const mallory = await joinFromPage(browser, 'demo', 'Demo123!', 'e2e-elsewhere', 'WebSockets');
  const error = await mallory.page.evaluate(
    (target) =>
      (window as unknown as { hub: import('@microsoft/signalr').HubConnection }).hub
        .invoke('SendSignal', target, { type: 'offer', sdp: 'v=0' })
        .then(
          () => 'delivered',
          (e: Error) => e.message,
        ),
    alice.joined.peerId,
  );
  expect(error).toContain('SIGNALING_PEER_NOT_FOUND');
  await alice.page.waitForTimeout(300);
  expect((await eventsOf(alice.page)).filter((e) => e.kind === 'ReceiveSignal')).toEqual([]);
});

test('the start page says the server is running and links to the API docs', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/SmaRTC/);
  await expect(page.locator('a[href="/docs"]').first()).toBeVisible();
  await page.screenshot({
    path: new URL('./.results/start-page.png', import.meta.url).pathname,
    fullPage: true,
  });
});
