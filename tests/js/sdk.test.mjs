// End to end with the official SDK: @periskope/periskope-client's `env: 'local'`
// connects socket.io to localhost:8080, where this test runs a socket.io
// server (on 127.0.0.1 only) that emits real-shaped events, valid and
// invalid. Handlers wrapped with withValidation get normalized payloads;
// invalid ones go to onInvalid and never reach the handler or break the socket.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { PeriskopeApi } from '@periskope/periskope-client';
import { Server } from 'socket.io';
import { sampleEvent, withValidation } from 'periskope-events';

const PORT = 8080;
const TOKEN = 'test-token';
const PHONE = '919876543210';

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORT, '127.0.0.1', resolve);
  });
}

// Resolves when `check()` holds, polling at most `limit` times.
async function until(check, limit = 200) {
  for (let i = 0; i < limit; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out waiting for the SDK to deliver events');
}

test('withValidation hands the real SDK handler normalized payloads and routes invalid ones to onInvalid', async (t) => {
  const http = createServer();
  const io = new Server(http);
  const seenHeaders = [];
  const ticket = sampleEvent('ticket.created', { data: { ticket: { priority: '3', ticket_labels: 'vip, VIP, billing' } } }).data;
  const message = sampleEvent('message.created').data;
  io.on('connection', (socket) => {
    seenHeaders.push(socket.handshake.headers);
    // In order: valid, invalid, valid with an unknown field, not even an object.
    socket.emit('ticket.created', ticket);
    socket.emit('ticket.created', { ticket: { priority: 99 } });
    socket.emit('ticket.created', { ...ticket, brand_new_field: { kept: true } });
    socket.emit('ticket.created', 'not a payload');
    socket.emit('message.created', message);
    socket.emit('message.created', { ...message, org_id: 42 });
  });
  await listen(http);
  t.after(() => new Promise((resolve) => io.close(() => resolve())));

  const client = new PeriskopeApi({ authToken: TOKEN, phone: PHONE, env: 'local' });
  const tickets = [];
  const messages = [];
  const invalid = [];
  const log = t.mock.method(console, 'log', () => {});
  client.connect();
  client.on('ticket.created', withValidation('ticket.created', (data, warnings) => tickets.push({ data, warnings }), {
    onInvalid: (error) => invalid.push(error),
  }));
  // The default onInvalid: one line on console.warn, nothing thrown.
  const warn = t.mock.method(console, 'warn', () => {});
  client.on('message.created', withValidation('message.created', (data) => messages.push(data)));
  t.after(() => client.disconnect());

  await until(() => tickets.length + invalid.length >= 4 && messages.length + warn.mock.callCount() >= 2);

  assert.equal(seenHeaders[0].authorization, `Bearer ${TOKEN}`);
  assert.equal(seenHeaders[0]['x-phone'], PHONE);
  assert.equal(tickets.length, 2);
  assert.equal(tickets[0].data.ticket.priority, 3);
  assert.equal(tickets[0].data.ticket.priority_label, 'high');
  assert.deepEqual(tickets[0].data.ticket.ticket_labels, ['vip', 'billing']);
  assert.ok(tickets[0].warnings.some((w) => w.code === 'coerced_value'));
  assert.deepEqual(tickets[1].data.brand_new_field, { kept: true });
  assert.equal(invalid.length, 2);
  assert.equal(invalid[0].name, 'PayloadError');
  assert.ok(invalid[0].errors.some((e) => e.path === '/ticket/priority' && e.code === 'out_of_range'));
  assert.equal(invalid[1].errors[0].code, 'invalid_json'); // a string is read as a raw body
  assert.equal(messages.length, 1);
  assert.equal(messages[0].message_id, message.message_id);
  assert.equal(warn.mock.callCount(), 1);
  assert.match(warn.mock.calls[0].arguments[0], /^periskope-events: skipped an invalid message\.created payload: \/org_id: .*\[invalid_type\]$/);
});
