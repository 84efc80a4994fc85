// Run by benches/run.js as
//   node --disallow-code-generation-from-strings benches/lib/child-nocodegen.js <options JSON>
// the condition Cloudflare Workers impose: zod 4 finds new Function refused
// and falls back to its interpreter. Measures zod's pipelines there, with
// ours and JSON.parse beside them in the same process (so the ratios, target
// 3 among them, come from one process), and prints the results as JSON.

import assert from 'node:assert';
import { payloads } from '../payloads.js';
import { decode, loadOurs, loadPeer, MODES, ourPipelines, oursValidates, peerPipelines } from './candidates.js';
import { measureInterleaved } from './harness.js';

const options = JSON.parse(process.argv[2] || '{}');
let codegen = true;
try {
  // eslint-disable-next-line no-new-func
  new Function('');
} catch {
  codegen = false;
}
if (codegen) {
  console.error('child-nocodegen: code generation is allowed; run it with --disallow-code-generation-from-strings');
  process.exit(2);
}

const ours = loadOurs();
const zodImpl = await loadPeer('zod-nocodegen');
const out = { codegen, payloads: {} };
for (const p of payloads()) {
  if (!p.user && options.only && !options.only.includes(p.name)) continue;
  const ourRows = ourPipelines(ours, p);
  const validated = oursValidates(ours, p);
  const zod = peerPipelines(zodImpl, p.event);
  // The same output as ours, here too.
  assert.deepStrictEqual(JSON.parse(JSON.stringify(zod['bytes-parse'](p.bytes))), JSON.parse(JSON.stringify(ours.parseWebhook(p.bytes))));
  if (zod['object-parse'] && ourRows['object-parse']) {
    assert.deepStrictEqual(JSON.parse(JSON.stringify(zod['object-parse'](p.object))), JSON.parse(JSON.stringify(ourRows['object-parse'](p.object))));
  }
  const candidates = [];
  for (const mode of MODES) {
    if (!mode.input || mode.id === 'hmac') continue;
    const input = p[mode.input];
    const fn = zod[mode.id];
    if (fn) candidates.push({ key: `zod-nocodegen|${mode.id}`, fn: () => fn(input) });
  }
  for (const id of ['bytes-parse', 'object-parse']) {
    if (ourRows[id]) candidates.push({ key: `ours|${id}`, fn: () => ourRows[id](p[id.startsWith('bytes') ? 'bytes' : 'object']) });
  }
  candidates.push({ key: 'JSON.parse|floor-bytes', fn: () => JSON.parse(decode(p.bytes)) });
  const settings = p.name === 'ticket1mb' ? options.large : options.small;
  const results = measureInterleaved(candidates, settings);
  out.payloads[p.name] = { validated, rows: Object.fromEntries(results) };
}
process.stdout.write(JSON.stringify(out));
