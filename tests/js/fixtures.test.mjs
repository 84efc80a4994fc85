// The whole fixture corpus and its snapshots, replayed through the built
// package: what tests/events.rs checks natively, checked here on what an npm
// user installs (the wasm module, the glue, the wrapper).
//
// For every known event, tests/fixtures/<event>/valid/*.json must be
// accepted by safeParseEvent, its `data` must equal *.expected.json (as
// values: key order aside) and its warnings must be the lines of
// *.issues.txt; every invalid/*.json must be rejected with exactly the lines
// of its *.issues.txt. `*.strict.json` files are read with { strict: true }.
// validateEvent must report the same issues as safeParseEvent on every
// fixture. Each fixture is given as its bytes, and, when it is UTF-8, also
// as a string (the same issues, positions included).
//
// The snapshots are written by the Rust runner
// (UPDATE_FIXTURES=1 cargo test --test events); this file only reads them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { knownEvents, safeParseEvent, validateEvent } from 'periskope-events';

const root = new URL('../fixtures/', import.meta.url);
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * One issue as a snapshot line, as tests/common/mod.rs writes it:
 * `path: message [code] (severity) @line:column`, the path `(root)` when
 * empty and the position only when the issue has one.
 */
function issueLine(issue) {
  const path = issue.path === '' ? '(root)' : issue.path;
  const at = issue.line !== undefined ? ` @${issue.line}:${issue.column}` : '';
  return `${path}: ${issue.message} [${issue.code}] (${issue.severity})${at}\n`;
}

const issueLines = (issues) => issues.map(issueLine).join('');

/** The fixture inputs of `<event>/<kind>/`: the .json files that are not snapshots. */
function inputs(event, kind) {
  const dir = new URL(`${event}/${kind}/`, root);
  let names;
  try {
    names = readdirSync(dir);
  } catch (e) {
    if (e.code === 'ENOENT') return [];
    throw e;
  }
  return names
    .filter((name) => name.endsWith('.json') && !name.endsWith('.expected.json'))
    .sort()
    .map((name) => ({ name, url: new URL(name, dir) }));
}

const sibling = (url, suffix) => new URL(url.href.replace(/\.json$/, '.' + suffix));
const read = (url) => readFileSync(url, 'utf8');

/** Checks one input (bytes or string) of one fixture against its snapshots; returns the issues found. */
function check(event, fixture, input, expectValid) {
  const options = fixture.name.endsWith('.strict.json') ? { strict: true } : undefined;
  const result = safeParseEvent(event, input, options);
  const issues = result.success ? result.warnings : result.error.issues;
  const where = `${event}/${expectValid ? 'valid' : 'invalid'}/${fixture.name}`;
  assert.equal(result.success, expectValid, `${where}: ${result.success ? 'accepted' : 'rejected: ' + result.error.message}`);
  assert.equal(issueLines(issues), read(sibling(fixture.url, 'issues.txt')), `${where}: issues differ from ${fixture.name.replace(/\.json$/, '.issues.txt')}`);
  if (expectValid) {
    const expected = JSON.parse(read(sibling(fixture.url, 'expected.json')));
    assert.deepStrictEqual(result.data, expected, `${where}: data differs from the .expected.json snapshot`);
  }
  // The validator agrees with the parser.
  const validated = validateEvent(event, input, options);
  assert.equal(validated.valid, result.success, `${where}: validateEvent's verdict`);
  assert.deepStrictEqual(validated.errors, issues.filter((i) => i.severity === 'error'), `${where}: validateEvent's errors`);
  assert.deepStrictEqual(validated.warnings, issues.filter((i) => i.severity !== 'error'), `${where}: validateEvent's warnings`);
  return issues;
}

test('every fixture folder is a known event, and every known event has one', () => {
  const folders = readdirSync(root).filter((name) => statSync(new URL(name, root)).isDirectory()).sort();
  assert.deepStrictEqual(folders, [...knownEvents].sort());
});

let replayed = 0;
for (const event of knownEvents) {
  test(`${event}: every fixture and snapshot, through the package`, async (t) => {
    for (const [kind, expectValid] of [['valid', true], ['invalid', false]]) {
      for (const fixture of inputs(event, kind)) {
        await t.test(`${kind}/${fixture.name}`, () => {
          const bytes = readFileSync(fixture.url);
          const fromBytes = check(event, fixture, bytes, expectValid);
          let text = null;
          try {
            text = utf8.decode(bytes);
          } catch {
            // Not UTF-8 on purpose (invalid-utf8.json): bytes only.
          }
          if (text !== null) {
            const fromText = check(event, fixture, text, expectValid);
            assert.deepStrictEqual(fromText, fromBytes, 'a string gives what its bytes give');
          }
          replayed++;
        });
      }
    }
    assert.ok(inputs(event, 'valid').some((f) => f.name === 'sample.json'), `${event} has valid/sample.json`);
  });
}

test('the corpus was replayed (a minimum count, so an empty walk fails)', () => {
  assert.ok(replayed >= 3 * knownEvents.length, `${replayed} fixtures replayed`);
});
