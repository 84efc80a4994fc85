// Compile-time checks (tsc --noEmit): the official SDK's payload types are
// accepted as our inputs, and our normalized types are what the README says.
import type { TicketInfoType } from '@periskope/types';
import {
  constructEvent,
  defaults,
  isEvent,
  verifyRequest,
  type VerificationErrorCode,
  parseEvent,
  sampleEvent,
  signPayload,
  verifySignature,
  withValidation,
  type Message,
  type Webhook,
  type KnownEvent,
  type EventDataInputMap,
  parseTicketCreated,
  parseWebhook,
  safeParseTicketCreated,
  validateTicketCreated,
  PayloadError,
  type Issue,
  type TicketCreated,
  type TicketCreatedInput,
} from 'periskope-events';

declare const fromSdk: TicketInfoType;

// The SDK's payload is a valid input, as is a raw body in any form.
const input: TicketCreatedInput = fromSdk;
parseTicketCreated(fromSdk);
validateTicketCreated('{"ticket":{}}', { strict: true, maxBytes: 1 << 20 });
validateTicketCreated(new Uint8Array(0));
validateTicketCreated(new ArrayBuffer(0));

// The normalized output needs no optional chaining, and has the documented types.
const t: TicketCreated = parseTicketCreated(input);
const labels: string[] = t.ticket.ticket_labels;
const priority: 0 | 1 | 2 | 3 | 4 | null = t.ticket.priority;
const label: 'none' | 'low' | 'medium' | 'high' | 'urgent' | null = t.ticket.priority_label;
const created: string = t.ticket.created_at;
const due: string | null = t.ticket.due_date;
const props: Record<string, string | null> | null = t.ticket.ticket_custom_properties;
const attached: number = t.attached_messages.length;
const kind: 'contact' | 'group' | 'other' | undefined = t.chat?.chat_id_parsed?.kind;
const fromMe: boolean | undefined = t.message?.message_id_parsed?.from_me;
const memberLabels: string[] | undefined = t.chat?.members?.['1@c.us']?.contact_labels;

// @ts-expect-error labels are arrays after normalization, not strings
const notAString: string = t.ticket.ticket_labels;
// @ts-expect-error the ticket is always present in a normalized payload
const maybeMissing: undefined = t.ticket;

const result = safeParseTicketCreated(fromSdk);
if (result.success) {
  const ok: TicketCreated = result.data;
  const warnings: Issue[] = result.warnings;
} else {
  const error: PayloadError = result.error;
  const codes: string[] = error.issues.map((i) => `${i.path} ${i.code} ${i.severity}`);
}

// Narrowing on `known`, then on `event`, types the data of a webhook.
const hook = parseWebhook('{}');
if (hook.known) {
  switch (hook.event) {
    case 'ticket.created': {
      const ticketId: string = hook.data.ticket.ticket_id;
      const key: string = hook.dedup_key;
      break;
    }
    case 'message.created': {
      const messageId: string = hook.data.message_id;
      // @ts-expect-error narrowed to a message: its id is a string
      const notANumber: number = hook.data.message_id;
      break;
    }
  }
} else {
  const raw: unknown = hook.data;
  const name: string = hook.event;
}
if (isEvent(hook, 'reaction.created')) {
  const reactionId: string = hook.data.reaction_id;
}

// Every SDK event payload type is accepted by the matching event's functions.
import type { EventPayloads } from '@periskope/periskope-client/dist/types/eventTypes.js';
declare const sdkMessage: EventPayloads['message.created'];
const message: Message = parseEvent('message.created', sdkMessage);
declare const sdkReaction: EventPayloads['reaction.created'];
parseEvent('reaction.created', sdkReaction);
declare const sdkPhone: EventPayloads['org.phone.qr'];
parseEvent('org.phone.qr', sdkPhone);
// @ts-expect-error not an event name
parseEvent('ticket.exploded', {});

// For all 20 events at once: the SDK's payload type of each event is
// assignable to our input type of that event, and the event names agree.
type SdkFits = { [E in keyof EventPayloads]: E extends KnownEvent ? (EventPayloads[E] extends EventDataInputMap[E] ? true : false) : false };
const everyEventFits: SdkFits[keyof EventPayloads] extends true ? true : false = true;
const sameNames: [Exclude<KnownEvent, keyof EventPayloads>, Exclude<keyof EventPayloads, KnownEvent>] extends [never, never] ? true : false = true;
export { everyEventFits, sameNames };

// Signatures and the SDK helper.
const ok: boolean = verifySignature('{}', 'sha256=00', ['old', 'new']);
const event: Webhook = constructEvent(new Uint8Array(0), { 'x-periskope-signature': 'abc' }, 'key');
const body = JSON.stringify(sampleEvent('note.created', { data: { body: 'hi' } }));
const header: string = signPayload(body, 'key');
const handler = withValidation('message.created', (data, warnings) => data.message_id.length + warnings.length, {
  onInvalid: (error) => console.log(error.issues.length),
});
const handled: number | undefined = handler(sampleEvent('message.created').data);
export { ok, event, header, message, handled };

// The replay window (constructEvent and verifyRequest only), ArrayBuffer keys, the defaults.
const windowed: Webhook = constructEvent(body, header, new ArrayBuffer(3), { tolerance: 300, now: new Date() });
const requested: Promise<Webhook> = verifyRequest(new Request('http://x/'), ['old', 'new'], { tolerance: 300, now: Date.now() });
// @ts-expect-error the replay window is not an option of verifySignature
verifySignature(body, header, 'key', { tolerance: 300 });
// @ts-expect-error now is a Date or a number
constructEvent(body, header, 'key', { tolerance: 300, now: '2025-01-01' });
const code: VerificationErrorCode = 'timestamp_out_of_tolerance';
const limit: number = defaults.maxBytes;
export { windowed, requested, code, limit };

export { created, due, props, attached, kind, fromMe, memberLabels, label, priority, labels, notAString, maybeMissing };
