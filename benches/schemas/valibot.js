// valibot 1. Loose objects keep unknown fields, as periskope-events does.

import * as v from 'valibot';
import { buildSchemas, ENTRY_MODELS, NUMBER_TEXT_PATTERN, TIMESTAMP_PATTERN } from './table.js';

export function create() {
  const s = buildSchemas({
    string: () => v.string(),
    boolean: () => v.boolean(),
    number: () => v.number(),
    ack: () => v.union([v.number(), v.pipe(v.string(), v.regex(new RegExp(NUMBER_TEXT_PATTERN)))]),
    timestamp: () => v.pipe(v.string(), v.regex(new RegExp(TIMESTAMP_PATTERN))),
    labels: () => v.union([v.string(), v.array(v.string())]),
    priority: () => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4)),
    props: () => v.record(v.string(), v.union([v.string(), v.number(), v.boolean(), v.null()])),
    anyObject: () => v.looseObject({}),
    any: () => v.unknown(),
    record: (x) => v.record(v.string(), x),
    array: (x) => v.array(x),
    object: (shape) => v.looseObject(shape),
    nullish: (x) => v.nullish(x),
  });
  const check = {};
  const parse = {};
  for (const name of ENTRY_MODELS) {
    const schema = s[name];
    check[name] = (x) => v.safeParse(schema, x).success;
    parse[name] = (x) => v.parse(schema, x);
  }
  return { check, parse };
}
