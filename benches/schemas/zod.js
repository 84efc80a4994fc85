// zod 4. Loose objects keep unknown fields, as periskope-events does. zod
// compiles object parsers with new Function when it can; in a process run
// with --disallow-code-generation-from-strings (as on Cloudflare Workers) it
// detects that and falls back to its interpreter.

import { z } from 'zod';
import { buildSchemas, TIMESTAMP_PATTERN } from './table.js';

export function create() {
  const s = buildSchemas({
    string: () => z.string(),
    boolean: () => z.boolean(),
    timestamp: () => z.string().regex(new RegExp(TIMESTAMP_PATTERN)),
    labels: () => z.union([z.string(), z.array(z.string())]),
    priority: () => z.int().min(0).max(4),
    props: () => z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    anyObject: () => z.looseObject({}),
    record: (x) => z.record(z.string(), x),
    array: (x) => z.array(x),
    object: (shape) => z.looseObject(shape),
    nullish: (x) => x.nullish(),
  });
  return {
    checkTicketInfo: (x) => s.TicketInfo.safeParse(x).success,
    checkTicketEnvelope: (x) => s.TicketEnvelope.safeParse(x).success,
    checkEnvelope: (x) => s.Envelope.safeParse(x).success,
    parseTicketInfo: (x) => s.TicketInfo.parse(x),
    parseTicketEnvelope: (x) => s.TicketEnvelope.parse(x),
    parseEnvelope: (x) => s.Envelope.parse(x),
  };
}
