import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { build } from 'vite';
import { expectVideoFlowing } from './support/video';

// The README's two examples, run as written: the JavaScript module one bundled by Vite (the ESM build, the way
// app developers use it), the script-tag one in a bare page loading /sdk/smartc.global.js (the IIFE). Each page
// must see the other's video play, with no page error and no console error.

const ROOT = new URL('..', import.meta.url).pathname;
const README = readFileSync(join(ROOT, 'packages/simple/README.md'), 'utf8');
const ROOT_README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const WORK = join(ROOT, 'e2e/.results/sdk-builds');

/** The first fenced block of `lang` in the section titled `heading` of a README (the package's by default). */
function readmeBlock(heading: string, lang: string, readme = README): string {
  const section = readme.split(/^## /m).find((s) => s.startsWith(heading));
  const block = section?.match(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``))?.[1];
  if (!block) throw new Error(`README: no ${lang} block under "## ${heading}"`);
  return block;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

/** Serves `files` (URL path → body) on the page's origin, i.e. the reference server's. */
async function serve(page: Page, files: Map<string, string>): Promise<void> {
  await page.route('**/smoke/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    const body = files.get(path);
    if (body === undefined) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: TYPES[extname(path)] ?? 'text/plain', body });
  });
}

/** Page errors and console errors of `page`, to assert there are none. */
function watchErrors(page: Page, name: string): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${name} pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${name} console.error: ${message.text()}`);
  });
  return errors;
}

test('the repository README shows the very examples run here', () => {
  const section = 'Three lines to a call';
  expect(readmeBlock(section, 'js', ROOT_README)).toBe(readmeBlock(`${section} (JavaScript module)`, 'js'));
  expect(readmeBlock(section, 'html', ROOT_README)).toBe(readmeBlock(`${section} (script tag)`, 'html'));
});

let esmFiles: Map<string, string>;

test.beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  const app = join(WORK, 'vite-app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'main.js'), readmeBlock('Three lines to a call (JavaScript module)', 'js'));
  writeFileSync(
    join(app, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>ESM</title></head><body><script type="module" src="./main.js"></script></body></html>',
  );
  const output = await build({
    root: app,
    base: '/smoke/esm/',
    logLevel: 'warn',
    build: { outDir: join(WORK, 'vite-dist'), emptyOutDir: true, write: false, minify: false },
  });
  const bundles = Array.isArray(output) ? output : [output];
  esmFiles = new Map();
  for (const bundle of bundles)
    for (const file of (bundle as { output: Array<{ fileName: string; code?: string; source?: unknown }> })
      .output)
      esmFiles.set(`/smoke/esm/${file.fileName}`, file.code ?? String(file.source));
  expect([...esmFiles.keys()]).toContain('/smoke/esm/index.html');
});

test('the README examples: a Vite-built module page and a script-tag page call each other', async ({
  browser,
}) => {
  const esm = await (await browser.newContext()).newPage();
  const iife = await (await browser.newContext()).newPage();
  const errors = [...watchErrors(esm, 'esm'), ...watchErrors(iife, 'iife')];
  try {
    await serve(esm, esmFiles);
    await serve(
      iife,
      new Map([['/smoke/iife.html', readmeBlock('Three lines to a call (script tag)', 'html')]]),
    );
    const invite = esm.waitForEvent('console', {
      predicate: (message) => message.text().startsWith('Invite: '),
      timeout: 20_000,
    });
    await esm.goto('/smoke/esm/index.html');
    const link = new URL((await invite).text().slice('Invite: '.length));
    const callId = link.searchParams.get('call');
    expect(callId).toBeTruthy();

    await iife.goto(`/smoke/iife.html?call=${encodeURIComponent(callId ?? '')}`);
    for (const [page, name] of [
      [esm, 'the module page'],
      [iife, 'the script-tag page'],
    ] as const)
      await expectVideoFlowing(page.locator('video').first(), `${name} shows the other's video`);
    // Only the global SmaRTC was added by the script-tag build.
    expect(await iife.evaluate(() => typeof (window as unknown as { SmaRTC?: unknown }).SmaRTC)).toBe(
      'object',
    );
    expect(errors).toEqual([]);
  } finally {
    await esm.context().close();
    await iife.context().close();
  }
});

test('the minified script-tag build adds one global and reports errors in French', async ({ page }) => {
  const errors = watchErrors(page, 'min');
  await serve(page, new Map([['/smoke/min.html', '<!doctype html><title>min</title>']]));
  await page.goto('/smoke/min.html');
  const before: string[] = await page.evaluate(() => Object.keys(window));
  await page.addScriptTag({ url: '/sdk/smartc.global.min.js' });
  const added = await page.evaluate((known) => Object.keys(window).filter((k) => !known.includes(k)), before);
  expect(added).toEqual(['SmaRTC']);
  const result = await page.evaluate(async () => {
    const { SmaRTCSimple } = (window as unknown as { SmaRTC: { SmaRTCSimple: new () => unknown } }).SmaRTC;
    const smartc = new SmaRTCSimple() as {
      joinCall(id: string): Promise<void>;
      login(u: string, p: string): Promise<unknown>;
    };
    await smartc.login('bob', 'Bob123!');
    return smartc.joinCall('no-such-call').catch((e: { code: string; message: string }) => ({
      code: e.code,
      message: e.message,
    }));
  });
  expect(result).toEqual({ code: 'SESSION_NOT_FOUND', message: "Cet appel n'existe pas" });
  expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
});
