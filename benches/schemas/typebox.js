// TypeBox 0.34, compiled with TypeCompiler (which generates code with
// new Function, so it cannot run where code generation is forbidden).

import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { buildSchemas, TIMESTAMP_PATTERN } from './table.js';

export function create() {
  const s = buildSchemas({
    string: () => Type.String(),
    boolean: () => Type.Boolean(),
    timestamp: () => Type.String({ pattern: TIMESTAMP_PATTERN }),
    labels: () => Type.Union([Type.String(), Type.Array(Type.String())]),
    priority: () => Type.Integer({ minimum: 0, maximum: 4 }),
    props: () => Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
    anyObject: () => Type.Object({}),
    record: (x) => Type.Record(Type.String(), x),
    array: (x) => Type.Array(x),
    object: (shape) => Type.Object(shape),
    nullish: (x) => Type.Optional(Type.Union([x, Type.Null()])),
  });
  const c = {};
  for (const name of ['TicketInfo', 'TicketEnvelope', 'Envelope']) c[name] = TypeCompiler.Compile(s[name]);
  const parse = (compiled, what) => (x) => {
    if (!compiled.Check(x)) throw new Error('invalid ' + what);
    return x;
  };
  return {
    checkTicketInfo: (x) => c.TicketInfo.Check(x),
    checkTicketEnvelope: (x) => c.TicketEnvelope.Check(x),
    checkEnvelope: (x) => c.Envelope.Check(x),
    parseTicketInfo: parse(c.TicketInfo, 'ticket info'),
    parseTicketEnvelope: parse(c.TicketEnvelope, 'webhook body'),
    parseEnvelope: parse(c.Envelope, 'webhook body'),
  };
}
