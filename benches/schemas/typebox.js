// TypeBox 0.34, compiled with TypeCompiler (which generates code with
// new Function, so it cannot run where code generation is forbidden).

import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { buildSchemas, ENTRY_MODELS, NUMBER_TEXT_PATTERN, TIMESTAMP_PATTERN } from './table.js';

export function create() {
  const s = buildSchemas({
    string: () => Type.String(),
    boolean: () => Type.Boolean(),
    number: () => Type.Number(),
    ack: () => Type.Union([Type.Number(), Type.String({ pattern: NUMBER_TEXT_PATTERN })]),
    timestamp: () => Type.String({ pattern: TIMESTAMP_PATTERN }),
    labels: () => Type.Union([Type.String(), Type.Array(Type.String())]),
    priority: () => Type.Integer({ minimum: 0, maximum: 4 }),
    props: () => Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
    anyObject: () => Type.Object({}),
    any: () => Type.Unknown(),
    record: (x) => Type.Record(Type.String(), x),
    array: (x) => Type.Array(x),
    object: (shape) => Type.Object(shape),
    nullish: (x) => Type.Optional(Type.Union([x, Type.Null()])),
  });
  const check = {};
  const parse = {};
  for (const name of ENTRY_MODELS) {
    const compiled = TypeCompiler.Compile(s[name]);
    check[name] = (x) => compiled.Check(x);
    parse[name] = (x) => {
      if (!compiled.Check(x)) throw new Error('invalid ' + name);
      return x;
    };
  }
  return { check, parse };
}
