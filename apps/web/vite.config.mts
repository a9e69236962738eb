import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Run from the repository root: `npx vite build --config apps/web/vite.config.mts`.
// The api serves the build output (dist/web) at `/`.
const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:3000';

/**
 * The field app's service worker (apps/web/sw/service-worker.js), emitted as /sw.js with the
 * list of this build's shell files to precache (no source maps). Build only: `vite dev` has none.
 */
function fieldServiceWorker(): Plugin {
  const source = fileURLToPath(new URL('./sw/service-worker.js', import.meta.url));
  return {
    name: 'hausakte-field-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const assets = Object.keys(bundle)
        .filter((name) => name.startsWith('assets/') && !name.endsWith('.map'))
        .map((name) => `/${name}`);
      const urls = [
        '/index.html',
        '/app-config.js',
        '/manifest.webmanifest',
        '/favicon.svg',
        '/icon-192.png',
        '/icon-512.png',
        ...assets,
      ].sort();
      const version = createHash('sha256').update(urls.join('\n')).digest('hex').slice(0, 16);
      const code = readFileSync(source, 'utf8').replace(
        '__HAUSAKTE_PRECACHE__',
        JSON.stringify({ version, urls }),
      );
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), fieldServiceWorker()],
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
