// zod 4. Loose objects keep unknown fields, as periskope-events does. zod
// compiles object parsers with new Function when it can; in a process run
// with --disallow-code-generation-from-strings (as on Cloudflare Workers) it
// detects that and falls back to its interpreter.

import { z } from 'zod';
import { buildSchemas, ENTRY_MODELS, NUMBER_TEXT_PATTERN, TIMESTAMP_PATTERN } from './table.js';

export function create() {
  const s = buildSchemas({
    string: () => z.string(),
    boolean: () => z.boolean(),
    number: () => z.number(),
    ack: () => z.union([z.number(), z.string().regex(new RegExp(NUMBER_TEXT_PATTERN))]),
    timestamp: () => z.string().regex(new RegExp(TIMESTAMP_PATTERN)),
    labels: () => z.union([z.string(), z.array(z.string())]),
    priority: () => z.int().min(0).max(4),
    props: () => z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    anyObject: () => z.looseObject({}),
    any: () => z.unknown(),
    record: (x) => z.record(z.string(), x),
    array: (x) => z.array(x),
    object: (shape) => z.looseObject(shape),
    nullish: (x) => x.nullish(),
  });
  const check = {};
  const parse = {};
  for (const name of ENTRY_MODELS) {
    const schema = s[name];
    check[name] = (x) => schema.safeParse(x).success;
    parse[name] = (x) => schema.parse(x);
  }
  return { check, parse };
}
