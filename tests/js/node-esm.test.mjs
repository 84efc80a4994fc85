// The shared cases through `import` of the installed package (its exports map).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as api from 'periskope-events';
import { cases } from './cases.mjs';
import { fixtures } from './fixtures.mjs';

for (const c of cases) test(`[node import] ${c.name}`, () => c.run(api, assert, fixtures));
