import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const distEntry = join(packageDir, 'dist', 'index.js');

/** Exports apps rely on; each must be there in ESM, CJS and the browser bundle. */
const EXPECTED = {
  functions: [
    'SmaRTCApi',
    'AuthApi',
    'SessionsApi',
    'IceConfigApi',
    'SmaRTCError',
    'AuthError',
    'NetworkError',
    'SignalingError',
    'TypedEmitter',
    'errorFromCode',
    'isSmaRTCError',
    'memoryTokenStorage',
    'webStorageTokenStorage',
  ],
  values: ['FALLBACK_ICE_SERVERS', 'DEFAULT_SERVER_URL', 'DEFAULT_TIMEOUT_MS'],
};

const PROBE = `const names = ${JSON.stringify(EXPECTED)};
const missing = [...names.functions.filter((n) => typeof m[n] !== 'function'), ...names.values.filter((n) => m[n] === undefined)];
const api = new m.SmaRTCApi({ serverUrl: 'http://127.0.0.1:1' });
api.dispose();
console.log(JSON.stringify({ missing, serverUrl: api.serverUrl, count: Object.keys(m).length }));`;

async function node(args: string[]): Promise<{ missing: string[]; serverUrl: string; count: number }> {
  const { stdout } = await run(process.execPath, args, { cwd: packageDir, timeout: 20_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

beforeAll(() => {
  if (!existsSync(distEntry)) {
    throw new Error('packages/core/dist is missing: build first (turbo runs the build before the tests)');
  }
});

describe('the built package', () => {
  it('declares sideEffects:false and ESM + CJS entries with types', () => {
    const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    expect(pkg.sideEffects).toBe(false);
    for (const file of [
      pkg.exports['.'].import.default,
      pkg.exports['.'].import.types,
      pkg.exports['.'].require.default,
      pkg.exports['.'].require.types,
    ]) {
      expect(existsSync(join(packageDir, file)), file).toBe(true);
    }
  });

  it('imports by name from ESM and requires from CJS in Node, with the same exports', async () => {
    const esm = await node([
      '--input-type=module',
      '-e',
      `const m = await import('@smartc/core');\n${PROBE}`,
    ]);
    const cjs = await node(['-e', `const m = require('@smartc/core');\n${PROBE}`]);
    expect(esm.missing).toEqual([]);
    expect(cjs.missing).toEqual([]);
    expect(esm.serverUrl).toBe('http://127.0.0.1:1');
    expect(cjs.count).toBe(esm.count);
  });

  it('bundles for browsers (ESM) with no Node built-ins and loads without Node globals', async () => {
    const esm = await build({
      entryPoints: [distEntry],
      absWorkingDir: packageDir,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    expect(esm.errors).toEqual([]);
    const inputs = Object.keys(esm.metafile.inputs);
    expect(
      inputs.filter((file) => file.startsWith('node:') || /\bnode_modules\/(ws|node-fetch)\//.test(file)),
    ).toEqual([]);
    const code = esm.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/\bfrom\s*["']node:|import\(["']node:|require\(["']node:/);
    expect(code).not.toMatch(/require\(["'](ws|fs|http|https|net|tls|crypto|stream|buffer|events)["']\)/);

    // The same bundle as a script, evaluated where `process`, `require` and `Buffer` do not exist:
    // module top-level code touching Node globals would throw here.
    const iife = await build({
      entryPoints: [distEntry],
      absWorkingDir: packageDir,
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'SmaRTCCore',
      write: false,
      logLevel: 'silent',
    });
    const sandbox: Record<string, unknown> = {};
    sandbox.globalThis = sandbox;
    runInNewContext(iife.outputFiles[0]?.text ?? '', sandbox, { filename: 'smartc-core.browser.js' });
    const m = sandbox.SmaRTCCore as Record<string, unknown>;
    expect(EXPECTED.functions.filter((n) => typeof m[n] !== 'function')).toEqual([]);
    expect(sandbox).not.toHaveProperty('process');
  });
});
