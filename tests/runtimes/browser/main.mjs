// A page bundled by Vite that imports the package by name (the `browser`
// entry, which initializes itself with top-level await) and runs the
// shared cases; browser.test.mjs reads window.__results.
import { runAll } from '../lib/host.mjs';

window.__results = runAll().then((results) => {
  const failed = results.filter((r) => !r.ok);
  document.getElementById('out').textContent = `${results.length - failed.length} passed, ${failed.length} failed`;
  return results;
});
