// The worst-case section (issue 9): adversarial webhook bodies, each class
// at two sizes, through safeParseWebhook(bytes) (bytes → normalized
// object, or the issues), against JSON.parse(TextDecoder.decode(bytes)) of
// the same bytes. Prints µs per KiB, the ratio to JSON.parse, and the growth
// of the per-KiB time from the small size to the large one (1.0 is exactly
// linear; 4.0 between 1 and 4 MiB is quadratic). Each class is said to hold
// when it stays within 10× JSON.parse at both sizes and grows by at most
// 1.5× per KiB. A benchmark, never an assertion: it exits non-zero only on a
// crash.
//
//   node benches/worst-case.js            # 1 MiB and 4 MiB, about a minute
//   node benches/worst-case.js --smoke    # 16 and 64 KiB, a second or two
//
// benches/run.js runs it as one of its sections (skip with --skip worst).

import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KiB = 1024;
const MiB = 1024 * KiB;
const ORG = '2997dd64-89bf-48d3-9a22-b314fca017e5';
export const WITHIN = 10;
export const LINEAR = 1.5;

const enc = new TextEncoder();
const dec = new TextDecoder();

/** `count` items from `item(i)`, joined by `sep`, as many as fit in `bytes`. */
function fill(bytes, item, sep = ',') {
  const parts = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const s = item(i);
    parts.push(s);
    n += s.length + sep.length;
  }
  return parts.join(sep);
}

/** A webhook body of `event` whose `data` is the sample's with `slot` replaced by `json` (raw JSON text). */
function envelope(api, event, patch, json) {
  const sample = api.sampleEvent(event);
  const marker = '"__periskope_bench__"';
  const data = patch(sample.data, JSON.parse(marker));
  const text = JSON.stringify({ ...sample, data });
  if (text.split(marker).length !== 2) throw new Error('worst-case: the marker must appear once');
  return text.replace(marker, json);
}

const ticket = (extra) => (data, marker) => ({ ...data, ticket: { ...data.ticket, ...extra(marker) } });

/** The classes: name, what it is, and its body at about `size` bytes. */
export const CLASSES = [
  {
    name: 'labels, string form',
    what: 'ticket_labels as one comma-separated string of distinct labels (~180k per MiB)',
    body: (api, size) => envelope(api, 'ticket.created', ticket((m) => ({ ticket_labels: m })),
      JSON.stringify(fill(size - 2 * KiB, (i) => 'l' + i.toString(36), ', '))),
  },
  {
    name: 'labels, array form',
    what: 'ticket_labels as an array of distinct labels, with case duplicates',
    body: (api, size) => envelope(api, 'ticket.created', ticket((m) => ({ ticket_labels: m })),
      '[' + fill(size - 2 * KiB, (i) => JSON.stringify((i % 3 === 2 ? 'L' : 'l') + Math.floor(i / 3 * 2).toString(36))) + ']'),
  },
  {
    name: 'duplicate keys',
    what: 'a long array, then one duplicate-key object per 8 KiB of body (1,000 at 8 MiB)',
    body: (api, size) => {
      const dups = Math.max(1, Math.floor(size / (8 * KiB)));
      const tail = Array.from({ length: dups }, (_, i) => `{"k${i}":1,"k${i}":2}`).join(',');
      const head = fill(size - tail.length - 4 * KiB, () => '0');
      return envelope(api, 'ticket.created', ticket((m) => ({ x: m })), `[${head},${tail}]`);
    },
    maxIssues: 100000,
  },
  {
    name: 'many tiny keys',
    what: 'one object of distinct two-to-four-character keys',
    body: (api, size) => envelope(api, 'ticket.created', ticket((m) => ({ x: m })), '{' + fill(size - 2 * KiB, (i) => `"${i.toString(36)}":0`) + '}'),
  },
  {
    name: 'deep nesting at the limit',
    what: 'arrays nested to the depth limit (64, with the envelope), side by side',
    body: (api, size) => {
      const depth = 64 - 4; // the envelope, data, ticket and x hold four levels
      const one = '['.repeat(depth) + '0' + ']'.repeat(depth);
      return envelope(api, 'ticket.created', ticket((m) => ({ x: m })), '[' + fill(size - 2 * KiB, () => one.slice(1, -1)) + ']');
    },
  },
  {
    name: 'empty chat members',
    what: 'chat.created with members {} by the hundred thousand',
    body: (api, size) => envelope(api, 'chat.created', (data, m) => ({ ...data, members: m, member_count: 0 }),
      '{' + fill(size - 4 * KiB, (i) => `"${i}":{}`) + '}'),
  },
  {
    name: 'escapes',
    what: 'the subject made of escapes (\\n, \\", \\\\, \\u00e9, surrogate pairs)',
    body: (api, size) => envelope(api, 'ticket.created', ticket((m) => ({ subject: m })),
      '"' + fill(size - 2 * KiB, (i) => ['\\n', '\\"', '\\\\', '\\u00e9', '\\ud83d\\ude00', '\\t'][i % 6], '') + '"'),
  },
  {
    name: 'huge numbers',
    what: 'an array of 30-digit integers and 1e308-scale floats',
    body: (api, size) => envelope(api, 'ticket.created', ticket((m) => ({ x: m })),
      '[' + fill(size - 2 * KiB, (i) => (i % 2 ? '123456789012345678901234567890' : '-1.7976931348623157e+308')) + ']'),
  },
  {
    name: 'whitespace',
    what: 'an array of small values, each separator padded with 64 spaces and a newline',
    body: (api, size) => envelope(api, 'ticket.created', ticket((m) => ({ x: m })),
      '[' + fill(size - 2 * KiB, (i) => String(i % 10), ' '.repeat(64) + ',\n' + ' '.repeat(64)) + ']'),
  },
];

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const time = (fn) => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0);
};

/**
 * Measures every class at both sizes. `settings`: sizes ([small, large]),
 * minCalls, minMs (per candidate and size), skipLargeAfterMs (a class whose
 * small call takes longer is not run at the large size: it would take
 * minutes).
 */
export function measureWorstCase(api, settings, progress = () => {}) {
  const rows = [];
  for (const c of CLASSES) {
    const row = { name: c.name, what: c.what, sizes: [] };
    for (const size of settings.sizes) {
      const text = c.body(api, size);
      const bytes = enc.encode(text);
      const options = { maxBytes: Math.max(8 * MiB, bytes.length), maxIssues: c.maxIssues ?? 100 };
      const ours = () => api.safeParseWebhook(bytes, options);
      const floor = () => JSON.parse(dec.decode(bytes));
      progress(`worst case: ${c.name}, ${(bytes.length / KiB).toFixed(0)} KiB`);
      const first = time(ours);
      const result = ours();
      const answer = result.success ? 'valid' : result.error.errors[0].code;
      const skipped = row.sizes.length > 0 && row.sizes[0].ns > settings.skipLargeAfterMs * 1e6;
      if (skipped) {
        row.sizes.push({ bytes: bytes.length, answer, ns: null, floorNs: null, skipped: true });
        continue;
      }
      const oursNs = [first];
      const floorNs = [time(floor)];
      let spent = first + floorNs[0];
      // Interleaved: drift on a shared machine lands on both alike.
      while (oursNs.length < settings.minCalls || spent < settings.minMs * 1e6) {
        const a = time(ours);
        const b = time(floor);
        oursNs.push(a);
        floorNs.push(b);
        spent += a + b;
        if (oursNs.length >= 200) break;
      }
      row.sizes.push({ bytes: bytes.length, answer, ns: median(oursNs), floorNs: median(floorNs), calls: oursNs.length });
    }
    const [small, large] = row.sizes;
    const perKiB = (s) => s.ns / (s.bytes / KiB);
    row.ratios = row.sizes.map((s) => (s.ns === null ? null : s.ns / s.floorNs));
    row.growth = large.ns === null ? null : perKiB(large) / perKiB(small);
    row.within = row.ratios.every((r) => r !== null && r <= WITHIN);
    row.linear = row.growth !== null && row.growth <= LINEAR;
    rows.push(row);
  }
  return rows;
}

const pad = (s, n) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s, n) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const kb = (n) => (n >= MiB ? `${(n / MiB).toFixed(2)} MiB` : `${(n / KiB).toFixed(0)} KiB`);

/** The section's lines. */
export function formatWorstCase(rows, settings) {
  const [a, b] = settings.sizes.map(kb);
  const out = [];
  out.push(`━━ Worst case: adversarial webhook bodies, safeParseWebhook(bytes) vs JSON.parse(decode(bytes)) of the same bytes`);
  out.push(`   µs/KiB at ${a} and ${b}; × = ratio to JSON.parse; growth = µs/KiB at ${b} ÷ at ${a} (1.0 linear).` +
    ` Holds: ≤ ${WITHIN}× JSON.parse at both sizes, and growth ≤ ${LINEAR}.`);
  out.push(`   ${pad('class', 27)}${pad('answer', 14)}${lpad(`µs/KiB ${a}`, 15)}${lpad('×', 7)}${lpad(`µs/KiB ${b}`, 15)}${lpad('×', 7)}${lpad('growth', 8)}   ${pad(`≤ ${WITHIN}× JSON.parse`, 18)}linear`);
  for (const r of rows) {
    const cells = r.sizes.map((s, i) => (s.ns === null
      ? [lpad('not run', 15), lpad('', 7)]
      : [lpad(((s.ns / 1000) / (s.bytes / KiB)).toFixed(2), 15), lpad(r.ratios[i].toFixed(1), 7)]));
    const answers = [...new Set(r.sizes.map((s) => s.answer))].join('/');
    const mark = (x) => (x ? 'holds' : 'does not hold');
    out.push(`   ${pad(r.name, 27)}${pad(answers, 14)}${cells.flat().join('')}${lpad(r.growth === null ? '–' : r.growth.toFixed(2), 8)}   ${pad(mark(r.within), 18)}${mark(r.linear)}`);
  }
  const differ = rows.filter((r) => new Set(r.sizes.map((s) => s.answer)).size > 1);
  if (differ.length) {
    out.push(`   answers differ between the sizes (${differ.map((r) => r.name).join(', ')}): the larger body is refused (too_large from the` +
      ' core\'s memory budget), so its growth compares a refusal with a full read');
  }
  const skipped = rows.filter((r) => r.sizes.some((s) => s.skipped));
  if (skipped.length) out.push(`   not run at ${b}: the ${a} call took over ${settings.skipLargeAfterMs} ms (${skipped.map((r) => r.name).join(', ')})`);
  return out;
}

export const WORST_SETTINGS = {
  full: { sizes: [1 * MiB, 4 * MiB], minCalls: 3, minMs: 400, skipLargeAfterMs: 5000 },
  smoke: { sizes: [16 * KiB, 64 * KiB], minCalls: 1, minMs: 0, skipLargeAfterMs: 5000 },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const smoke = process.argv.includes('--smoke');
  const api = require(path.join(ROOT, 'pkg'));
  const settings = smoke ? WORST_SETTINGS.smoke : WORST_SETTINGS.full;
  const rows = measureWorstCase(api, settings, (s) => process.stderr.write(`  … ${s}\n`));
  console.log(formatWorstCase(rows, settings).join('\n'));
  if (smoke) console.log('\n(smoke run: the figures above come from a handful of calls and mean nothing)');
}
