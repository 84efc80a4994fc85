// Type checks of the package as users import it (tsc --noEmit, several
// resolution modes; see types.test.mjs): the Standard Schema objects are the
// spec's StandardSchemaV1 and work with Hono's validator, with the payload
// types as their output.
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { Hono } from 'hono';
import { sValidator } from '@hono/standard-validator';
import {
  parseWebhook,
  ticketCreatedSchema,
  webhookSchema,
  type StandardIssue,
  type TicketCreated,
  type TicketCreatedInput,
  type Webhook,
} from 'periskope-events';

// Assignable to the spec's own interface, input and output types kept.
const asSpec: StandardSchemaV1<TicketCreatedInput, TicketCreated> = ticketCreatedSchema;
const hookSpec: StandardSchemaV1<unknown, Webhook> = webhookSchema;
const out: StandardSchemaV1.InferOutput<typeof ticketCreatedSchema> = {} as TicketCreated;
const created: string = ({} as StandardSchemaV1.InferOutput<typeof ticketCreatedSchema>).ticket.created_at;
// @ts-expect-error the output is the normalized payload, not a string
const wrong: StandardSchemaV1.InferOutput<typeof ticketCreatedSchema> = 'x';

// validate is synchronous, its issues carry paths of keys and our codes.
const result = ticketCreatedSchema['~standard'].validate({}, { libraryOptions: { strict: true } });
if (result.issues) {
  const first: StandardIssue = result.issues[0];
  const path: ReadonlyArray<string | number> = first.path;
  const code: string = first.code;
} else {
  const ok: TicketCreated = result.value;
}
const strict = webhookSchema.withOptions({ strict: true, maxBytes: 1 << 20 });
// @ts-expect-error unknown options are refused
webhookSchema.withOptions({ stric: true });

// Hono: c.req.valid('json') is the normalized type.
const app = new Hono();
app.post('/ticket', sValidator('json', ticketCreatedSchema), (c) => {
  const data: TicketCreated = c.req.valid('json');
  const labels: string[] = data.ticket.ticket_labels;
  return c.json({ id: data.ticket.ticket_id, labels });
});
app.post('/hook', sValidator('json', webhookSchema), (c) => c.json({ event: c.req.valid('json').event }));

// Raw bodies in every form a runtime hands over.
declare const request: Request;
const hook: Webhook = parseWebhook(new Uint8Array(await request.arrayBuffer()));
parseWebhook(await request.text());

export { asSpec, hookSpec, out, created, wrong, strict, app, hook };
