// The Deno quick start of docs/runtimes.md, type-checked by `deno check` and
// run with no permission flag: a Deno.serve handler that reads the raw body.
import { parseWebhook, PayloadError, type Webhook } from 'periskope-events';

export async function handle(request: Request): Promise<Response> {
  try {
    const hook: Webhook = parseWebhook(new Uint8Array(await request.arrayBuffer()));
    return Response.json({ event: hook.event, known: hook.known });
  } catch (e) {
    if (e instanceof PayloadError) return Response.json({ issues: e.issues }, { status: 400 });
    throw e;
  }
}

// Deno.serve(handle) in an app; here one request through the handler.
const body = JSON.stringify({ event: 'ticket.created', org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', timestamp: '2025-01-11T11:52:27Z', data: { ticket: { org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', ticket_id: 'T-1', subject: 's', created_at: '2025-01-11T11:52:27Z' } } });
const ok = await handle(new Request('http://localhost/', { method: 'POST', body }));
const bad = await handle(new Request('http://localhost/', { method: 'POST', body: '{"event":1}' }));
console.log(JSON.stringify({ ok: [ok.status, await ok.json()], bad: [bad.status, (await bad.json()).issues.length] }));
