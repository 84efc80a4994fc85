// Node, from the tarball installed with npm: the Standard Schema cases
// through require and import with node:assert (tests/js's hosts run the
// other shared cases here too, from scripts/test-runtimes.sh), and the
// portable assert that the other runtimes use, checked against node:assert.
import nodeAssert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import * as esm from 'periskope-events';
import { cases } from '../js/cases.mjs';
import { fixtures } from './.generated/fixtures.mjs';
import { assert as portable } from './lib/assert.mjs';
import { schemaCases } from './lib/schema-cases.mjs';

const cjs = createRequire(import.meta.url)('periskope-events');

test('require and import give the same instance, with the schemas', () => {
  nodeAssert.equal(esm.ticketCreatedSchema, cjs.ticketCreatedSchema);
  nodeAssert.equal(esm.parseWebhook, cjs.parseWebhook);
});

for (const [how, api] of [['node require', cjs], ['node import', esm]]) {
  for (const c of schemaCases) test(`[${how}] ${c.name}`, () => c.run(api, nodeAssert, fixtures));
}

test('the portable assert passes every shared case in Node, as node:assert does', async () => {
  for (const c of [...cases, ...schemaCases]) await c.run(esm, portable, fixtures);
});

test('the portable assert fails where node:assert fails', () => {
  const fails = (fn) => nodeAssert.throws(fn, (e) => e.name === 'AssertionError');
  fails(() => portable.equal(1, '1'));
  fails(() => portable.equal(NaN, 0));
  portable.equal(NaN, NaN);
  fails(() => portable.deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }));
  fails(() => portable.deepEqual({ a: 1 }, { a: 1, b: undefined }));
  fails(() => portable.deepEqual([1, 2], { 0: 1, 1: 2, length: 2 }));
  fails(() => portable.deepEqual(JSON.parse('{"__proto__": 1}'), {}));
  portable.deepEqual(JSON.parse('{"__proto__": 1, "x": [null]}'), JSON.parse('{"x": [null], "__proto__": 1}'));
  fails(() => portable.ok(0));
  fails(() => portable.match('abc', /d/));
  fails(() => portable.throws(() => {}));
  fails(() => portable.throws(() => { throw new RangeError('x'); }, TypeError));
  fails(() => portable.throws(() => { throw new Error('x'); }, (e) => e.message === 'y'));
  portable.throws(() => { throw new TypeError('x'); }, TypeError);
  portable.throws(() => { throw new Error('x'); }, (e) => e.message === 'x');
});
