// The field app's service worker (Hausakte). Built by the `fieldServiceWorker` plugin in
// apps/web/vite.config.mts, which fills in PRECACHE below with this build's files.
// It keeps the app shell only: index.html, the runtime config script, the manifest, icons and
// the hashed bundles under /assets/. It never touches /api/ or /health/ — the day's work lives
// in IndexedDB, written by the app itself — and it answers a page navigation from the cache
// only when the network fails, so the office pages behave as without it while online.
/* global self, caches, Request, Response, URL */
const PRECACHE = __HAUSAKTE_PRECACHE__;
const CACHE = `hausakte-shell-${PRECACHE.version}`;
const SHELL = '/index.html';
const precached = new Set(PRECACHE.urls);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(
        PRECACHE.urls.map(
          (url) => new Request(url, { cache: 'reload', credentials: 'same-origin' }),
        ),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('hausakte-shell-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // API answers carry personal data: never cached here, never answered from here.
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/health/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else if (url.pathname === '/app-config.js') {
    event.respondWith(networkFirst(request, url.pathname));
  } else if (precached.has(url.pathname)) {
    event.respondWith(cacheFirst(request, url.pathname));
  }
});

/** Pages: the network's answer; the cached shell only when there is none. */
async function page(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match(SHELL, { cacheName: CACHE });
    if (shell) return shell;
    throw error;
  }
}

async function networkFirst(request, key) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(key, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(key, { cacheName: CACHE });
    if (cached) return cached;
    throw error;
  }
}

/** Hashed bundles never change under their name. */
async function cacheFirst(request, key) {
  const cached = await caches.match(key, { cacheName: CACHE });
  return cached ?? fetch(request);
}
