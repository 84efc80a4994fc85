// Interleaved measurement on top of tinybench.
//
// Why tinybench, not mitata: the bench must also run, unchanged, in a child
// process started with --disallow-code-generation-from-strings (zod 4 as on
// Cloudflare Workers). mitata builds its measuring loop with
// `new AsyncFunction(...)`, which that flag forbids; tinybench generates no
// code, and its runSync() times plain synchronous calls with
// process.hrtime.bigint().
//
// Why interleaved: a noisy 2-core machine drifts over seconds. Every
// candidate of a group runs in short slices (`roundMs`), round after round,
// the order rotated and reversed each round, so drift lands on all of them
// alike and the ratios hold even when the absolute times move.
//
// Each tinybench sample is one batch of calls (sized so a sample lasts at
// least `batchNs`, which keeps the timer's own cost out); the reported figure
// is the median, over every sample of every round, of the time per call.

import { Bench, hrtimeNow } from 'tinybench';

/** Results go here so no call is optimized away. */
export const sink = { value: null };

const now = () => process.hrtime.bigint();

function batched(fn, n) {
  if (n === 1) {
    return () => {
      sink.value = fn();
    };
  }
  return () => {
    let r;
    for (let i = 0; i < n; i++) r = fn();
    sink.value = r;
  };
}

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** Median and quartiles of an array of numbers. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75), n: sorted.length };
}

/**
 * Measures every candidate ({ key, fn }) interleaved. Returns a Map from key
 * to { median, p25, p75, n } in nanoseconds per call, plus `batch`.
 *
 * options: rounds, roundMs (time per candidate per round), warmupMs,
 * batchNs (least time per sample), minIterations (least samples per round).
 */
export function measureInterleaved(candidates, options) {
  const { rounds, roundMs, warmupMs, batchNs, minIterations = 2 } = options;
  const state = candidates.map((c) => ({ ...c, samples: [], batch: 1 }));
  // Warm up (JIT tiers, wasm tier-up, caches), then size each batch.
  for (const c of state) {
    const until = now() + BigInt(Math.round(warmupMs * 1e6));
    let calls = 0;
    const t0 = now();
    do {
      sink.value = c.fn();
      calls++;
    } while (now() < until || calls < 2);
    const perCall = Number(now() - t0) / calls;
    c.batch = Math.max(1, Math.min(1 << 16, Math.ceil(batchNs / Math.max(perCall, 1))));
  }
  for (let round = 0; round < rounds; round++) {
    const order = state.slice(round % state.length).concat(state.slice(0, round % state.length));
    if (round % 2 === 1) order.reverse();
    const bench = new Bench({
      time: roundMs,
      iterations: minIterations,
      warmup: false,
      now: hrtimeNow,
      retainSamples: true,
      throws: true,
    });
    for (const c of order) bench.add(c.key, batched(c.fn, c.batch));
    bench.runSync();
    for (const c of order) {
      const result = bench.getTask(c.key).result;
      if (!result || !result.latency || !result.latency.samples) {
        throw new Error(`${c.key}: tinybench returned no samples (${result && result.state})`);
      }
      for (const ms of result.latency.samples) c.samples.push((ms * 1e6) / c.batch);
    }
  }
  const out = new Map();
  for (const c of state) out.set(c.key, { ...stats(c.samples), batch: c.batch });
  return out;
}

/** "812 ns", "12.3 µs", "4.56 ms". */
export function formatNs(ns) {
  if (!Number.isFinite(ns)) return 'n/a';
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e4) return `${(ns / 1e3).toFixed(2)} µs`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(1)} µs`;
  if (ns < 1e7) return `${(ns / 1e6).toFixed(2)} ms`;
  return `${(ns / 1e6).toFixed(1)} ms`;
}
