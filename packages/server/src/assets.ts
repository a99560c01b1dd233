import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function tryResolve(specifier: string): string | undefined {
  try {
    return require.resolve(specifier);
  } catch {
    return undefined;
  }
}

/** The folder of `@smartc/server` (holds `public/`), from src/ or dist/ alike. */
export function packageRoot(): string {
  const own = tryResolve('@smartc/server/package.json');
  if (own) return dirname(own);
  // Fallback: walk up from this module.
  let dir = dirname(new URL(import.meta.url).pathname);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** `public/` of this package: the start page files. */
export function publicDir(): string {
  return join(packageRoot(), 'public');
}

/** The browser build of `@microsoft/signalr` (`dist/browser/signalr.min.js`). */
export function signalrBrowserBundle(): string | undefined {
  return tryResolve('@microsoft/signalr/dist/browser/signalr.min.js');
}

/**
 * A file of the `@smartc/simple` script-tag build (`smartc.global.js`, `smartc.global.min.js`): from the
 * installed package, else the monorepo sibling `packages/simple/dist`. `undefined` until it is built.
 */
export function sdkGlobalBundle(file = 'smartc.global.js'): string | undefined {
  const pkg = tryResolve('@smartc/simple/package.json');
  const candidates = [
    ...(pkg ? [join(dirname(pkg), 'dist', file)] : []),
    join(packageRoot(), '..', 'simple', 'dist', file),
  ];
  return candidates.find((candidate) => existsSync(candidate));
}
