import { join } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer on its own, for the browser mode and the Playwright tests (build/build-web.mjs).
// Paths from this file's folder, so a build started from any folder finds the sources.
export default defineConfig({
  root: join(import.meta.dirname, 'renderer'),
  plugins: [react()],
  build: { outDir: join(import.meta.dirname, 'out/web'), emptyOutDir: true },
});
