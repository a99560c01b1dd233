import { expect, test } from '@playwright/test';
import {
  close,
  continueAsGuest,
  expectFramesAdvancing,
  expectNoProblems,
  expectVideoFlowing,
  inCall,
  openApp,
  type Person,
  PHONE,
  remoteNames,
  remoteVideo,
  signIn,
  startServer,
  tileOf,
} from './support/demoApp';

// The demo app of examples/vanilla, served at `/` by the reference server (`--app examples/vanilla`), built on
// the script-tag SDK only. Every page's errors are collected; a test fails on any it does not expect by name.

const SCREENSHOT = new URL('./.results/demo-app.png', import.meta.url).pathname;

let people: Person[] = [];
test.afterEach(async () => {
  await Promise.all(people.map(close));
  people = [];
});

async function open(...args: Parameters<typeof openApp>) {
  const person = await openApp(...args);
  people.push(person);
  return person;
}

test('three people join by the link: video, stats, chat, mute and camera off, screen share, leave', async ({
  browser,
}) => {
  // alice signs in and creates a call (a fresh one each run)
  const alice = await open(browser, 'alice');
  await signIn(alice.page, 'alice', 'Alice123!');
  await expect(alice.page.getByText('Connecté : alice')).toBeVisible();
  await alice.page.getByRole('button', { name: 'Créer un appel' }).click();
  const link = await inCall(alice.page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?call=[A-Za-z0-9_.-]+$/);
  const callId = new URL(link).searchParams.get('call');

  // bob opens the link and signs in; Gwen opens it on a phone, as a guest
  const bob = await open(browser, 'bob', { url: link });
  await expect(bob.page.locator('#invite-card')).toContainText(callId ?? '');
  await signIn(bob.page, 'bob', 'Bob123!');
  await bob.page.getByRole('button', { name: "Rejoindre l'appel" }).click();
  await inCall(bob.page);
  const gwen = await open(browser, 'Gwen', { url: link, viewport: PHONE });
  await continueAsGuest(gwen.page, 'Gwen');
  await gwen.page.getByRole('button', { name: "Rejoindre l'appel" }).click();
  await inCall(gwen.page);

  // everyone decodes the two others, frames advancing; your own tile is mirrored
  const everyone = [alice, bob, gwen];
  for (const person of everyone) {
    const others = everyone.filter((p) => p !== person).map((p) => p.name);
    await expect.poll(() => remoteNames(person.page), { timeout: 20_000 }).toEqual(others.sort());
    for (const name of others) await expectVideoFlowing(person.page, name);
    await expect(person.page.locator('.tile[data-self] video')).toHaveClass(/tile__video--mirrored/);
  }
  await expect(alice.page.locator('.tile[data-self] .tile__name')).toHaveText('alice (vous)');

  // each remote tile shows the connection's RTT, bitrate, loss and a quality badge
  for (const name of ['bob', 'Gwen']) {
    const tile = tileOf(alice.page, name);
    await expect(tile.locator('[data-stat="rtt"]')).toHaveText(/^\d+ ms$/, { timeout: 20_000 });
    await expect(tile.locator('[data-stat="bitrate"]')).toHaveText(/^[\d\s\u202f]+ kbps$/);
    await expect(tile.locator('[data-stat="loss"]')).toHaveText(/^[\d,]+ %$/);
    await expect(tile.locator('.quality')).toHaveAttribute('data-level', /^(good|warning|bad)$/, {
      timeout: 20_000,
    });
  }
  await alice.page.locator('#call').screenshot({ path: SCREENSHOT });

  // chat: bob writes; alice sees it, and Gwen (whose phone folds the chat away) sees an unread count, then it
  await bob.page.getByLabel('Message').fill('Bonjour à tous !');
  await bob.page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(alice.page.locator('#chat-log .message__text')).toHaveText(['Bonjour à tous !']);
  await expect(alice.page.locator('#chat-log .message__author')).toHaveText(['bob']);
  await expect(gwen.page.locator('#unread')).toHaveText('1');
  await expect(gwen.page.locator('#chat-log')).toBeHidden();
  await gwen.page.getByRole('button', { name: 'Discussion' }).click();
  await expect(gwen.page.locator('#chat-log .message__text')).toHaveText(['Bonjour à tous !']);
  await expect(gwen.page.locator('#unread')).toBeHidden();

  // Gwen mutes and turns her camera off (released: no live camera track left); the others see both on her tile
  const mute = gwen.page.getByRole('button', { name: 'Couper le micro' });
  const camera = gwen.page.getByRole('button', { name: 'Couper la caméra' });
  await mute.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'true');
  await camera.click();
  await expect(camera).toHaveAttribute('aria-pressed', 'true');
  const liveCameraTracks = () =>
    gwen.page
      .locator('.tile[data-self] video')
      .evaluate(
        (video: HTMLVideoElement) =>
          (video.srcObject as MediaStream).getVideoTracks().filter((t) => t.readyState === 'live').length,
      );
  await expect.poll(liveCameraTracks).toBe(0);
  for (const person of [alice, bob]) {
    const tile = tileOf(person.page, 'Gwen');
    await expect(tile.getByRole('img', { name: 'Micro coupé' })).toBeVisible({ timeout: 10_000 });
    await expect(tile).toHaveAttribute('data-video-off', 'true');
    await expect(tile.locator('.tile__avatar')).toBeVisible();
  }
  // and back on
  await mute.click();
  await camera.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'false');
  await expect(camera).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(liveCameraTracks).toBe(1);
  for (const person of [alice, bob]) {
    const tile = tileOf(person.page, 'Gwen');
    await expect(tile.getByRole('img', { name: 'Micro coupé' })).toBeHidden({ timeout: 10_000 });
    await expect(tile).not.toHaveAttribute('data-video-off', 'true');
    await expectFramesAdvancing(person.page, 'Gwen');
  }

  // alice shares her screen (Chromium's fake 1920×1080 screen): bob receives 16:9 frames, not mirrored at home
  const share = alice.page.getByRole('button', { name: "Partager l'écran" });
  await share.click();
  await expect(share).toHaveAttribute('aria-pressed', 'true');
  await expect(alice.page.locator('.tile[data-self] video')).not.toHaveClass(/tile__video--mirrored/);
  await expect(tileOf(bob.page, 'alice')).toHaveAttribute('data-screen', 'true', { timeout: 10_000 });
  await expect
    .poll(
      async () => {
        const { width, height } = await remoteVideo(bob.page, 'alice');
        return height > 0 && Math.abs(width / height - 16 / 9) < 0.05;
      },
      { timeout: 15_000, message: "bob sees alice's 16:9 screen" },
    )
    .toBe(true);
  await share.click();
  await expect(share).toHaveAttribute('aria-pressed', 'false');

  // bob leaves: back to the lobby; alice and Gwen see his tile go
  await bob.page.getByRole('button', { name: 'Quitter' }).click();
  await expect(bob.page.getByRole('button', { name: "Rejoindre l'appel" })).toBeVisible();
  for (const person of [alice, gwen]) {
    await expect
      .poll(() => remoteNames(person.page), { timeout: 15_000 })
      .toEqual(person === alice ? ['Gwen'] : ['alice']);
  }

  for (const person of everyone) expectNoProblems(person);
});

test('camera and microphone denied: the catalogue message in French, then joining without them works', async ({
  browser,
}) => {
  const hugo = await open(browser, 'Hugo');
  await continueAsGuest(hugo.page, 'Hugo');
  await hugo.page.getByRole('button', { name: 'Créer un appel' }).click();
  const link = await inCall(hugo.page);

  // Ines' browser refuses the camera and microphone, as when the person clicks "Block"
  const ines = await open(browser, 'Ines', {
    url: link,
    initScript: () => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    },
  });
  await continueAsGuest(ines.page, 'Ines');
  await ines.page.getByRole('button', { name: "Rejoindre l'appel" }).click();
  await expect(ines.page.getByRole('alert')).toHaveText(/Accès à la caméra ou au micro refusé/);
  await expect(ines.page.locator('#call')).toBeHidden();

  // nothing is broken: she can join to see and hear, and Hugo sees her (without video)
  await ines.page.getByRole('button', { name: 'Rejoindre sans caméra ni micro' }).click();
  await inCall(ines.page);
  await expect(ines.page.getByRole('alert')).toBeHidden();
  await expectVideoFlowing(ines.page, 'Hugo');
  await expect(ines.page.locator('.tile[data-self] .tile__state')).toHaveText('Sans caméra ni micro');
  await expect(ines.page.getByRole('button', { name: 'Couper le micro' })).toBeDisabled();
  await expect(tileOf(hugo.page, 'Ines')).toHaveAttribute('data-video-off', 'true', { timeout: 15_000 });

  for (const person of [hugo, ines]) expectNoProblems(person);
});

test('a network outage: "reconnecting", then recovery, and the call goes on', async ({ browser }) => {
  const alice = await open(browser, 'Alice');
  await continueAsGuest(alice.page, 'Alice');
  await alice.page.getByRole('button', { name: 'Créer un appel' }).click();
  const link = await inCall(alice.page);
  const bob = await open(browser, 'Bob', { url: link, interceptHub: true });
  await continueAsGuest(bob.page, 'Bob');
  await bob.page.getByRole('button', { name: "Rejoindre l'appel" }).click();
  await inCall(bob.page);
  await expectVideoFlowing(bob.page, 'Alice');
  await expectVideoFlowing(alice.page, 'Bob');

  // Bob's network goes down: no request gets through, and the open hub socket drops (Chromium's offline
  // emulation leaves open WebSockets alone, so the test drops it as a real outage would)
  const outageStart = Date.now();
  await bob.context.setOffline(true);
  expect(bob.hubSockets.size).toBeGreaterThan(0);
  for (const socket of bob.hubSockets) await socket.close({ code: 1006, reason: 'network down' });
  const notice = bob.page.locator('#notice');
  await expect(notice).toHaveText(/reconnexion en cours/, { timeout: 15_000 });
  // the call itself keeps running: media flows peer to peer
  await expectFramesAdvancing(bob.page, 'Alice');
  await bob.page.waitForTimeout(3_000);
  await expect(notice).toHaveText(/reconnexion en cours/);

  await bob.context.setOffline(false);
  const outageEnd = Date.now();
  await expect(notice).toHaveText('Reconnecté au serveur', { timeout: 30_000 });
  await expect(bob.page.locator('#call')).toBeVisible();
  await expectFramesAdvancing(bob.page, 'Alice');
  await expectFramesAdvancing(alice.page, 'Bob');
  // signaling works again: chat goes through both ways
  await bob.page.getByLabel('Message').fill('Je suis revenu');
  await bob.page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(alice.page.locator('#chat-log .message__text')).toHaveText(['Je suis revenu']);
  await expect(notice).toBeHidden({ timeout: 10_000 });

  expectNoProblems(alice);
  // the only errors allowed: the browser's own "request failed, offline" lines, during the outage
  expectNoProblems(
    bob,
    ({ at, text }) =>
      text.includes('net::ERR_INTERNET_DISCONNECTED') && at >= outageStart && at <= outageEnd + 1_000,
  );
});

test('the English switch changes the texts, is remembered, and SDK errors follow it', async ({ browser }) => {
  const zoe = await open(browser, 'Zoé');
  const page = zoe.page;
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Se connecter' })).toBeVisible();

  // an SDK error, in French from the catalogue
  const loginStart = Date.now();
  await signIn(page, 'alice', 'not-her-password');
  await expect(page.getByRole('alert')).toHaveText(/Identifiants incorrects/);
  const loginEnd = Date.now();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Continue as a guest' })).toBeVisible();
  await expect(page.getByLabel('Your name')).toBeVisible();
  // the message on screen is translated again from its code
  await expect(page.getByRole('alert')).toHaveText(/Wrong username or password/);
  await expect(page.getByRole('button', { name: 'Français' })).toBeVisible();

  // remembered after a reload, and the call screen speaks English too
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Your name').fill('Zoé');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByRole('button', { name: 'Create a call' }).click();
  await expect(page.locator('#call')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Mute' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop camera' })).toBeVisible();
  await expect(page.locator('.tile[data-self] .tile__name')).toHaveText('Zoé (you)');

  // and back to French, in the call
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('button', { name: 'Couper le micro' })).toBeVisible();
  await expect(page.locator('.tile[data-self] .tile__name')).toHaveText('Zoé (vous)');

  // the wrong password's 401, as the browser reports it, is the only error
  expectNoProblems(
    zoe,
    ({ at, text }) => text.includes('status of 401') && at >= loginStart && at <= loginEnd,
  );
});

test('a server without guests: the app says so, and a new account starts a call', async ({ browser }) => {
  const server = await startServer(['--dev', '--db', ':memory:', '--app', 'examples/vanilla']);
  try {
    const zoe = await open(browser, 'zoe', { url: `${server.url}/` });
    await expect(zoe.page.getByText("Ce serveur n'accepte pas les invités : connectez-vous.")).toBeVisible();
    await expect(zoe.page.getByLabel('Votre nom')).toBeDisabled();
    await expect(zoe.page.getByRole('button', { name: 'Continuer', exact: true })).toBeDisabled();
    await expect(zoe.page.getByText(/Serveur de démo/)).toBeHidden();

    await signIn(zoe.page, 'zoe_test', 'Zoe-12345', 'Créer un compte');
    await expect(zoe.page.getByText('Connecté : zoe_test')).toBeVisible();
    await zoe.page.getByLabel("Nom de l'appel").fill('Appel de test');
    await zoe.page.getByRole('button', { name: 'Créer un appel' }).click();
    await inCall(zoe.page);
    await expect(zoe.page.locator('.tile[data-self] .tile__name')).toHaveText('zoe_test (vous)');
    await zoe.page.getByRole('button', { name: 'Quitter' }).click();
    await expect(zoe.page.getByRole('heading', { name: 'Votre appel' })).toBeVisible();

    // the app learns from /health that guests are off: no failed request, no error at all
    expectNoProblems(zoe);
    await close(zoe);
    people = people.filter((person) => person !== zoe);
  } finally {
    await server.stop();
  }
});
