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
    // Three batches after the warm-up; the heap after a full GC around each.
    const heaps = [heap()];
    const w0 = wasmBytes();
    let w1 = w0;
    for (let batch = 0; batch < 3; batch++) {
      for (let i = 0; i < calls; i++) sink = fn(input);
      sink = null;
      heaps.push(heap());
      if (batch === 0) w1 = wasmBytes();
    }
    const w2 = wasmBytes();
    const growth = heaps.slice(1).map((h, i) => h - heaps[i]);
    out.rows.push({
      payload: p.name,
      impl,
      mode,
      calls,
      // The median batch's growth, not below 0: a leak grows every batch
      // alike, a one-time allocation (code V8 compiles late, a cache filled
      // once) only one, and a collection that frees what the warm-up left
      // makes one negative (an 11.5 KB allocation in one of two batches of
      // twelve 1 MiB calls once read as 478 B per call over both).
      heapRetainedPerCall: Math.max(0, [...growth].sort((a, b) => a - b)[1]) / calls,
      heapBatches: growth,
      wasmBefore: impl === 'ours' ? w0 : null,
      wasmAfter: impl === 'ours' ? w2 : null,
      wasmGrowth: impl === 'ours' ? w2 - w1 : null,
    });
  }
}
process.stdout.write(JSON.stringify(out));
