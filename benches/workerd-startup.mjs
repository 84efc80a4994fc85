// A fresh workerd (through Miniflare, as the runtime tests use it) to its
// first result: a Worker that reads a webhook with the package's workerd
// entry (pkg/web/workerd.mjs, bundled as wrangler bundles it, the .wasm
// kept as a module) against one that only JSON.parses the same body.
// Medians over fresh processes, the two Workers interleaved; what we add is
// the difference. Issue 10, item 4: start-up measured in workerd too.
//
//   node benches/workerd-startup.mjs [--runs 15] [--pkg DIR]
//
// `--pkg DIR` measures another build of the package (its directory, as
// pkg/ is), to compare two commits on one machine.
//
// Needs pkg/ (bash scripts/build.sh) and the runtime tests' dependencies
// (tests/runtimes/node_modules: bash scripts/test-runtimes.sh installs
// them). A measurement, never a test.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runtimes = path.join(repo, 'tests', 'runtimes');
const require = createRequire(path.join(runtimes, 'package.json'));
let Miniflare;
let esbuild;
try {
  ({ Miniflare } = require('miniflare'));
  esbuild = require('esbuild');
} catch (e) {
  console.error('benches/workerd-startup.mjs needs tests/runtimes/node_modules (run bash scripts/test-runtimes.sh once): ' + e.message);
  process.exit(1);
}
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const pkg = path.resolve(option('--pkg', path.join(repo, 'pkg')));
const entry = path.join(pkg, 'web', 'workerd.mjs');
if (!fs.existsSync(entry)) {
  console.error('benches/workerd-startup.mjs needs pkg/ (run bash scripts/build.sh)');
  process.exit(1);
}
const RUNS = Number(option('--runs', 15));

// Inside the working directory: Miniflare names modules by their path from it.
fs.mkdirSync(path.join(repo, 'target', 'bench'), { recursive: true });
const out = fs.mkdtempSync(path.join(repo, 'target', 'bench', 'workerd-startup-'));
process.on('exit', () => fs.rmSync(out, { recursive: true, force: true }));
const workers = {
  'JSON.parse only': `export default { async fetch(request) { const body = JSON.parse(await request.text()); return new Response(String(body.event)); } };`,
  ours: `import { parseWebhook } from ${JSON.stringify(entry)};
export default { async fetch(request) { const hook = parseWebhook(await request.text()); return new Response(hook.dedup_key); } };`,
};
const scripts = {};
for (const [name, source] of Object.entries(workers)) {
  const dir = path.join(out, name.replace(/\W+/g, '-'));
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'source.mjs'), source);
  await esbuild.build({
    entryPoints: [path.join(dir, 'source.mjs')],
    outfile: path.join(dir, 'worker.mjs'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    logLevel: 'warning',
    plugins: [{
      name: 'wasm-module',
      setup(build) {
        build.onResolve({ filter: /\.wasm$/ }, (args) => {
          const file = path.resolve(args.resolveDir, args.path);
          fs.copyFileSync(file, path.join(dir, path.basename(file)));
          return { path: './' + path.basename(file), external: true };
        });
      },
    }],
  });
  scripts[name] = path.join(dir, 'worker.mjs');
}

// The documentation's sample as a webhook body, as the Node start-up row reads it.
const api = createRequire(import.meta.url)(pkg);
const body = JSON.stringify(api.sampleEvent('ticket.created'));

async function once(script) {
  const start = performance.now();
  const mf = new Miniflare({
    modules: true,
    scriptPath: script,
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: '2025-07-18',
  });
  await mf.ready;
  const ready = performance.now();
  const response = await mf.dispatchFetch('http://127.0.0.1/', { method: 'POST', body });
  const text = await response.text();
  const done = performance.now();
  await mf.dispose();
  if (!response.ok || !text) throw new Error('the Worker answered ' + response.status + ' ' + text);
  return { ready: ready - start, first: done - ready, total: done - start };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const results = Object.fromEntries(Object.keys(scripts).map((name) => [name, []]));
await once(scripts.ours); // workerd's own first start (its binary into the page cache)
for (let i = 0; i < RUNS; i++) {
  for (const name of Object.keys(scripts)) results[name].push(await once(scripts[name]));
}
const row = (name) => {
  const r = results[name];
  return { ready: median(r.map((x) => x.ready)), first: median(r.map((x) => x.first)), total: median(r.map((x) => x.total)) };
};
const base = row('JSON.parse only');
const ours = row('ours');
const ms = (x) => x.toFixed(1).padStart(7) + ' ms';
console.log(`${pkg}: workerd (Miniflare ${require('miniflare/package.json').version}), medians of ${RUNS} fresh processes each:`);
console.log('                         until ready   first request       total');
for (const [name, r] of [['JSON.parse only', base], ['ours', ours]]) console.log(`  ${name.padEnd(20)}${ms(r.ready)}      ${ms(r.first)}  ${ms(r.total)}`);
console.log(`  the package adds      ${ms(ours.ready - base.ready)}      ${ms(ours.first - base.first)}  ${ms(ours.total - base.total)}`);
