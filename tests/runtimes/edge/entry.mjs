// What the platform wraps around an edge function's default export.
import handler from './handler.mjs';

addEventListener('fetch', (event) => event.respondWith(handler(event.request)));
