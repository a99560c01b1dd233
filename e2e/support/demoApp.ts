import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { type Browser, type BrowserContext, expect, type Page, type WebSocketRoute } from '@playwright/test';
import {
  expectFramesAdvancing as expectAdvancing,
  expectVideoFlowing as expectFlowing,
  videoState,
} from './video';

/** A console error or uncaught exception of a page, and when it happened. */
export interface PageProblem {
  at: number;
  text: string;
}

/** One person using the demo app (examples/vanilla, served at `/` by the reference server). */
export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  /** Every `pageerror` and `console.error` of the page, in order. */
  problems: PageProblem[];
  /** The page's live signaling WebSockets (only with `interceptHub`), so a test can drop them. */
  hubSockets: Set<WebSocketRoute>;
}

export interface OpenOptions {
  url?: string;
  viewport?: { width: number; height: number };
  /** Runs in the page before its scripts (e.g. to make getUserMedia fail). */
  initScript?: () => void;
  /** Routes the hub's WebSockets through the test (to the real server), so that they can be dropped. */
  interceptHub?: boolean;
}

export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Opens the app in a browser context of its own, collecting the page's errors. */
export async function openApp(browser: Browser, name: string, options: OpenOptions = {}): Promise<Person> {
  const context = await browser.newContext({ viewport: options.viewport ?? LAPTOP });
  const hubSockets = new Set<WebSocketRoute>();
  if (options.interceptHub) {
    await context.routeWebSocket(/\/signalhub/, (ws) => {
      ws.connectToServer();
      hubSockets.add(ws);
      ws.onClose(() => hubSockets.delete(ws));
    });
  }
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const problems: PageProblem[] = [];
  page.on('pageerror', (error) => problems.push({ at: Date.now(), text: `pageerror: ${error.message}` }));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push({ at: Date.now(), text: message.text() });
  });
  await page.goto(options.url ?? '/');
  return { name, context, page, problems, hubSockets };
}

/** Asserts the page had no error, except the ones `expected` accepts (and names precisely). */
export function expectNoProblems(person: Person, expected: (problem: PageProblem) => boolean = () => false) {
  const unexpected = person.problems.filter((problem) => !expected(problem)).map((p) => p.text);
  expect(unexpected, `errors in ${person.name}'s page`).toEqual([]);
}

export async function signIn(page: Page, username: string, password: string, buttonName = 'Se connecter') {
  await page.getByLabel("Nom d'utilisateur").fill(username);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: buttonName, exact: true }).click();
}

export async function continueAsGuest(page: Page, name: string) {
  await page.getByLabel('Votre nom').fill(name);
  await page.getByRole('button', { name: 'Continuer', exact: true }).click();
}

/** Waits for the call screen and returns the invite link it shows. */
export async function inCall(page: Page): Promise<string> {
  await expect(page.locator('#call')).toBeVisible({ timeout: 20_000 });
  return page.getByLabel("Lien d'invitation").inputValue();
}

/** `page`'s tile of the participant `name` (not your own). */
export const tileOf = (page: Page, name: string) =>
  page.locator(`#grid .tile:not([data-self])[data-username="${name}"]`);

/** The remote participants `page` shows, by name, sorted. */
export const remoteNames = (page: Page) =>
  page
    .locator('#grid .tile:not([data-self])')
    .evaluateAll((tiles) => tiles.map((tile) => (tile as HTMLElement).dataset.username ?? '').sort());

/** What `page`'s <video> of `name` decodes: its size and the frames presented so far. */
export const remoteVideo = (page: Page, name: string) => videoState(tileOf(page, name).locator('video'));

/** Waits until `page` decodes `name`'s video (a width) and its frames keep advancing. */
export const expectVideoFlowing = (page: Page, name: string) =>
  expectFlowing(tileOf(page, name).locator('video'), `${name} on the page`);

/** Waits until `name`'s video on `page` presents 10 more frames. */
export const expectFramesAdvancing = (page: Page, name: string) =>
  expectAdvancing(tileOf(page, name).locator('video'), `${name} on the page`);

/** Leaves the call if in one (so the server drops the participant at once), then closes the context. */
export async function close(person: Person) {
  const leave = person.page.locator('#leave');
  if (await leave.isVisible().catch(() => false)) {
    await leave.click().catch(() => {});
    await person.page
      .locator('#lobby')
      .waitFor({ timeout: 3_000 })
      .catch(() => {});
  }
  await person.context.close();
}

/**
 * Starts another reference server serving the app, on a free port (e.g. without `--demo`); resolves its URL
 * and a `stop()` that ends it.
 */
export async function startServer(args: string[]) {
  const root = new URL('../..', import.meta.url).pathname;
  const child = spawn(
    'node',
    ['packages/server/dist/cli.js', '--port', '0', '--log-level', 'silent', ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const ready = /ready: (http:\/\/\S+)/.exec(output);
      if (ready?.[1]) resolve(ready[1].replace('//localhost:', '//127.0.0.1:'));
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
