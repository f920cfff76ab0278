import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { bundledPackages } from './build/bundled-packages.mjs';

// electron-vite's layout: one build per process, each from its own folder.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // launch.ts turns on the compile cache, then loads index.ts (the composition root).
      rollupOptions: { input: { index: resolve('main/shell/launch.ts') } },
      // Pure-JS packages on the launch path are built in, as in the CLI (build/bundled-packages.mjs).
      externalizeDeps: { exclude: [...bundledPackages] },
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
