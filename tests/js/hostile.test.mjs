// Hostile inputs through the installed package: each gets a structured
// issue, never a crash, a hang or a wasm trap, and afterwards the module
// still gives correct answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as api from 'periskope-events';

const GOOD = {
  ticket: { org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', ticket_id: 'BKT-1', subject: 'Hello', created_at: '2025-01-11 11:52:27+00', priority: 2 },
};
const GOOD_OUT = api.parseTicketCreated(GOOD);

function stillCorrect() {
  assert.deepEqual(api.parseTicketCreated(JSON.stringify(GOOD)), GOOD_OUT);
  assert.equal(GOOD_OUT.ticket.created_at, '2025-01-11T11:52:27.000Z');
}

function codes(input, options) {
  return api.validateTicketCreated(input, options).errors.map((e) => `${e.path} ${e.code}`);
}

const ticketWith = (extra) => ({ ...GOOD, ticket: { ...GOOD.ticket, ...extra } });

test('nesting 100,000 deep: too_deep, as text and as an object', () => {
  assert.deepEqual(codes('['.repeat(100000) + ']'.repeat(100000)), [' too_deep']);
  assert.deepEqual(codes('{"a":'.repeat(100000) + '1' + '}'.repeat(100000)), [' too_deep']);
  let deep = {};
  for (let i = 0; i < 100000; i++) deep = { a: deep };
  assert.equal(codes(deep)[0].endsWith('too_deep'), true);
  stillCorrect();
});

test('a 50 MB string field: too_large by default; read whole when allowed', () => {
  const big = 'x'.repeat(50 * 1024 * 1024);
  const payload = ticketWith({ subject: big });
  assert.deepEqual(codes(payload), [' too_large']);
  assert.deepEqual(codes(JSON.stringify(payload)), [' too_large']);
  const parsed = api.parseTicketCreated(payload, { maxBytes: 64 * 1024 * 1024 });
  assert.equal(parsed.ticket.subject.length, big.length);
  stillCorrect();
});

test('many small keys: 10 MB is too_large (by maxBytes, then by the memory budget); 2 MiB is read whole', () => {
  const bodyOf = (bytes) => {
    const keys = [];
    let length = 0;
    for (let i = 0; length < bytes; i++) {
      keys.push(`"k${i.toString(36)}":${i % 10}`);
      length += keys[i].length + 1;
    }
    return { keys, body: `{"ticket":${JSON.stringify(GOOD.ticket)},${keys.join(',')}}` };
  };
  const big = bodyOf(10.5 * 1024 * 1024).body;
  assert.ok(big.length > 10 * 1000 * 1000);
  assert.deepEqual(codes(big), [' too_large']);
  // Allowed by maxBytes, a million values are over the core's memory budget
  // for their size (SECURITY.md): too_large again, never a trap.
  const budget = api.validateTicketCreated(big, { maxBytes: 16 * 1024 * 1024 }).errors;
  assert.deepEqual(budget.map((e) => `${e.path} ${e.code}`), [' too_large']);
  assert.match(budget[0].message, /memory/);
  // Eight bytes a member: a quarter of a million of them fit the budget of
  // 2 MiB (16 × 2 MiB + 16 MiB, with the reader's stacks counted twice).
  const { keys, body } = bodyOf(2 * 1024 * 1024);
  const out = api.parseTicketCreated(body);
  assert.equal(Object.keys(out).length, 4 + keys.length);
  // A duplicate among them is still found.
  const duplicated = body.slice(0, -1) + ',"k0":1}';
  assert.deepEqual(codes(duplicated, { maxBytes: 16 * 1024 * 1024 }), ['/k0 duplicate_key']);
  stillCorrect();
});

test('numbers beyond i64, 1e400 and -0 are read as JSON.parse reads them', () => {
  const text = '{"ticket":' + JSON.stringify(GOOD.ticket).slice(0, -1) +
    ',"big":123456789012345678901234567890,"huge":1e400,"negzero":-0,"tiny":1e-400,"max":9223372036854775808}}';
  const ours = api.parseTicketCreated(text).ticket;
  const theirs = JSON.parse(text).ticket;
  for (const key of ['big', 'huge', 'negzero', 'tiny', 'max']) assert.ok(Object.is(ours[key], theirs[key]), key);
  // In an object, 1e400 is already Infinity, which JSON cannot hold.
  assert.deepEqual(codes(ticketWith({ priority: 1e400 })), ['/ticket/priority invalid_input']);
  assert.deepEqual(codes('{"ticket":{"priority":1e400}}').includes('/ticket/priority out_of_range'), true);
  assert.equal(api.parseTicketCreated(ticketWith({ priority: -0 })).ticket.priority, 0);
  stillCorrect();
});

test('invalid UTF-8, a BOM, NUL bytes', () => {
  const bytes = new TextEncoder().encode(JSON.stringify(GOOD));
  const broken = new Uint8Array(bytes);
  broken[30] = 0xff;
  assert.deepEqual(codes(broken), [' invalid_encoding']);
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
  const bom = api.safeParseTicketCreated(withBom);
  assert.equal(bom.success, true);
  assert.deepEqual(bom.warnings.map((w) => w.code), ['coerced_value']);
  assert.equal(api.safeParseTicketCreated('\ufeff' + JSON.stringify(GOOD)).success, true);
  const rawNul = JSON.stringify(GOOD).replace('Hello', 'He\u0000llo');
  assert.deepEqual(codes(rawNul), [' invalid_json']);
  const escapedNul = JSON.stringify(ticketWith({ subject: 'He\u0000llo' }));
  assert.equal(api.parseTicketCreated(escapedNul).ticket.subject, 'He\u0000llo');
  stillCorrect();
});

test('lone surrogates in object input and in text', () => {
  assert.deepEqual(codes(ticketWith({ subject: 'bad \ud800 surrogate' })), ['/ticket/subject invalid_encoding']);
  assert.deepEqual(codes(JSON.stringify(ticketWith({ subject: '\udc00' }))), [' invalid_encoding']);
  // A raw lone surrogate in a string (not an escape): TextEncoder would
  // silently make it U+FFFD; it is refused instead.
  assert.deepEqual(codes('{"ticket":{"subject":"broken \ud800"}}'), [' invalid_encoding']);
  assert.equal(api.parseTicketCreated(ticketWith({ subject: 'ok \ud83d\ude00' })).ticket.subject, 'ok \u{1F600}');
  stillCorrect();
});

test('a throwing getter, a Proxy, a cycle, a BigInt, a Symbol key, a class instance, a Map', () => {
  const cyclic = ticketWith({});
  cyclic.ticket.loop = cyclic;
  const throwingProxy = new Proxy({}, { ownKeys() { throw new Error('trap secret'); } });
  const getter = ticketWith({});
  Object.defineProperty(getter.ticket, 'subject', { enumerable: true, get() { throw new Error('getter secret'); } });
  const cases = [
    [getter, ' invalid_input'],
    [throwingProxy, ' invalid_input'],
    [cyclic, '/ticket/loop invalid_input'],
    [ticketWith({ n: 10n }), '/ticket/n invalid_input'],
    [ticketWith({ [Symbol('s')]: 1 }), '/ticket invalid_input'],
    [ticketWith({ when: new (class Moment { constructor() { this.t = 1; } })() }), '/ticket/when invalid_input'],
    [ticketWith({ props: new Map([['a', 'b']]) }), '/ticket/props invalid_input'],
    [ticketWith({ set: new Set([1]) }), '/ticket/set invalid_input'],
  ];
  for (const [input, want] of cases) {
    const errors = api.validateTicketCreated(input).errors;
    assert.deepEqual(errors.map((e) => `${e.path} ${e.code}`), [want], want);
    assert.ok(!/secret/.test(errors[0].message));
  }
  // A Proxy that behaves like an object is read like one.
  const benign = new Proxy(JSON.parse(JSON.stringify(GOOD)), {});
  assert.deepEqual(api.parseTicketCreated(benign), GOOD_OUT);
  stillCorrect();
});

test('__proto__, constructor and prototype keys at every level stay data', () => {
  const hostileKeys = (depth) =>
    depth === 0 ? '"x"' : `{"__proto__":${hostileKeys(depth - 1)},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}}`;
  const text = `{"ticket":${JSON.stringify(GOOD.ticket).slice(0, -1)},"__proto__":${hostileKeys(3)},"constructor":${hostileKeys(2)},` +
    `"ticket_custom_properties":{"__proto__":"p","constructor":"c","prototype":"q"}},"__proto__":${hostileKeys(3)},"chat":null}`;
  for (const input of [text, JSON.parse(text)]) {
    const out = api.parseTicketCreated(input);
    assert.equal(Object.getPrototypeOf(out), Object.prototype);
    assert.ok(Object.prototype.hasOwnProperty.call(out, '__proto__'));
    assert.ok(Object.prototype.hasOwnProperty.call(out.ticket.__proto__, '__proto__'));
    assert.equal(out.ticket.ticket_custom_properties.constructor, 'c');
    assert.equal({}.polluted, undefined);
    assert.equal(Object.prototype.polluted, undefined);
    assert.equal(Function.prototype.polluted, undefined);
  }
  stillCorrect();
});

// Traps (simulated: the real exports never trap) and the instance that
// replaces the trapped one: instances.test.mjs, in child processes that watch
// the glue factory.
