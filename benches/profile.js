// Where our time goes, by function: runs one of our calls in a loop under
// V8's CPU profiler (the same profiler as `node --cpu-prof`) and prints the
// functions with the most self time, JavaScript and wasm alike.
//
//   node benches/profile.js [--payload sample|ticket50|message|ticket1mb | --body FILE] [--mode parse|validate|object] [--seconds 4] [--options JSON]
//
// The published .wasm has no function names. When the un-optimized cargo
// output (target/wasm32-unknown-unknown/release/periskope_events.wasm, left
// by scripts/build.sh) and wasm-bindgen are at hand, this first runs
// `wasm-bindgen --keep-debug` on it into benches/.generated/named/, and loads
// the package's API (pkg/node/index.cjs, with its glue) over that .wasm
// instead of the shipped one, so the profile names Rust functions. That
// build skips wasm-opt, so its total is a little slower than pkg's; the
// shares are what to read. Writes the .cpuprofile to target/bench/ (open it
// in Chrome DevTools or speedscope).

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { Session } from 'node:inspector';
import { payloads } from './payloads.js';
import { PKG, ROOT } from './lib/candidates.js';

const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const which = opt('--payload', 'ticket50');
const mode = opt('--mode', 'parse');
const seconds = Number(opt('--seconds', '4'));

const generated = path.join(path.dirname(new URL(import.meta.url).pathname), '.generated');
const cargoWasm = path.join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'periskope_events.wasm');
let ours;
let named = false;
try {
  if (!fs.existsSync(cargoWasm)) throw new Error('no cargo output');
  const dir = path.join(generated, 'named');
  execFileSync('wasm-bindgen', ['--target', 'web', '--keep-debug', '--no-typescript', '--out-dir', dir, cargoWasm], { stdio: 'ignore' });
  // The same glue as pkg's (the same crate build), over the named .wasm.
  const shipped = "require('node:path').join(__dirname, '..', 'periskope_events_bg.wasm')";
  const source = fs.readFileSync(path.join(PKG, 'node', 'index.cjs'), 'utf8');
  if (!source.includes(shipped) || !source.includes("require('./periskope_events.cjs')")) throw new Error('pkg/node/index.cjs loads its .wasm in another way');
  const api = source
    .replace(shipped, JSON.stringify(path.join(dir, 'periskope_events_bg.wasm')))
    .replace("require('./periskope_events.cjs')", `require(${JSON.stringify(path.join(PKG, 'node', 'periskope_events.cjs'))})`);
  fs.writeFileSync(path.join(dir, 'api.cjs'), api);
  ours = require(path.join(dir, 'api.cjs'));
  named = true;
} catch (e) {
  console.error(`(profiling pkg/ as built: wasm functions will show as wasm-function[N]; ${e.message.split('\n')[0]})`);
  ours = require(PKG);
}

if (opt('--body', null)) process.env.PERISKOPE_BENCH_BODIES = path.resolve(opt('--body', null));
const p = opt('--body', null) ? payloads().find((x) => x.user) : payloads().find((x) => x.name === which);
if (!p) throw new Error('unknown payload ' + which);
// `--options '{"maxIssues":1}'`: the call's options (to see what the issues cost, say).
const options = opt('--options', null) === null ? undefined : JSON.parse(opt('--options', null));
const call = {
  parse: () => ours.safeParseWebhook(p.bytes, options),
  validate: () => ours.validateWebhook(p.bytes, options),
  object: p.event === 'ticket.created' ? () => ours.safeParseTicketCreated(p.object, options) : () => ours.safeParseEvent(p.event, p.object, options),
}[mode];
for (let i = 0; i < 200; i++) call(); // warm up before profiling

const session = new Session();
session.connect();
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
await post('Profiler.enable');
await post('Profiler.setSamplingInterval', { interval: 100 });
await post('Profiler.start');
const until = Date.now() + seconds * 1000;
let calls = 0;
while (Date.now() < until) {
  call();
  calls++;
}
const { profile } = await post('Profiler.stop');
session.disconnect();

const out = path.join(ROOT, 'target', 'bench', `profile-${p.name.replace(/[^\w.-]/g, '_')}-${mode}.cpuprofile`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(profile));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] || 0;
  const f = byId.get(id).callFrame;
  const name = (f.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
  const where = f.url ? ` (${path.basename(f.url).replace(/-[0-9a-f]+$/, '')}${f.lineNumber >= 0 && !f.url.includes('wasm') ? ':' + (f.lineNumber + 1) : ''})` : '';
  const key = name + where;
  self.set(key, (self.get(key) || 0) + dt);
  total += dt;
});
console.log(`${mode} on ${p.title} (${p.bytes.length} bytes): ${calls} calls in ${seconds} s, ${((seconds * 1e6) / calls).toFixed(1)} µs per call` +
  `${named ? ' (named, un-optimized wasm)' : ''}\nself time by function:`);
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${((t / total) * 100).toFixed(1).padStart(6)}%  ${k}`);
console.log(`profile written: ${path.relative(process.cwd(), out)}`);
