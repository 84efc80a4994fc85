// A Cloudflare Worker as a user writes one: Hono, the package imported by
// name (the bundler picks its `workerd` entry), a webhook route reading the
// raw body, and routes validated by @hono/standard-validator with our
// Standard Schema objects. /cases runs the shared cases inside workerd.
import { Hono } from 'hono';
import { sValidator } from '@hono/standard-validator';
import { createWebhookHandler, verifyRequest, PayloadError, WebhookVerificationError, ticketCreatedSchema, webhookSchema } from 'periskope-events';
import { runAll } from '../lib/host.mjs';

const app = new Hono();

// A signed webhook: verifyRequest reads the raw bytes of the Request itself,
// checks x-periskope-signature, then parses.
app.post('/webhook', async (c) => {
  try {
    const hook = await verifyRequest(c.req.raw, c.env.PERISKOPE_SIGNING_KEY);
    return c.json({ event: hook.event, known: hook.known, ticket_id: hook.data?.ticket?.ticket_id ?? null, priority_label: hook.data?.ticket?.priority_label ?? null });
  } catch (e) {
    if (e instanceof WebhookVerificationError) return c.json({ error: e.code }, 401);
    if (e instanceof PayloadError) return c.json({ issues: e.issues }, 400);
    throw e;
  }
});

// The same endpoint with createWebhookHandler: created on the first request
// (a module Worker sees its bindings only then), what its handlers were
// called with kept for GET /handler/calls.
const calls = [];
let handler;
app.all('/handler', (c) => {
  handler ??= createWebhookHandler({
    keys: c.env.PERISKOPE_SIGNING_KEY,
    maxBytes: 4096,
    on: {
      'ticket.created': (data, event) => {
        calls.push({ on: event.event, ticket_id: data.ticket.ticket_id, priority_label: data.ticket.priority_label });
      },
    },
    onUnknown: (event) => {
      calls.push({ onUnknown: event.event, known: event.known });
    },
    onError: (error, context) => {
      calls.push({ onError: context.code, status: context.status });
    },
  });
  return handler(c.req.raw);
});
app.get('/handler/calls', (c) => c.json(calls.splice(0)));

app.post('/hono/ticket', sValidator('json', ticketCreatedSchema), (c) => {
  const { ticket } = c.req.valid('json');
  return c.json({ ticket_id: ticket.ticket_id, created_at: ticket.created_at, labels: ticket.ticket_labels });
});

app.post('/hono/webhook', sValidator('json', webhookSchema), (c) => {
  const hook = c.req.valid('json');
  return c.json({ event: hook.event, known: hook.known, timestamp: hook.timestamp });
});

app.get('/cases', async (c) => c.json(await runAll()));

// Proof that this runtime forbids what the workerd entry avoids: compiling
// WebAssembly from bytes.
app.get('/codegen', (c) => {
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    return c.json({ compileFromBytes: 'allowed' });
  } catch (e) {
    return c.json({ compileFromBytes: 'refused', error: String(e) });
  }
});

export default app;
