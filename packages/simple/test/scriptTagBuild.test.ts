import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import type { SmaRTCServer } from '@smartc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from './helpers/server.js';

/** The script-tag build's budget: minified and gzipped, in bytes. */
const BUDGET_MIN_GZIP_BYTES = 45_000;

const dist = (file: string) => new URL(`../dist/${file}`, import.meta.url);
const readable = readFileSync(dist('smartc.global.js'), 'utf8');
const minified = readFileSync(dist('smartc.global.min.js'), 'utf8');

/** What a page offers a script besides the language itself (what the SDK needs to talk to a server). */
const PAGE_GLOBALS = { fetch, AbortController, AbortSignal, Headers, URL, setTimeout, clearTimeout, console };

/** Runs a build as a <script> would, in a fresh global scope; returns the globals it added. */
function load(code: string): Record<string, unknown> {
  const context = createContext({ ...PAGE_GLOBALS });
  const before = new Set(Object.getOwnPropertyNames(context));
  runInContext(code, context);
  return Object.fromEntries(
    Object.getOwnPropertyNames(context)
      .filter((name) => !before.has(name))
      .map((name) => [name, (context as Record<string, unknown>)[name]]),
  );
}

let server: SmaRTCServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server?.close();
});

describe('the script-tag build (smartc.global.js)', () => {
  it(`stays under ${BUDGET_MIN_GZIP_BYTES} bytes minified and gzipped`, () => {
    const size = gzipSync(minified, { level: 9 }).length;
    console.info(`smartc.global.min.js: ${minified.length} bytes minified, ${size} bytes gzipped`);
    expect(size).toBeLessThan(BUDGET_MIN_GZIP_BYTES);
  });

  it.each([
    ['readable', readable],
    ['minified', minified],
  ])('%s: defines the global SmaRTC and nothing else, with the whole public API', (_name, code) => {
    const added = load(code);
    expect(Object.keys(added)).toEqual(['SmaRTC']);
    const api = added.SmaRTC as Record<string, unknown>;
    for (const name of [
      'SmaRTCSimple',
      'SmaRTCSimpleError',
      'Translator',
      'SmaRTCClient',
      'Call',
      'LocalMedia',
      'MeshPeerManager',
      'SmaRTCApi',
      'SignalingClient',
      'SmaRTCError',
      'attachStream',
      'applyQuality',
    ])
      expect(typeof api[name], name).toBe('function');
    expect(api.ErrorCode).toMatchObject({ SESSION_NOT_FOUND: 'SESSION_NOT_FOUND' });
    expect(api.FRENCH_MESSAGES).toMatchObject({ callNotFound: "Cet appel n'existe pas" });
  });

  it('works from the global: a SmaRTCSimple of the minified build signs in and reports errors in French', async () => {
    const { SmaRTC } = load(minified) as { SmaRTC: Record<string, new (o: object) => unknown> };
    const Simple = SmaRTC.SmaRTCSimple as new (
      o: object,
    ) => {
      login(u: string, p: string): Promise<{ username: string }>;
      getAvailableCalls(): Promise<unknown[]>;
      dispose(): Promise<void>;
    };
    const smartc = new Simple({ serverUrl: server.url });
    try {
      await expect(smartc.login('demo', 'nope')).rejects.toMatchObject({
        name: 'SmaRTCSimpleError',
        code: 'AUTH_INVALID_CREDENTIALS',
        message: 'Identifiants incorrects',
      });
      await expect(smartc.login('demo', 'Demo123!')).resolves.toMatchObject({ username: 'demo' });
      expect(Array.isArray(await smartc.getAvailableCalls())).toBe(true); // an Array of the script's realm
    } finally {
      await smartc.dispose();
    }
  });

  it('is what the reference server serves at /sdk/smartc.global.js and /sdk/smartc.global.min.js', async () => {
    for (const [path, code] of [
      ['/sdk/smartc.global.js', readable],
      ['/sdk/smartc.global.min.js', minified],
    ] as const) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(await response.text()).toBe(code);
    }
  });
});
