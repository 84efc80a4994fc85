// The CLI of the installed package: output and exit status.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const bin = require.resolve('periskope-events/package.json').replace(/package\.json$/, 'bin/periskope-events.cjs');
const fixture = (p) => fileURLToPath(new URL(`../fixtures/ticket.created/${p}`, import.meta.url));

function cli(args, input) {
  return spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 20000 });
}

test('a valid payload prints the normalized JSON and exits 0', () => {
  const r = cli(['validate', fixture('valid/realistic.json')]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.ticket.priority_label, 'high');
  assert.match(r.stderr, /^warning: \/ticket\/ticket_custom_properties\/Amount: .* \[coerced_value\]$/m);
});

test('an invalid payload prints one issue per line and exits 1', () => {
  const r = cli(['validate', fixture('invalid/docs-sample-as-published.json')]);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, "(root): ',' or '}' was expected after an object member at line 39, column 1 [invalid_json]\n");
  const many = cli(['validate', '-'], '{"ticket":{"priority":7}}');
  assert.equal(many.status, 1);
  const lines = many.stdout.trim().split('\n');
  assert.ok(lines.includes('/ticket/priority: priority must be an integer from 0 to 4 [out_of_range]'));
  for (const line of lines) assert.match(line, /^(\(root\)|\/\S*): .+ \[[a-z_]+\]$/);
});

test('stdin, --strict and --webhook', () => {
  const fixed = cli(['validate', '--strict', fixture('valid/docs-sample-commas-fixed.json')]);
  assert.equal(fixed.status, 1);
  const body = JSON.stringify({ event: 'brand.new', org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', timestamp: '2025-01-11T11:52:27Z', data: { a: 1 } });
  const hook = cli(['validate', '--webhook', '-'], body);
  assert.equal(hook.status, 0, hook.stderr);
  assert.equal(JSON.parse(hook.stdout).known, false);
  assert.match(hook.stderr, /^warning: \/event: .*\[unknown_event\]$/m);
  const note = cli(['validate', '--webhook', '-'], JSON.stringify({ ...JSON.parse(body), event: 'note.created' }));
  assert.equal(note.status, 1);
  assert.match(note.stdout, /^\/data\/message_id: the required field message_id is missing \[missing_field\]$/m);
});

test('--event reads the payload of any event', () => {
  const require2 = createRequire(import.meta.url);
  const { sampleEvent } = require2('periskope-events');
  const message = JSON.stringify(sampleEvent('message.created').data);
  const ok = cli(['validate', '--event', 'message.created', '-'], message);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(typeof JSON.parse(ok.stdout).message_id_parsed, 'object');
  const wrong = cli(['validate', '-'], message);
  assert.equal(wrong.status, 1);
  assert.equal(cli(['validate', '--event', 'nope', '-'], message).status, 2);
});

test('usage errors exit 2', () => {
  for (const args of [[], ['frobnicate'], ['validate'], ['validate', '--nope', 'x'], ['validate', 'a', 'b'],
    ['validate', '--max-bytes', 'x', '-']]) {
    const r = cli(args, '');
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /usage: periskope-events validate/);
  }
  assert.equal(cli(['--help']).status, 0);
});

test('an unreadable file: one clear line, exit 2, no usage', () => {
  const missing = cli(['validate', '/no/such/file.json']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'periskope-events: cannot read /no/such/file.json: no such file (ENOENT)\n');
  assert.equal(missing.stdout, '');
  const directory = cli(['validate', path.dirname(bin)]);
  assert.equal(directory.status, 2);
  assert.match(directory.stderr, /^periskope-events: cannot read .*: it is a directory \(EISDIR\)\n$/);
});

test('--version prints the package version', () => {
  const r = cli(['--version']);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, `periskope-events ${require('periskope-events/package.json').version}\n`);
});

// Liveness bounds only (spawnSync's timeout in cli()): these must end
// promptly because the CLI stops reading at the limit.
test('stdin, pipes and devices are read with a running cap: /dev/zero with --max-bytes 1000 is too_large', { skip: !fs.existsSync('/dev/zero') }, () => {
  const r = cli(['validate', '--max-bytes', '1000', '/dev/zero']);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stdout, '(root): the input is more than 1000 bytes, over the limit of 1000 (--max-bytes) [too_large]\n');
  // And stdin, over and under the limit.
  const over = cli(['validate', '--max-bytes', '1000', '-'], 'x'.repeat(5000));
  assert.equal(over.status, 1);
  assert.match(over.stdout, /\[too_large\]\n$/);
  const body = fs.readFileSync(fixture('valid/realistic.json'));
  const under = cli(['validate', '--max-bytes', String(body.length), '-'], body);
  assert.equal(under.status, 0, under.stderr);
  assert.equal(cli(['validate', '--max-bytes', String(body.length - 1), '-'], body).status, 1);
});

test('a regular file over the limit is refused from its size, unread', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'periskope-cli-'));
  try {
    // Sparse: 3 GiB that take no space, over what one Buffer can hold, so
    // reading it whole would fail differently.
    const file = path.join(dir, 'huge.json');
    fs.closeSync(fs.openSync(file, 'w'));
    fs.truncateSync(file, 3 * 1024 ** 3);
    const r = cli(['validate', file]);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, `(root): the file is ${3 * 1024 ** 3} bytes, over the limit of 8388608 (--max-bytes) [too_large]\n`);
    const small = cli(['validate', '--max-bytes', '10', fixture('valid/realistic.json')]);
    assert.equal(small.status, 1);
    assert.match(small.stdout, /^\(root\): the file is \d+ bytes, over the limit of 10 \(--max-bytes\) \[too_large\]\n$/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
