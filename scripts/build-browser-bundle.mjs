#!/usr/bin/env node
// Bundles @smartc/mesh (with @smartc/core and @microsoft/signalr) into one browser script for the
// Chromium tests and benchmarks: `window.SmaRTCMesh` with every export. Run after `pnpm build`.
// The published script-tag build (`smartc.global.js`) comes with @smartc/simple.
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

/** Builds the bundle (if needed) and returns its path. */
export async function buildMeshBrowserBundle() {
  const outfile = `${root}.cache/smartc-mesh.global.js`;
  mkdirSync(`${root}.cache`, { recursive: true });
  await build({
    entryPoints: [`${root}packages/mesh/dist/index.js`],
    bundle: true,
    format: 'iife',
    globalName: 'SmaRTCMesh',
    platform: 'browser',
    target: 'es2020',
    outfile,
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await buildMeshBrowserBundle());
}
