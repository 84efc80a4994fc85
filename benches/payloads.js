// The payloads, made in code and deterministic (a seeded PRNG): the same
// bytes on every run and machine.
//
// - `sample`: the ticket.created docs sample (tests/fixtures/.../
//   docs-sample-commas-fixed.json), about 3 KB;
// - `ticket50`: a group-chat ticket with 50 attached messages;
// - `message`: a message.created payload (an ObjMessageType, from
//   shared reference §5.1: an image message in a group, with media,
//   delivery_info, flag_metadata);
// - `ticket1mb`: a ticket with as many attached messages as make the
//   webhook body reach 1 MiB.
//
// Each payload has three forms: `body`, the webhook body as Periskope sends
// it (compact `JSON.stringify` of `{ event, data, org_id, timestamp }`), as
// bytes (a Buffer, as a Node server reads it) and as a string; and `object`,
// the parsed `data` alone, as the official SDK hands it to a `client.on`
// handler.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLE_PATH = path.join(ROOT, 'tests', 'fixtures', 'ticket.created', 'valid', 'docs-sample-commas-fixed.json');

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORG_ID = '2997dd64-89bf-48d3-9a22-b314fca017e5';
const ORG_PHONE = '918527184400@c.us';
const GROUP = '120363297269676566@g.us';
const WORDS = ('hello please order invoice payment refund delivery status update thanks team issue ticket urgent pending ' +
  'shipped received address change cancel confirm tomorrow today call back support account login password reset ' +
  'price quote discount bulk warehouse dispatch tracking number courier damaged replacement photo attached').split(' ');
const INTL = ['Namaste 🙏', 'धन्यवाद, कृपया जल्दी करें', '¿Dónde está mi pedido?', 'Größe passt nicht', 'ok 👍👍', 'مرحبا، شكرا'];
const AGENTS = ['support@acme-retail.in', '  Priya.Sharma@Acme-Retail.in ', 'OPS@ACME-RETAIL.IN', 'api'];
const HEX = '0123456789ABCDEF';

function hex(rand, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += HEX[Math.floor(rand() * 16)];
  return s;
}

function phone(rand) {
  return '91' + String(7000000000 + Math.floor(rand() * 2999999999));
}

function pad(n, w = 2) {
  return String(n).padStart(w, '0');
}

/** A timestamp in one of the forms Periskope sends (§4.4 of the reference). */
function stamp(rand, i) {
  const base = Date.UTC(2025, 0, 26, 13, 46, 55) + i * 61_013;
  const d = new Date(base);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  switch (Math.floor(rand() * 4)) {
    case 0: return `${date} ${time}+00`;
    case 1: return `${date}T${time}+00:00`;
    case 2: return `${date}T${time}.${pad(Math.floor(rand() * 1e6), 6)}+00:00`;
    default: return `${date}T${time}.${pad(d.getUTCMilliseconds(), 3)}Z`;
  }
}

function sentence(rand, min, max) {
  const n = min + Math.floor(rand() * (max - min));
  const words = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(rand() * WORDS.length)]);
  if (rand() < 0.15) words.push(INTL[Math.floor(rand() * INTL.length)]);
  let s = words.join(' ');
  if (rand() < 0.1) s += '\n"quoted" \\ line';
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function ticketMessage(rand, i, members) {
  const author = members[Math.floor(rand() * members.length)];
  const fromMe = author === ORG_PHONE;
  return {
    body: sentence(rand, 3, 40),
    chat_id: GROUP,
    org_phone: ORG_PHONE,
    timestamp: stamp(rand, i),
    media_path: rand() < 0.2 ? `/storage/v1/object/public/message-media/${ORG_ID}/${hex(rand, 20)}.jpeg` : null,
    message_id: `${fromMe}_${GROUP}_3EB0${hex(rand, 18)}${fromMe ? '' : '_' + author}`,
    sender_name: fromMe ? 'Acme Support' : `Customer ${i % 97}`,
    performed_by: fromMe ? AGENTS[Math.floor(rand() * AGENTS.length)] : null,
    sender_phone: author,
  };
}

/** A realistic group-chat ticket with `attached` attached messages. */
export function ticketInfo(attached, seed = 1) {
  const rand = prng(seed);
  const memberIds = [ORG_PHONE];
  for (let i = 0; i < 5; i++) memberIds.push(phone(rand) + '@c.us');
  const members = {};
  memberIds.forEach((id, i) => {
    members[id] = {
      org_id: ORG_ID,
      chat_id: GROUP,
      is_admin: i < 2,
      org_phone: ORG_PHONE,
      contact_id: id,
      is_internal: i === 0,
      contact_name: i === 0 ? 'Acme Support' : `Customer ${i}`,
      contact_color: ['#B4876E', '#25D366', '#7D9EF1', '#DC2626'][i % 4],
      contact_image: `https://storage.googleapis.com/periskope-images/${ORG_ID}%2F${id.replace('@', '%40')}.jpg?timestamp=${1737690126280 + i}`,
      contact_labels: i === 0 ? null : 'customer, VIP, customer',
      is_super_admin: i === 0,
    };
  });
  const chat = {
    org_id: ORG_ID,
    org_phone: ORG_PHONE,
    chat_id: GROUP,
    members,
    is_muted: false,
    chat_name: 'Acme Retail x Customer escalations',
    chat_type: 'group',
    chat_image: null,
    created_at: '2025-01-26 02:30:50+00',
    chat_labels: 'escalation, Billing, billing , ',
    invite_link: 'https://chat.whatsapp.com/invite/BZcwk7oCxxVIhE3k9cmKxN',
    custom_properties: { region: 'north', tier: 2, active: true, owner: null },
    group_description: 'Escalations for Acme Retail orders. Be kind.',
  };
  const messages = [];
  for (let i = 0; i < attached; i++) messages.push(ticketMessage(rand, i, memberIds));
  return {
    chat,
    message: ticketMessage(rand, attached, memberIds),
    ticket: {
      org_id: ORG_ID,
      status: 'inprogress',
      subject: 'Order #48213 delivered damaged, customer wants a replacement',
      assignee: ' Priya.Sharma@Acme-Retail.in',
      due_date: '2025-02-01 12:00:00+05:30',
      priority: 3,
      closed_at: null,
      closed_by: null,
      raised_by: 'OPS@acme-retail.in',
      ticket_id: 'ACME-04821',
      created_at: '2025-01-26T13:46:55.758677+00:00',
      is_deleted: false,
      assigned_by: 'lead@acme-retail.in',
      ticket_labels: 'damaged, replacement, Damaged, priority-customer',
      quoted_message_id: '3EB0CA3ED694ED50FD3F18',
      ticket_custom_properties: { order_id: '48213', amount: 1499, refundable: false, courier: 'BlueDart' },
      first_assigned_at: '2025-01-26T13:50:02.6+00:00',
    },
    attached_messages: messages,
  };
}

/** A message.created payload (ObjMessageType): an image in a group chat. */
export function messageObject(seed = 7) {
  const rand = prng(seed);
  const author = phone(rand) + '@c.us';
  const waId = '3EB0' + hex(rand, 18);
  const serialized = `false_${GROUP}_${waId}_${author}`;
  return {
    id: { id: waId, fromMe: false, remote: GROUP, _serialized: serialized },
    message_id: serialized,
    org_id: ORG_ID,
    org_phone: ORG_PHONE,
    chat_id: GROUP,
    unique_id: waId,
    ack: '2',
    author,
    body: 'Hi team, the parcel arrived with the box crushed, photo attached. Order #48213 🙏',
    broadcast: false,
    broadcast_id: null,
    device_type: 'android',
    duration: null,
    from: author,
    to: ORG_PHONE,
    from_me: false,
    has_media: true,
    has_quoted_msg: false,
    has_reaction: false,
    is_deleted: false,
    is_ephemeral: null,
    is_forwarded: false,
    forwarding_score: 0,
    is_gif: false,
    is_starred: false,
    is_status: false,
    media: {
      path: `/storage/v1/object/public/message-media/${ORG_ID}/${GROUP}/${waId}.jpeg`,
      mimetype: 'image/jpeg',
      filename: `${waId}.jpeg`,
      dimensions: { width: 1280, height: 960, ar: 1.3333333333333333 },
      size: 183552,
    },
    media_key: 'q0Tz3mV6w7tq1kQH5n9bJd0m3l2h8WcQxYy4s9PZ0aU=',
    message_type: 'image',
    mentioned_ids: [],
    vcards: [],
    links: [],
    location: null,
    invite_v4: null,
    order_id: null,
    token: null,
    message_ticket_id: 'ACME-04821',
    performed_by: null,
    prev_body: null,
    quoted_message_id: null,
    sender_phone: author.replace('@c.us', ''),
    sent_message_id: null,
    timestamp: '2025-01-26 13:46:55+00',
    updated_at: '2025-01-26T13:46:57.120934+00:00',
    flag_status: true,
    flag_response_time: null,
    flag_metadata: { status: true, flagged_by: 'ai', flagged_at: '2025-01-26T13:46:58.002+00:00' },
    delivery_info: {
      delivered: { [ORG_PHONE]: 1737899216000 },
      read: { [ORG_PHONE]: 1737899217000 },
      pending: [],
      read_count: 1,
      delivered_count: 1,
    },
    raw_data: { translations: null },
  };
}

function envelope(event, data, i = 0) {
  return { event, data, org_id: ORG_ID, timestamp: `2025-01-26 13:47:0${i}.123456+00` };
}

function forms(name, title, event, data) {
  const text = JSON.stringify(envelope(event, data));
  const bytes = Buffer.from(text);
  return { name, title, event, text, bytes, object: data, objectText: JSON.stringify(data) };
}

/**
 * Webhook bodies of the user's own (`bash scripts/bench.sh --body FILE`,
 * which passes them to every process of the bench in
 * PERISKOPE_BENCH_BODIES, separated by the platform's path delimiter): each
 * measured as it is on disk, byte for byte, beside the bench's own payloads.
 */
export function userBodies() {
  const list = process.env.PERISKOPE_BENCH_BODIES;
  if (!list) return [];
  return list.split(path.delimiter).filter(Boolean).map((file) => {
    const bytes = fs.readFileSync(file);
    let body;
    try {
      body = JSON.parse(bytes.toString('utf8'));
    } catch (e) {
      throw new Error(`--body ${file}: not JSON (${e.message})`);
    }
    if (body === null || typeof body !== 'object' || typeof body.event !== 'string' || !('data' in body)) {
      throw new Error(`--body ${file}: expected a webhook body, { event, data, org_id, timestamp }`);
    }
    const name = 'body:' + path.basename(file).replace(/\.json$/, '');
    return { name, title: `your body ${path.basename(file)} (${body.event})`, event: body.event, text: bytes.toString('utf8'), bytes, object: body.data, objectText: JSON.stringify(body.data), user: true };
  });
}

/** The bench's payloads, largest last, then the user's own bodies. `smoke` shrinks nothing: every size is measured, briefly. */
export function payloads() {
  const sample = JSON.parse(fs.readFileSync(SAMPLE_PATH, 'utf8'));
  // The fewest attached messages that make the body reach 1 MiB.
  const size = (k) => JSON.stringify(envelope('ticket.created', ticketInfo(k))).length;
  let lo = 1;
  let n = 8192;
  while (lo < n) {
    const mid = (lo + n) >>> 1;
    if (size(mid) >= 1024 * 1024) n = mid;
    else lo = mid + 1;
  }
  return [
    forms('sample', 'ticket.created docs sample', 'ticket.created', sample),
    forms('ticket50', 'ticket.created, 50 attached messages', 'ticket.created', ticketInfo(50)),
    forms('message', 'message.created (ObjMessageType)', 'message.created', messageObject()),
    forms('ticket1mb', `ticket.created, ${n} attached messages (1 MiB)`, 'ticket.created', ticketInfo(n)),
    ...userBodies(),
  ];
}

/** Tickets of growing size, for the scaling table. */
export function scalingPayloads(counts) {
  return counts.map((k) => forms(`attached${k}`, `${k} attached`, 'ticket.created', ticketInfo(k)));
}
