// What every non-Node host runs: the shared behaviour cases of tests/js
// (one list for every runtime) and the Standard Schema cases, against the
// package as that runtime resolves `periskope-events` (its exports
// condition), with fixtures from a generated module (no file system).
import * as api from 'periskope-events';
import { cases } from '../../js/cases.mjs';
import { fixtures } from '../.generated/fixtures.mjs';
import { assert as portableAssert } from './assert.mjs';
import { runCases } from './run-cases.mjs';
import { schemaCases } from './schema-cases.mjs';

export { api };

export function runAll(assert = portableAssert) {
  return runCases({ cases, schemaCases }, api, assert, fixtures);
}
