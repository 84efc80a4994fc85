// Deno (the `deno` npm package): the package imported by name, with no
// permission flag at all, runs the shared cases; TypeScript handlers
// (verifyRequest, and createWebhookHandler) pass `deno check` and run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { bin, checkResults, generated, here } from './lib/harness.mjs';

function deno(...args) {
  const r = spawnSync(bin('deno'), args, {
    cwd: here,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_DIR: path.join(generated, 'deno-dir') },
  });
  assert.equal(r.status, 0, `deno ${args.join(' ')}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
const lastJson = (stdout) => JSON.parse(stdout.trim().split('\n').pop());

test('the shared cases, run in Deno with no permissions', async (t) => {
  const { entry, results } = lastJson(deno('run', '--no-prompt', '--no-lock', 'deno/main.mjs'));
  assert.match(entry, /\/node_modules\/periskope-events\/web\/deno\.mjs$/);
  await checkResults(t, 'deno', results);
});

test('the TypeScript quick start (verifyRequest) type-checks and runs in Deno', () => {
  deno('check', '--no-lock', 'deno/quickstart.ts');
  const out = lastJson(deno('run', '--no-prompt', '--no-lock', 'deno/quickstart.ts'));
  assert.deepEqual(out.ok, [200, { event: 'ticket.created', known: true }]);
  assert.deepEqual(out.forged, [401, { error: 'signature_mismatch' }]);
  assert.equal(out.bad[0], 400);
  assert.ok(out.bad[1] >= 1, 'the 400 lists the issues');
});

test('createWebhookHandler type-checks and runs in Deno: handled once, tampered 401, unknown 200, oversized 413', () => {
  deno('check', '--no-lock', 'deno/handler.ts');
  const out = lastJson(deno('run', '--no-prompt', '--no-lock', 'deno/handler.ts'));
  assert.deepEqual(out.ok, [200, { received: true }]);
  assert.deepEqual(out.tampered, [401, { code: 'signature_mismatch' }]);
  assert.deepEqual(out.unknown, [200, { received: true }]);
  assert.deepEqual(out.oversized, [413, { issues: [{ path: '', code: 'too_large', severity: 'error' }] }]);
  assert.equal(out.get, 405);
  assert.deepEqual(out.calls, [
    { on: 'ticket.created', ticket_id: 'T-21', priority_label: 'urgent' },
    { onError: 'signature_mismatch', status: 401 },
    { onUnknown: 'invoice.paid', known: false },
    { onError: 'too_large', status: 413 },
    { onError: 'method_not_allowed', status: 405 },
  ]);
});
