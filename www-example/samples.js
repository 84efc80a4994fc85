// Sample payloads for the playground's picker. Each is text, as a webhook
// body arrives, so that lines and columns in the issues mean something.
// `reader` names the function that reads it ('Webhook' -> safeParseWebhook,
// 'TicketCreated' -> safeParseTicketCreated); 'auto' lets the page decide.

const ORG = '2997dd64-89bf-48d3-9a22-b314fca017e5';

const ticketPayload = {
  ticket: {
    org_id: ORG,
    ticket_id: 'BKT-042',
    status: 'inprogress',
    subject: 'Order #5531 arrived damaged',
    assignee: '  Priya.Shah@Acme.IO ',
    assigned_by: 'ops@acme.io',
    raised_by: null,
    due_date: '2025-04-09 18:29:59+00',
    priority: 3,
    created_at: '2025-01-26 17:23:13.273371+05:30',
    ticket_labels: 'refund, VIP,  , refund, vip, Damaged goods',
    ticket_custom_properties: { 'Order id': '5531', Amount: 1499, Express: true },
    closed_at: null,
    first_assigned_at: '2025-01-27T08:44:02.6+00:00',
    is_deleted: false,
  },
  chat: {
    org_id: ORG,
    org_phone: '918527184400@c.us',
    chat_id: '120363371308389685@g.us',
    chat_name: 'Acme x Ravi',
    chat_type: 'group',
    created_at: '2025-01-26T02:30:50+00:00',
    chat_labels: 'support',
    member_count: 2,
  },
  message: {
    body: 'The parcel was crushed \u{1F61E}',
    chat_id: '120363371308389685@g.us',
    timestamp: '2025-01-26 11:19:34+00',
    message_id: 'false_120363371308389685@g.us_3EB01F4653BB9DD05E9859_919537851844@c.us',
    sender_name: 'Ravi Kumar',
    performed_by: 'api',
  },
  attached_messages: [],
};

const pretty = (value) => JSON.stringify(value, null, 2);

export const SAMPLES = [
  {
    id: 'webhook-ticket',
    label: 'Webhook: ticket.created (valid, with warnings)',
    reader: 'auto',
    text: pretty({ event: 'ticket.created', org_id: ORG, timestamp: '2025-01-26 11:53:02+00', data: ticketPayload }),
  },
  {
    id: 'sdk-ticket',
    label: 'SDK payload: ticket.created (valid)',
    reader: 'auto',
    text: pretty(ticketPayload),
  },
  {
    id: 'many-errors',
    label: 'Invalid: wrong types, out of range, missing fields',
    reader: 'auto',
    text: `{
  "ticket": {
    "org_id": "${ORG}",
    "subject": "Refund request",
    "priority": 7,
    "created_at": "next tuesday",
    "is_deleted": "no",
    "ticket_labels": ["refund", 42]
  },
  "chat": 1,
  "attached_messages": [
    { "chat_id": "919537851844@c.us" }
  ]
}`,
  },
  {
    id: 'duplicate-key',
    label: 'Invalid: a duplicate key (JSON.parse would keep the last)',
    reader: 'auto',
    text: `{
  "event": "ticket.created",
  "org_id": "${ORG}",
  "timestamp": "2025-01-26T11:53:02Z",
  "data": {
    "ticket": {
      "org_id": "${ORG}",
      "ticket_id": "T-1",
      "subject": "Two priorities",
      "created_at": "2025-01-26T11:53:02Z",
      "priority": 1,
      "priority": 4
    }
  }
}`,
  },
  {
    id: 'broken-json',
    label: 'Invalid JSON: the docs sample\u2019s missing comma',
    reader: 'auto',
    text: `{
  "chat": {
    "chat_id": "919537851844@c.us",
    "chat_labels": "label1, label2",
    "invite_link": "https://chat.whatsapp.com/invite/BZcwk7oCxxVIhExxxcmKxN"
    "custom_properties": { "Property1": "option1" }
  },
  "ticket": { "ticket_id": "T-1" }
}`,
  },
  {
    id: 'unknown-event',
    label: 'Webhook: an event this version does not know',
    reader: 'auto',
    text: pretty({ event: 'invoice.paid', org_id: ORG, timestamp: '2025-01-26T11:53:02Z', data: { amount: 1499, currency: 'INR' } }),
  },
];
