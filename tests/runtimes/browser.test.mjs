// Browsers, in Debian's headless Chromium driven by playwright-core: a page
// importing the package by name, bundled by Vite (production build, and the
// dev server), and the same cases with no bundler at all (an import map to
// the package's browser entry). Each runs every shared case.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build, createServer } from 'vite';
import { startServer } from '../../www-example/serve.mjs';
import { checkResults, generated, here, installed, launchChromium, repo } from './lib/harness.mjs';

const dist = path.join(generated, 'vite-dist');
let browser;

before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** Opens url, waits for window.__results; fails on any page error or failed request. */
async function resultsOf(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  try {
    await page.goto(url);
    // Poll (bounded) so that a page that broke fails now, with its reason.
    for (let i = 0; i < 600; i++) {
      assert.deepEqual(problems, [], url);
      if (await page.evaluate(() => window.__results !== undefined)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const results = await page.evaluate(() => window.__results);
    assert.deepEqual(problems, [], url);
    return results;
  } finally {
    await page.close();
  }
}

test('Vite build: the page bundles the browser entry and emits the .wasm as an asset', async (t) => {
  fs.rmSync(dist, { recursive: true, force: true });
  await build({ root: path.join(here, 'browser'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  const assets = fs.readdirSync(path.join(dist, 'assets'));
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, assets.join(', '));
  assert.deepEqual(fs.readFileSync(path.join(dist, 'assets', wasm[0])), fs.readFileSync(path.join(installed, 'periskope_events_bg.wasm')));
  const server = await startServer({ root: dist });
  try {
    await checkResults(t, 'chromium, vite build', await resultsOf(server.url));
  } finally {
    await server.close();
  }
});

test('Vite dev server: the same page, unbundled dependencies pre-bundled by Vite', async (t) => {
  const server = await createServer({
    root: path.join(here, 'browser'),
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, fs: { allow: [repo, fs.realpathSync(path.join(here, 'node_modules'))] } },
    cacheDir: path.join(generated, 'vite-cache'),
  });
  await server.listen();
  try {
    const { port } = server.httpServer.address();
    await checkResults(t, 'chromium, vite dev', await resultsOf(`http://127.0.0.1:${port}/`));
  } finally {
    await server.close();
  }
});

test('no bundler: <script type="module"> with an import map', async (t) => {
  const server = await startServer({ root: repo });
  try {
    await checkResults(t, 'chromium, no bundler', await resultsOf(`${server.url}tests/runtimes/browser-raw/`));
  } finally {
    await server.close();
  }
});
