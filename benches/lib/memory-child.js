// Run by benches/run.js as
//   node --expose-gc benches/lib/memory-child.js <options JSON>
// Memory per call: for each pipeline and payload, after warming up, the JS
// heap (after a full GC) and the wasm linear memory before and after two
// batches of calls. A constant cost per call shows as no heap retained and no
// wasm growth between the batches; the wasm memory's size is its high-water
// mark (linear memory never shrinks).
//
// The package does not expose its wasm memory, so this process wraps
// WebAssembly.Instance before loading it to see the instance's exports.

import { payloads } from '../payloads.js';
import { loadOurs, loadPeer, ourPipelines, peerPipelines, PEERS } from './candidates.js';

const options = JSON.parse(process.argv[2] || '{}');
let instance = null;
const Instance = WebAssembly.Instance;
WebAssembly.Instance = new Proxy(Instance, {
  construct(target, args, newTarget) {
    instance = Reflect.construct(target, args, newTarget);
    return instance;
  },
});
const ours = loadOurs();
WebAssembly.Instance = Instance;
const wasmBytes = () => (instance && instance.exports.memory ? instance.exports.memory.buffer.byteLength : NaN);

const peerImpls = {};
for (const name of PEERS) peerImpls[name] = await loadPeer(name);

function heap() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

const out = { wasmAvailable: Number.isFinite(wasmBytes()), rows: [] };
let sink = null;
for (const p of payloads()) {
  const calls = options.calls[p.name];
  if (!calls) continue;
  const rows = ourPipelines(ours, p);
  const candidates = [
    ['ours', 'bytes-parse', rows['bytes-parse'], p.bytes],
    ['ours', 'bytes-validate', rows['bytes-validate'], p.bytes],
    ...(rows['object-parse'] ? [['ours', 'object-parse', rows['object-parse'], p.object]] : []),
    ...PEERS.map((name) => [name, 'bytes-parse', peerPipelines(peerImpls[name], p.event)['bytes-parse'], p.bytes]),
  ];
  for (const [impl, mode, fn, input] of candidates) {
    for (let i = 0; i < Math.max(2, calls >> 2); i++) sink = fn(input);
    sink = null;
    const h0 = heap();
    const w0 = wasmBytes();
    for (let i = 0; i < calls; i++) sink = fn(input);
    sink = null;
    const h1 = heap();
    const w1 = wasmBytes();
    for (let i = 0; i < calls; i++) sink = fn(input);
    sink = null;
    const h2 = heap();
    const w2 = wasmBytes();
    out.rows.push({
      payload: p.name,
      impl,
      mode,
      calls,
      // The smaller batch's growth: a leak grows both batches alike, a
      // one-time allocation (code V8 compiles late, a cache filled once)
      // only one (a single 5.7 KB one read as 478 B per call over the two
      // batches of twelve 1 MiB calls).
      heapRetainedPerCall: Math.min(h1 - h0, h2 - h1) / calls,
      heapBatch1: h1 - h0,
      heapBatch2: h2 - h1,
      wasmBefore: impl === 'ours' ? w0 : null,
      wasmAfter: impl === 'ours' ? w2 : null,
      wasmGrowth: impl === 'ours' ? w2 - w1 : null,
    });
  }
}
process.stdout.write(JSON.stringify(out));
