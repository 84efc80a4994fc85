// The ticket.created shape, once, as the peers see it: every field's kind and
// whether it is required. Each peer's schema (ajv.js, typebox.js, zod.js,
// valibot.js) is built from this table, so the four validators check exactly
// the same thing; it follows src/events/ticket.rs and src/events/envelope.rs.
//
// What the table makes the peers check, as periskope-events does:
// - required fields present and not null: ticket.org_id, ticket.ticket_id,
//   ticket.subject, ticket.created_at, chat.chat_id, and chat_id and
//   message_id of each message; the envelope's event, org_id, timestamp and
//   data; everything else may be absent or null;
// - every field's JSON type; labels a string or an array of strings; custom
//   property values strings, numbers, booleans or null; members an object of
//   member objects;
// - priority an integer from 0 to 4;
// - timestamps matching TIMESTAMP_PATTERN (or "", read as null).
// Unknown fields are allowed and kept (loose objects), as periskope-events
// keeps them. What the peers do not check is listed in benches/README.md.

/** YYYY-MM-DD, optionally T/t/space HH:MM[:SS[.1-9 digits]], then Z, ±HH, ±HHMM or ±HH:MM. Or "". */
export const TIMESTAMP_PATTERN =
  '^(?:$|\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])(?:[Tt ](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:[Zz]|[+-](?:[01]\\d|2[0-3])(?::?[0-5]\\d)?)?)?)$';

// Kinds: 'string', 'boolean', 'timestamp', 'labels', 'priority', 'props'
// (custom properties), 'members' (ChatMember by contact id), or a model name
// ('Ticket', 'Chat', 'TicketMessage'), or ['list', model]. [kind, true] is a
// required field.
export const MODELS = {
  TicketInfo: {
    ticket: ['Ticket', true],
    chat: 'Chat',
    message: 'TicketMessage',
    attached_messages: ['list', 'TicketMessage'],
  },
  Ticket: {
    org_id: ['string', true],
    ticket_id: ['string', true],
    status: 'string',
    subject: ['string', true],
    assignee: 'string',
    assigned_by: 'string',
    raised_by: 'string',
    due_date: 'timestamp',
    priority: 'priority',
    created_at: ['timestamp', true],
    ticket_labels: 'labels',
    quoted_message_id: 'string',
    ticket_custom_properties: 'props',
    closed_at: 'timestamp',
    closed_by: 'string',
    closed_message: 'string',
    first_assigned_at: 'timestamp',
    is_deleted: 'boolean',
  },
  Chat: {
    org_id: 'string',
    org_phone: 'string',
    chat_id: ['string', true],
    members: 'members',
    is_muted: 'boolean',
    chat_name: 'string',
    chat_type: 'string',
    chat_image: 'string',
    created_at: 'timestamp',
    chat_labels: 'labels',
    invite_link: 'string',
    custom_properties: 'props',
    group_description: 'string',
  },
  ChatMember: {
    org_id: 'string',
    chat_id: 'string',
    contact_id: 'string',
    org_phone: 'string',
    is_admin: 'boolean',
    is_super_admin: 'boolean',
    is_internal: 'boolean',
    contact_name: 'string',
    contact_color: 'string',
    contact_image: 'string',
    contact_labels: 'labels',
  },
  TicketMessage: {
    body: 'string',
    chat_id: ['string', true],
    org_phone: 'string',
    timestamp: 'timestamp',
    media_path: 'string',
    message_id: ['string', true],
    sender_name: 'string',
    performed_by: 'string',
    sender_phone: 'string',
  },
  // The webhook envelope of a ticket event; `data` is a TicketInfo.
  TicketEnvelope: {
    event: ['string', true],
    org_id: ['string', true],
    timestamp: ['timestamp', true],
    data: ['TicketInfo', true],
    previous_attributes: 'object',
  },
  // The envelope of an event periskope-events passes through unvalidated
  // (message.created, for now): `data` is any object.
  Envelope: {
    event: ['string', true],
    org_id: ['string', true],
    timestamp: ['timestamp', true],
    data: ['object', true],
    previous_attributes: 'object',
  },
};

/** [kind, required] of a table entry. */
export function field(entry) {
  return Array.isArray(entry) && entry[0] !== 'list' ? [entry[0], entry[1] === true] : [entry, false];
}

/**
 * Builds every model's schema with one library's constructors. `lib` gives:
 * string(), boolean(), timestamp(), labels(), priority(), props(),
 * anyObject(), record(schema), array(schema), object(shape, requiredKeys),
 * nullish(schema). Models are built in dependency order.
 */
export function buildSchemas(lib) {
  const built = {};
  const kindSchema = (kind) => {
    if (Array.isArray(kind)) return lib.array(model(kind[1]));
    switch (kind) {
      case 'string': return lib.string();
      case 'boolean': return lib.boolean();
      case 'timestamp': return lib.timestamp();
      case 'labels': return lib.labels();
      case 'priority': return lib.priority();
      case 'props': return lib.props();
      case 'object': return lib.anyObject();
      case 'members': return lib.record(model('ChatMember'));
      default: return model(kind);
    }
  };
  function model(name) {
    if (built[name]) return built[name];
    const shape = {};
    const required = [];
    for (const [key, entry] of Object.entries(MODELS[name])) {
      const [kind, isRequired] = field(entry);
      const schema = kindSchema(kind);
      if (isRequired) required.push(key);
      shape[key] = isRequired ? schema : lib.nullish(schema);
    }
    built[name] = lib.object(shape, required, name);
    return built[name];
  }
  for (const name of Object.keys(MODELS)) model(name);
  return built;
}
