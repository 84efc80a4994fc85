// The wasm instance behind the API: compiled once, replaced after a trap in
// any export (or after a call that left its memory large), and the replaced
// instance garbage. Each scenario runs in a child process that watches the
// package's glue factory (tests/j./lib/scenarios.cjs); the timeouts are
// liveness bounds (a hang guard), far above the seconds each takes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./lib/scenarios.cjs', import.meta.url));

function scenario(name) {
  const r = spawnSync(process.execPath, ['--expose-gc', child, name], { encoding: 'utf8', timeout: 120000 });
  assert.equal(r.status, 0, `${name} failed (status ${r.status}, signal ${r.signal}):\n${r.stderr}`);
  assert.equal(r.stdout, `ok ${name}\n`);
}

const LIVENESS = { timeout: 150000 };

test('after a trap, the next call runs on a fresh instance of the module compiled once, and the old instance is collected', LIVENESS, () =>
  scenario('reload-after-trap'));

test('a trap inside any export (verifySignature, signPayload, sampleEvent, wasmMemoryBytes, the key check, ...): the next call works', LIVENESS, () =>
  scenario('every-export'));

test('starting the package runs no wasm code, and the contract it was written with is the module\'s', LIVENESS, () => scenario('nothing-runs-at-start'));

test('SharedArrayBuffer bodies and keys are copied once: the core never reads shared memory', LIVENESS, () => scenario('shared-memory'));

test('verifyRequest on a 200 MiB streamed body: refused after maxBytes + a chunk, memory flat', LIVENESS, () => scenario('request-200mib'));
