// The package as published: what `npm pack` puts in the tarball (that and
// nothing else), the exports map, and that the ES module entries need no
// bundler (relative imports only).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { installed, repo } from './lib/harness.mjs';

const pkgDir = path.join(repo, 'pkg');
const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));

const EXPECTED_FILES = [
  'LICENSE-APACHE',
  'LICENSE-MIT',
  'README.md',
  'bin/periskope-events.cjs',
  'node/index.cjs',
  'node/index.mjs',
  // The JSON Schemas without annotations, which the Node entry reads on the
  // first jsonSchema call (the web entries embed them).
  'node/json-schemas.json',
  'node/periskope_events.cjs',
  'package.json',
  'periskope_events_bg.wasm',
  'types/index.d.cts',
  'types/index.d.mts',
  'web/api.mjs',
  'web/browser.mjs',
  'web/deno.mjs',
  'web/edge-light.mjs',
  'web/periskope_events.mjs',
  'web/workerd.mjs',
  // The JSON Schemas, one input and one output per event and the webhook's,
  // exactly the generated ones.
  ...fs.readdirSync(path.join(repo, 'pkg-template', 'schemas')).filter((f) => f.endsWith('.json')).map((f) => `schemas/${f}`),
].sort();

test('npm pack --dry-run --json: exactly the expected files, one .wasm', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', pkgDir], { encoding: 'utf8', cwd: repo, stdio: ['ignore', 'pipe', 'ignore'] });
  const [{ files, entryCount }] = JSON.parse(out);
  const paths = files.map((f) => f.path).sort();
  assert.deepEqual(paths, EXPECTED_FILES);
  assert.equal(entryCount, EXPECTED_FILES.length);
  assert.equal(paths.filter((p) => p.endsWith('.wasm')).length, 1);
});

test('the tarball installed for these tests is this build', () => {
  for (const file of ['periskope_events_bg.wasm', 'web/api.mjs', 'node/index.cjs', 'types/index.d.mts']) {
    assert.deepEqual(fs.readFileSync(path.join(installed, file)), fs.readFileSync(path.join(pkgDir, file)), file);
  }
});

test('exports: the conditions in resolution order, every target packed', () => {
  const root = manifest.exports['.'];
  assert.deepEqual(Object.keys(root), ['workerd', 'edge-light', 'worker', 'deno', 'browser', 'node', 'default']);
  // Each target has its types beside it, first, in its own format: the ES
  // module declarations for every ES module entry, the CommonJS ones for
  // require in Node (publint checks each pair).
  const esm = (file) => ({ types: './types/index.d.mts', default: file });
  for (const [condition, file] of [['workerd', './web/workerd.mjs'], ['edge-light', './web/edge-light.mjs'], ['deno', './web/deno.mjs'], ['browser', './web/browser.mjs']]) {
    assert.deepEqual(root[condition], esm(file), condition);
  }
  assert.deepEqual(root.worker, root.workerd);
  assert.deepEqual(root.node, { import: esm('./node/index.mjs'), require: { types: './types/index.d.cts', default: './node/index.cjs' } });
  assert.deepEqual(root.default, root.browser);
  const targets = [];
  (function walk(v) {
    if (typeof v === 'string') targets.push(v);
    else for (const x of Object.values(v)) walk(x);
  })(manifest.exports);
  targets.push(manifest.main, manifest.types, ...Object.values(manifest.bin));
  for (const t of targets) {
    const file = t.replace(/^\.\//, '');
    // A subpath pattern (./schemas/*.json) must match packed files.
    if (file.includes('*')) {
      const pattern = new RegExp('^' + file.replace(/[.]/g, '\\.').replace('*', '[^/]+') + '$');
      assert.ok(EXPECTED_FILES.some((f) => pattern.test(f)), t);
    } else {
      assert.ok(EXPECTED_FILES.includes(file), t);
    }
  }
  assert.equal(manifest.sideEffects, false);
  assert.equal(manifest.main, './node/index.cjs');
  assert.equal(manifest.types, './types/index.d.cts');
  assert.equal(manifest.dependencies, undefined);
});

test('the ES module entries import only their own files (no bundler needed), and never Node built-ins', () => {
  for (const file of EXPECTED_FILES.filter((f) => f.startsWith('web/'))) {
    const text = fs.readFileSync(path.join(pkgDir, file), 'utf8');
    const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s+(?:source\s+)?\w*\s*(?:from\s*)?['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2]);
    for (const s of specifiers) assert.match(s, /^\.\.?\//, `${file} imports ${s}`);
    assert.doesNotMatch(text, /\brequire\(|\bprocess\.|['"]node:/, file);
  }
});

test('every entry has the same exports, and each is declared in the types', async () => {
  const names = (file) => {
    const m = /export const \{\n([\s\S]*?)\n\} = api;/.exec(fs.readFileSync(path.join(pkgDir, file), 'utf8'));
    return m[1].split('\n').map((l) => l.trim().replace(/,$/, ''));
  };
  const cjs = Object.keys((await import('node:module')).createRequire(import.meta.url)(path.join(pkgDir, 'node', 'index.cjs')));
  for (const entry of ['node/index.mjs', 'web/workerd.mjs', 'web/edge-light.mjs', 'web/deno.mjs', 'web/browser.mjs']) {
    assert.deepEqual(names(entry), cjs, entry);
  }
  const types = fs.readFileSync(path.join(pkgDir, 'types', 'index.d.mts'), 'utf8');
  assert.equal(types, fs.readFileSync(path.join(pkgDir, 'types', 'index.d.cts'), 'utf8'));
  for (const n of cjs) assert.match(types, new RegExp(`export\\s+(declare\\s+)?(function|const|class)\\s+${n}\\b`), `${n} has no declaration`);
});

test('the web glue is a factory: separate instances, and the API goes on with a fresh one after a trap', async () => {
  const { pathToFileURL } = await import('node:url');
  const { createGlue } = await import(pathToFileURL(path.join(installed, 'web', 'periskope_events.mjs')).href);
  const { createPackage } = await import(pathToFileURL(path.join(installed, 'web', 'api.mjs')).href);
  const wasmModule = await WebAssembly.compile(fs.readFileSync(path.join(installed, 'periskope_events_bg.wasm')));
  let instances = 0;
  const instantiate = () => {
    instances++;
    const glue = createGlue();
    glue.initSync({ module: wasmModule });
    return glue;
  };
  const first = instantiate();
  const api = createPackage(first, instantiate);
  const body = '{"ticket":{"org_id":"2997dd64-89bf-48d3-9a22-b314fca017e5","ticket_id":"T","subject":"s","created_at":"2024-01-01"}}';
  assert.equal(api.validateTicketCreated(body).valid, true);
  // A trap in whatever export the API calls: every export of this instance throws.
  for (const [name, fn] of Object.entries(first)) {
    if (typeof fn === 'function' && name !== 'initSync' && name !== 'init') first[name] = () => { throw new WebAssembly.RuntimeError('unreachable'); };
  }
  assert.deepEqual(api.validateTicketCreated(body).errors.map((e) => e.code), ['internal_error']);
  assert.equal(instances, 2, 'reload made a fresh instance');
  assert.equal(api.validateTicketCreated(body).valid, true);
  assert.equal(api.parseTicketCreated(body).ticket.created_at, '2024-01-01T00:00:00.000Z');
});
