// Keeps the playground working offline once it has been opened: the page,
// the package's browser build and its .wasm are cached when the worker
// installs. Requests go to the network first (so a rebuilt package is
// picked up) and fall back to the cache when there is no network.
const CACHE = 'periskope-playground-v1';
const FILES = [
  './',
  './index.html',
  './style.css',
  './app.js',
  './samples.js',
  '../pkg/web/browser.mjs',
  '../pkg/web/periskope_events.mjs',
  '../pkg/web/api.mjs',
  '../pkg/periskope_events_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || Response.error())),
  );
});
