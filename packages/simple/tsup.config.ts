import { defineConfig, type Options } from 'tsup';
import { libraryBuild } from '../../tsup.shared.js';

/** The script-tag build: an IIFE defining only the global `SmaRTC`, with its dependencies (SignalR too) inside. */
function scriptTagBuild(minify: boolean): Options {
  return {
    entry: { smartc: 'src/global.ts' },
    format: ['iife'],
    globalName: 'SmaRTC',
    platform: 'browser',
    // ES2022 keeps class private fields native (downlevelled, they cost ~10 KB gzipped); every browser with
    // a complete WebRTC stack has them (Chrome 94+, Firefox 90+, Safari 15.4+).
    target: 'es2022',
    noExternal: [/.*/],
    minify,
    sourcemap: true,
    clean: false,
    dts: false,
    outExtension: () => ({ js: minify ? '.global.min.js' : '.global.js' }),
    esbuildOptions(options) {
      options.legalComments = 'none';
      // SignalR keeps its internals in `_name` properties: shortening them saves ~1 KB
      // gzipped. Safe because the whole program is in the bundle; the script-tag smoke tests prove it.
      if (minify) options.mangleProps = /^_[a-zA-Z]/;
    },
  };
}

export default defineConfig([libraryBuild(), scriptTagBuild(false), scriptTagBuild(true)]);
