// The shared cases through `require` of the installed package (its exports map).
'use strict';
const assert = require('node:assert/strict');
const { test } = require('node:test');
const api = require('periskope-events');

test('require and import load the same module instance', async () => {
  const esm = await import('periskope-events');
  assert.equal(esm.parseTicketCreated, api.parseTicketCreated);
});

// The cases are an ES module; load them, then register one test per case.
const loaded = Promise.all([import('./cases.mjs'), import('./fixtures.mjs')]);
test('[node require] shared cases', async (t) => {
  const [{ cases }, { fixtures }] = await loaded;
  for (const c of cases) await t.test(c.name, () => c.run(api, assert, fixtures));
});
