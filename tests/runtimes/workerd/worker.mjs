// A Cloudflare Worker as a user writes one: Hono, the package imported by
// name (the bundler picks its `workerd` entry), a webhook route reading the
// raw body, and routes validated by @hono/standard-validator with our
// Standard Schema objects. /cases runs the shared cases inside workerd.
import { Hono } from 'hono';
import { sValidator } from '@hono/standard-validator';
import { parseWebhook, PayloadError, ticketCreatedSchema, webhookSchema } from 'periskope-events';
import * as api from 'periskope-events';
import { runAll } from '../lib/host.mjs';

const app = new Hono();

// The raw body, as the README asks: duplicate keys, positions and the
// signature need the bytes that were sent.
app.post('/webhook', async (c) => {
  const body = new Uint8Array(await c.req.arrayBuffer());
  // The signature, once the package has it (feature-detected until then).
  let verified = null;
  if (typeof api.verifySignature === 'function') {
    verified = api.verifySignature(body, c.req.header('x-periskope-signature') ?? '', c.env.SIGNING_KEY);
    if (!verified) return c.json({ error: 'signature_mismatch' }, 401);
  }
  try {
    const hook = parseWebhook(body);
    return c.json({ event: hook.event, known: hook.known, ticket_id: hook.data?.ticket?.ticket_id ?? null, priority_label: hook.data?.ticket?.priority_label ?? null, verified });
  } catch (e) {
    if (e instanceof PayloadError) return c.json({ issues: e.issues }, 400);
    throw e;
  }
});

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
