import type { Options } from 'tsup';

/**
 * The build every library package shares: `src/index.ts` to ESM (`index.js`), CJS (`index.cjs`) and
 * type declarations for both, with source maps. Packages pass overrides for anything else.
 */
export function libraryBuild(overrides: Options = {}): Options {
  return {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    ...overrides,
  };
}
