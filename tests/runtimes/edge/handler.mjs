// A Vercel Edge Function (or a Next.js route with runtime 'edge') as a user
// writes one: the package imported by name (the `edge-light` entry), a
// signed webhook checked by verifyRequest. /cases runs the shared cases in
// the Edge runtime; /codegen shows that it refuses to compile WebAssembly
// from bytes.
import { verifyRequest, PayloadError, WebhookVerificationError } from 'periskope-events';
import { runAll } from '../lib/host.mjs';

export const config = { runtime: 'edge' };

const json = (value, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

export default async function handler(request) {
  const { pathname } = new URL(request.url);
  if (pathname === '/cases') return json(await runAll());
  if (pathname === '/codegen') {
    try {
      new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      return json({ compileFromBytes: 'allowed' });
    } catch (e) {
      return json({ compileFromBytes: 'refused', error: String(e) });
    }
  }
  try {
    const hook = await verifyRequest(request, process.env.PERISKOPE_SIGNING_KEY);
    return json({ event: hook.event, known: hook.known, timestamp: hook.timestamp });
  } catch (e) {
    if (e instanceof WebhookVerificationError) return json({ error: e.code }, 401);
    if (e instanceof PayloadError) return json({ issues: e.issues }, 400);
    throw e;
  }
}
