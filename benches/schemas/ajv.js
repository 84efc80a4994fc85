// ajv 8, strict mode, compiled to standalone code at bench setup
// (ajv/dist/standalone): generate() writes the validators' module once per
// run, and create() loads it, so no schema is compiled at call time and the
// code runs where code generation from strings is forbidden.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildSchemas, TIMESTAMP_PATTERN } from './table.js';

const require = createRequire(import.meta.url);
export const GENERATED = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '.generated', 'ajv-validators.cjs');

const nullable = (schema) => {
  if (schema.anyOf) return { anyOf: [...schema.anyOf, { type: 'null' }] };
  return { ...schema, type: [schema.type, 'null'] };
};

/** The JSON Schemas, by model name. */
export function jsonSchemas() {
  return buildSchemas({
    string: () => ({ type: 'string' }),
    boolean: () => ({ type: 'boolean' }),
    timestamp: () => ({ type: 'string', pattern: TIMESTAMP_PATTERN }),
    labels: () => ({ anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }),
    priority: () => ({ type: 'integer', minimum: 0, maximum: 4 }),
    props: () => ({ type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } }),
    anyObject: () => ({ type: 'object' }),
    record: (s) => ({ type: 'object', additionalProperties: s }),
    array: (s) => ({ type: 'array', items: s }),
    object: (properties, required) => ({ type: 'object', properties, required }),
    nullish: nullable,
  });
}

/** Compiles the schemas with ajv and writes the standalone module. */
export function generate() {
  const Ajv = require('ajv');
  const standaloneCode = require('ajv/dist/standalone').default;
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, code: { source: true, optimize: true } });
  const schemas = jsonSchemas();
  for (const name of ['TicketInfo', 'TicketEnvelope', 'Envelope']) ajv.addSchema(schemas[name], name);
  const code = standaloneCode(ajv, { TicketInfo: 'TicketInfo', TicketEnvelope: 'TicketEnvelope', Envelope: 'Envelope' });
  fs.mkdirSync(path.dirname(GENERATED), { recursive: true });
  fs.writeFileSync(GENERATED, code);
  return GENERATED;
}

export function create() {
  const v = require(GENERATED);
  const check = (fn) => (x) => fn(x);
  const parse = (fn, what) => (x) => {
    if (!fn(x)) throw new Error('invalid ' + what);
    return x;
  };
  return {
    checkTicketInfo: check(v.TicketInfo),
    checkTicketEnvelope: check(v.TicketEnvelope),
    checkEnvelope: check(v.Envelope),
    parseTicketInfo: parse(v.TicketInfo, 'ticket info'),
    parseTicketEnvelope: parse(v.TicketEnvelope, 'webhook body'),
    parseEnvelope: parse(v.Envelope, 'webhook body'),
  };
}
