// Time from a fresh Node process to the first result: `node -e` started N
// times per variant, one after another, each timing itself with
// performance.now() (whose origin is the process's start). Two figures per
// run: `first`, from the script's first line to the first normalized result
// (loading the library, compiling the wasm or the schema, the first call),
// and `total`, from the process's start to the same point (Node's own boot
// included). The baseline variant only JSON.parses the body: its `total` is
// what Node itself costs.

import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { stats } from './harness.js';
import { PKG } from './candidates.js';

const BENCHES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const url = (file) => JSON.stringify(pathToFileURL(path.join(BENCHES, file)).href);

function peerScript(schemaFile) {
  return `(async () => {
  const body = require('fs').readFileSync(process.argv[1]);
  const t0 = performance.now();
  const [schemas, norm] = await Promise.all([import(${url(schemaFile)}), import(${url('normalize.js')})]);
  const peer = schemas.create();
  const out = norm.normalizeWebhook(peer.parse.TicketEnvelope(JSON.parse(new TextDecoder().decode(body))));
  const t1 = performance.now();
  if (out.known !== true) process.exit(3);
  process.stdout.write(JSON.stringify({ first: t1 - t0, total: t1 }));
})();`;
}

export const VARIANTS = [
  {
    id: 'node',
    title: 'Node alone (JSON.parse of the body)',
    flags: [],
    script: `const body = require('fs').readFileSync(process.argv[1]);
const t0 = performance.now();
const out = JSON.parse(body.toString());
const t1 = performance.now();
if (!out.data) process.exit(3);
process.stdout.write(JSON.stringify({ first: t1 - t0, total: t1 }));`,
  },
  {
    id: 'ours',
    title: 'ours: require + parseWebhook',
    flags: [],
    script: `const body = require('fs').readFileSync(process.argv[1]);
const t0 = performance.now();
const lib = require(${JSON.stringify(PKG)});
const out = lib.parseWebhook(body);
const t1 = performance.now();
if (out.known !== true) process.exit(3);
process.stdout.write(JSON.stringify({ first: t1 - t0, total: t1 }));`,
  },
  { id: 'ajv', title: 'ajv standalone + normalizer', flags: [], script: peerScript('schemas/ajv.js') },
  { id: 'typebox', title: 'TypeBox compile + normalizer', flags: [], script: peerScript('schemas/typebox.js') },
  { id: 'zod', title: 'zod 4 + normalizer', flags: [], script: peerScript('schemas/zod.js') },
  { id: 'valibot', title: 'valibot + normalizer', flags: [], script: peerScript('schemas/valibot.js') },
];
// The same with code generation forbidden, as on Cloudflare Workers.
VARIANTS.push(
  { ...VARIANTS[1], id: 'ours-nocodegen', title: 'ours, no codegen', flags: ['--disallow-code-generation-from-strings'] },
  { ...VARIANTS[4], id: 'zod-nocodegen', title: 'zod 4 + normalizer, no codegen', flags: ['--disallow-code-generation-from-strings'] },
);

/** Runs every variant `runs` times, interleaved (variant after variant, round after round). */
export function measureStartup(bodyFile, runs) {
  const samples = Object.fromEntries(VARIANTS.map((v) => [v.id, { first: [], total: [] }]));
  for (let r = 0; r < runs; r++) {
    for (const v of VARIANTS) {
      const res = spawnSync(process.execPath, [...v.flags, '-e', v.script, bodyFile], { encoding: 'utf8', cwd: BENCHES });
      if (res.status !== 0) throw new Error(`startup ${v.id} failed (${res.status}): ${res.stderr}`);
      const { first, total } = JSON.parse(res.stdout);
      samples[v.id].first.push(first);
      samples[v.id].total.push(total);
    }
  }
  return VARIANTS.map((v) => ({
    id: v.id,
    title: v.title,
    firstMs: stats(samples[v.id].first).median,
    totalMs: stats(samples[v.id].total).median,
    runs,
  }));
}
