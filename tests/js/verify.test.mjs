// Signing keys as given (refused at the call that receives them, never
// trimmed or re-encoded), and the opt-in replay window of constructEvent and
// verifyRequest.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as api from 'periskope-events';

const sample = api.sampleEvent('ticket.created');
const body = JSON.stringify(sample);
const header = api.signPayload(body, 'k');
const at = Date.parse(sample.timestamp);
const isCode = (code) => (e) => {
  assert.equal(e.name, 'WebhookVerificationError');
  assert.equal(e.code, code);
  assert.ok(e instanceof api.WebhookVerificationError);
  return true;
};
const request = (text, signature = header) =>
  new Request('http://127.0.0.1/hook', { method: 'POST', body: text, headers: { 'x-periskope-signature': signature } });

// --- Keys -----------------------------------------------------------------

test('a key with surrounding whitespace or a line break: malformed_key at the call that receives it', async () => {
  const bytesOf = (k) => new TextEncoder().encode(k);
  for (const key of ['k\n', 'k\r\n', ' k', 'k ', '\tk', bytesOf('k\n'), ['k', 'k\n']]) {
    const what = JSON.stringify(String(key));
    assert.throws(() => api.verifySignature(body, header, key), isCode('malformed_key'), what);
    assert.throws(() => api.constructEvent(body, header, key), isCode('malformed_key'), what);
    const r = request(body);
    await assert.rejects(api.verifyRequest(r, key), isCode('malformed_key'), what);
    assert.equal(r.bodyUsed, false, what);
    if (!Array.isArray(key)) assert.throws(() => api.signPayload(body, key), isCode('malformed_key'), what);
  }
  // The message is the core's and says what to fix; it never quotes the key.
  try {
    api.verifySignature(body, header, 'peri_secret_value\n');
  } catch (e) {
    assert.ok(e.message.length > 20);
    assert.doesNotMatch(e.message, /peri_secret_value/);
  }
  // Whitespace inside a key is the key's own.
  const inner = api.signPayload(body, 'a b');
  assert.equal(api.verifySignature(body, inner, 'a b'), true);
});

test('missing keys are still missing_key; the wrong type is a TypeError', () => {
  // Unset environment variables too (`[process.env.NEW, process.env.OLD]`).
  for (const key of ['', [], undefined, null, [''], ['k', ''], [undefined], ['k', undefined], [null]]) {
    assert.throws(() => api.verifySignature(body, header, key), isCode('missing_key'), String(key));
    assert.throws(() => api.constructEvent(body, header, key), isCode('missing_key'), String(key));
  }
  for (const key of [5, {}, [5], true]) assert.throws(() => api.verifySignature(body, header, key), TypeError);
});

test('an ArrayBuffer key is accepted like an ArrayBuffer body', async () => {
  const key = new TextEncoder().encode('k').buffer;
  assert.ok(key instanceof ArrayBuffer);
  assert.equal(api.verifySignature(body, header, key), true);
  assert.equal(api.verifySignature(body, header, ['old', key]), true);
  assert.equal(api.constructEvent(body, header, key).event, 'ticket.created');
  assert.equal((await api.verifyRequest(request(body), key)).event, 'ticket.created');
  assert.equal(api.signPayload(body, key), header);
  assert.equal(api.signPayload(new TextEncoder().encode(body).buffer, new DataView(key)), header);
});

test('a string key with a lone surrogate is refused, not changed by TextEncoder', () => {
  // TextEncoder would sign with U+FFFD in its place: the same signature for
  // two different keys.
  const replaced = api.signPayload(body, '\ufffd');
  for (const key of ['\ud800', 'k\udc00', ['k', 'x\ud83d']]) {
    assert.throws(() => api.verifySignature(body, replaced, key), isCode('malformed_key'));
    assert.throws(() => api.constructEvent(body, replaced, key), isCode('malformed_key'));
    if (!Array.isArray(key)) assert.throws(() => api.signPayload(body, key), isCode('malformed_key'));
  }
  // A well-formed pair is a character like any other.
  assert.equal(api.verifySignature(body, api.signPayload(body, 'k\ud83d\ude00'), 'k\ud83d\ude00'), true);
});

test('verification errors: every code has the core\'s message', () => {
  const seen = {};
  const grab = (f) => {
    try {
      f();
    } catch (e) {
      seen[e.code] = e.message;
    }
  };
  grab(() => api.constructEvent(body, '', 'k'));
  grab(() => api.constructEvent(body, 'zz', 'k'));
  grab(() => api.constructEvent(body, header, 'other'));
  grab(() => api.constructEvent(body, header, ''));
  grab(() => api.constructEvent(body, header, 'k\n'));
  grab(() => api.constructEvent(body, header, 'k', { tolerance: 1, now: 0 }));
  grab(() => api.constructEvent(JSON.parse(body), header, 'k'));
  assert.deepEqual(Object.keys(seen).sort(), [
    'body_was_parsed', 'malformed_key', 'malformed_signature', 'missing_key', 'missing_signature', 'signature_mismatch', 'timestamp_out_of_tolerance',
  ]);
  for (const [code, message] of Object.entries(seen)) assert.ok(typeof message === 'string' && message.length > 10, code);
});

// --- The replay window ----------------------------------------------------

test('replay window: within it, before it and after it; now as a Date or a number', async () => {
  const opts = (now) => ({ tolerance: 300, now });
  for (const now of [at, at + 299_000, at - 299_000, new Date(at + 300_000), new Date(at - 300_000)]) {
    assert.equal(api.constructEvent(body, header, 'k', opts(now)).event, 'ticket.created', String(now));
  }
  for (const now of [at + 301_000, at - 301_000, new Date(at + 86_400_000), 0]) {
    assert.throws(() => api.constructEvent(body, header, 'k', opts(now)), isCode('timestamp_out_of_tolerance'), String(now));
  }
  // The same through verifyRequest.
  assert.equal((await api.verifyRequest(request(body), 'k', opts(at + 1000))).event, 'ticket.created');
  await assert.rejects(api.verifyRequest(request(body), 'k', opts(at + 301_000)), isCode('timestamp_out_of_tolerance'));
  // The default `now` is the clock: the sample's 2025 timestamp is far from it.
  assert.throws(() => api.constructEvent(body, header, 'k', { tolerance: 300 }), isCode('timestamp_out_of_tolerance'));
  const fresh = JSON.stringify({ ...sample, timestamp: new Date().toISOString() });
  assert.equal(api.constructEvent(fresh, api.signPayload(fresh, 'k'), 'k', { tolerance: 300 }).event, 'ticket.created');
});

test('replay window: a missing or unreadable timestamp is refused; the signature is checked first', () => {
  const { timestamp, ...rest } = sample;
  assert.equal(typeof timestamp, 'string');
  for (const text of [JSON.stringify(rest), JSON.stringify({ ...sample, timestamp: 'yesterday' }), JSON.stringify({ ...sample, timestamp: 5 })]) {
    assert.throws(() => api.constructEvent(text, api.signPayload(text, 'k'), 'k', { tolerance: 300, now: at }), isCode('timestamp_out_of_tolerance'), text.slice(-60));
  }
  assert.throws(() => api.constructEvent(body, header, 'other', { tolerance: 300, now: 0 }), isCode('signature_mismatch'));
});

test('replay window: off by default', () => {
  assert.equal(api.constructEvent(body, header, 'k').event, 'ticket.created');
  assert.equal(api.constructEvent(body, header, 'k', { now: at + 10 * 365 * 86_400_000 }).event, 'ticket.created');
  assert.equal(api.constructEvent(body, header, 'k', { tolerance: undefined, now: 0 }).event, 'ticket.created');
});

test('replay window: its options are checked, and accepted only by constructEvent and verifyRequest', async () => {
  for (const tolerance of [0, -1, 0.5, 299.9, NaN, Infinity, '300', null, 300n]) {
    assert.throws(() => api.constructEvent(body, header, 'k', { tolerance }), TypeError, String(tolerance));
  }
  for (const now of ['2025-01-01', new Date('nope'), NaN, Infinity, {}, null]) {
    assert.throws(() => api.constructEvent(body, header, 'k', { tolerance: 300, now }), TypeError, String(now));
  }
  await assert.rejects(api.verifyRequest(request(body), 'k', { tolerance: -5 }), TypeError);
  for (const options of [{ tolerance: 300 }, { now: at }]) {
    assert.throws(() => api.validateWebhook(body, options), TypeError);
    assert.throws(() => api.parseWebhook(body, options), TypeError);
    assert.throws(() => api.verifySignature(body, header, 'k', options), TypeError);
    assert.throws(() => api.validateEvent('ticket.created', sample.data, options), TypeError);
  }
});
