// Node computes the MAC with node:crypto; every other runtime in wasm. The
// two must answer alike: the Node entry against the same package built on
// the wasm path (the shared API without a host, over the Node glue), on
// random bodies, keys and headers, through verifySignature and
// constructEvent, including every refusal. Bounded loops, no timing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import * as node from 'periskope-events';

const require = createRequire(import.meta.url);
const dir = path.dirname(require.resolve('periskope-events/package.json'));
const { createGlue } = require(path.join(dir, 'node', 'periskope_events.cjs'));
const { createPackage } = await import(pathToFileURL(path.join(dir, 'web', 'api.mjs')).href);
const wasmModule = new WebAssembly.Module(fs.readFileSync(path.join(dir, 'periskope_events_bg.wasm')));
const instantiate = () => {
  const glue = createGlue();
  glue.initSync({ module: wasmModule });
  return glue;
};
const wasmPath = createPackage(instantiate(), instantiate);

// A deterministic generator (no Math.random: a failure must replay).
let seed = 0x2545f491;
const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 8;
const bytes = (n) => Uint8Array.from({ length: n }, () => next() & 0xff);
const pick = (list) => list[next() % list.length];

function outcome(call) {
  try {
    return { value: call() };
  } catch (e) {
    return { error: e.name, code: e.code };
  }
}

test('verifySignature: node:crypto and wasm agree on 600 random cases', () => {
  for (let i = 0; i < 600; i++) {
    const body = bytes(pick([0, 1, 63, 64, 65, 200, 3000]));
    const key = pick(['peri_key', 'k', ' padded', 'line\n', '', 'é'.repeat(40)]);
    const keys = pick([key, [key], ['other', key], [key, undefined], []]);
    const good = (() => {
      try {
        return node.signPayload(body, key);
      } catch {
        return 'ab'.repeat(32);
      }
    })();
    const header = pick([good, 'sha256=' + good, good.toUpperCase(), ' ' + good + '\n', good.slice(1), '', 'zz'.repeat(32), 'sha256=' + 'ab'.repeat(32)]);
    const a = outcome(() => node.verifySignature(body, header, keys));
    const b = outcome(() => wasmPath.verifySignature(body, header, keys));
    assert.deepEqual(a, b, `case ${i}: ${JSON.stringify({ key, header: header.slice(0, 12) })}`);
  }
});

test('constructEvent: node:crypto and wasm agree, the replay window and payload issues included', () => {
  const sent = Date.parse('2025-01-26T13:46:55.758Z');
  for (let i = 0; i < 200; i++) {
    const event = pick(node.knownEvents);
    const envelope = { ...node.sampleEvent(event), timestamp: '2025-01-26T13:46:55.758Z' };
    let body = JSON.stringify(envelope);
    const header = node.signPayload(body, 'peri_key');
    const variant = next() % 5;
    if (variant === 1) body = body.replace('"data":{', '"data":{"x":1,'); // tampered
    if (variant === 2) body = body + ' '; // tampered by one byte
    const options = pick([undefined, { tolerance: 300, now: sent }, { tolerance: 300, now: sent + 301_000 }, { strict: true }]);
    const keys = pick(['peri_key', ['old', 'peri_key'], 'wrong']);
    const a = outcome(() => node.constructEvent(body, { 'x-periskope-signature': variant === 3 ? '' : header }, keys, options));
    const b = outcome(() => wasmPath.constructEvent(body, { 'x-periskope-signature': variant === 3 ? '' : header }, keys, options));
    assert.deepEqual(a, b, `case ${i}: ${event}, variant ${variant}, ${JSON.stringify(options)}`);
  }
});

test('the Node entry really takes the node:crypto path, the other the wasm one', () => {
  // A body over the HMAC block size, signed: both verify it...
  const body = bytes(5000);
  const header = node.signPayload(body, 'k');
  assert.equal(node.verifySignature(body, header, 'k'), true);
  assert.equal(wasmPath.verifySignature(body, header, 'k'), true);
  // ...and node:crypto computes the same MAC the core signs with.
  const crypto = require('node:crypto');
  assert.equal(crypto.createHmac('sha256', 'k').update(body).digest('hex'), header);
  const source = fs.readFileSync(path.join(dir, 'node', 'index.cjs'), 'utf8');
  assert.match(source, /createPackage\(instantiate\(\), instantiate, host\b/);
  for (const entry of ['browser', 'workerd', 'deno', 'edge-light']) {
    assert.doesNotMatch(fs.readFileSync(path.join(dir, 'web', `${entry}.mjs`), 'utf8'), /node:crypto/, entry);
  }
});
