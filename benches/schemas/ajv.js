// ajv 8, strict mode, compiled to standalone code at bench setup
// (ajv/dist/standalone): generate() writes the validators' module once per
// run, and create() loads it, so no schema is compiled at call time and the
// code runs where code generation from strings is forbidden.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildSchemas, ENTRY_MODELS, NUMBER_TEXT_PATTERN, TIMESTAMP_PATTERN } from './table.js';

const require = createRequire(import.meta.url);
export const GENERATED = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '.generated', 'ajv-validators.cjs');

const nullable = (schema) => {
  if (Object.keys(schema).length === 0) return schema; // any value, null included
  if (schema.anyOf) return { anyOf: [...schema.anyOf, { type: 'null' }] };
  return { ...schema, type: [schema.type, 'null'] };
};

/** The JSON Schemas, by model name. */
export function jsonSchemas() {
  return buildSchemas({
    string: () => ({ type: 'string' }),
    boolean: () => ({ type: 'boolean' }),
    number: () => ({ type: 'number' }),
    ack: () => ({ anyOf: [{ type: 'number' }, { type: 'string', pattern: NUMBER_TEXT_PATTERN }] }),
    timestamp: () => ({ type: 'string', pattern: TIMESTAMP_PATTERN }),
    labels: () => ({ anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }),
    priority: () => ({ type: 'integer', minimum: 0, maximum: 4 }),
    props: () => ({ type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } }),
    anyObject: () => ({ type: 'object' }),
    any: () => ({}),
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
  for (const name of ENTRY_MODELS) ajv.addSchema(schemas[name], name);
  const code = standaloneCode(ajv, Object.fromEntries(ENTRY_MODELS.map((name) => [name, name])));
  fs.mkdirSync(path.dirname(GENERATED), { recursive: true });
  fs.writeFileSync(GENERATED, code);
  return GENERATED;
}

export function create() {
  const v = require(GENERATED);
  const check = {};
  const parse = {};
  for (const name of ENTRY_MODELS) {
    const fn = v[name];
    check[name] = (x) => fn(x);
    parse[name] = (x) => {
      if (!fn(x)) throw new Error('invalid ' + name);
      return x;
    };
  }
  return { check, parse };
}
