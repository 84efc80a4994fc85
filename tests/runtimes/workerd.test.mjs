// Cloudflare Workers: the Worker in workerd/worker.mjs, bundled as wrangler
// bundles it (esbuild, conditions workerd/worker/browser, the .wasm kept as
// a module), served by real workerd through Miniflare on 127.0.0.1, and
// exercised over HTTP: a webhook (verifyRequest, and createWebhookHandler),
// Hono routes validated with our Standard Schema objects, and the shared
// cases run inside workerd.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import * as esbuild from 'esbuild';
import { Miniflare } from 'miniflare';
import { checkResults, generated, here, installed } from './lib/harness.mjs';
import { wasmModules } from './lib/wasm-modules.mjs';

const out = path.join(generated, 'workerd');
const SIGNING_KEY = 'whsec_test_key_for_workerd';
let mf;
let base;
let metafile;

before(async () => {
  fs.rmSync(out, { recursive: true, force: true });
  const found = new Map();
  const result = await esbuild.build({
    entryPoints: [path.join(here, 'workerd', 'worker.mjs')],
    outfile: path.join(out, 'worker.mjs'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    metafile: true,
    logLevel: 'warning',
    plugins: [wasmModules({ mode: 'module', found })],
  });
  metafile = result.metafile;
  for (const [name, file] of found) fs.copyFileSync(file, path.join(out, name));
  mf = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    modules: true,
    scriptPath: path.join(out, 'worker.mjs'),
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: '2025-07-18',
    bindings: { PERISKOPE_SIGNING_KEY: SIGNING_KEY },
  });
  base = await mf.ready;
});

after(async () => {
  await mf?.dispose();
});

const post = (route, body, headers = {}) => fetch(new URL(route, base), { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, signal: AbortSignal.timeout(20_000) });

test('the bundle took the workerd entry and kept the .wasm as a module', () => {
  const inputs = Object.keys(metafile.inputs);
  assert.ok(inputs.some((p) => p.endsWith('periskope-events/web/workerd.mjs')), inputs.join('\n'));
  assert.ok(!inputs.some((p) => /periskope-events\/(node|web\/(browser|deno|edge-light))/.test(p)));
  const bundle = fs.readFileSync(path.join(out, 'worker.mjs'), 'utf8');
  assert.match(bundle, /from "\.\/periskope_events_bg\.wasm"/);
  assert.deepEqual(fs.readFileSync(path.join(out, 'periskope_events_bg.wasm')), fs.readFileSync(path.join(installed, 'periskope_events_bg.wasm')));
});

test('workerd refuses to compile WebAssembly from bytes (so the test means something)', async () => {
  const r = await (await fetch(new URL('/codegen', base))).json();
  assert.equal(r.compileFromBytes, 'refused', JSON.stringify(r));
});

test('a signed webhook over HTTP: verified and normalized; tampered, unsigned or invalid ones refused', async () => {
  const body = JSON.stringify({
    event: 'ticket.created',
    org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5',
    timestamp: '2025-01-11 11:52:27+00',
    data: { ticket: { org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', ticket_id: 'T-7', subject: 'Refund', created_at: '2025-01-11 11:52:27+00', priority: 4 } },
  });
  // The sender's side: the package signs as Periskope does (HMAC-SHA256 hex).
  const { signPayload } = await import('periskope-events');
  const sign = (text) => ({ 'x-periskope-signature': signPayload(text, SIGNING_KEY) });

  const ok = await post('/webhook', body, sign(body));
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { event: 'ticket.created', known: true, ticket_id: 'T-7', priority_label: 'urgent' });

  const tampered = await post('/webhook', body.replace('T-7', 'T-8'), sign(body));
  assert.equal(tampered.status, 401);
  assert.deepEqual(await tampered.json(), { error: 'signature_mismatch' });
  const unsigned = await post('/webhook', body);
  assert.deepEqual([unsigned.status, await unsigned.json()], [401, { error: 'missing_signature' }]);

  const bad = '{"event":"ticket.created",\n "event":"x"}';
  const rejected = await post('/webhook', bad, sign(bad));
  assert.equal(rejected.status, 400);
  const { issues } = await rejected.json();
  assert.ok(issues.some((i) => i.code === 'duplicate_key' && i.path === '/event' && i.line === 2), JSON.stringify(issues));
});

test('createWebhookHandler in workerd: a valid event handled once, tampered 401, unknown 200, oversized 413', async () => {
  const { sampleEvent, signPayload } = await import('periskope-events');
  const sign = (text) => ({ 'x-periskope-signature': signPayload(text, SIGNING_KEY) });
  const calls = async () => (await fetch(new URL('/handler/calls', base), { signal: AbortSignal.timeout(20_000) })).json();
  const answer = async (r) => [r.status, await r.json()];
  await calls(); // from a fresh list

  const body = JSON.stringify(sampleEvent('ticket.created', { data: { ticket: { ticket_id: 'T-11', priority: 4 } } }));
  assert.deepEqual(await answer(await post('/handler', body, sign(body))), [200, { received: true }]);
  assert.deepEqual(await calls(), [{ on: 'ticket.created', ticket_id: 'T-11', priority_label: 'urgent' }]);

  assert.deepEqual(await answer(await post('/handler', body.replace('T-11', 'T-12'), sign(body))), [401, { code: 'signature_mismatch' }]);
  assert.deepEqual(await answer(await post('/handler', body)), [401, { code: 'missing_signature' }]);
  assert.deepEqual(await calls(), [{ onError: 'signature_mismatch', status: 401 }, { onError: 'missing_signature', status: 401 }]);

  const unknown = JSON.stringify({ event: 'invoice.paid', org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', timestamp: '2025-01-11T11:52:27Z', data: { amount: 5 } });
  assert.deepEqual(await answer(await post('/handler', unknown, sign(unknown))), [200, { received: true }]);
  assert.deepEqual(await calls(), [{ onUnknown: 'invoice.paid', known: false }]);

  const big = JSON.stringify(sampleEvent('ticket.created', { data: { ticket: { subject: 'x'.repeat(8192) } } }));
  assert.deepEqual(await answer(await post('/handler', big, sign(big))), [413, { issues: [{ path: '', code: 'too_large', severity: 'error' }] }]);
  const got = await fetch(new URL('/handler', base), { signal: AbortSignal.timeout(20_000) });
  assert.deepEqual([got.status, got.headers.get('allow')], [405, 'POST']);
  await got.arrayBuffer();
  assert.deepEqual(await calls(), [{ onError: 'too_large', status: 413 }, { onError: 'method_not_allowed', status: 405 }]);
});

test('Hono + @hono/standard-validator accept ticketCreatedSchema and webhookSchema', async () => {
  const ticket = { org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', ticket_id: 'T-9', subject: 's', created_at: '2024-05-24 08:30:00+05:30', ticket_labels: 'a, b,a' };
  const ok = await post('/hono/ticket', JSON.stringify({ ticket }));
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { ticket_id: 'T-9', created_at: '2024-05-24T03:00:00.000Z', labels: ['a', 'b'] });

  const bad = await post('/hono/ticket', JSON.stringify({ ticket: { ...ticket, priority: 9 }, attached_messages: [{}] }));
  assert.equal(bad.status, 400);
  const body = await bad.json();
  assert.equal(body.success, false);
  assert.deepEqual(
    body.error.map((i) => [i.path, i.code]),
    [
      [['ticket', 'priority'], 'out_of_range'],
      [['attached_messages', 0, 'chat_id'], 'missing_field'],
      [['attached_messages', 0, 'message_id'], 'missing_field'],
    ],
  );
  for (const issue of body.error) assert.equal(typeof issue.message, 'string');

  const hook = await post('/hono/webhook', JSON.stringify({ event: 'invoice.paid', org_id: ticket.org_id, timestamp: '2025-01-11T11:52:27Z', data: { amount: 5 } }));
  assert.equal(hook.status, 200);
  const got = await hook.json();
  assert.equal(got.event, 'invoice.paid');
  assert.equal(got.timestamp, '2025-01-11T11:52:27.000Z');
  assert.equal(got.known, false);
});

test('the shared cases, run inside workerd', async (t) => {
  const r = await fetch(new URL('/cases', base), { signal: AbortSignal.timeout(60_000) });
  assert.equal(r.status, 200);
  await checkResults(t, 'workerd', await r.json());
});
