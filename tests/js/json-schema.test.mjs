// Standard JSON Schema v1, through the installed package: every Standard
// Schema object we export gives the JSON Schema of what it accepts
// (`['~standard'].jsonSchema.input({ target })`) and of what it returns
// (`.output`), for draft 2020-12 and draft-07, generated from the Rust models
// (tests/json_schema.rs, pkg-template/schemas/) and shipped as files in
// schemas/. Checked with ajv (its 2020-12 and draft-07 builds, with
// ajv-formats, so `date-time` is checked): each schema compiles; the input
// schema of each event accepts every fixture we accept
// (tests/fixtures/<event>/valid/*.json, as parsed JSON; files that are not
// UTF-8 are skipped); the output schema accepts every normalized fixture
// (*.expected.json) and what parseEvent returns; the webhook's accept
// sampleEvent bodies and what parseWebhook returns.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import Ajv07 from 'ajv';
import addFormats from 'ajv-formats';
import * as pkg from 'periskope-events';

const { knownEvents, eventSchema, webhookSchema, parseEvent, parseWebhook, sampleEvent } = pkg;
const fixtures = new URL('../fixtures/', import.meta.url);
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const TARGETS = ['draft-2020-12', 'draft-07'];

// Union types (`"type": ["string", "null"]`) are standard JSON Schema; ajv
// asks for them to be allowed.
function ajvFor(target) {
  const Ajv = target === 'draft-07' ? Ajv07 : Ajv2020;
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true, strictRequired: false });
  addFormats(ajv);
  return ajv;
}

/** Fails with ajv's errors when `validate` rejects `value`. */
function accepts(validate, value, where) {
  const ok = validate(value);
  assert.ok(ok, `${where}: ${JSON.stringify(validate.errors, null, 1)}`);
  assert.equal(validate.errors, null, `${where}: no errors`);
}

/** The fixtures of `<event>/valid/`: [name, parsed input, parsed expected output]. */
function validFixtures(event) {
  const dir = new URL(`${event}/valid/`, fixtures);
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name.endsWith('.expected.json')) continue;
    let text;
    try {
      text = utf8.decode(readFileSync(new URL(name, dir)));
    } catch {
      continue; // not UTF-8 on purpose: a JSON Schema sees parsed JSON only
    }
    const expected = JSON.parse(readFileSync(new URL(name.replace(/\.json$/, '.expected.json'), dir), 'utf8'));
    const options = name.endsWith('.strict.json') ? { strict: true } : undefined;
    out.push({ name, input: JSON.parse(text), text, expected, options });
  }
  return out;
}

// '~standard'.jsonSchema of every Standard Schema the package exports.
const exported = Object.entries(pkg).filter(([name, v]) => /Schema$/.test(name) && v && typeof v === 'object' && v['~standard']);

test('every exported Standard Schema is a Standard JSON Schema v1', () => {
  assert.ok(exported.length >= knownEvents.length + 1, `${exported.length} schemas`);
  for (const [name, schema] of exported) {
    const std = schema['~standard'];
    assert.equal(std.version, 1, name);
    assert.equal(std.vendor, 'periskope-events', name);
    assert.equal(typeof std.validate, 'function', name);
    assert.equal(typeof std.jsonSchema.input, 'function', name);
    assert.equal(typeof std.jsonSchema.output, 'function', name);
    for (const target of TARGETS) {
      for (const direction of ['input', 'output']) {
        const json = std.jsonSchema[direction]({ target });
        assert.equal(typeof json, 'object', `${name} ${direction} ${target}`);
      }
    }
  }
  // withOptions and eventSchema(name) keep it.
  const strict = eventSchema('ticket.created', { strict: true }).withOptions({ strict: false });
  assert.deepEqual(strict['~standard'].jsonSchema.input({ target: 'draft-07' }), pkg.ticketCreatedSchema['~standard'].jsonSchema.input({ target: 'draft-07' }));
});

test('another target throws a TypeError, and nothing else is assumed', () => {
  for (const target of ['openapi-3.0', 'draft-04', 'draft-2019-09', '', undefined, 7]) {
    for (const direction of ['input', 'output']) {
      assert.throws(() => webhookSchema['~standard'].jsonSchema[direction]({ target }), TypeError, String(target));
      assert.throws(() => eventSchema('note.created')['~standard'].jsonSchema[direction]({ target }), TypeError, String(target));
    }
  }
  assert.throws(() => webhookSchema['~standard'].jsonSchema.input(), TypeError);
});

test('draft 2020-12 is the shipped file without its annotations; draft-07 the same in its spelling; each call a fresh copy', () => {
  const require = createRequire(import.meta.url);
  // The files keep `description` and `examples`; the methods leave them out
  // (they are annotations: what is accepted is the same).
  const bare = (v) =>
    Array.isArray(v) ? v.map(bare)
      : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'description' && k !== 'examples').map(([k, x]) => [k, bare(x)])) : v;
  const file = (name) => bare(JSON.parse(readFileSync(require.resolve(`periskope-events/schemas/${name}`), 'utf8')));
  for (const [key, schema] of [...knownEvents.map((e) => [e, eventSchema(e)]), ['webhook', webhookSchema]]) {
    for (const direction of ['input', 'output']) {
      const shipped = file(`${key}.${direction}.json`);
      const modern = schema['~standard'].jsonSchema[direction]({ target: 'draft-2020-12' });
      assert.deepStrictEqual(modern, shipped, `${key}.${direction}.json`);
      assert.equal(modern.$schema, 'https://json-schema.org/draft/2020-12/schema');
      const old = schema['~standard'].jsonSchema[direction]({ target: 'draft-07' });
      assert.equal(old.$schema, 'http://json-schema.org/draft-07/schema#');
      assert.equal(old.$defs, undefined);
      assert.deepStrictEqual(Object.keys(old.definitions), Object.keys(shipped.$defs));
      assert.ok(!JSON.stringify(old).includes('#/$defs/'), `${key} ${direction}: draft-07 refers to #/definitions/`);
      // A caller may change what it gets.
      modern.title = 'changed';
      assert.notEqual(schema['~standard'].jsonSchema[direction]({ target: 'draft-2020-12' }).title, 'changed');
    }
  }
});

for (const target of TARGETS) {
  const ajv = ajvFor(target);
  const compile = (schema, direction) => ajv.compile(schema['~standard'].jsonSchema[direction]({ target }));

  test(`${target}: each event's input schema accepts every fixture we accept, its output schema every normalized one`, () => {
    let checked = 0;
    for (const event of knownEvents) {
      const schema = eventSchema(event);
      const input = compile(schema, 'input');
      const output = compile(schema, 'output');
      for (const f of validFixtures(event)) {
        const where = `${event}/valid/${f.name}`;
        accepts(input, f.input, `${where} (input schema)`);
        accepts(output, f.expected, `${where}.expected.json (output schema)`);
        accepts(output, parseEvent(event, f.text, f.options), `${where}: parseEvent's output (output schema)`);
        checked++;
      }
      accepts(output, parseEvent(event, sampleEvent(event)), `${event}: parseEvent(sampleEvent) (output schema)`);
      accepts(input, sampleEvent(event), `${event}: sampleEvent, a webhook body of this event (input schema)`);
    }
    assert.ok(checked >= 2 * knownEvents.length, `${checked} fixtures checked`);
  });

  test(`${target}: the webhook schemas accept sampleEvent bodies and parseWebhook's output`, () => {
    const input = compile(webhookSchema, 'input');
    const output = compile(webhookSchema, 'output');
    for (const event of knownEvents) {
      const body = sampleEvent(event);
      accepts(input, body, `${event}: sampleEvent (webhook input schema)`);
      accepts(output, parseWebhook(body), `${event}: parseWebhook (webhook output schema)`);
    }
    // An event this version does not know: its data as sent, known: false.
    const unknown = { event: 'chat.archived', data: { anything: [1] }, org_id: 'a1b2c3d4-0000-4000-8000-000000000000', timestamp: '2025-01-01T00:00:00Z' };
    accepts(input, unknown, 'an unknown event (webhook input schema)');
    accepts(output, parseWebhook(unknown), 'an unknown event (webhook output schema)');
  });

  test(`${target}: the schemas are not vacuous (what the reader rejects, they reject)`, () => {
    const ticketIn = compile(pkg.ticketCreatedSchema, 'input');
    const ticketOut = compile(pkg.ticketCreatedSchema, 'output');
    const [sample] = validFixtures('ticket.created').filter((f) => f.name === 'sample.json');
    const withTicket = (change) => ({ ...sample.input, ticket: { ...sample.input.ticket, ...change } });
    // A required field missing or null; a wrong type; a priority out of range.
    for (const [what, bad] of [
      ['no ticket_id', (() => { const t = { ...sample.input.ticket }; delete t.ticket_id; return { ...sample.input, ticket: t }; })()],
      ['ticket_id null', withTicket({ ticket_id: null })],
      ['subject a number', withTicket({ subject: 7 })],
      ['priority 5', withTicket({ priority: 5 })],
      ['labels an object', withTicket({ ticket_labels: {} })],
      ['not an object', 'ticket'],
    ]) {
      assert.equal(ticketIn(bad), false, `input schema accepts ${what}`);
      assert.throws(() => parseEvent('ticket.created', bad), undefined, `the reader accepts ${what}`);
    }
    // The output has every field: one missing is refused.
    const out = structuredClone(sample.expected);
    delete out.ticket.priority_label;
    assert.equal(ticketOut(out), false, 'output schema accepts a ticket without priority_label');
    // An envelope of another event is not this event's payload.
    const other = compile(pkg.noteCreatedSchema, 'input');
    assert.equal(other(sampleEvent('ticket.created')), false, 'note.created accepts a ticket.created webhook');
    const hook = compile(webhookSchema, 'input');
    assert.equal(hook({ ...sampleEvent('ticket.created'), timestamp: null }), false, 'webhook input accepts timestamp: null');
  });
}
