import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '@smartc/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseCommandLine, resolveConfig } from '../src/index.js';
import { startTestServer } from './helpers.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'smartc-app-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>My app</title><script src="app.js"></script>',
  );
  writeFileSync(join(dir, 'app.js'), 'console.log("hello");');
  mkdirSync(join(dir, 'css'));
  writeFileSync(join(dir, 'css', 'app.css'), 'body { margin: 0 }');
  writeFileSync(join(dir, '.env'), 'SECRET=1');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a web app served at / (--app)', () => {
  it('serves its index and assets with the page headers; the start page moves to /start', async () => {
    const t = await startTestServer({ appDir: dir });
    const index = await t.request('GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.text).toContain('<title>My app</title>');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('cache-control')).toBe('no-cache');

    const script = await t.request('GET', '/app.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.text).toBe('console.log("hello");');
    expect((await t.request('GET', '/css/app.css')).text).toBe('body { margin: 0 }');

    const start = await t.request('GET', '/start');
    expect(start.text).toContain('SmaRTC server is running');
    expect((await t.request('GET', '/health')).status).toBe(200);
  });

  it('answers 404 for missing files and never serves dotfiles', async () => {
    const t = await startTestServer({ appDir: dir });
    expect((await t.request('GET', '/missing.js')).status).toBe(404);
    expect((await t.request('GET', '/.env')).status).not.toBe(200);
    const api = await t.request('GET', '/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ error: { code: ErrorCode.NOT_FOUND } });
  });

  it('is set with --app or SMARTC_APP_DIR, and a folder without index.html is refused', () => {
    const flag = parseCommandLine(['--dev', '--app', dir], {});
    const env = parseCommandLine(['--dev'], { SMARTC_APP_DIR: dir });
    if (flag.help || env.help) throw new Error('unexpected help');
    expect(resolveConfig(flag.options).appDir).toBe(dir);
    expect(resolveConfig(env.options).appDir).toBe(dir);
    expect(resolveConfig({ dev: true }).appDir).toBeNull();
    expect(() => resolveConfig({ dev: true, appDir: join(dir, 'css') })).toThrow(ConfigError);
    expect(() => resolveConfig({ dev: true, appDir: join(dir, 'css') })).toThrow(/no index.html/);
  });
});
