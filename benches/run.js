// The benchmark of issue 5: periskope-events against JSON.parse and the
// JavaScript validators, on four payloads, with ratios and the issue's
// targets. Run it through scripts/bench.sh (which installs this folder's
// dependencies and builds pkg/ when missing):
//
//   bash scripts/bench.sh            # full run, about 2 minutes on 2 cores
//   bash scripts/bench.sh --smoke    # every figure, tiny counts, a few seconds
//
// Options: --smoke; --out FILE (default target/bench/results.json, or
// results-smoke.json with --smoke); --only NAME[,NAME] (payloads: sample,
// ticket50, message, ticket1mb); --skip startup,scaling,memory,child,worst;
// --body FILE (repeatable): a webhook body of your own, measured beside them.
// The worst-case section (adversarial bodies at two sizes) is
// benches/worst-case.js, which also runs alone.
//
// It exits non-zero only when something crashes or a peer pipeline's output
// differs from ours: never on a timing. See benches/README.md.

import assert from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { payloads, scalingPayloads } from './payloads.js';
import * as ajvSchemas from './schemas/ajv.js';
import { dedupKey, normalizePayload, normalizeTimestamp, normalizeWebhook, payloadModel } from './normalize.js';
import {
  decode, detectOurHmac, hmacPipelines, loadInternals, loadOurs, pkgFiles, loadPeer, MODES, ourCall, ourPipelines, oursValidates, peerPipelines,
  PEER_TITLES, PEERS,
  PKG, ROOT,
} from './lib/candidates.js';
import { formatNs, measureInterleaved } from './lib/harness.js';
import { measureStartup } from './lib/startup.js';
import { formatWorstCase, measureWorstCase, WORST_SETTINGS } from './worst-case.js';

const BENCHES = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name) => {
  const i = argv.indexOf(name);
  return i === -1 ? null : argv[i + 1];
};
const SMOKE = flag('--smoke');
const OUT = path.resolve(value('--out') || path.join(ROOT, 'target', 'bench', SMOKE ? 'results-smoke.json' : 'results.json'));
const ONLY = value('--only') ? value('--only').split(',') : null;
const SKIP = new Set(value('--skip') ? value('--skip').split(',') : []);
// --body FILE (repeatable): a webhook body of your own, measured as it is on
// disk beside the bench's payloads (the child processes read the same list).
const BODIES = argv.flatMap((a, i) => (a === '--body' && argv[i + 1] ? [path.resolve(argv[i + 1])] : []));
if (BODIES.length > 0) process.env.PERISKOPE_BENCH_BODIES = BODIES.join(path.delimiter);

// Full: about 0.35 s per candidate on the small payloads, 0.5 s on 1 MiB.
const SETTINGS = SMOKE
  ? {
      small: { rounds: 1, roundMs: 0, warmupMs: 0, batchNs: 0, minIterations: 1 },
      large: { rounds: 1, roundMs: 0, warmupMs: 0, batchNs: 0, minIterations: 1 },
      scaling: { rounds: 1, roundMs: 0, warmupMs: 0, batchNs: 0, minIterations: 1 },
      startupRuns: 1,
      scalingCounts: [0, 50, 400],
      memoryCalls: { sample: 20, ticket50: 5, message: 20, ticket1mb: 2 },
    }
  : {
      small: { rounds: 10, roundMs: 30, warmupMs: 100, batchNs: 20_000, minIterations: 2 },
      large: { rounds: 8, roundMs: 50, warmupMs: 150, batchNs: 0, minIterations: 2 },
      scaling: { rounds: 6, roundMs: 25, warmupMs: 50, batchNs: 20_000, minIterations: 2 },
      startupRuns: 15,
      scalingCounts: [0, 10, 50, 200, 1000, 2500],
      memoryCalls: { sample: 2000, ticket50: 300, message: 2000, ticket1mb: 12 },
    };

const log = (...a) => console.log(...a);
const progress = (s) => process.stderr.write(`  … ${s}\n`);
const kb = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MiB` : `${(n / 1024).toFixed(1)} KiB`);

// ---------------------------------------------------------------- setup
const FILES = pkgFiles();
if (!fs.existsSync(path.join(PKG, 'package.json')) || !FILES.wasm || !FILES.nodeGlue || !FILES.nodeApi) {
  console.error('pkg/ is missing or incomplete: run `bash scripts/bench.sh`, which builds it with scripts/build.sh');
  process.exit(1);
}
const started = Date.now();
const gitHead = (() => {
  try {
    return execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
})();
const pkgBuilt = fs.statSync(FILES.wasm).mtime.toISOString();
ajvSchemas.generate();
const ours = loadOurs();
const pkgVersion = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8')).version;
const peerImpls = {};
for (const name of PEERS) peerImpls[name] = await loadPeer(name);
/** Each peer's pipelines for payloads of `event`. */
const peersFor = (event) => Object.fromEntries(PEERS.map((name) => [name, peerPipelines(peerImpls[name], event)]));
const allPayloads = payloads().filter((p) => p.user || !ONLY || ONLY.includes(p.name));
const notes = [];

// ---------------------------------------------------------------- correctness
// Every pipeline must accept every payload, and every peer's normalized
// output must equal ours exactly (after a JSON round trip, key order
// included): otherwise the comparison would not be of the same work.
const features = { signature: null, validated: {} };
let mismatches = 0;
function sameOutput(label, theirs, oursOut) {
  const a = JSON.stringify(theirs);
  const b = JSON.stringify(oursOut);
  if (a === b) return;
  try {
    assert.deepStrictEqual(JSON.parse(a), JSON.parse(b));
    notes.push(`${label}: same values as ours, other key order`);
  } catch (e) {
    mismatches++;
    console.error(`NORMALIZER MISMATCH ${label}:\n${e.message.slice(0, 4000)}`);
  }
}
for (const p of allPayloads) {
  const result = ours.safeParseWebhook(p.bytes);
  if (!result.success) throw new Error(`ours rejects the ${p.name} payload: ${result.error.message}`);
  if (p.user) {
    // The peers' schemas (benches/schemas/) are strict: a body they reject
    // would not be a like-for-like comparison.
    for (const name of PEERS) {
      const pipe = peersFor(p.event)[name];
      let accepted = false;
      try {
        accepted = pipe['bytes-validate'](p.bytes) === true;
      } catch (e) {
        accepted = false;
      }
      if (!accepted) throw new Error(`--body: the ${name} schema (benches/schemas/) rejects ${p.title}; the bench needs a body every pipeline accepts`);
    }
  }
  features.validated[p.name] = oursValidates(ours, p);
  const ourRows = ourPipelines(ours, p);
  for (const id of ['bytes-validate', 'string-validate', 'object-validate']) {
    if (ourRows[id]) assert.strictEqual(ourRows[id](p[MODES.find((m) => m.id === id).input]), true, `ours ${id} ${p.name}`);
  }
  const ourObject = ourRows['object-parse'] ? ourRows['object-parse'](p.object) : null;
  const peers = peersFor(p.event);
  for (const name of PEERS) {
    const pipe = peers[name];
    assert.strictEqual(pipe['bytes-validate'](p.bytes), true, `${name} rejects ${p.name}`);
    assert.strictEqual(pipe['string-validate'](p.text), true, `${name} rejects ${p.name}`);
    sameOutput(`${name} ${p.name} bytes-parse`, pipe['bytes-parse'](p.bytes), result.data);
    sameOutput(`${name} ${p.name} string-parse`, pipe['string-parse'](p.text), result.data);
    if (pipe['object-parse'] && ourObject) {
      assert.strictEqual(pipe['object-validate'](p.object), true, `${name} rejects ${p.name} object`);
      sameOutput(`${name} ${p.name} object-parse`, pipe['object-parse'](p.object), ourObject);
    }
  }
  sameOutput(`normalizer ${p.name} webhook`, normalizeWebhook(JSON.parse(p.text)), result.data);
  if (ourObject) sameOutput(`normalizer ${p.name} object`, normalizePayload(p.event, p.object), ourObject);
  for (const [name, fn] of Object.entries(hmacPipelines(p.bytes))) assert.strictEqual(fn(p.bytes), true, `${name} HMAC`);
}
// Beyond the payloads: the package's own sample of every event it knows
// (when it has sampleEvent), an unknown event and a timestamp with an
// offset. The dedup key's rule is checked on all of them (the normalizer
// builds it for the measured events only), and the whole normalized body on
// those whose payload the normalizer models (every ticket.* and message.*).
const samplesChecked = typeof ours.sampleEvent === 'function' && Array.isArray(ours.knownEvents);
if (samplesChecked) {
  const bodies = ours.knownEvents.map((e) => ours.sampleEvent(e));
  bodies.push({ event: 'bench.unknown', org_id: 'o', timestamp: '2025-01-01 10:00:00.5+05:30', data: { chat_id: 'x', message_id: 'y' } });
  bodies.push({ ...ours.sampleEvent('ticket.created'), timestamp: '2024-12-31T23:59:59.9999-02' });
  for (const body of bodies) {
    const text = JSON.stringify(body);
    const mine = ours.parseWebhook(text, { unknownEvents: 'ignore' });
    // The digest of a repeatable event covers the normalized data, which
    // normalize.js models for ticket.* and message.* only: ours is used.
    const theirs = dedupKey(body.event, body.org_id, normalizeTimestamp(body.timestamp), mine.known ? mine.data : body.data, mine.previous_attributes);
    if (theirs !== mine.dedup_key) {
      mismatches++;
      console.error(`NORMALIZER MISMATCH dedup_key of ${body.event}: ours ${JSON.stringify(mine.dedup_key)}, normalize.js ${JSON.stringify(theirs)}`);
    }
    let modelled;
    try {
      modelled = payloadModel(body.event) !== null;
    } catch {
      modelled = false;
    }
    if (modelled) sameOutput(`normalizer sampleEvent('${body.event}')`, normalizeWebhook(JSON.parse(text)), mine);
  }
}
if (mismatches > 0) {
  console.error(`${mismatches} normalizer mismatches: the peers would not be doing our work; fix benches/normalize.js`);
  process.exit(2);
}
features.signature = detectOurHmac(ours, allPayloads[0].bytes);
log(`periskope-events ${pkgVersion} bench${SMOKE ? ' (SMOKE: tiny counts, figures meaningless)' : ''}`);
log(`Node ${process.versions.node} (V8 ${process.versions.v8}), ${os.cpus()[0].model}, ${os.cpus().length} cores; pkg/ built ${pkgBuilt}, HEAD ${gitHead ?? '?'}`);
log(`normalizer check: every peer pipeline gives our exact output on every payload` +
  (samplesChecked ? '; normalize.js too on sampleEvent of every ticket.* and message.* event; dedup_key on every event' : '') + ' ✓');
log(`our HMAC: ${features.signature.fn ? 'measured (' + features.signature.how + ')' : features.signature.how}`);

// ---------------------------------------------------------------- throughput
const rows = [];
for (const p of allPayloads) {
  progress(`measuring ${p.name} (${kb(p.bytes.length)})`);
  const peers = peersFor(p.event);
  const candidates = [];
  const add = (impl, mode, fn, input) => candidates.push({ key: `${impl}|${mode}`, impl, mode, fn: () => fn(input) });
  add('JSON.parse', 'floor-bytes', (b) => JSON.parse(decode(b)), p.bytes);
  add('JSON.parse', 'floor-string', (t) => JSON.parse(t), p.text);
  const ourRows = ourPipelines(ours, p);
  for (const mode of MODES) {
    if (!mode.input || mode.id === 'hmac') continue;
    if (ourRows[mode.id]) add('ours', mode.id, ourRows[mode.id], p[mode.input]);
    for (const name of PEERS) if (peers[name][mode.id]) add(name, mode.id, peers[name][mode.id], p[mode.input]);
  }
  for (const [name, fn] of Object.entries(hmacPipelines(p.bytes))) add(name, 'hmac', fn, p.bytes);
  const ourHmac = detectOurHmac(ours, p.bytes);
  if (ourHmac.fn) add('ours', 'hmac', ourHmac.fn, p.bytes);
  // Where our time goes: the wasm call alone (copy in, read, check, write
  // the tape), with and without the output, and the objects built from
  // the tape it leaves (read again and again: reading does not change it).
  const internals = loadInternals(p.bytes);
  if (internals.glue) {
    const { glue, keeper, readTape } = internals;
    const call = (b, flags) => {
      glue.webhook(b, flags, 8 * 1024 * 1024, 100);
      glue.release_answer();
    };
    add('ours', 'x-wasm-parse', (b) => call(b, 0), p.bytes);
    add('ours', 'x-wasm-validate', (b) => call(b, 2), p.bytes);
    const header = keeper.webhook(p.bytes, 0, 8 * 1024 * 1024, 100);
    const words = new Uint32Array(keeper.memory().buffer, header, 6);
    p.tapeBytes = words[1] * 4 + words[3] + words[5];
    add('ours', 'x-read-tape', (h) => readTape(keeper.memory(), h), header);
  } else {
    notes.push(`time split of ours not measured: ${internals.why}`);
  }
  const results = measureInterleaved(candidates, p.name === 'ticket1mb' ? SETTINGS.large : SETTINGS.small);
  for (const c of candidates) {
    const r = results.get(c.key);
    rows.push({ payload: p.name, impl: c.impl, mode: c.mode, process: 'main', medianNs: r.median, p25Ns: r.p25, p75Ns: r.p75, samples: r.n });
  }
}

// zod 4 with code generation forbidden, in a child process.
let child = null;
if (!SKIP.has('child')) {
  progress('measuring zod 4 with --disallow-code-generation-from-strings (child process)');
  const res = spawnSync(
    process.execPath,
    ['--disallow-code-generation-from-strings', path.join(BENCHES, 'lib', 'child-nocodegen.js'),
      JSON.stringify({ small: SETTINGS.small, large: SETTINGS.large, only: ONLY })],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (res.status !== 0) throw new Error(`no-codegen child failed (${res.status}): ${res.stderr}`);
  child = JSON.parse(res.stdout);
  for (const [payload, { rows: childRows }] of Object.entries(child.payloads)) {
    for (const [key, r] of Object.entries(childRows)) {
      const [impl, mode] = key.split('|');
      rows.push({ payload, impl, mode, process: 'child', medianNs: r.median, p25Ns: r.p25, p75Ns: r.p75, samples: r.n });
    }
  }
}

// Ratios: each row against the fastest main-process peer of its payload and mode.
const find = (payload, impl, mode, proc = 'main') => rows.find((r) => r.payload === payload && r.impl === impl && r.mode === mode && r.process === proc);
const HMAC_PEERS = ['node:crypto', 'fast-sha256', '@stablelib/hmac+sha256'];
function fastestPeer(payload, mode) {
  const names = mode === 'hmac' ? HMAC_PEERS : PEERS;
  const lookup = mode === 'floor-bytes' ? 'bytes-validate' : mode === 'floor-string' ? 'string-validate' : mode;
  let best = null;
  for (const name of names) {
    const r = find(payload, name, lookup);
    if (r && (!best || r.medianNs < best.medianNs)) best = r;
  }
  return best;
}
for (const r of rows) {
  const best = fastestPeer(r.payload, r.mode);
  r.fastestPeer = best ? best.impl : null;
  r.ratio = best ? r.medianNs / best.medianNs : null;
}

// ---------------------------------------------------------------- sizes
const sizeOfBytes = (buf, file) => ({
  file,
  raw: buf.length,
  gzip: zlib.gzipSync(buf, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const sizeOf = (...files) => sizeOfBytes(Buffer.concat(files.map((f) => fs.readFileSync(f))), files.map((f) => path.relative(ROOT, f)).join(' + '));
const sizes = {
  wasm: sizeOf(FILES.wasm),
  bindgenGlue: sizeOf(FILES.nodeGlue),
  apiWrapper: sizeOf(FILES.nodeApi),
  // What Node loads: the wasm-bindgen glue and the API around it.
  glue: sizeOf(FILES.nodeGlue, FILES.nodeApi),
  // Read by the Node entry on the first jsonSchema call only, when pkg/ has it.
  nodeSchemas: FILES.nodeSchemas ? sizeOf(FILES.nodeSchemas) : null,
  // What a browser or edge runtime loads, when pkg/ has that entry.
  webGlue: FILES.webEntry ? sizeOf(...FILES.webEntry) : null,
};

// ---------------------------------------------------------------- startup
let startup = null;
if (!SKIP.has('startup')) {
  progress(`startup: ${SETTINGS.startupRuns} fresh processes per variant`);
  const bodyFile = path.join(BENCHES, '.generated', 'sample-body.json');
  fs.writeFileSync(bodyFile, allPayloads.find((p) => p.name === 'sample')?.bytes ?? payloads()[0].bytes);
  startup = measureStartup(bodyFile, SETTINGS.startupRuns);
}

// ---------------------------------------------------------------- scaling
let scaling = null;
if (!SKIP.has('scaling')) {
  progress(`scaling: tickets with ${SETTINGS.scalingCounts.join(', ')} attached messages`);
  const sized = scalingPayloads(SETTINGS.scalingCounts);
  // The fastest peer on raw bytes → normalized object, on the 50-message ticket (else the first payload).
  const ref = fastestPeer(allPayloads.some((p) => p.name === 'ticket50') ? 'ticket50' : allPayloads[0].name, 'bytes-parse')?.impl ?? 'ajv';
  const peers = peersFor('ticket.created');
  const series = [
    ['ours', 'bytes-parse', ourPipelines(ours, sized[0])['bytes-parse']],
    ['ours', 'bytes-validate', ourPipelines(ours, sized[0])['bytes-validate']],
    [ref, 'bytes-parse', peers[ref]['bytes-parse']],
    ['ajv', 'bytes-validate', peers.ajv['bytes-validate']],
    ['JSON.parse', 'floor-bytes', (b) => JSON.parse(decode(b))],
  ];
  const candidates = [];
  for (const p of sized) for (const [impl, mode, fn] of series) candidates.push({ key: `${impl}|${mode}|${p.name}`, fn: () => fn(p.bytes) });
  const results = measureInterleaved(candidates, SETTINGS.scaling);
  scaling = { reference: ref, sizes: sized.map((p) => ({ name: p.name, attached: Number(p.name.slice(8)), bytes: p.bytes.length })), series: [] };
  for (const [impl, mode] of series) {
    const points = sized.map((p) => {
      const ns = results.get(`${impl}|${mode}|${p.name}`).median;
      return { bytes: p.bytes.length, ns, nsPerKiB: ns / (p.bytes.length / 1024) };
    });
    // Least squares: ns = intercept + slope · KiB.
    const xs = points.map((q) => q.bytes / 1024);
    const ys = points.map((q) => q.ns);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    const slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / sxx;
    const intercept = my - slope * mx;
    const ssTot = ys.reduce((a, y) => a + (y - my) ** 2, 0);
    const ssRes = ys.reduce((a, y, i) => a + (y - (intercept + slope * xs[i])) ** 2, 0);
    // Growth: time per KiB at the largest size over time per KiB at the
    // first size of at least 25 KiB (below it, the fixed cost per call
    // dominates): 1.0 is exactly linear, above 1 grows faster than the size.
    const mid = points.find((q) => q.bytes >= 25 * 1024) ?? points[0];
    const growth = points[points.length - 1].nsPerKiB / mid.nsPerKiB;
    scaling.series.push({ impl, mode, points, slopeNsPerKiB: slope, interceptNs: intercept, r2: 1 - ssRes / ssTot, growth });
  }
}

// ---------------------------------------------------------------- memory
let memory = null;
if (!SKIP.has('memory')) {
  progress('memory per call (child process with --expose-gc)');
  const out = execFileSync(process.execPath,
    ['--expose-gc', path.join(BENCHES, 'lib', 'memory-child.js'), JSON.stringify({ calls: SETTINGS.memoryCalls })],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  memory = JSON.parse(out);
  if (ONLY) memory.rows = memory.rows.filter((r) => ONLY.includes(r.payload));
}

// ---------------------------------------------------------------- worst case
let worst = null;
const WORST = SMOKE ? WORST_SETTINGS.smoke : WORST_SETTINGS.full;
if (!SKIP.has('worst')) {
  progress('worst case: adversarial bodies at two sizes');
  worst = measureWorstCase(ours, WORST, progress);
}

// ---------------------------------------------------------------- targets
const targets = [];
const target = (t) => targets.push({ ...t, holds: t.value === null || !Number.isFinite(t.value) ? null : t.value <= t.limit });
for (const p of allPayloads) {
  const validated = features.validated[p.name];
  const why = validated ? null : 'ours does not validate this event (known: false)';
  const t1o = find(p.name, 'ours', 'bytes-parse');
  const t1p = fastestPeer(p.name, 'bytes-parse');
  // The targets are issue 10's; its goals beyond them are in the notes.
  target({ id: 'T1', payload: p.name, what: 'raw bytes → normalized object, ÷ fastest peer pipeline (goal 0.85)', limit: 1.0,
    value: validated && t1o && t1p ? t1o.medianNs / t1p.medianNs : null, against: t1p?.impl, note: why });
  const t2o = find(p.name, 'ours', 'bytes-validate');
  const t2a = find(p.name, 'ajv', 'bytes-validate');
  target({ id: 'T2', payload: p.name, what: 'raw bytes → validity report, ÷ JSON.parse + ajv (goal 0.5)', limit: 0.7,
    value: validated && t2o && t2a ? t2o.medianNs / t2a.medianNs : null, against: 'ajv', note: why });
  const t3o = find(p.name, 'ours', 'object-parse', 'child');
  const t3z = find(p.name, 'zod-nocodegen', 'object-parse', 'child');
  target({ id: 'T3', payload: p.name, what: 'SDK object → normalized object, ÷ zod 4 no-codegen + normalizer (same child process)', limit: 1.0,
    value: t3o && t3z ? t3o.medianNs / t3z.medianNs : null, against: 'zod-nocodegen',
    note: t3o ? null : SKIP.has('child') ? 'child not run' : 'no object API for this event' });
  if (p.name === 'sample') {
    const t6o = find(p.name, 'ours', 'hmac');
    const t6n = find(p.name, 'node:crypto', 'hmac');
    target({ id: 'T6', payload: p.name, what: 'verifySignature ÷ node:crypto createHmac, in Node', limit: 1.5,
      value: t6o && t6n ? t6o.medianNs / t6n.medianNs : null, against: 'node:crypto' });
  }
}
if (scaling) {
  const s = scaling.series.find((x) => x.impl === 'ours' && x.mode === 'bytes-parse');
  target({ id: 'T4a', what: 'cost linear in payload size: time/KiB at the largest size ÷ at the first ≥ 25 KiB (ours, bytes → object)', limit: 1.25, value: s.growth });
}
if (memory) {
  const mine = memory.rows.filter((r) => r.impl === 'ours');
  const worstHeap = Math.max(...mine.map((r) => r.heapRetainedPerCall));
  const wasmGrowth = Math.max(...mine.map((r) => r.wasmGrowth ?? 0));
  target({ id: 'T4b', what: 'memory per call constant: heap retained per call (bytes, worst of ours) after warm-up', limit: 64, value: worstHeap });
  target({ id: 'T4c', what: 'memory per call constant: wasm memory growth after warm-up (bytes)', limit: 0, value: memory.wasmAvailable ? wasmGrowth : null });
}
const eventCount = Array.isArray(ours.knownEvents) ? ours.knownEvents.length : null;
target({ id: 'T5a', what: '.wasm gzip (KiB)', limit: 70, value: sizes.wasm.gzip / 1024,
  note: `the .wasm holds ${eventCount === null ? 'the ticket events only' : `all ${eventCount} known events`}` +
    `${features.signature.fn ? ' and the HMAC' : ', no HMAC'}` });
target({ id: 'T5b', what: 'JS gzip (KiB): Node wasm-bindgen glue + API wrapper', limit: 8, value: sizes.glue.gzip / 1024,
  note: sizes.webGlue ? `browser/edge entry: ${(sizes.webGlue.gzip / 1024).toFixed(2)} KiB` : null });
if (startup) {
  const s = startup.find((x) => x.id === 'ours');
  target({ id: 'T5c', what: 'fresh Node process to first result (ms): require + wasm compile + first parseWebhook (goal 5)', limit: 8, value: s.firstMs,
    note: `Node's own boot before that: ${startup.find((x) => x.id === 'node').totalMs.toFixed(1)} ms` });
}

// ---------------------------------------------------------------- report
const IMPL_TITLE = {
  ours: 'ours',
  'JSON.parse': 'JSON.parse',
  ...PEER_TITLES,
  'node:crypto': 'node:crypto createHmac',
  'fast-sha256': 'fast-sha256 (standardwebhooks, svix)',
  '@stablelib/hmac+sha256': '@stablelib/hmac + sha256',
};
const payloadByName = Object.fromEntries(allPayloads.map((p) => [p.name, p]));
/** Our call behind a row (the object forms depend on the payload's event). */
const OUR_CALL = (mode, payloadName = 'sample') => ourCall(ours, mode, payloadByName[payloadName] ?? { event: 'ticket.created' });
const pad = (s, n) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s, n) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const mark = (holds) => (holds === null ? '–' : holds ? 'holds' : 'DOES NOT HOLD');

function targetText(r) {
  if (r.impl !== 'ours') return '';
  const t = (id) => targets.find((x) => x.id === id && x.payload === r.payload);
  const show = (x, what) => (x.value === null ? `${what}: n/a${x.note ? ` (${x.note})` : ''}` : `${what} ≤ ${x.limit.toFixed(2)}: ${x.value.toFixed(2)} ${mark(x.holds)}`);
  if (r.mode === 'bytes-parse' && r.process === 'main') return show(t('T1'), 'T1');
  if (r.mode === 'bytes-validate' && r.process === 'main') return show(t('T2'), 'T2 vs ajv');
  if (r.mode === 'object-parse' && r.process === 'child') return show(t('T3'), 'T3 vs zod no-codegen [child]');
  return '';
}

const lines = [];
const out = (s = '') => lines.push(s);
for (const p of allPayloads) {
  const validated = features.validated[p.name];
  out();
  out(`━━ ${p.title}: webhook body ${kb(p.bytes.length)}, SDK object ${kb(Buffer.byteLength(p.objectText))}` +
    (validated ? '' : `  [ours: ${p.event} is not validated (known: false)]`));
  out(`   ${pad('', 46)}${lpad('median', 10)}${lpad('IQR', 7)}${lpad('× fastest peer', 16)}   target (issue 5)`);
  const groups = [
    ...MODES.filter((m) => m.id !== 'floor').map((m) => [m.title, [m.id]]),
    ['the floor: JSON.parse alone (ratio to the fastest peer\'s validate-only)', ['floor-bytes', 'floor-string']],
    ['where our time goes (median time, share of the whole call)', ['x-split']],
  ];
  for (const [title, modeIds] of groups) {
    const group = rows.filter((r) => r.payload === p.name && modeIds.includes(r.mode));
    if (modeIds[0] === 'x-split') {
      const total = find(p.name, 'ours', 'bytes-parse');
      const wasmParse = find(p.name, 'ours', 'x-wasm-parse');
      const wasmValidate = find(p.name, 'ours', 'x-wasm-validate');
      const readOut = find(p.name, 'ours', 'x-read-tape');
      if (!total || !wasmParse) continue;
      const share = (ns) => `${((ns / total.medianNs) * 100).toFixed(0)}%`;
      const line = (name, ns, extra = '') => out(`   ${pad(name, 46)}${lpad(formatNs(ns), 10)}${lpad(share(ns), 7)}${lpad('', 16)}   ${extra}`);
      out(` ${title}`);
      line('ours  parseWebhook(Uint8Array), whole call', total.medianNs);
      line('  wasm call (copy in, read, check, write the tape)', wasmParse.medianNs);
      line('    the same, validate-only (no data written)', wasmValidate.medianNs);
      line(`  the objects built from the tape (${kb(p.tapeBytes)})`, readOut.medianNs, `the tape is ${(p.tapeBytes / p.bytes.length).toFixed(2)}× the body`);
      line('  the rest: API wrapper (whole − the two above)', Math.max(0, total.medianNs - wasmParse.medianNs - readOut.medianNs));
      continue;
    }
    if (group.length === 0 && !(modeIds[0] === 'hmac')) continue;
    out(` ${title}`);
    if (modeIds[0] === 'hmac' && !group.some((r) => r.impl === 'ours')) {
      out(`   ${pad('ours  verifySignature', 46)}${lpad('n/a', 10)}   ${features.signature.how}`);
    }
    group.sort((a, b) => (b.impl === 'ours') - (a.impl === 'ours') || a.medianNs - b.medianNs);
    for (const r of group) {
      let name = r.impl === 'ours' ? `ours  ${OUR_CALL(r.mode, r.payload)}` : IMPL_TITLE[r.impl] ?? r.impl;
      if (r.mode === 'floor-bytes') name = 'JSON.parse(TextDecoder.decode(bytes))';
      if (r.mode === 'floor-string') name = 'JSON.parse(string)';
      if (r.process === 'child' && !name.endsWith('[child]')) name += ' [child]';
      const iqr = r.medianNs > 0 ? `±${(((r.p75Ns - r.p25Ns) / 2 / r.medianNs) * 100).toFixed(0)}%` : '';
      const ratio = r.ratio === null ? '' : r.fastestPeer === r.impl && r.process === 'main' ? '1.00 fastest' : `${r.ratio.toFixed(2)}×`;
      out(`   ${pad(name, 46)}${lpad(formatNs(r.medianNs), 10)}${lpad(iqr, 7)}${lpad(ratio, 16)}   ${targetText(r)}`);
    }
  }
}

out();
out('━━ Sizes (pkg/)                              raw        gzip      brotli');
for (const [label, s] of [['.wasm', sizes.wasm], ['Node: wasm-bindgen glue', sizes.bindgenGlue], ['Node: API wrapper (index.cjs)', sizes.apiWrapper],
  ['Node: JS total (glue + API)', sizes.glue], ['Node: JSON Schemas (read on first use)', sizes.nodeSchemas], ['browser/edge entry: JS total', sizes.webGlue]]) {
  if (s) out(`   ${pad(label, 40)}${lpad(kb(s.raw), 10)}${lpad(kb(s.gzip), 11)}${lpad(kb(s.brotli), 11)}`);
}
const t5a = targets.find((t) => t.id === 'T5a');
const t5b = targets.find((t) => t.id === 'T5b');
out(`   T5 .wasm gzip ≤ 70 KiB: ${t5a.value.toFixed(1)} KiB ${mark(t5a.holds)} (${t5a.note}); Node glue + API gzip ≤ 8 KiB: ${t5b.value.toFixed(2)} KiB ${mark(t5b.holds)}`);

if (startup) {
  out();
  out(`━━ Fresh process to first result (median of ${SETTINGS.startupRuns} runs of node -e, ticket.created sample)`);
  out(`   ${pad('', 40)}${lpad('script → result', 16)}${lpad('process start → result', 24)}`);
  for (const s of startup) out(`   ${pad(s.title, 40)}${lpad(s.firstMs.toFixed(2) + ' ms', 16)}${lpad(s.totalMs.toFixed(1) + ' ms', 24)}`);
  const t5c = targets.find((t) => t.id === 'T5c');
  out(`   T5 ours ≤ 8 ms (goal 5): ${t5c.value.toFixed(2)} ms ${mark(t5c.holds)} (${t5c.note})`);
}

if (scaling) {
  out();
  out('━━ Growth with payload size (ticket.created bodies, raw bytes in): median time, and time per KiB');
  out(`   ${pad('', 40)}` + scaling.sizes.map((s) => lpad(kb(s.bytes), 12)).join('') + lpad('µs/KiB fit', 12) + lpad('growth', 8));
  for (const s of scaling.series) {
    const name = s.impl === 'ours' ? `ours ${OUR_CALL(s.mode)}` : s.impl === 'JSON.parse' ? 'JSON.parse(decode(bytes))' : `${IMPL_TITLE[s.impl]} ${s.mode}`;
    out(`   ${pad(name, 40)}` + s.points.map((q) => lpad(formatNs(q.ns), 12)).join('') + lpad((s.slopeNsPerKiB / 1000).toFixed(2), 12) + lpad(s.growth.toFixed(2), 8));
    out(`   ${pad('  per KiB', 40)}` + s.points.map((q) => lpad(formatNs(q.nsPerKiB), 12)).join(''));
  }
  const t4a = targets.find((t) => t.id === 'T4a');
  out(`   T4 linear (growth ≤ ${t4a.limit}): ${t4a.value.toFixed(2)} ${mark(t4a.holds)}  (growth = time/KiB at the largest size ÷ at the first ≥ 25 KiB)`);
}

if (memory) {
  out();
  out('━━ Memory per call (after warm-up; heap after full GC; wasm linear memory)');
  out(`   ${pad('', 46)}${lpad('calls', 7)}${lpad('heap retained/call', 20)}${lpad('wasm memory', 14)}${lpad('wasm growth', 13)}`);
  for (const r of memory.rows) {
    const name = `${r.payload}: ${r.impl === 'ours' ? `ours ${OUR_CALL(r.mode, r.payload)}` : `${IMPL_TITLE[r.impl]} ${r.mode}`}`;
    out(`   ${pad(name, 46)}${lpad(String(r.calls), 7)}${lpad(r.heapRetainedPerCall.toFixed(1) + ' B', 20)}` +
      `${lpad(r.wasmAfter === null ? '' : kb(r.wasmAfter), 14)}${lpad(r.wasmGrowth === null ? '' : r.wasmGrowth + ' B', 13)}`);
  }
  const t4b = targets.find((t) => t.id === 'T4b');
  const t4c = targets.find((t) => t.id === 'T4c');
  out(`   T4 memory constant: heap retained/call ≤ 64 B: ${t4b.value.toFixed(1)} B ${mark(t4b.holds)}; wasm growth 0: ${t4c.value ?? 'n/a'} B ${mark(t4c.holds)}`);
}

if (worst) {
  out();
  for (const line of formatWorstCase(worst, WORST)) out(line);
}

out();
out('━━ Targets (informational: a timing never fails the run)');
for (const t of targets) {
  const v = t.value === null || !Number.isFinite(t.value) ? 'n/a' : t.value.toFixed(2);
  out(`   ${pad(t.id + (t.payload ? ' ' + t.payload : ''), 16)} ${pad(t.what, 100)} ≤ ${t.limit}: ${lpad(v, 8)}  ${mark(t.holds)}${t.note ? '  (' + t.note + ')' : ''}`);
}
if (notes.length) {
  out();
  for (const n of notes) out('note: ' + n);
}
if (SMOKE) out('\n(smoke run: the figures above come from a handful of calls and mean nothing)');
out(`\nwritten: ${path.relative(process.cwd(), OUT)}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
log(lines.join('\n'));

fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, JSON.stringify({
  meta: {
    date: new Date().toISOString(),
    smoke: SMOKE,
    package: pkgVersion,
    pkgBuilt,
    gitHead,
    node: process.versions,
    cpu: os.cpus()[0].model,
    cores: os.cpus().length,
    settings: SETTINGS,
    features: { signature: features.signature.fn ? features.signature.how : null, signatureNote: features.signature.how, validated: features.validated },
    childCodegen: child ? child.codegen : null,
    seconds: (Date.now() - started) / 1000,
  },
  payloads: allPayloads.map((p) => ({ name: p.name, title: p.title, event: p.event, bodyBytes: p.bytes.length, objectBytes: Buffer.byteLength(p.objectText), oursValidates: features.validated[p.name] })),
  rows,
  targets,
  sizes,
  startup,
  scaling,
  memory,
  worst,
  notes,
}, null, 1) + '\n');
