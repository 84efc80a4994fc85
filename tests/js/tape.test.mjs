// The objects the wrapper builds from the core's tape (pkg-template/src/tape.js)
// where the host's own objects could reach in: a frozen Object.prototype, a
// setter on it, and the memory a kept string holds. Each case runs in a
// child process, so that what it does to Object.prototype stays there.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { makeTapeReader, tapeReaderSource, TAGS } from './lib/tape-reader.mjs';

const require = createRequire(import.meta.url);
const PKG = require.resolve('periskope-events');
const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

function child(source, flags = []) {
  const out = execFileSync(process.execPath, [...flags, '-e', `const api = require(${JSON.stringify(PKG)});\n${source}`], {
    encoding: 'utf8',
    timeout: 120000,
  });
  return JSON.parse(out);
}

const ORG = '2997dd64-89bf-48d3-9a22-b314fca017e5';
// Keys Object.prototype has, sent as unknown fields at the envelope, in a
// ticket, in its custom properties and in a chat's members.
const INHERITED = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__proto__', '__defineGetter__', 'sneaky'];
const extras = Object.fromEntries(INHERITED.map((k, i) => [k, i]));
const body = JSON.stringify({
  event: 'ticket.created',
  org_id: ORG,
  timestamp: '2025-01-11T11:52:27Z',
  data: { ticket: { org_id: ORG, ticket_id: 'T-1', subject: 'x', created_at: '2025-01-11T11:52:27Z', ticket_custom_properties: extras, ...extras } },
});

const check = `
  const out = [];
  const hook = api.safeParseWebhook(${JSON.stringify(body)});
  out.push(hook.success);
  const own = (o) => ${JSON.stringify(INHERITED)}.map((k) => Object.prototype.hasOwnProperty.call(o, k) && o[k]);
  if (hook.success) out.push(own(hook.data.data.ticket), own(hook.data.data.ticket.ticket_custom_properties));
  const fixture = api.safeParseEvent('ticket.created', require('node:fs').readFileSync(${JSON.stringify(FIXTURES + 'ticket.created/valid/prototype-keys.json')}));
  out.push(fixture.success);
  process.stdout.write(JSON.stringify(out));
`;
// Custom properties' values are kept as text.
const WANT = [true, INHERITED.map((_, i) => i), INHERITED.map((_, i) => String(i)), true];

test('keys Object.prototype has are own keys of the output, with Object.prototype frozen', () => {
  assert.deepEqual(child(`Object.freeze(Object.prototype);\n${check}`), WANT);
});

test('a setter on Object.prototype is never called with the sender\'s values', () => {
  const got = child(`
    const calls = [];
    Object.defineProperty(Object.prototype, 'sneaky', { set(v) { calls.push(v); }, get() { return 'proto'; }, configurable: true });
    ${check.replace('process.stdout.write(JSON.stringify(out));', 'out.push(calls); process.stdout.write(JSON.stringify(out));')}
  `);
  assert.deepEqual(got, [...WANT, []]);
});

test('a string kept from an answer does not hold the whole answer in memory', () => {
  // 100 answers of 1 MiB each, keeping two ids of each, as a dedup cache
  // would: while each string held its answer's whole text, that was
  // 100 MiB of heap. Sizes, not timings.
  const [heapUsed, kept] = child(`
    const kept = [];
    for (let i = 0; i < 100; i++) {
      const body = JSON.stringify(api.sampleEvent('message.created', { data: { body: 'x'.repeat(1 << 20) + i, message_id: 'true_919876543210@c.us_3EB0' + i } }));
      const hook = api.parseWebhook(body);
      kept.push(hook.dedup_key, hook.data.chat_id);
    }
    global.gc();
    process.stdout.write(JSON.stringify([process.memoryUsage().heapUsed, kept.length]));
  `, ['--expose-gc']);
  assert.equal(kept, 200);
  assert.ok(heapUsed < 40 * 1024 * 1024, `${(heapUsed / 1048576).toFixed(1)} MiB of heap in use after keeping 200 short strings`);
});

// The reader alone (pkg-template/src/shapes.js and tape.js, as the package
// wraps them), on tapes written here: what each tag reads as, and a tape
// cut short is an error, never a loop.
const readTape = makeTapeReader();

// A memory holding the header, the words and the two slabs; `after`, words
// that follow the tape's in memory but are not part of it (the reader sees
// the whole wasm memory, so a tape cut short must not read on into them).
function memoryOf(words, ascii, wide, after = []) {
  const a = new TextEncoder().encode(ascii);
  const w = new TextEncoder().encode(wide);
  const all = words.concat(after);
  const buffer = new ArrayBuffer(24 + all.length * 4 + a.length + w.length);
  const view = new DataView(buffer);
  const at = [24, words.length, 24 + all.length * 4, a.length, 24 + all.length * 4 + a.length, w.length];
  at.forEach((n, i) => view.setUint32(i * 4, n, true));
  all.forEach((n, i) => view.setUint32(24 + i * 4, n >>> 0, true));
  new Uint8Array(buffer, at[2], a.length).set(a);
  new Uint8Array(buffer, at[4], w.length).set(w);
  return { buffer };
}
const word = (tag, payload = 0) => (tag | (payload << 4)) >>> 0;

test('the tape reader: every tag, long lengths, wide strings and statics', () => {
  const { NULL, TRUE, FALSE, INT, NUMBER, STRING, WIDE_STRING, ARRAY, OBJECT, END, JSON: RAW, NEW_STATIC, STATIC, LONG } = TAGS;
  const words = [
    word(ARRAY), word(NULL), word(TRUE), word(FALSE), word(INT, 5), word(INT, -3 & 0x0fffffff), word(NUMBER, 2), word(STRING, 2),
    word(STRING, LONG), 3, word(WIDE_STRING, 3), 6, word(NEW_STATIC, 4), word(STATIC, 0), word(RAW, 6),
    word(OBJECT), word(STRING, 9), word(INT, 1), word(STRING, 1), word(NULL), word(END), word(END),
  ];
  const memory = memoryOf(words, '-0abxyzcode[1,{}]__proto__k', 'é😀');
  const out = readTape(memory, 0);
  assert.deepEqual(out.slice(0, 9), [null, true, false, 5, -3, -0, 'ab', 'xyz', 'é😀']);
  assert.ok(Object.is(out[5], -0));
  assert.deepEqual(out.slice(9, 12), ['code', 'code', [1, {}]]);
  assert.ok(Object.prototype.hasOwnProperty.call(out[12], '__proto__'));
  assert.equal(Object.getPrototypeOf(out[12]), Object.prototype);
  assert.deepEqual(Object.keys(out[12]), ['__proto__', 'k']);
});

test('the tape reader: a tape cut short is an error, not a loop', () => {
  const { ARRAY, OBJECT, NULL, STRING, WIDE_STRING, END, LONG } = TAGS;
  assert.throws(() => readTape(memoryOf([word(ARRAY), word(NULL)], '', ''), 0), /ends inside a value/);
  assert.throws(() => readTape(memoryOf([word(NULL), word(NULL)], '', ''), 0), /words left over/);
  // Words after the tape that would close it, or finish a long length or
  // a wide string's byte count, are not read.
  assert.throws(() => readTape(memoryOf([word(ARRAY), word(NULL)], '', '', [word(END)]), 0), /ends inside a value/);
  assert.throws(() => readTape(memoryOf([word(OBJECT)], '', '', [word(END)]), 0), /ends inside a value/);
  assert.throws(() => readTape(memoryOf([word(STRING, LONG)], 'abc', '', [3]), 0), /ends inside a value/);
  assert.throws(() => readTape(memoryOf([word(WIDE_STRING, 1)], '', 'é', [2]), 0), /ends inside a value/);
  // A string longer than its slab.
  assert.throws(() => readTape(memoryOf([word(STRING, 4)], 'abc', '', [word(END)]), 0), /past its slab/);
});

test('the tape reader: a header that does not fit the memory is an error', () => {
  const { NULL } = TAGS;
  const memory = memoryOf([word(NULL)], '', '');
  assert.equal(readTape(memory, 0), null);
  assert.throws(() => readTape(memory, memory.buffer.byteLength - 20), /does not fit its memory/);
  assert.throws(() => readTape(memory, 2), /does not fit its memory/);
  const view = new DataView(memory.buffer);
  view.setUint32(4, 1000, true); // words past the memory
  assert.throws(() => readTape(memory, 0), /does not fit its memory/);
  // The views of one memory are not those of the next.
  assert.deepEqual(readTape(memoryOf([word(TAGS.STRING, 2)], 'ok', ''), 0), 'ok');
});

test('the tape reader on a big-endian host reads the same (its byte-swapping path, run here)', () => {
  const swapped = tapeReaderSource.replace(/const LITTLE_ENDIAN = [^;]+;/, 'const LITTLE_ENDIAN = false;');
  assert.notEqual(swapped, tapeReaderSource, 'tape.js no longer has its LITTLE_ENDIAN test');
  const bigEndianRead = makeTapeReader(swapped);
  const { ARRAY, INT, STRING, WIDE_STRING, END } = TAGS;
  const memory = memoryOf([word(ARRAY), word(INT, -5 & 0x0fffffff), word(INT, 123456), word(STRING, 3), word(WIDE_STRING, 1), 2, word(END)], 'abc', 'é');
  assert.deepEqual(bigEndianRead(memory, 0), [-5, 123456, 'abc', 'é']);
  assert.deepEqual(bigEndianRead(memory, 0), readTape(memory, 0));
});
