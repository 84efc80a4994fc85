// Strict TypeScript as users write it (tsc --strict, node16 and bundler):
// what must compile does, and each mistake that must not compile carries an
// expect-error directive, so the test fails if it ever compiles.
import {
  constructEvent,
  parseTicketCreated,
  parseWebhook,
  safeParseEvent,
  validateTicketCreated,
  withValidation,
  type Ticket,
  type WithExtra,
} from 'periskope-events';

declare const env: Record<string, string | undefined>; // process.env, without @types/node
declare const body: string;
declare const headers: Record<string, string | string[] | undefined>;

// A key typed `string | undefined` is accepted (refused at run time with missing_key).
constructEvent(body, headers, env.PERISKOPE_SIGNING_KEY);
constructEvent(body, headers, [env.PERISKOPE_KEY_NEW, env.PERISKOPE_KEY_OLD]);

// Every validate/parse function takes untrusted data as `unknown`.
const untrusted: unknown = JSON.parse(body);
validateTicketCreated(untrusted);
const info = parseTicketCreated(untrusted);
safeParseEvent('message.created', untrusted);

// Required fields are plain strings; optional ones may be null.
const id: string = info.ticket.ticket_id;
// @ts-expect-error an optional field can be null
const assignee: string = info.ticket.assignee;
// @ts-expect-error a misspelled field is a type error: outputs have no index signature
info.ticket.tiket_id;
// Fields this version does not know stay reachable, on purpose.
const extra: unknown = (info.ticket as WithExtra<Ticket>).some_new_field;

// withValidation's listener is typed for its event.
const listener = withValidation('ticket.created', (data) => data.ticket.subject);
// @ts-expect-error the listener takes a ticket.created payload, not a number
listener(42);
// @ts-expect-error an unknown event name is a type error
withValidation('ticket.escalated', () => undefined);

const hook = parseWebhook(body);
// @ts-expect-error the envelope has no index signature either
hook.dedupKey;

export { id, assignee, extra };
