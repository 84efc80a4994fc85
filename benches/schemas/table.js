// The shapes of the measured events, once, as the peers see them: every
// field's kind and whether it is required. Each peer's schema (ajv.js,
// typebox.js, zod.js, valibot.js) is built from this table, so the four
// validators check exactly the same thing; it follows src/events/ticket.rs
// (ticket.*), src/events/message.rs (message.*: Periskope's ObjMessageType)
// and src/events/envelope.rs.
//
// What the table makes the peers check, as periskope-events does:
// - required fields present and not null: ticket.org_id, ticket.ticket_id,
//   ticket.subject, ticket.created_at, chat.chat_id, and chat_id and
//   message_id of each ticket message; a message's message_id, org_id and
//   org_phone; the envelope's event, org_id, timestamp and data; everything
//   else may be absent or null;
// - every field's JSON type; labels a string or an array of strings; custom
//   property values strings, numbers, booleans or null; members an object of
//   member objects; a message's `id` an object whose id, remote and
//   serialized/_serialized are strings and from_me/fromMe a boolean; string
//   lists (mentioned_ids, vcards) arrays of strings; the Json object columns
//   (media, delivery_info...) objects; the untyped Json columns (links,
//   location, invite_v4, reactions) anything;
// - priority an integer from 0 to 4; `ack` a number, or a string holding one
//   (text is its documented form: Periskope's column is text);
// - timestamps matching TIMESTAMP_PATTERN (or "", read as null).
// Unknown fields are allowed and kept (loose objects), as periskope-events
// keeps them. What the peers do not check is listed in benches/README.md.

/** YYYY-MM-DD, optionally T/t/space HH:MM[:SS[.1-9 digits]], then Z, ±HH, ±HHMM or ±HH:MM. Or "". */
export const TIMESTAMP_PATTERN =
  '^(?:$|\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])(?:[Tt ](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:[Zz]|[+-](?:[01]\\d|2[0-3])(?::?[0-5]\\d)?)?)?)$';

/** A JSON number's text, possibly surrounded by whitespace, or only whitespace (read as null). */
export const NUMBER_TEXT_PATTERN = '^\\s*(?:-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)?\\s*$';

// Kinds: 'string', 'boolean', 'number', 'timestamp', 'labels', 'priority',
// 'ack' (a number or a string holding one), 'props' (custom properties),
// 'members' (ChatMember by contact id), 'strings' (an array of strings),
// 'object' (any object), 'json' (any value), or a model name ('Ticket',
// 'Chat', 'TicketMessage', 'WaId'...), or ['list', model]. [kind, true] is a
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
    updated_at: 'timestamp',
    label_ids: 'object',
    member_count: 'number',
    assigned_to: 'string',
    initiated_by: 'string',
    chat_access: 'object',
    is_exited: 'boolean',
    is_archived: 'boolean',
    is_pinned: 'boolean',
    info_admins_only: 'boolean',
    messages_admins_only: 'boolean',
    add_members_admins_only: 'boolean',
    active_phone: 'string',
    chat_org_phones: 'strings',
    latest_message: 'object',
    latest_message_timestamp: 'number',
    latest_message_timestamp_map: 'object',
    latest_mention_at: 'timestamp',
    message_unread_count: 'number',
    unread_count: 'object',
    flag_count: 'number',
    flag_count_map: 'object',
    closed_at: 'number',
    snooze_metadata: 'object',
    pinned_messages: 'json',
    parent_community_id: 'string',
    override_chat_access: 'json',
    ai_metadata: 'object',
    group_metadata: 'object',
    member_unread_count: 'object',
    member_closed_at: 'object',
    common_chats: 'strings',
    hubspot_metadata: 'object',
    freshdesk_metadata: 'object',
    zohodesk_metadata: 'object',
    zohocrm_metadata: 'object',
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
    id: 'json',
    contact_lid: 'string',
    contact_type: 'string',
    number: 'string',
    name: 'string',
    pushname: 'string',
    short_name: 'string',
    periskope_name: 'string',
    verified_name: 'string',
    verified_level: 'number',
    business_profile: 'json',
    label_ids: 'json',
    is_blocked: 'boolean',
    is_business: 'boolean',
    is_enterprise: 'boolean',
    is_group: 'boolean',
    is_me: 'boolean',
    is_my_contact: 'boolean',
    is_user: 'boolean',
    is_wa_contact: 'boolean',
    is_imported: 'boolean',
    updated_at: 'timestamp',
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
  // WhatsApp's id object of a message, in either spelling (SDK types and
  // samples: fromMe, _serialized; REST docs: from_me, serialized).
  WaId: {
    id: 'string',
    from_me: 'boolean',
    fromMe: 'boolean',
    remote: 'string',
    serialized: 'string',
    _serialized: 'string',
  },
  // The payload of every message.* event (src/events/message.rs), in the
  // model's order.
  Message: {
    message_id: ['string', true],
    org_id: ['string', true],
    org_phone: ['string', true],
    chat_id: 'string',
    id: 'WaId',
    message_type: 'string',
    body: 'string',
    timestamp: 'timestamp',
    from_me: 'boolean',
    from: 'string',
    to: 'string',
    author: 'string',
    sender_phone: 'string',
    performed_by: 'string',
    ack: 'ack',
    is_deleted: 'boolean',
    prev_body: 'string',
    updated_at: 'timestamp',
    has_media: 'boolean',
    media: 'object',
    media_key: 'string',
    quoted_message_id: 'string',
    has_quoted_msg: 'boolean',
    mentioned_ids: 'strings',
    has_reaction: 'boolean',
    reactions: 'json',
    is_forwarded: 'boolean',
    forwarding_score: 'number',
    is_starred: 'boolean',
    is_ephemeral: 'boolean',
    is_gif: 'boolean',
    is_status: 'boolean',
    broadcast: 'boolean',
    broadcast_id: 'string',
    device_type: 'string',
    duration: 'string',
    flag_status: 'boolean',
    flag_metadata: 'object',
    flag_response_time: 'number',
    message_ticket_id: 'string',
    order_id: 'string',
    sent_message_id: 'string',
    unique_id: 'string',
    token: 'string',
    links: 'json',
    location: 'json',
    invite_v4: 'json',
    vcards: 'strings',
    poll_info: 'object',
    poll_results: 'object',
    delivery_info: 'object',
    raw_data: 'object',
    is_private_note: 'boolean',
    message_payload: 'object',
    highlight: 'number',
    fts: 'json',
  },
  // The webhook envelope of a ticket event; `data` is a TicketInfo.
  TicketEnvelope: {
    event: ['string', true],
    org_id: ['string', true],
    timestamp: ['timestamp', true],
    data: ['TicketInfo', true],
    previous_attributes: 'object',
  },
  // The webhook envelope of a message event; `data` is a Message.
  MessageEnvelope: {
    event: ['string', true],
    org_id: ['string', true],
    timestamp: ['timestamp', true],
    data: ['Message', true],
    previous_attributes: 'object',
  },
  // The envelope of an event without a model here (an unknown event, passed
  // through by periskope-events): `data` is any object.
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

/** The models each peer compiles and exposes (as check[name] and parse[name]). */
export const ENTRY_MODELS = ['TicketInfo', 'TicketEnvelope', 'Message', 'MessageEnvelope', 'Envelope'];

/**
 * Builds every model's schema with one library's constructors. `lib` gives:
 * string(), boolean(), number(), timestamp(), labels(), priority(), ack(),
 * props(), anyObject(), any(), record(schema), array(schema), object(shape,
 * requiredKeys), nullish(schema). Models are built in dependency order.
 */
export function buildSchemas(lib) {
  const built = {};
  const kindSchema = (kind) => {
    if (Array.isArray(kind)) return lib.array(model(kind[1]));
    switch (kind) {
      case 'string': return lib.string();
      case 'boolean': return lib.boolean();
      case 'number': return lib.number();
      case 'ack': return lib.ack();
      case 'strings': return lib.array(lib.string());
      case 'json': return lib.any();
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
