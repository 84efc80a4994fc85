// Vercel's Edge runtime (the `edge-runtime` npm package, the sandbox that
// `vercel dev` and Next.js use): edge/handler.mjs bundled as Next.js bundles
// edge code (conditions edge-light, worker, browser; a `.wasm?module` import
// becomes a WebAssembly.Module compiled ahead of time and bound as a
// global), run with WebAssembly code generation from bytes disabled, as in
// production, and served on 127.0.0.1.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import * as esbuild from 'esbuild';
import { EdgeRuntime, runServer } from 'edge-runtime';
import { checkResults, generated, here } from './lib/harness.mjs';
import { bindingName, wasmModules } from './lib/wasm-modules.mjs';

const SIGNING_KEY = 'whsec_test_key_for_the_edge';
let server;
let metafile;

before(async () => {
  const found = new Map();
  const result = await esbuild.build({
    entryPoints: [path.join(here, 'edge', 'entry.mjs')],
    outfile: path.join(generated, 'edge', 'bundle.js'),
    bundle: true,
    format: 'iife',
    target: 'es2022',
    platform: 'browser',
    conditions: ['edge-light', 'worker', 'browser'],
    metafile: true,
    logLevel: 'warning',
    plugins: [wasmModules({ mode: 'global', found })],
  });
  metafile = result.metafile;
  const bindings = {};
  for (const [name, file] of found) bindings[bindingName(name)] = await WebAssembly.compile(fs.readFileSync(file));
  const runtime = new EdgeRuntime({
    initialCode: fs.readFileSync(path.join(generated, 'edge', 'bundle.js'), 'utf8'),
    codeGeneration: { strings: false, wasm: false },
    // Like Next.js's sandbox: the wasm bindings, and process.env.
    extend: (context) => Object.assign(context, bindings, { process: { env: { PERISKOPE_SIGNING_KEY: SIGNING_KEY } } }),
  });
  server = await runServer({ runtime, host: '127.0.0.1', port: 0 });
});

after(async () => {
  await server?.close();
});

const url = (p) => new URL(p, server.url);

test('the bundle took the edge-light entry, whose .wasm?module import became a binding', () => {
  const inputs = Object.keys(metafile.inputs);
  assert.ok(inputs.some((p) => p.endsWith('periskope-events/web/edge-light.mjs')), inputs.join('\n'));
  assert.ok(!inputs.some((p) => /periskope-events\/(node|web\/(browser|deno|workerd))/.test(p)));
  assert.ok(inputs.includes('wasm-binding:periskope_events_bg.wasm'), inputs.join('\n'));
});

test('the Edge runtime here refuses to compile WebAssembly from bytes', async () => {
  const r = await (await fetch(url('/codegen'))).json();
  assert.equal(r.compileFromBytes, 'refused', JSON.stringify(r));
});

test('a signed webhook over HTTP: verified and normalized; a wrong signature or invalid JSON refused', async () => {
  const { signPayload } = await import('periskope-events');
  const post = (body, signature) => fetch(url('/webhook'), { method: 'POST', body, headers: signature ? { 'x-periskope-signature': signature } : {} });
  const body = JSON.stringify({ event: 'invoice.paid', org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', timestamp: '2025-01-11 11:52:27+00', data: {} });
  const ok = await post(body, signPayload(body, SIGNING_KEY));
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { event: 'invoice.paid', known: false, timestamp: '2025-01-11T11:52:27.000Z' });
  const wrong = await post(body, signPayload(body, 'another key'));
  assert.deepEqual([wrong.status, await wrong.json()], [401, { error: 'signature_mismatch' }]);
  const broken = '{"event": "x", "data": [}';
  const bad = await post(broken, signPayload(broken, SIGNING_KEY));
  assert.equal(bad.status, 400);
  assert.deepEqual((await bad.json()).issues.map((i) => [i.code, i.line, i.column]), [['invalid_json', 1, 25]]);
});

test('the shared cases, run in the Edge runtime', async (t) => {
  const r = await fetch(url('/cases'), { signal: AbortSignal.timeout(60_000) });
  assert.equal(r.status, 200);
  await checkResults(t, 'edge-runtime', await r.json());
});
