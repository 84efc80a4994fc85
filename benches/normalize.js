// The one hand-written JavaScript normalizer every peer pipeline shares: the
// normalization rules periskope-events documents (src/normalize/*.rs,
// src/model/kinds.rs), written as a careful JavaScript developer would, for
// speed: one object literal per model, in the library's output order.
//
// It runs after a validator accepted the value, so it trusts the types. The
// bench asserts at startup that its output equals periskope-events' on every
// payload (deep-equal after a JSON round trip, key order included), so the
// peers do the same work. Deliberate differences (all on inputs the bench
// does not send, or that the peers' schemas reject) are listed in
// benches/README.md.
//
// Rules:
// - every model field is present, `null` when absent; label lists and
//   attached_messages are `[]` when absent; unknown fields are kept as sent,
//   after the model's fields; derived fields sent by the sender are dropped;
// - labels: a string is split on `,`; each label trimmed, empties dropped,
//   and a label equal to an earlier one ignoring ASCII case dropped;
// - timestamps: `T`, `t` or a space between date and time; `+HH`, `+HHMM`,
//   `+HH:MM` or `Z` offsets; no offset means UTC; written as
//   `new Date(x).toISOString()`; `""` becomes null;
// - emails (assignee, assigned_by, raised_by, closed_by): trimmed, ASCII
//   letters lowercased, `""` becomes null; performed_by likewise when it has
//   an `@`, else kept (`api`);
// - priority gets `priority_label` (none, low, medium, high, urgent);
// - chat ids get `<field>_parsed: { kind, number, server }`;
// - message ids get `message_id_parsed: { from_me, chat_id, id, participant }`
//   or null;
// - custom property numbers and booleans become strings;
// - messages (every message.* event): WhatsApp's `id` object written
//   `{ id, from_me, remote, serialized }` (read from `fromMe`/`_serialized`
//   too, the snake_case spelling winning when both are sent; other keys kept
//   after them); `ack` a number (`"2"` → 2); numbers kept as sent; string
//   lists `[]` when absent; Json columns kept as sent;
// - the envelope gets `dedup_key`, `<event>:<org_id>:<entity id>:<timestamp>`
//   (the timestamp normalized; the entity id from the payload, `""` when
//   absent; for unknown events a digest of the data), after
//   `previous_attributes`.

import { createHmac } from 'node:crypto';

const PRIORITY_LABELS = ['none', 'low', 'medium', 'high', 'urgent'];
const TICKET_EVENTS = new Set(['ticket.created', 'ticket.updated', 'ticket.deleted']);
const MESSAGE_EVENTS = new Set(['message.created', 'message.updated', 'message.deleted', 'message.ack.updated', 'message.flagged',
  'message.unflagged', 'message.ticket.attached']);
// The other events periskope-events knows; this normalizer does not model
// their payloads (no bench payload sends them), only their dedup key.
const OTHER_EVENTS = new Set(['chat.created', 'chat.custom_properties.updated', 'chat.notification.created', 'reaction.created',
  'reaction.updated', 'note.created', 'org.phone.updated', 'org.phone.connected', 'org.phone.disconnected', 'org.phone.qr']);

// ASCII lowercase, leaving every other character as it is (toLowerCase alone
// would also lowercase `Ä`, which the library keeps).
const NON_ASCII = /[^\x00-\x7f]/;
const UPPER = /[A-Z]/g;
const lowerAscii = (s) => (NON_ASCII.test(s) ? s.replace(UPPER, (c) => String.fromCharCode(c.charCodeAt(0) + 32)) : s.toLowerCase());

function email(s) {
  if (s === null || s === undefined) return null;
  const t = s.trim();
  return t === '' ? null : lowerAscii(t);
}

function actor(s) {
  if (s === null || s === undefined) return null;
  return s.indexOf('@') === -1 ? s : lowerAscii(s.trim());
}

function timestamp(s) {
  if (s === null || s === undefined || s === '') return null;
  let t = s;
  if (t.length > 10) {
    const sep = t.charCodeAt(10);
    if (sep !== 84 /* T */) t = t.slice(0, 10) + 'T' + t.slice(11);
    const last = t.charCodeAt(t.length - 1);
    if (last !== 90 /* Z */ && last !== 122 /* z */) {
      // An offset starts with the last + or - past the date.
      const plus = t.lastIndexOf('+');
      const at = plus > 10 ? plus : t.lastIndexOf('-');
      if (at <= 10) t += 'Z';
      else if (t.length - at === 3) t += ':00';
    }
  }
  return new Date(t).toISOString();
}

/** The timestamp rule, for run.js's check of the dedup key on every event. */
export const normalizeTimestamp = timestamp;

function labels(v) {
  if (v === null || v === undefined) return [];
  const parts = typeof v === 'string' ? v.split(',') : v;
  const out = [];
  let keys = null;
  for (let i = 0; i < parts.length; i++) {
    const label = parts[i].trim();
    if (label === '') continue;
    const key = lowerAscii(label);
    if (keys === null) keys = [key];
    else if (keys.includes(key)) continue;
    else keys.push(key);
    out.push(label);
  }
  return out;
}

function chatIdParsed(id) {
  if (id === null || id === undefined) return null;
  const at = id.indexOf('@');
  const user = at === -1 ? id : id.slice(0, at);
  const server = at === -1 ? null : id.slice(at + 1);
  let number = user.length > 0 ? user : null;
  for (let i = 0; number !== null && i < user.length; i++) {
    const c = user.charCodeAt(i);
    if (c < 48 || c > 57) number = null;
  }
  return { kind: server === 'c.us' ? 'contact' : server === 'g.us' ? 'group' : 'other', number, server };
}

function messageIdParsed(id) {
  if (id === null || id === undefined) return null;
  const parts = id.split('_');
  if (parts.length !== 3 && parts.length !== 4) return null;
  const first = parts[0];
  if ((first !== 'true' && first !== 'false') || parts[1] === '' || parts[2] === '' || parts[3] === '') return null;
  return { from_me: first === 'true', chat_id: parts[1], id: parts[2], participant: parts.length === 4 ? parts[3] : null };
}

function props(p) {
  if (p === null || p === undefined) return null;
  const out = {};
  for (const key in p) {
    const v = p[key];
    out[key] = v === null || typeof v === 'string' ? v : String(v);
  }
  return out;
}

const orNull = (v) => (v === undefined ? null : v);

/** Copies the fields not in `known` (unknown fields, kept as sent). */
function extras(out, input, known) {
  for (const key in input) if (!known.has(key)) out[key] = input[key];
  return out;
}

const TICKET_KEYS = new Set(['org_id', 'ticket_id', 'status', 'subject', 'assignee', 'assigned_by', 'raised_by', 'due_date',
  'priority', 'priority_label', 'created_at', 'ticket_labels', 'quoted_message_id', 'ticket_custom_properties', 'closed_at',
  'closed_by', 'closed_message', 'first_assigned_at', 'is_deleted']);

function ticket(t) {
  const priority = orNull(t.priority);
  return extras({
    org_id: t.org_id,
    ticket_id: t.ticket_id,
    status: orNull(t.status),
    subject: t.subject,
    assignee: email(t.assignee),
    assigned_by: email(t.assigned_by),
    raised_by: email(t.raised_by),
    due_date: timestamp(t.due_date),
    priority,
    priority_label: priority === null ? null : PRIORITY_LABELS[priority],
    created_at: timestamp(t.created_at),
    ticket_labels: labels(t.ticket_labels),
    quoted_message_id: orNull(t.quoted_message_id),
    ticket_custom_properties: props(t.ticket_custom_properties),
    closed_at: timestamp(t.closed_at),
    closed_by: email(t.closed_by),
    closed_message: orNull(t.closed_message),
    first_assigned_at: timestamp(t.first_assigned_at),
    is_deleted: orNull(t.is_deleted),
  }, t, TICKET_KEYS);
}

const MEMBER_KEYS = new Set(['org_id', 'chat_id', 'chat_id_parsed', 'contact_id', 'contact_id_parsed', 'org_phone', 'is_admin',
  'is_super_admin', 'is_internal', 'contact_name', 'contact_color', 'contact_image', 'contact_labels', 'id', 'contact_lid',
  'contact_type', 'number', 'name', 'pushname', 'short_name', 'periskope_name', 'verified_name', 'verified_level',
  'business_profile', 'label_ids', 'is_blocked', 'is_business', 'is_enterprise', 'is_group', 'is_me', 'is_my_contact', 'is_user',
  'is_wa_contact', 'is_imported', 'updated_at']);

function member(m) {
  const chatId = orNull(m.chat_id);
  const contactId = orNull(m.contact_id);
  return extras({
    org_id: orNull(m.org_id),
    chat_id: chatId,
    chat_id_parsed: chatIdParsed(chatId),
    contact_id: contactId,
    contact_id_parsed: chatIdParsed(contactId),
    org_phone: orNull(m.org_phone),
    is_admin: orNull(m.is_admin),
    is_super_admin: orNull(m.is_super_admin),
    is_internal: orNull(m.is_internal),
    contact_name: orNull(m.contact_name),
    contact_color: orNull(m.contact_color),
    contact_image: orNull(m.contact_image),
    contact_labels: labels(m.contact_labels),
    id: orNull(m.id),
    contact_lid: orNull(m.contact_lid),
    contact_type: orNull(m.contact_type),
    number: orNull(m.number),
    name: orNull(m.name),
    pushname: orNull(m.pushname),
    short_name: orNull(m.short_name),
    periskope_name: orNull(m.periskope_name),
    verified_name: orNull(m.verified_name),
    verified_level: orNull(m.verified_level),
    business_profile: orNull(m.business_profile),
    label_ids: orNull(m.label_ids),
    is_blocked: orNull(m.is_blocked),
    is_business: orNull(m.is_business),
    is_enterprise: orNull(m.is_enterprise),
    is_group: orNull(m.is_group),
    is_me: orNull(m.is_me),
    is_my_contact: orNull(m.is_my_contact),
    is_user: orNull(m.is_user),
    is_wa_contact: orNull(m.is_wa_contact),
    is_imported: orNull(m.is_imported),
    updated_at: timestamp(m.updated_at),
  }, m, MEMBER_KEYS);
}

function members(map) {
  if (map === null || map === undefined) return null;
  const out = {};
  for (const key in map) out[key] = member(map[key]);
  return out;
}

const CHAT_KEYS = new Set(['org_id', 'org_phone', 'chat_id', 'chat_id_parsed', 'members', 'is_muted', 'chat_name', 'chat_type',
  'chat_image', 'created_at', 'chat_labels', 'invite_link', 'custom_properties', 'group_description', 'updated_at', 'label_ids',
  'member_count', 'assigned_to', 'initiated_by', 'chat_access', 'is_exited', 'is_archived', 'is_pinned', 'info_admins_only',
  'messages_admins_only', 'add_members_admins_only', 'active_phone', 'chat_org_phones', 'latest_message',
  'latest_message_timestamp', 'latest_message_timestamp_map', 'latest_mention_at', 'message_unread_count', 'unread_count',
  'flag_count', 'flag_count_map', 'closed_at', 'snooze_metadata', 'pinned_messages', 'parent_community_id',
  'override_chat_access', 'ai_metadata', 'group_metadata', 'member_unread_count', 'member_closed_at', 'common_chats',
  'hubspot_metadata', 'freshdesk_metadata', 'zohodesk_metadata', 'zohocrm_metadata']);

function chat(c) {
  if (c === null || c === undefined) return null;
  return extras({
    org_id: orNull(c.org_id),
    org_phone: orNull(c.org_phone),
    chat_id: c.chat_id,
    chat_id_parsed: chatIdParsed(c.chat_id),
    members: members(c.members),
    is_muted: orNull(c.is_muted),
    chat_name: orNull(c.chat_name),
    chat_type: orNull(c.chat_type),
    chat_image: orNull(c.chat_image),
    created_at: timestamp(c.created_at),
    chat_labels: labels(c.chat_labels),
    invite_link: orNull(c.invite_link),
    custom_properties: props(c.custom_properties),
    group_description: orNull(c.group_description),
    updated_at: timestamp(c.updated_at),
    label_ids: orNull(c.label_ids),
    member_count: orNull(c.member_count),
    assigned_to: email(c.assigned_to),
    initiated_by: actor(c.initiated_by),
    chat_access: orNull(c.chat_access),
    is_exited: orNull(c.is_exited),
    is_archived: orNull(c.is_archived),
    is_pinned: orNull(c.is_pinned),
    info_admins_only: orNull(c.info_admins_only),
    messages_admins_only: orNull(c.messages_admins_only),
    add_members_admins_only: orNull(c.add_members_admins_only),
    active_phone: orNull(c.active_phone),
    chat_org_phones: strings(c.chat_org_phones),
    latest_message: orNull(c.latest_message),
    latest_message_timestamp: orNull(c.latest_message_timestamp),
    latest_message_timestamp_map: orNull(c.latest_message_timestamp_map),
    latest_mention_at: timestamp(c.latest_mention_at),
    message_unread_count: orNull(c.message_unread_count),
    unread_count: orNull(c.unread_count),
    flag_count: orNull(c.flag_count),
    flag_count_map: orNull(c.flag_count_map),
    closed_at: orNull(c.closed_at),
    snooze_metadata: orNull(c.snooze_metadata),
    pinned_messages: orNull(c.pinned_messages),
    parent_community_id: orNull(c.parent_community_id),
    override_chat_access: orNull(c.override_chat_access),
    ai_metadata: orNull(c.ai_metadata),
    group_metadata: orNull(c.group_metadata),
    member_unread_count: orNull(c.member_unread_count),
    member_closed_at: orNull(c.member_closed_at),
    common_chats: strings(c.common_chats),
    hubspot_metadata: orNull(c.hubspot_metadata),
    freshdesk_metadata: orNull(c.freshdesk_metadata),
    zohodesk_metadata: orNull(c.zohodesk_metadata),
    zohocrm_metadata: orNull(c.zohocrm_metadata),
  }, c, CHAT_KEYS);
}

const MESSAGE_KEYS = new Set(['body', 'chat_id', 'chat_id_parsed', 'org_phone', 'timestamp', 'media_path', 'message_id',
  'message_id_parsed', 'sender_name', 'performed_by', 'sender_phone']);

function message(m) {
  if (m === null || m === undefined) return null;
  return extras({
    body: orNull(m.body),
    chat_id: m.chat_id,
    chat_id_parsed: chatIdParsed(m.chat_id),
    org_phone: orNull(m.org_phone),
    timestamp: timestamp(m.timestamp),
    media_path: orNull(m.media_path),
    message_id: m.message_id,
    message_id_parsed: messageIdParsed(m.message_id),
    sender_name: orNull(m.sender_name),
    performed_by: actor(m.performed_by),
    sender_phone: orNull(m.sender_phone),
  }, m, MESSAGE_KEYS);
}

/** `ack` and other numbers a text column may hold: `"2"` becomes 2, `""` null. */
function numberOrText(v) {
  if (typeof v !== 'string') return v === undefined ? null : v;
  const t = v.trim();
  return t === '' ? null : Number(t);
}

const WA_ID_KEYS = new Set(['id', 'from_me', 'fromMe', 'remote', 'serialized', '_serialized']);

function waId(v) {
  if (v === null || v === undefined) return null;
  return extras({
    id: orNull(v.id),
    from_me: v.from_me ?? v.fromMe ?? null,
    remote: orNull(v.remote),
    serialized: v.serialized ?? v._serialized ?? null,
  }, v, WA_ID_KEYS);
}

const strings = (v) => (v === null || v === undefined ? [] : v);

const MESSAGE_OBJECT_KEYS = new Set(['message_id', 'message_id_parsed', 'org_id', 'org_phone', 'chat_id', 'chat_id_parsed', 'id',
  'message_type', 'body', 'timestamp', 'from_me', 'from', 'to', 'author', 'sender_phone', 'performed_by', 'ack', 'is_deleted',
  'prev_body', 'updated_at', 'has_media', 'media', 'media_key', 'quoted_message_id', 'has_quoted_msg', 'mentioned_ids',
  'has_reaction', 'reactions', 'is_forwarded', 'forwarding_score', 'is_starred', 'is_ephemeral', 'is_gif', 'is_status',
  'broadcast', 'broadcast_id', 'device_type', 'duration', 'flag_status', 'flag_metadata', 'flag_response_time',
  'message_ticket_id', 'order_id', 'sent_message_id', 'unique_id', 'token', 'links', 'location', 'invite_v4', 'vcards',
  'poll_info', 'poll_results', 'delivery_info', 'raw_data', 'is_private_note', 'message_payload', 'highlight', 'fts']);

/** A validated Message (the payload of every message.* event) to its normalized form. */
export function normalizeMessage(m) {
  const chatId = orNull(m.chat_id);
  return extras({
    message_id: m.message_id,
    message_id_parsed: messageIdParsed(m.message_id),
    org_id: m.org_id,
    org_phone: m.org_phone,
    chat_id: chatId,
    chat_id_parsed: chatIdParsed(chatId),
    id: waId(m.id),
    message_type: orNull(m.message_type),
    body: orNull(m.body),
    timestamp: timestamp(m.timestamp),
    from_me: orNull(m.from_me),
    from: orNull(m.from),
    to: orNull(m.to),
    author: orNull(m.author),
    sender_phone: orNull(m.sender_phone),
    performed_by: actor(m.performed_by),
    ack: numberOrText(m.ack),
    is_deleted: orNull(m.is_deleted),
    prev_body: orNull(m.prev_body),
    updated_at: timestamp(m.updated_at),
    has_media: orNull(m.has_media),
    media: orNull(m.media),
    media_key: orNull(m.media_key),
    quoted_message_id: orNull(m.quoted_message_id),
    has_quoted_msg: orNull(m.has_quoted_msg),
    mentioned_ids: strings(m.mentioned_ids),
    has_reaction: orNull(m.has_reaction),
    reactions: orNull(m.reactions),
    is_forwarded: orNull(m.is_forwarded),
    forwarding_score: orNull(m.forwarding_score),
    is_starred: orNull(m.is_starred),
    is_ephemeral: orNull(m.is_ephemeral),
    is_gif: orNull(m.is_gif),
    is_status: orNull(m.is_status),
    broadcast: orNull(m.broadcast),
    broadcast_id: orNull(m.broadcast_id),
    device_type: orNull(m.device_type),
    duration: orNull(m.duration),
    flag_status: orNull(m.flag_status),
    flag_metadata: orNull(m.flag_metadata),
    flag_response_time: orNull(m.flag_response_time),
    message_ticket_id: orNull(m.message_ticket_id),
    order_id: orNull(m.order_id),
    sent_message_id: orNull(m.sent_message_id),
    unique_id: orNull(m.unique_id),
    token: orNull(m.token),
    links: orNull(m.links),
    location: orNull(m.location),
    invite_v4: orNull(m.invite_v4),
    vcards: strings(m.vcards),
    poll_info: orNull(m.poll_info),
    poll_results: orNull(m.poll_results),
    delivery_info: orNull(m.delivery_info),
    raw_data: orNull(m.raw_data),
    is_private_note: orNull(m.is_private_note),
    message_payload: orNull(m.message_payload),
    highlight: orNull(m.highlight),
    fts: orNull(m.fts),
  }, m, MESSAGE_OBJECT_KEYS);
}

const INFO_KEYS = new Set(['ticket', 'chat', 'message', 'attached_messages']);

/** A validated TicketInfo (the ticket.created payload) to its normalized form. */
export function normalizeTicketInfo(info) {
  const attached = info.attached_messages;
  const list = [];
  if (attached !== null && attached !== undefined) for (let i = 0; i < attached.length; i++) list.push(message(attached[i]));
  return extras({
    ticket: ticket(info.ticket),
    chat: chat(info.chat),
    message: message(info.message),
    attached_messages: list,
  }, info, INFO_KEYS);
}

/**
 * The model of an event's payload, as the peers' schemas name it:
 * 'TicketInfo', 'Message', or null (an unknown event: its data passes
 * through). Throws for the known events this normalizer does not model.
 */
export function payloadModel(event) {
  if (TICKET_EVENTS.has(event)) return 'TicketInfo';
  if (MESSAGE_EVENTS.has(event)) return 'Message';
  if (OTHER_EVENTS.has(event)) throw new Error(`the bench's normalizer does not model ${event} payloads`);
  return null;
}

/** A validated payload of `event` to its normalized form. */
export function normalizePayload(event, data) {
  const model = payloadModel(event);
  return model === 'TicketInfo' ? normalizeTicketInfo(data) : model === 'Message' ? normalizeMessage(data) : data;
}

const str = (v) => (typeof v === 'string' ? v : '');

/** The id in `data` (raw or normalized) of the entity an event is about: `""` when absent and for unknown events. */
export function entityId(event, data) {
  if (data === null || typeof data !== 'object') return '';
  switch (event) {
    case 'ticket.created':
    case 'ticket.updated':
    case 'ticket.deleted':
      return data.ticket !== null && typeof data.ticket === 'object' ? str(data.ticket.ticket_id) : '';
    case 'chat.created':
    case 'chat.custom_properties.updated':
      return str(data.chat_id);
    case 'chat.notification.created':
      return str(data.notification_id);
    case 'reaction.created':
    case 'reaction.updated':
      return str(data.reaction_id);
    case 'note.created':
      return str(data.message_id ?? data.unique_id);
    case 'org.phone.updated':
    case 'org.phone.connected':
    case 'org.phone.disconnected':
    case 'org.phone.qr':
      return str(data.phone_id);
    default:
      return MESSAGE_EVENTS.has(event) ? str(data.message_id) : '';
  }
}

const KNOWN_EVENTS = new Set([
  'chat.created', 'chat.notification.created', 'chat.custom_properties.updated', 'message.created', 'message.updated',
  'message.deleted', 'message.ack.updated', 'message.flagged', 'message.unflagged', 'message.ticket.attached',
  'reaction.created', 'reaction.updated', 'ticket.created', 'ticket.updated', 'ticket.deleted', 'org.phone.updated',
  'org.phone.connected', 'org.phone.disconnected', 'org.phone.qr', 'note.created',
]);

const dedupDigest = (json) => createHmac('sha256', 'periskope-events dedup key').update(json).digest('hex').slice(0, 16);
// The library writes its output in ASCII: every other character as a \u escape.
const asciiJson = (value) => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
// The canonical form of the digest: every object's keys sorted.
const sorted = (value) => {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const key of Object.keys(value).sort()) out[key] = sorted(value[key]);
  return out;
};
const keyPart = (part) => String(part).replace(/%/g, '%25').replace(/:/g, '%3A');

/**
 * `<event>:<org_id>:<entity id>:<timestamp>[:<digest>]`, the timestamp
 * already normalized, each part escaped (`%` as `%25`, `:` as `%3A`). An
 * unknown event's entity part is `data#` and the digest of its compact data;
 * an event that can happen many times to one entity (all but `*.created` and
 * `*.deleted`) ends with the digest of `[data, previous_attributes]` as
 * normalized. A digest is 16 hex digits of the HMAC-SHA256 (key
 * `periskope-events dedup key`) of the compact JSON: of the data as sent
 * (here `JSON.stringify`, the same text for ASCII data), or as the library
 * writes its output (ASCII, other characters as \u escapes).
 */
export const dedupKey = (event, orgId, normalizedTimestamp, data, previousAttributes = null) => {
  const known = KNOWN_EVENTS.has(event);
  const entity = known ? entityId(event, data) : 'data#' + dedupDigest(JSON.stringify(data));
  const key = [event, orgId, entity, normalizedTimestamp].map(keyPart).join(':');
  const repeats = !(event.endsWith('.created') || event.endsWith('.deleted'));
  return known && repeats ? key + ':' + dedupDigest(asciiJson(sorted([data, previousAttributes ?? null]))) : key;
};

const ENVELOPE_KEYS = new Set(['event', 'event_type', 'known', 'org_id', 'timestamp', 'data', 'previous_attributes', 'dedup_key']);

/** A validated webhook body to its normalized form (ticket and message events' data normalized, unknown events' as sent). */
export function normalizeWebhook(body) {
  const event = body.event;
  const model = payloadModel(event);
  const ts = timestamp(body.timestamp);
  const data = model === 'TicketInfo' ? normalizeTicketInfo(body.data) : model === 'Message' ? normalizeMessage(body.data) : body.data;
  return extras({
    event,
    known: model !== null,
    org_id: body.org_id,
    timestamp: ts,
    data,
    previous_attributes: orNull(body.previous_attributes),
    dedup_key: dedupKey(event, body.org_id, ts, data, orNull(body.previous_attributes)),
  }, body, ENVELOPE_KEYS);
}
