// Regression tests for what a review of the API found: each would fail on
// the code before its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import vm from 'node:vm';
import * as api from 'periskope-events';

const ORG = '2997dd64-89bf-48d3-9a22-b314fca017e5';
const codes = (issues) => issues.map((i) => `${i.path} ${i.code}`);

test('sampleEvent never merges into a prototype, and refuses overrides that are not objects', () => {
  api.sampleEvent('ticket.created', JSON.parse('{"__proto__":{"polluted":1}}'));
  api.sampleEvent('ticket.created', JSON.parse('{"data":{"__proto__":{"polluted2":1}}}'));
  assert.equal({}.polluted, undefined);
  assert.equal({}.polluted2, undefined);
  const own = api.sampleEvent('ticket.created', JSON.parse('{"__proto__":{"x":1}}'));
  assert.ok(Object.prototype.hasOwnProperty.call(own, '__proto__'));
  for (const bad of [null, 'abc', [1], 5]) assert.throws(() => api.sampleEvent('ticket.created', bad), TypeError);
});

test('many warnings alone never reject a payload; a dropped error still does', () => {
  const sample = api.sampleEvent('chat.created').data;
  const members = {};
  for (let i = 0; i < 120; i++) members[`9190000${1000 + i}@c.us`] = { contact_id: `9190000${1000 + i}@c.us`, contact_color: '#123456' };
  const r = api.safeParseEvent('chat.created', { ...sample, members });
  assert.equal(r.success, true, r.success ? '' : r.error.message);
  assert.ok(r.warnings.some((w) => w.code === 'too_many_issues' && w.severity === 'warning'));
  const errors = {};
  for (let i = 0; i < 120; i++) errors[`k${i}`] = { a: [1] };
  const bad = api.validateTicketCreated({ ticket: { ticket_custom_properties: errors } });
  assert.ok(bad.errors.some((e) => e.code === 'too_many_issues'));
});

test('unknown events get distinct dedup keys for distinct data, the same for the same bytes', () => {
  const body = (data) => JSON.stringify({ event: 'ticket.assigned', org_id: ORG, timestamp: '2025-01-01T00:00:00Z', data });
  const a = api.parseWebhook(body({ id: 1 })).dedup_key;
  const b = api.parseWebhook(body({ id: 2 })).dedup_key;
  assert.notEqual(a, b);
  assert.equal(api.parseWebhook(body({ id: 1 })).dedup_key, a);
  // Each part escaped (":" as %3A), so that no two different parts read alike.
  assert.match(a, /^ticket\.assigned:2997dd64-89bf-48d3-9a22-b314fca017e5:data#[0-9a-f]{16}:2025-01-01T00%3A00%3A00\.000Z$/);
});

test('event_type beside event is kept, and flagged when it differs', () => {
  const s = api.sampleEvent('ticket.created');
  const same = api.safeParseWebhook({ ...s, event_type: 'ticket.created' });
  assert.equal(same.data.event_type, 'ticket.created');
  assert.deepEqual(codes(same.warnings), []);
  const differs = api.safeParseWebhook({ ...s, event_type: 'message.created' });
  assert.equal(differs.data.event, 'ticket.created');
  assert.equal(differs.data.event_type, 'message.created');
  assert.deepEqual(codes(differs.warnings), ['/event_type inconsistent_value']);
});

test('numbers too large to be finite are out_of_range, never Infinity', () => {
  const m = api.sampleEvent('message.created').data;
  const text = JSON.stringify({ ...m, forwarding_score: 0 }).replace('"forwarding_score":0', '"forwarding_score":1e400');
  assert.deepEqual(codes(api.validateEvent('message.created', text).errors), ['/forwarding_score out_of_range']);
  const ok = api.parseEvent('message.created', JSON.stringify({ ...m, forwarding_score: 1e308 }));
  assert.equal(ok.forwarding_score, 1e308);
});

test('object input: lone surrogates, invalid Dates, binary data and toJSON results are reported at their path', () => {
  const t = (extra) => ({ ticket: { org_id: ORG, ticket_id: 'T', subject: 's', created_at: '2025-01-01', ...extra } });
  assert.deepEqual(codes(api.validateTicketCreated(t({ subject: 'x\udc00' })).errors), ['/ticket/subject invalid_encoding']);
  assert.deepEqual(codes(api.validateTicketCreated(t({ ['k\ud800']: 1 })).errors), ['/ticket invalid_encoding']);
  assert.deepEqual(codes(api.validateTicketCreated(t({ closed_at: new Date('nope') })).errors), ['/ticket/closed_at invalid_input']);
  assert.deepEqual(codes(api.validateTicketCreated(t({ blob: new Uint8Array(2) })).errors), ['/ticket/blob invalid_input']);
  assert.deepEqual(codes(api.validateTicketCreated(t({ gone: { toJSON: () => undefined } })).errors), ['/ticket/gone invalid_input']);
  assert.equal(api.parseTicketCreated(t({ x: { toJSON: () => ({ y: 1 }) } })).ticket.x.y, 1);
  // No position from text the caller never saw, in any message.
  for (const issue of api.validateTicketCreated(t({ subject: '\ud800' })).errors) assert.doesNotMatch(issue.message, /line \d/);
});

test('signatures: keys from another realm, SharedArrayBuffer bodies, Map headers, size limit, malformed strings', () => {
  const body = JSON.stringify(api.sampleEvent('note.created'));
  const header = api.signPayload(body, 'k');
  const foreignKey = vm.runInNewContext('new Uint8Array([107])');
  assert.equal(api.verifySignature(body, header, foreignKey), true);
  const shared = new SharedArrayBuffer(Buffer.byteLength(body));
  new Uint8Array(shared).set(Buffer.from(body));
  assert.equal(api.verifySignature(shared, header, 'k'), true);
  assert.equal(api.constructEvent(body, new Map([['X-Periskope-Signature', header]]), 'k').event, 'note.created');
  assert.equal(api.verifySignature(body, header, 'k', { maxBytes: 10 }), false);
  assert.equal(api.verifySignature(body + '\ud800', header, 'k'), false);
  assert.throws(() => api.constructEvent('{"a":"\ud800"}', header, 'k'), (e) => e.name === 'PayloadError' && e.issues[0].code === 'invalid_encoding');
});

test('verifyRequest checks its arguments before reading the body', async () => {
  const request = new Request('http://127.0.0.1/', { method: 'POST', body: '{}' });
  await assert.rejects(api.verifyRequest(request, ''), (e) => e.code === 'missing_key');
  assert.equal(request.bodyUsed, false);
  await assert.rejects(api.verifyRequest(request, 'k', { nope: 1 }), TypeError);
  assert.equal(request.bodyUsed, false);
});

test('withValidation refuses an onInvalid that is not a function', () => {
  assert.throws(() => api.withValidation('ticket.created', () => {}, { onInvalid: 'log' }), TypeError);
});
