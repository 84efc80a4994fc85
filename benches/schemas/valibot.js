// valibot 1. Loose objects keep unknown fields, as periskope-events does.

import * as v from 'valibot';
import { buildSchemas, TIMESTAMP_PATTERN } from './table.js';

export function create() {
  const s = buildSchemas({
    string: () => v.string(),
    boolean: () => v.boolean(),
    timestamp: () => v.pipe(v.string(), v.regex(new RegExp(TIMESTAMP_PATTERN))),
    labels: () => v.union([v.string(), v.array(v.string())]),
    priority: () => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4)),
    props: () => v.record(v.string(), v.union([v.string(), v.number(), v.boolean(), v.null()])),
    anyObject: () => v.looseObject({}),
    record: (x) => v.record(v.string(), x),
    array: (x) => v.array(x),
    object: (shape) => v.looseObject(shape),
    nullish: (x) => v.nullish(x),
  });
  return {
    checkTicketInfo: (x) => v.safeParse(s.TicketInfo, x).success,
    checkTicketEnvelope: (x) => v.safeParse(s.TicketEnvelope, x).success,
    checkEnvelope: (x) => v.safeParse(s.Envelope, x).success,
    parseTicketInfo: (x) => v.parse(s.TicketInfo, x),
    parseTicketEnvelope: (x) => v.parse(s.TicketEnvelope, x),
    parseEnvelope: (x) => v.parse(s.Envelope, x),
  };
}
