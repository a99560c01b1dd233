import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { SmaRTCServer } from '@smartc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from './helpers/server.js';

const run = promisify(execFile);
const REPO_ROOT = new URL('../../../', import.meta.url).pathname;

// What a CommonJS user writes, run by a plain `node` from a project that installed @smartc/simple.
const SCRIPT = `
const { SmaRTCSimple, SmaRTCSimpleError } = require('@smartc/simple');
(async () => {
  const smartc = new SmaRTCSimple({ serverUrl: process.env.SMARTC_URL });
  const out = { resolved: require.resolve('@smartc/simple') };
  await smartc.login('demo', 'wrong').catch((e) => {
    out.error = { name: e.name, code: e.code, message: e.message, isSimpleError: e instanceof SmaRTCSimpleError };
  });
  out.user = (await smartc.login('demo', 'Demo123!')).username;
  out.calls = Array.isArray(await smartc.getAvailableCalls());
  await smartc.dispose();
  console.log(JSON.stringify(out));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

let server: SmaRTCServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server?.close();
});

describe('the CommonJS build', () => {
  it('is what require() loads, and works against the server', async () => {
    const { stdout, stderr } = await run(process.execPath, ['-e', SCRIPT], {
      cwd: REPO_ROOT,
      env: { ...process.env, SMARTC_URL: server.url },
      timeout: 20_000,
    });
    expect(stderr).toBe('');
    const out = JSON.parse(stdout);
    expect(out.resolved).toMatch(/packages\/simple\/dist\/index\.cjs$/);
    expect(out.error).toEqual({
      name: 'SmaRTCSimpleError',
      code: 'AUTH_INVALID_CREDENTIALS',
      message: 'Identifiants incorrects',
      isSimpleError: true,
    });
    expect(out.user).toBe('demo');
    expect(out.calls).toBe(true);
  });
});
