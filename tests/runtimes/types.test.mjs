// TypeScript against the installed package: node16 (ESM and CommonJS files),
// bundler resolution, and bundler resolution with a Worker's conditions; one
// set of declarations serves them all.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { here, repo } from './lib/harness.mjs';

const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc');

for (const config of ['node16', 'bundler', 'workerd']) {
  test(`tsc --noEmit, ${config}`, () => {
    const r = spawnSync(process.execPath, [tsc, '-p', path.join(here, 'types', `tsconfig.${config}.json`)], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
}
