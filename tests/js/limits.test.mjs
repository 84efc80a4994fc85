// Limits applied before the work: maxBytes before a body is read or
// encoded, object inspection bounded by maxBytes whatever the object graph,
// and wasm memory back to its baseline after a call that grew it. No timing
// is asserted: where a test guards against a hang, the node:test timeout is
// a liveness bound far above what the call takes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as api from 'periskope-events';

const MiB = 1024 * 1024;
const ORG = '2997dd64-89bf-48d3-9a22-b314fca017e5';
const GOOD = { ticket: { org_id: ORG, ticket_id: 'BKT-1', subject: 'Hello', created_at: '2025-01-11 11:52:27+00', priority: 2 } };
const GOOD_OUT = api.parseTicketCreated(GOOD);
const codes = (issues) => issues.map((i) => `${i.path} ${i.code}`);
const stillCorrect = () => assert.deepEqual(api.parseTicketCreated(JSON.stringify(GOOD)), GOOD_OUT);
const LIVENESS = { timeout: 60000 };

const signedBody = JSON.stringify(api.sampleEvent('note.created'));
const signature = api.signPayload(signedBody, 'k');

/** A ReadableStream of `chunks` (Uint8Arrays), counting how many were pulled. */
function counted(chunks) {
  const state = { pulled: 0 };
  state.stream = new ReadableStream({
    pull(controller) {
      if (state.pulled === chunks.length) return controller.close();
      controller.enqueue(chunks[state.pulled++]);
    },
  });
  return state;
}

function post(body, headers = {}) {
  return new Request('http://127.0.0.1/hook', { method: 'POST', body, duplex: 'half', headers: { 'x-periskope-signature': signature, ...headers } });
}

// --- Defect 6: sizes before reads and encodes ------------------------------

test('verifyRequest: a Content-Length over maxBytes is refused before the body is read', async () => {
  const source = counted(Array.from({ length: 64 }, () => new Uint8Array(MiB)));
  const request = post(source.stream, { 'content-length': String(64 * MiB) });
  await assert.rejects(api.verifyRequest(request, 'k'), (e) => {
    assert.equal(e.name, 'PayloadError');
    assert.deepEqual(codes(e.issues), [' too_large']);
    assert.match(e.issues[0].message, /Content-Length/);
    return true;
  });
  assert.equal(request.bodyUsed, false);
  assert.ok(source.pulled <= 1, `${source.pulled} chunks pulled`);
  // Under the limit, the declared length is no reason to refuse.
  const ok = post(signedBody, { 'content-length': String(Buffer.byteLength(signedBody)) });
  assert.equal((await api.verifyRequest(ok, 'k')).event, 'note.created');
});

test('verifyRequest: a streamed body is read with a running count, cancelled past maxBytes', async () => {
  const bytes = new TextEncoder().encode(signedBody);
  const small = [];
  for (let i = 0; i < bytes.length; i += 7) small.push(bytes.slice(i, i + 7));
  assert.equal((await api.verifyRequest(post(counted(small).stream), 'k')).event, 'note.created');
  // Over the limit, with no Content-Length: stopped at the chunk that passes it.
  const source = counted(Array.from({ length: 100 }, () => new Uint8Array(1024).fill(0x20)));
  await assert.rejects(api.verifyRequest(post(source.stream), 'k', { maxBytes: 10 * 1024 }), (e) => {
    assert.equal(e.name, 'PayloadError');
    assert.deepEqual(codes(e.issues), [' too_large']);
    return true;
  });
  assert.ok(source.pulled <= 13, `${source.pulled} chunks of 1 KiB pulled for a 10 KiB limit`);
  // A stream of something other than bytes is a TypeError.
  const strings = new ReadableStream({ pull: (c) => c.enqueue('text') });
  await assert.rejects(api.verifyRequest(post(strings), 'k'), TypeError);
});

test('verifySignature and constructEvent compare a string\'s length with maxBytes before encoding it', () => {
  const big = 'x'.repeat(9 * MiB);
  const encode = TextEncoder.prototype.encode;
  const encoded = [];
  TextEncoder.prototype.encode = function (text) {
    encoded.push(text.length);
    return encode.call(this, text);
  };
  try {
    assert.equal(api.verifySignature(big, signature, 'k'), false);
    assert.throws(() => api.constructEvent(big, signature, 'k'), (e) => e.name === 'PayloadError' && codes(e.issues).join() === ' too_large');
    assert.equal(api.verifySignature(signedBody, signature, 'k', { maxBytes: 100 }), false);
  } finally {
    TextEncoder.prototype.encode = encode;
  }
  assert.ok(encoded.every((n) => n <= 100), `encoded strings of lengths ${encoded.join(', ')}`);
  assert.equal(api.verifySignature(signedBody, signature, 'k'), true);
});

// --- Defect 7: object inspection on shared sub-objects ---------------------

test('object input: a DAG of shared sub-objects costs at most a constant per byte of maxBytes', LIVENESS, () => {
  let reads = 0;
  const watched = (o) => new Proxy(o, { get: (t, k, r) => (reads++, Reflect.get(t, k, r)) });
  let dag = watched({ n: 1 });
  for (let i = 0; i < 40; i++) dag = watched({ a: dag, b: dag }); // 2^40 paths, 41 objects
  for (const maxBytes of [1000, 100000]) {
    reads = 0;
    assert.deepEqual(codes(api.validateTicketCreated({ ticket: { ...GOOD.ticket, ticket_custom_properties: dag } }, { maxBytes }).errors), [' too_large']);
    assert.ok(reads <= 2 * maxBytes, `${reads} property reads for maxBytes ${maxBytes}`);
  }
  // Without a Proxy, at the default limit, and as the whole input.
  let plain = {};
  for (let i = 0; i < 30; i++) plain = { a: plain, b: plain };
  assert.deepEqual(codes(api.validateTicketCreated(plain).errors), [' too_large']);
  assert.deepEqual(codes(api.validateWebhook([plain, plain]).errors), [' too_large']);
  // A small DAG is read like the tree it stands for.
  let fits = { v: 'x' };
  for (let i = 0; i < 4; i++) fits = { a: fits, b: fits };
  const out = api.parseTicketCreated({ ticket: { ...GOOD.ticket, extra: fits } });
  assert.deepEqual(out.ticket.extra, JSON.parse(JSON.stringify(fits)));
  stillCorrect();
});

test('object input: many array items or keys are refused from the budget, before each is visited', LIVENESS, () => {
  const items = new Array(5 * MiB).fill(0);
  const refused = api.validateTicketCreated({ ticket: { ...GOOD.ticket, x: items } }).errors;
  assert.deepEqual(codes(refused), [' too_large']);
  assert.match(refused[0].message, /^the object would be more than 8388608 bytes as JSON/);
  // With room for its JSON, the object is written and handed to the core
  // (whose own memory budget may still refuse it).
  const passed = api.validateTicketCreated({ ticket: { ...GOOD.ticket, x: items } }, { maxBytes: 11 * MiB }).errors;
  assert.ok(passed.every((e) => !/^the object would be/.test(e.message)), JSON.stringify(passed));
  // Exactly at the limit is accepted: the estimate never exceeds the JSON text.
  const input = { ticket: { ...GOOD.ticket, x: [1, 'two', null, true, false, { k: [] }] } };
  const exact = JSON.stringify(input).length;
  assert.equal(api.validateTicketCreated(input, { maxBytes: exact }).valid, true);
  assert.deepEqual(codes(api.validateTicketCreated(input, { maxBytes: exact - 1 }).errors), [' too_large']);
});

// --- Memory: back to the baseline after a call that grew it ----------------

test('after a hostile body grows wasm memory, the next call starts from the baseline', LIVENESS, () => {
  assert.equal(api.validateTicketCreated(GOOD).valid, true);
  const baseline = api.wasmMemoryBytes();
  const THRESHOLD = 64 * MiB;
  const chat = api.sampleEvent('chat.created').data;
  const members = [];
  for (let i = 0, n = 0; n < 8 * MiB - 4096; i++) {
    members.push(`"${i}":{}`);
    n += members[i].length + 1;
  }
  const emptyMembers = JSON.stringify({ ...chat, members: {} }).replace('"members":{}', `"members":{${members.join(',')}}`);
  const nested = JSON.stringify({ ...GOOD, ticket: { ...GOOD.ticket, ticket_custom_properties: {} } })
    .replace('"ticket_custom_properties":{}', `"ticket_custom_properties":{"x":[${'[[1,2],[3]],'.repeat(Math.floor((8 * MiB - 1024) / 12))}0]}`);
  // Big enough that its copy alone takes the instance past the threshold.
  const huge = JSON.stringify({ ticket: { ...GOOD.ticket, subject: 'x'.repeat(72 * MiB) } });
  const hostile = [
    ['8 MiB of empty chat members', () => api.safeParseEvent('chat.created', emptyMembers)],
    ['8 MiB of nested arrays', () => api.safeParseTicketCreated(nested)],
    ['a 72 MiB body, maxBytes 80 MiB', () => api.safeParseTicketCreated(huge, { maxBytes: 80 * MiB })],
  ];
  for (const [what, call] of hostile) {
    assert.ok(emptyMembers.length <= 8 * MiB && nested.length <= 8 * MiB);
    call();
    const after = api.wasmMemoryBytes();
    assert.ok(after <= THRESHOLD, `${what}: wasm memory left at ${after} bytes`);
    stillCorrect();
  }
  // The 72 MiB body certainly grew it past the threshold: the instance was
  // replaced, and memory is back where a fresh instance starts.
  hostile[2][1]();
  const after = api.wasmMemoryBytes();
  assert.ok(after <= baseline + 256 * 1024, `after the 72 MiB body: ${after} bytes, baseline ${baseline}`);
  stillCorrect();
});
