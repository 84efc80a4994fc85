// Helpers for the Node side of the runtime tests: paths, checking the
// results a runtime sent back against the case lists, and headless Chromium.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cases } from '../../js/cases.mjs';
import { schemaCases } from './schema-cases.mjs';

export const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repo = path.resolve(here, '..', '..');
export const generated = path.join(here, '.generated');
export const installed = path.join(here, 'node_modules', 'periskope-events');
export const bin = (name) => path.join(here, 'node_modules', '.bin', name);

const expected = [...cases.map((c) => `cases: ${c.name}`), ...schemaCases.map((c) => `schemaCases: ${c.name}`)];

/** One subtest per shared case, failing with the runtime's own error; and every case must have run. */
export async function checkResults(t, runtime, results) {
  assert.ok(Array.isArray(results), `${runtime} sent no results`);
  assert.deepEqual(
    results.map((r) => `${r.suite}: ${r.name}`),
    expected,
    `${runtime} did not run every shared case`,
  );
  for (const r of results) {
    await t.test(`[${runtime}] ${r.name}`, () => {
      if (!r.ok) throw new Error(`failed in ${runtime}:\n${r.error}`);
    });
  }
}

/** Debian's Chromium through playwright-core, with the flags this machine needs. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    timeout: 30_000,
  });
}
