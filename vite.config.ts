import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer on its own, for the browser mode and the Playwright tests.
export default defineConfig({
  root: 'renderer',
  plugins: [react()],
  build: { outDir: '../out/web', emptyOutDir: true },
});
