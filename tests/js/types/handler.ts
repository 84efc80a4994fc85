// The webhook handlers under tsc --strict (node16 and bundler, no
// @types/node; tests/js/handler.test.mjs compiles handler-node.ts with it):
// each `on` handler's `data` is its event's normalized type and its second
// argument the delivery of that event; an unknown event name, or a field
// its data does not have, does not compile.
import {
  createNodeMiddleware,
  createWebhookHandler,
  type Message,
  type TicketInfo,
  type UnknownWebhook,
  type Webhook,
  type WebhookErrorContext,
  type WebhookHandlerOptions,
} from 'periskope-events';

declare const env: Record<string, string | undefined>; // process.env, without @types/node

const handle: (request: Request) => Promise<Response> = createWebhookHandler({
  // A key typed `string | undefined` is accepted (refused with a TypeError when created).
  keys: env.PERISKOPE_SIGNING_KEY,
  on: {
    'ticket.created': async (data, event) => {
      const ticket: TicketInfo = data;
      const priority: 0 | 1 | 2 | 3 | 4 | null = data.ticket.priority;
      const name: 'ticket.created' = event.event;
      const key: string = event.dedup_key;
      const same: TicketInfo = event.data;
      return [ticket, priority, name, key, same];
    },
    'message.created'(data, event) {
      const message: Message = data;
      const body: string | null = data.body;
      const name: 'message.created' = event.event;
      return [message, body, name];
    },
    // @ts-expect-error an unknown event name in `on` is a type error
    'ticket.escalated': () => undefined,
  },
  onUnknown: (event) => {
    const unknown: UnknownWebhook = event;
    const known: false = event.known;
    return [unknown, known];
  },
  onError: (error, context) => {
    const status: number = context.status;
    if (context.code === 'handler_failed') {
      const event: Webhook = context.event;
      return [event, error];
    }
    const none: null = context.event;
    return [status, none];
  },
  isDuplicate: async (dedupKey, event) => dedupKey === event.dedup_key,
  strict: true,
  maxBytes: 1 << 20,
  maxIssues: 10,
  tolerance: 300,
});

createWebhookHandler({
  keys: ['new', new Uint8Array(4)],
  on: {
    'ticket.created': (data) => {
      // @ts-expect-error ticket.created's data is a TicketInfo: it has no message_id (a Message field)
      const id: string = data.message_id;
      // @ts-expect-error a misspelled field is a type error
      data.ticket.tiket_id;
      // @ts-expect-error priority is a number (or null), not a label
      const label: string = data.ticket.priority;
      return [id, label];
    },
    'message.created': (data) => {
      // @ts-expect-error a Message has no ticket
      data.ticket;
    },
  },
});

// @ts-expect-error the keys are required (undefined may be passed, not left out)
createWebhookHandler({ on: {} });
// @ts-expect-error isDuplicate answers a boolean
createWebhookHandler({ keys: 'k', isDuplicate: () => 'yes' });
// @ts-expect-error unknownEvents is not an option of the handlers: unknown events are always acknowledged
createWebhookHandler({ keys: 'k', unknownEvents: 'error' });

const options: WebhookHandlerOptions = { keys: 'k' };
const middleware = createNodeMiddleware(options);
declare const req: Parameters<typeof middleware>[0];
declare const res: Parameters<typeof middleware>[1];
const done: Promise<void> = middleware(req, res, (error?: unknown) => void error);

const context: WebhookErrorContext = { status: 413, code: 'too_large', event: null };
// @ts-expect-error a 401 carries a verification code
const wrong: WebhookErrorContext = { status: 401, code: 'too_large', event: null };

export { handle, done, context, wrong };
