// The memory bound, measured: on a fresh instance of the module, one call
// on a hostile body of up to 8 MiB leaves the instance's memory (its
// high-water mark: wasm memory never shrinks) within the budget the core
// states, memory_budget(n) = 16 × n + 16 MiB for the tree, the models and
// the output, plus the body's own copy. Past the budget the answer is
// too_large, never an allocation failure. Sizes, not timings.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import * as api from 'periskope-events';
import { makeTapeReader } from './lib/tape-reader.mjs';

const require = createRequire(import.meta.url);
const dir = path.dirname(require.resolve('periskope-events/package.json'));
// The package's own glue factory and .wasm, outside its wrapper: a fresh
// instance per body, so each measure starts from the same baseline.
const { createGlue } = require(path.join(dir, 'node', 'periskope_events.cjs'));
const wasmModule = new WebAssembly.Module(fs.readFileSync(path.join(dir, 'periskope_events_bg.wasm')));
const fresh = () => {
  const glue = createGlue();
  glue.initSync({ module: wasmModule });
  return glue;
};
// The exports answer with a tape in wasm memory, read with the package's reader.
const readTape = makeTapeReader();

const MiB = 1024 * 1024;
const budget = (n) => 16 * n + 16 * MiB;
const TICKET = { org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', ticket_id: 'T', subject: 'S', created_at: '2025-01-26 13:46:55+00' };

function fill(prefix, item, suffix, size) {
  const parts = [];
  let n = prefix.length + suffix.length;
  for (let i = 0; n < size; i++) {
    const s = item(i);
    parts.push(s);
    n += s.length + 1;
  }
  return prefix + parts.join(',') + suffix;
}

const size = 8 * MiB - 64 * 1024;
const ticket = JSON.stringify(TICKET).slice(0, -1);
const chat = JSON.stringify(api.sampleEvent('chat.created').data).replace(/"members":\{[^]*?\}\}/, '"members":{}');
const colliding = '{' + Array.from({ length: 40 }, (_, k) => `"abcd${String(k).padStart(3, '0')}wxyz":0`).join(',') + '}';
const bodies = {
  'tiny values': fill(`{"ticket":${ticket},"v":[`, () => '0', ']}}', size),
  'empty chat members': fill(chat.replace('"members":{}', '"members":{').slice(0, chat.indexOf('"members":{}') + 11), (i) => `"${i}":{}`, '}' + chat.slice(chat.indexOf('"members":{}') + 12), size),
  'many tiny keys': fill(`{"ticket":${ticket},`, (i) => `"k${i.toString(36)}":0`, '}}', size),
  // Small enough for its object to close within the budget, so that its
  // duplicate keys are looked for through the grouping by hash, whose
  // scratch (17 bytes a member) is not counted: 500,000 members, one key
  // sent twice.
  'a large object that closes, one key repeated': fill(`{"ticket":${ticket},"x":{"k0":1,`, (i) => `"k${i.toString(36)}":0`, '}}}', 4 * MiB + 256 * 1024),
  'nested arrays': fill(`{"ticket":${ticket},"v":[`, () => '[[1,2],[3]]', ']}}', size),
  'many labels': fill(`{"ticket":${ticket},"ticket_labels":"`, (i) => `l${i}`, '"}}', size),
  // Each object's 40 keys share their length and their first and last four
  // bytes, what the reader's duplicate filter hashes (json::short_hash), so
  // they fall on one of its 256 bits and each object is searched through
  // the grouping by hash, whose scratch (an 8 KiB table) is freed before
  // the next object: below the top of a bump allocator, which alone reused
  // none of it (this body then took 181 MiB of wasm memory, over its budget).
  'many objects whose keys collide in the duplicate filter': fill(`{"ticket":${ticket},"v":[`, () => colliding, ']}}', size),
  'a ticket with many attached messages': fill(
    `{"ticket":${JSON.stringify(TICKET)},"attached_messages":[`,
    (i) => JSON.stringify({ chat_id: '919537851844@c.us', message_id: `true_919537851844@c.us_3EB0${i}`, timestamp: '2024-05-13 11:19:34+00', body: 'hello' }),
    ']}',
    size,
  ),
  // An update event's dedup digest reads its `previous_attributes` again, in
  // the canonical form's order: the same budget holds for the whole call,
  // read as a whole webhook.
  'an update event with a large previous_attributes': fill(
    `{"event":"ticket.updated","org_id":"${TICKET.org_id}","timestamp":"2025-01-26T13:46:55Z","data":${JSON.stringify(TICKET)},"previous_attributes":{"subject":"R","history":[`,
    (i) => `{"z${i % 7}":${i},"b":[${i},"${i}"],"a":{"y":null,"x":true}}`,
    ']}}',
    size,
  ),
};
const WEBHOOKS = new Set(['an update event with a large previous_attributes']);

for (const [what, text] of Object.entries(bodies)) {
  test(`${what}: memory within the stated budget on a fresh instance`, { timeout: 120000 }, () => {
    const event = what === 'empty chat members' ? 'chat.created' : 'ticket.created';
    const bytes = new TextEncoder().encode(text);
    assert.ok(bytes.length <= 8 * MiB, `${bytes.length} bytes`);
    const glue = fresh();
    const baseline = glue.memory_bytes();
    // The answer is measured too: the tape stays in wasm memory until it is read.
    const header = WEBHOOKS.has(what) ? glue.webhook(bytes, 0, 8 * MiB, 100) : glue.event_payload(event, bytes, 0, 8 * MiB, 100);
    const out = readTape(glue.memory(), header);
    glue.release_answer();
    const grown = glue.memory_bytes() - baseline;
    // The allocator's region starts over once none of its blocks is live (src/wasm/allocator.rs).
    assert.equal(glue.heap_bytes_in_use(), 0, `${what}: heap in use after the call`);
    const allowed = budget(bytes.length) + bytes.length;
    assert.ok(grown <= allowed, `${what}: ${(grown / MiB).toFixed(1)} MiB grown, allowed ${(allowed / MiB).toFixed(1)} MiB`);
    // Either an answer or too_large: never internal_error.
    assert.ok(out.data !== null || out.issues.some((i) => i.code === 'too_large' || i.severity === 'error'), what);
    assert.ok(!out.issues.some((i) => i.code === 'internal_error'), what);
    if (WEBHOOKS.has(what)) assert.equal(typeof out.data?.dedup_key, 'string', `${what}: ${JSON.stringify(out.issues.slice(0, 2))}`);
    if (what.startsWith('a large object that closes')) {
      assert.deepEqual(out.issues.filter((i) => i.code === 'duplicate_key').map((i) => i.path), ['/ticket/x/k0'], what);
    }
    console.log(`${what}: ${(bytes.length / MiB).toFixed(2)} MiB in, ${(grown / MiB).toFixed(1)} MiB of wasm memory (${(grown / bytes.length).toFixed(1)} × the input); ${out.data === null ? out.issues.map((i) => i.code).join(',') : 'accepted'}`);
  });
}

// The package's allocator takes a call's first 2 MiB from a region that
// starts over when none of its blocks is live (src/wasm/allocator.rs): that
// holds only if every export frees all it allocated by the time its answer
// is released. Each export, on
// inputs that take its success and its error paths, leaves the heap empty.
test('every export leaves nothing allocated once its answer is released', () => {
  const glue = fresh();
  const body = new TextEncoder().encode(JSON.stringify({ event: 'ticket.created', org_id: TICKET.org_id, timestamp: '2025-01-26T13:46:55Z', data: { ticket: TICKET, attached_messages: [] } }));
  const update = new TextEncoder().encode(JSON.stringify({ event: 'ticket.updated', org_id: TICKET.org_id, timestamp: '2025-01-26T13:46:55Z', data: TICKET, previous_attributes: { subject: 'R' } }));
  const key = new TextEncoder().encode('peri_key');
  const lengths = new Uint32Array([key.length]);
  const signature = glue.sign_payload(body, key);
  const broken = new TextEncoder().encode('{"event":"ticket.created","data":{"a":1,"a":2}');
  const tape = (what, header) => {
    assert.equal(typeof readTape(glue.memory(), header), 'object', what);
    assert.ok(glue.heap_bytes_in_use() > 0, `${what}: the answer is held until it is released`);
    glue.release_answer();
  };
  const calls = {
    contract: () => glue.contract(),
    known_events: () => glue.known_events(),
    'webhook (valid)': () => tape('webhook', glue.webhook(body, 0, 8 * MiB, 100)),
    'webhook (update event, digest)': () => tape('webhook', glue.webhook(update, 0, 8 * MiB, 100)),
    'webhook (broken)': () => tape('webhook', glue.webhook(broken, 0, 8 * MiB, 100)),
    'webhook (validate only)': () => tape('webhook', glue.webhook(body, 2, 8 * MiB, 100)),
    'event_payload (valid)': () => tape('event_payload', glue.event_payload('ticket.created', new TextEncoder().encode(JSON.stringify({ ticket: TICKET })), 0, 8 * MiB, 100)),
    'event_payload (too large)': () => tape('event_payload', glue.event_payload('ticket.created', body, 0, 16, 100)),
    'verify_signature (good)': () => assert.equal(glue.verify_signature(body, signature, key, lengths), 0),
    'verify_signature (bad)': () => assert.notEqual(glue.verify_signature(body, 'sha256=00', key, lengths), 0),
    check_keys: () => glue.check_keys(key, lengths),
    'construct_event (good)': () => tape('construct_event', glue.construct_event(body, signature, key, lengths, 0, 8 * MiB, 100, 300, Date.parse('2025-01-26T13:47:00Z'))),
    'construct_event (bad)': () => tape('construct_event', glue.construct_event(body, 'x', key, lengths, 0, 8 * MiB, 100, -1, 0)),
    signature_bytes: () => glue.signature_bytes(signature),
    read_verified: () => tape('read_verified', glue.read_verified(body, 0, 8 * MiB, 100, -1, 0)),
    sign_payload: () => glue.sign_payload(body, key),
    sample_payload: () => glue.sample_payload('message.created'),
  };
  for (const [what, call] of Object.entries(calls)) {
    call();
    assert.equal(glue.heap_bytes_in_use(), 0, `${what}: heap in use after the call`);
  }
});
