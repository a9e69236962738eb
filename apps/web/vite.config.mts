import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Run from the repository root: `npx vite build --config apps/web/vite.config.mts`.
// The api serves the build output (dist/web) at `/`.
const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: {
    // Browser-safe rule modules shared with the api (pure functions and data).
    alias: {
      '@hausakte/inspections/rules': fileURLToPath(
        new URL('../../libs/inspections/src/rules.ts', import.meta.url),
      ),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/health': { target: api, changeOrigin: false },
      '/app-config.js': { target: api, changeOrigin: false },
    },
  },
});
