import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import {
  bundledPackages,
  commonJsDependencies,
  requiredPackagesVitePlugin,
} from './build/bundled-packages.mjs';

// electron-vite's layout: one build per process, each from its own folder.
export default defineConfig({
  main: {
    plugins: [requiredPackagesVitePlugin],
    build: {
      outDir: 'out/main',
      // V8 keeps each file's source text while the app runs: minified, it holds less.
      minify: true,
      // launch.ts turns on the compile cache, then loads index.ts (the composition root).
      rollupOptions: {
        input: { index: resolve('main/shell/launch.ts') },
        // Non-ASCII escaped: one "’" makes V8 hold a whole file two bytes a character.
        // Every chunk beside the entry: the shell finds the preload and the page from its own
        // file (import.meta.dirname), wherever the bundler puts it.
        output: { charset: 'ascii', chunkFileNames: '[name]-[hash].js' },
      },
      // Pure-JS packages on the launch path are built in, as in the CLI (build/bundled-packages.mjs).
      externalizeDeps: { exclude: [...bundledPackages, ...commonJsDependencies()] },
    },
  },
  preload: {
    // Sandboxed preloads run as one CommonJS file with nothing but electron to require.
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: { outDir: 'out/renderer', rollupOptions: { input: { index: resolve('renderer/index.html') } } },
  },
});
