// Memory: 100,000 mixed valid and invalid calls, error paths included, and
// the wasm instance's memory stops growing (nothing leaks across the
// boundary). Sizes are pages of linear memory, not timings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as api from 'periskope-events';

const GOOD = {
  ticket: {
    org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', ticket_id: 'BKT-1', subject: 'Hello', created_at: '2025-01-11 11:52:27+00',
    priority: 2, ticket_labels: 'a, b', ticket_custom_properties: { n: 1 },
  },
  attached_messages: [{ chat_id: '919537851844@c.us', message_id: 'true_919537851844@c.us_3EB0AA', timestamp: '2024-05-13 11:19:34+00' }],
};
const text = JSON.stringify(GOOD);
const bytes = new TextEncoder().encode(text);
const signature = api.signPayload(bytes, 'peri_key');
const signedBody = JSON.stringify(api.sampleEvent('reaction.created'));
const signedHeader = api.signPayload(signedBody, 'peri_key');
const message = api.sampleEvent('message.created').data;
const inputs = [
  () => api.parseTicketCreated(text),
  () => api.validateTicketCreated(bytes),
  () => api.safeParseTicketCreated(GOOD),
  () => api.safeParseTicketCreated('{"ticket":{"priority":9,"created_at":"x"}}'),
  () => api.validateTicketCreated(text.slice(0, -3)),
  () => api.validateTicketCreated('{"a":1,"a":2}'),
  () => api.validateTicketCreated(text, { maxBytes: 10 }),
  () => api.safeParseWebhook({ event: 'x.y', org_id: GOOD.ticket.org_id, timestamp: '2025-01-01T00:00:00Z', data: GOOD }),
  () => api.validateTicketCreated('['.repeat(1000)),
  () => api.verifySignature(bytes, signature, ['old', 'peri_key']),
  () => api.safeParseWebhook(signedBody),
  () => {
    try {
      api.constructEvent(signedBody, { 'x-periskope-signature': signature }, 'wrong');
    } catch {
      // signature_mismatch: the error path counts too
    }
  },
  () => api.constructEvent(signedBody, { 'x-periskope-signature': signedHeader }, 'peri_key'),
  () => api.safeParseEvent('message.created', message),
  () => api.validateEvent('org.phone.qr', { phone_id: 'p' }),
];

function run(calls) {
  for (let i = 0; i < calls; i++) inputs[i % inputs.length]();
}

test('100,000 mixed calls: the wasm memory stops growing', () => {
  run(5000); // warm up: the allocator reaches its working size
  const warm = api.wasmMemoryBytes();
  run(50000);
  const middle = api.wasmMemoryBytes();
  run(50000);
  const end = api.wasmMemoryBytes();
  assert.ok(warm > 0);
  assert.equal(end, middle, `grew from ${middle} to ${end} bytes`);
  assert.ok(middle - warm <= 2 * 65536, `grew from ${warm} to ${middle} bytes after warm-up`);
});
