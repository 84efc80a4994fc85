// The Deno quick start of docs/runtimes.md, type-checked by `deno check` and
// run with no permission flag: a Deno.serve handler for signed webhooks.
import { PayloadError, verifyRequest, WebhookVerificationError, signPayload } from 'periskope-events';

// In an app: Deno.env.get('PERISKOPE_SIGNING_KEY') (run with --allow-env).
const key = 'whsec_test_key_for_deno';

export async function handle(request: Request): Promise<Response> {
  try {
    const hook = await verifyRequest(request, key);
    return Response.json({ event: hook.event, known: hook.known });
  } catch (e) {
    if (e instanceof WebhookVerificationError) return Response.json({ error: e.code }, { status: 401 });
    if (e instanceof PayloadError) return Response.json({ issues: e.issues }, { status: 400 });
    throw e;
  }
}

// Deno.serve(handle) in an app; here requests go straight to the handler.
const body = JSON.stringify({ event: 'ticket.created', org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', timestamp: '2025-01-11T11:52:27Z', data: { ticket: { org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', ticket_id: 'T-1', subject: 's', created_at: '2025-01-11T11:52:27Z' } } });
const post = (text: string, signature: string) => handle(new Request('http://localhost/', { method: 'POST', body: text, headers: { 'x-periskope-signature': signature } }));
const ok = await post(body, signPayload(body, key));
const forged = await post(body, signPayload(body, 'not the key'));
const bad = await post('{"event":1}', signPayload('{"event":1}', key));
console.log(JSON.stringify({ ok: [ok.status, await ok.json()], forged: [forged.status, await forged.json()], bad: [bad.status, (await bad.json()).issues.length] }));
