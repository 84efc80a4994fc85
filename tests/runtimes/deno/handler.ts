// createWebhookHandler in Deno, type-checked by `deno check` and run with no
// permission flag: the Deno.serve handler of a webhook endpoint, given
// Requests directly; what it answered and what its handlers were called
// with printed as JSON for deno.test.mjs.
import { createWebhookHandler, sampleEvent, signPayload } from 'periskope-events';

// In an app: Deno.env.get('PERISKOPE_SIGNING_KEY') (run with --allow-env).
const key = 'whsec_test_key_for_deno';
const calls: unknown[] = [];

const handle = createWebhookHandler({
  keys: key,
  maxBytes: 4096,
  on: {
    'ticket.created': (data, event) => {
      calls.push({ on: event.event, ticket_id: data.ticket.ticket_id, priority_label: data.ticket.priority_label });
    },
  },
  onUnknown: (event) => {
    calls.push({ onUnknown: event.event, known: event.known });
  },
  onError: (_error, context) => {
    calls.push({ onError: context.code, status: context.status });
  },
});

// Deno.serve(handle) in an app; here requests go straight to the handler.
const post = (text: string, signature: string) => handle(new Request('http://localhost/', { method: 'POST', body: text, headers: { 'x-periskope-signature': signature } }));
const answer = async (r: Response) => [r.status, await r.json()];

const body = JSON.stringify(sampleEvent('ticket.created', { data: { ticket: { ticket_id: 'T-21', priority: 4 } } }));
const unknown = JSON.stringify({ event: 'invoice.paid', org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', timestamp: '2025-01-11T11:52:27Z', data: { amount: 5 } });
const big = JSON.stringify(sampleEvent('ticket.created', { data: { ticket: { subject: 'x'.repeat(8192) } } }));
const result = {
  ok: await answer(await post(body, signPayload(body, key))),
  tampered: await answer(await post(body.replace('T-21', 'T-22'), signPayload(body, key))),
  unknown: await answer(await post(unknown, signPayload(unknown, key))),
  oversized: await answer(await post(big, signPayload(big, key))),
  get: (await handle(new Request('http://localhost/'))).status,
  calls,
};
console.log(JSON.stringify(result));
