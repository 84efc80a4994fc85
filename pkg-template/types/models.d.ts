// Generated from the Rust models by tests/typescript.rs. Do not edit:
// change the model, then run `UPDATE_DTS=1 cargo test --test typescript`.

/** The stable codes of every issue (from the core's IssueCode). Programs match on these; messages may change. */
export type IssueCode =
  | 'invalid_json'
  | 'invalid_encoding'
  | 'duplicate_key'
  | 'too_large'
  | 'too_deep'
  | 'invalid_input'
  | 'invalid_type'
  | 'missing_field'
  | 'out_of_range'
  | 'invalid_timestamp'
  | 'wrong_event'
  | 'unknown_field'
  | 'unknown_event'
  | 'unknown_enum_value'
  | 'placeholder_value'
  | 'invalid_format'
  | 'invalid_email'
  | 'inconsistent_value'
  | 'coerced_value'
  | 'bare_ticket'
  | 'derived_field_replaced'
  | 'too_many_issues'
  | 'internal_error';

/** A ticket status; values outside the known ones are kept (with a warning). */
export type TicketStatus = 'open' | 'inprogress' | 'closed' | 'archived' | (string & {});

/** A chat type; values outside the known ones are kept (with a warning). */
export type ChatType = 'user' | 'group' | 'business' | 'unknown' | (string & {});

/** A message type; values outside the known ones are kept (with a warning). */
export type MessageType = 'chat' | 'sticker' | 'image' | 'video' | 'document' | 'vcard' | 'multi_vcard' | 'audio' | 'ptt' | 'poll_creation' | 'location' | 'ciphertext' | (string & {});

/** A notification type; values outside the known ones are kept (with a warning). */
export type NotificationType = 'add' | 'remove' | 'promote' | 'demote' | 'invite' | 'leave' | 'announce_true' | 'announce_false' | 'restrict_true' | 'restrict_false' | 'memberaddmode_true' | 'memberaddmode_false' | 'subject' | 'desc' | 'call' | (string & {});

/** A WhatsApp state; values outside the known ones are kept (with a warning). */
export type WaState = 'CONNECTED' | 'DISCONNECTED' | 'OPENING' | 'PAIRING' | 'UNPAIRED' | 'UNPAIRED_IDLE' | 'CONFLICT' | 'TIMEOUT' | 'UNLAUNCHED' | 'PROXYBLOCK' | 'TOS_BLOCK' | 'SMB_TOS_BLOCK' | 'DEPRECATED_VERSION' | (string & {});

/** A ticket priority: 0 none, 1 low, 2 medium, 3 high, 4 urgent. */
export type PriorityLevel = 0 | 1 | 2 | 3 | 4;

/** The label of a priority. */
export type PriorityLabel = 'none' | 'low' | 'medium' | 'high' | 'urgent';

/** A chat id split into its parts. */
export interface ChatIdParts {
  /** `contact` for `@c.us`, `group` for `@g.us`, `other` for anything else. */
  kind: 'contact' | 'group' | 'other';
  /** The part before `@` when it is all digits. */
  number: string | null;
  /** The part after `@`. */
  server: string | null;
}

/** A serialized message id (`true_<chat>_<id>[_<participant>]`) split into its parts. */
export interface MessageIdParts {
  /** Whether the organisation's phone sent the message. */
  from_me: boolean;
  /** The chat's id. */
  chat_id: string;
  /** WhatsApp's id of the message. */
  id: string;
  /** In groups, the author's id. */
  participant: string | null;
}

/**
 * A normalized object with the fields this version does not know, which are
 * passed through as sent: `(data as WithExtra<Ticket>).some_new_field`.
 */
export type WithExtra<T> = T & { [field: string]: unknown };

/**
 * WhatsApp's id object of a message, reaction or notification, always with snake_case keys
 * (`fromMe` and `_serialized` are read as `from_me` and `serialized`).
 */
export interface WaId {
  /** WhatsApp's id of the message (`3EB0...`). */
  id: string | null;
  /** Whether the organisation's phone sent it. */
  from_me: boolean | null;
  /** The chat's id. */
  remote: string | null;
  /** The serialized id: `<from_me>_<remote>_<id>`, then `_<participant>` in groups. */
  serialized: string | null;
}

/** WhatsApp's id object as accepted: either spelling of `from_me` and `serialized`. */
export interface WaIdInput {
  id?: string | null;
  from_me?: boolean | null;
  fromMe?: boolean | null;
  remote?: string | null;
  serialized?: string | null;
  _serialized?: string | null;
  [field: string]: unknown;
}

/**
 * The payload of `ticket.created`, `ticket.updated` and `ticket.deleted`
 * (Periskope's `TicketInfoType`).
 * Normalized: every field is present, `null` when absent.
 */
export interface TicketInfo {
  /** The ticket. */
  ticket: Ticket;
  /** The chat the ticket was raised in, or `null`. */
  chat: Chat | null;
  /** The message the ticket was raised from, or `null`. */
  message: TicketMessage | null;
  /** Messages attached to the ticket; `[]` when none. */
  attached_messages: TicketMessage[];
}

/**
 * The payload of `ticket.created`, `ticket.updated` and `ticket.deleted`
 * (Periskope's `TicketInfoType`).
 * As accepted: what real senders send, `null` included.
 */
export interface TicketInfoInput {
  ticket: TicketInput;
  chat?: ChatInput | null;
  message?: TicketMessageInput | null;
  attached_messages?: TicketMessageInput[] | null;
  [field: string]: unknown;
}

/**
 * A ticket.
 * Normalized: every field is present, `null` when absent.
 */
export interface Ticket {
  /** The organisation's id (a UUID). */
  org_id: string;
  /** The ticket's id, such as `BKT-001`. */
  ticket_id: string;
  /** `open`, `inprogress`, `closed` or `archived`; other values are kept with a warning. */
  status: TicketStatus | null;
  /** The subject. */
  subject: string;
  /** The assignee's email, trimmed and lowercased. */
  assignee: string | null;
  /** Who assigned it (email, trimmed and lowercased). */
  assigned_by: string | null;
  /** Who raised it (email, trimmed and lowercased). */
  raised_by: string | null;
  /** When it is due, as UTC ISO 8601 with milliseconds. */
  due_date: string | null;
  /** 0 none, 1 low, 2 medium, 3 high, 4 urgent; `priority_label` beside it. */
  priority: PriorityLevel | null;
  /** Computed from `priority`. */
  priority_label: PriorityLabel | null;
  /** When it was created, as UTC ISO 8601 with milliseconds. */
  created_at: string;
  /** Labels, split from `"label1, label2"`. */
  ticket_labels: string[];
  /** The WhatsApp id of the quoted message, as sent. */
  quoted_message_id: string | null;
  /** Custom properties by name, values as strings. */
  ticket_custom_properties: Record<string, string | null> | null;
  /** When it was closed, as UTC ISO 8601 with milliseconds. */
  closed_at: string | null;
  /** Who closed it (email, trimmed and lowercased). */
  closed_by: string | null;
  /** The closing message. */
  closed_message: string | null;
  /** When it was first assigned, as UTC ISO 8601 with milliseconds. */
  first_assigned_at: string | null;
  /** Whether it was deleted. */
  is_deleted: boolean | null;
}

/**
 * A ticket.
 * As accepted: what real senders send, `null` included.
 */
export interface TicketInput {
  org_id: string;
  ticket_id: string;
  status?: string | null;
  subject: string;
  assignee?: string | null;
  assigned_by?: string | null;
  raised_by?: string | null;
  due_date?: string | number | null;
  priority?: number | string | null;
  created_at: string | number;
  ticket_labels?: string | string[] | null;
  quoted_message_id?: string | null;
  ticket_custom_properties?: Record<string, string | number | boolean | null> | null;
  closed_at?: string | number | null;
  closed_by?: string | null;
  closed_message?: string | null;
  first_assigned_at?: string | number | null;
  is_deleted?: boolean | null;
  [field: string]: unknown;
}

/**
 * The chat a ticket belongs to (Periskope's `ChatInfoType`: the fields
 * of a chat object, with `chat_labels` in place of `labels`).
 * Normalized: every field is present, `null` when absent.
 */
export interface Chat {
  /** The organisation's id (a UUID). */
  org_id: string | null;
  /** The organisation's phone (`<number>@c.us`). */
  org_phone: string | null;
  /** The chat's id; `chat_id_parsed` beside it. */
  chat_id: string;
  /** Computed from `chat_id`. */
  chat_id_parsed: ChatIdParts | null;
  /** Members keyed by contact id. */
  members: Record<string, ChatMember> | null;
  /** Whether the chat is muted. */
  is_muted: boolean | null;
  /** The chat's name. */
  chat_name: string | null;
  /** `user`, `group`, `business` or `unknown`; other values are kept with a warning. */
  chat_type: ChatType | null;
  /** The chat's image (a URL or a storage path). */
  chat_image: string | null;
  /** When the chat was created, as UTC ISO 8601 with milliseconds. */
  created_at: string | null;
  /** Labels, split from `"label1, label2"`. */
  chat_labels: string[];
  /** The group's invite link. */
  invite_link: string | null;
  /** Custom properties by name, values as strings. */
  custom_properties: Record<string, string | null> | null;
  /** The group's description. */
  group_description: string | null;
  /** When the chat was last changed, as UTC ISO 8601 with milliseconds. */
  updated_at: string | null;
  /** Label ids (`{ "label-...": true }`), as sent. */
  label_ids: Record<string, unknown> | null;
  /** How many members the chat has. */
  member_count: number | null;
  /** The assignee's email, trimmed and lowercased. */
  assigned_to: string | null;
  /** Who started the chat: an email (trimmed, lowercased) or a word such as `api`. */
  initiated_by: string | null;
  /** Which members of the organisation may see the chat (`{ email: boolean }`), as sent. */
  chat_access: Record<string, unknown> | null;
  /** Whether the organisation's phone left the group. */
  is_exited: boolean | null;
  /** Whether the chat is archived. */
  is_archived: boolean | null;
  /** Whether the chat is pinned. */
  is_pinned: boolean | null;
  /** Whether only admins may edit the group's info. */
  info_admins_only: boolean | null;
  /** Whether only admins may send messages. */
  messages_admins_only: boolean | null;
  /** Whether only admins may add members. */
  add_members_admins_only: boolean | null;
  /** The phone that last handled the chat. */
  active_phone: string | null;
  /** The organisation's phones in the chat. */
  chat_org_phones: string[];
  /** The latest message, as sent. */
  latest_message: Record<string, unknown> | null;
  /** When the latest message was sent, as the epoch number sent. */
  latest_message_timestamp: number | null;
  /** When the latest message was sent, per key (`{ [key]: number | null }`), as sent. */
  latest_message_timestamp_map: Record<string, unknown> | null;
  /** When the organisation was last mentioned, as UTC ISO 8601 with milliseconds. */
  latest_mention_at: string | null;
  /** Unread messages. */
  message_unread_count: number | null;
  /** Unread messages per member, as sent. */
  unread_count: Record<string, unknown> | null;
  /** Flagged messages. */
  flag_count: number | null;
  /** Flagged messages per member, as sent. */
  flag_count_map: Record<string, unknown> | null;
  /** When the chat was closed, as the epoch number sent. */
  closed_at: number | null;
  /** The snooze (`snooze_until`, `snooze_message`, `snooze_by`), as sent. */
  snooze_metadata: Record<string, unknown> | null;
  /** Pinned messages (`message_id`, `pinned_at`, `expires_at`), as sent. */
  pinned_messages: unknown | null;
  /** The community the group belongs to. */
  parent_community_id: string | null;
  /** Chat access that overrides the organisation's rules, as sent. */
  override_chat_access: unknown | null;
  /** The AI agent's state (`is_active`, `activation_state`...), as sent. */
  ai_metadata: Record<string, unknown> | null;
  /** WhatsApp's group metadata, as sent. */
  group_metadata: Record<string, unknown> | null;
  /** Unread counts per member, as sent. */
  member_unread_count: Record<string, unknown> | null;
  /** When each member closed the chat, as sent. */
  member_closed_at: Record<string, unknown> | null;
  /** Chats shared with this one. */
  common_chats: string[];
  /** The HubSpot record linked to the chat, as sent. */
  hubspot_metadata: Record<string, unknown> | null;
  /** The Freshdesk record linked to the chat, as sent. */
  freshdesk_metadata: Record<string, unknown> | null;
  /** The Zoho Desk record linked to the chat, as sent. */
  zohodesk_metadata: Record<string, unknown> | null;
  /** The Zoho CRM record linked to the chat, as sent. */
  zohocrm_metadata: Record<string, unknown> | null;
}

/**
 * The chat a ticket belongs to (Periskope's `ChatInfoType`: the fields
 * of a chat object, with `chat_labels` in place of `labels`).
 * As accepted: what real senders send, `null` included.
 */
export interface ChatInput {
  org_id?: string | null;
  org_phone?: string | null;
  chat_id: string;
  members?: Record<string, ChatMemberInput> | null;
  is_muted?: boolean | null;
  chat_name?: string | null;
  chat_type?: string | null;
  chat_image?: string | null;
  created_at?: string | number | null;
  chat_labels?: string | string[] | null;
  invite_link?: string | null;
  custom_properties?: Record<string, string | number | boolean | null> | null;
  group_description?: string | null;
  updated_at?: string | number | null;
  label_ids?: object | string | null;
  member_count?: number | string | null;
  assigned_to?: string | null;
  initiated_by?: string | null;
  chat_access?: object | string | null;
  is_exited?: boolean | null;
  is_archived?: boolean | null;
  is_pinned?: boolean | null;
  info_admins_only?: boolean | null;
  messages_admins_only?: boolean | null;
  add_members_admins_only?: boolean | null;
  active_phone?: string | null;
  chat_org_phones?: string[] | string | null;
  latest_message?: object | string | null;
  latest_message_timestamp?: number | string | null;
  latest_message_timestamp_map?: object | string | null;
  latest_mention_at?: string | number | null;
  message_unread_count?: number | string | null;
  unread_count?: object | string | null;
  flag_count?: number | string | null;
  flag_count_map?: object | string | null;
  closed_at?: number | string | null;
  snooze_metadata?: object | string | null;
  pinned_messages?: unknown | null;
  parent_community_id?: string | null;
  override_chat_access?: unknown | null;
  ai_metadata?: object | string | null;
  group_metadata?: object | string | null;
  member_unread_count?: object | string | null;
  member_closed_at?: object | string | null;
  common_chats?: string[] | string | null;
  hubspot_metadata?: object | string | null;
  freshdesk_metadata?: object | string | null;
  zohodesk_metadata?: object | string | null;
  zohocrm_metadata?: object | string | null;
  [field: string]: unknown;
}

/**
 * A member of a chat (Periskope's `ChatMemberType`: the participant's
 * and the contact's fields).
 * Normalized: every field is present, `null` when absent.
 */
export interface ChatMember {
  /** The organisation's id (a UUID). */
  org_id: string | null;
  /** The chat's id; `chat_id_parsed` beside it. */
  chat_id: string | null;
  /** Computed from `chat_id`. */
  chat_id_parsed: ChatIdParts | null;
  /** The member's contact id (the key of the `members` map); `contact_id_parsed` beside it. */
  contact_id: string | null;
  /** Computed from `contact_id`. */
  contact_id_parsed: ChatIdParts | null;
  /** The organisation's phone. */
  org_phone: string | null;
  /** Whether the member is a group admin. */
  is_admin: boolean | null;
  /** Whether the member is a group super-admin. */
  is_super_admin: boolean | null;
  /** Whether the member belongs to the organisation. */
  is_internal: boolean | null;
  /** The contact's name. */
  contact_name: string | null;
  /** The contact's color, from Periskope's palette. */
  contact_color: string | null;
  /** The contact's image URL. */
  contact_image: string | null;
  /** Labels, split from `"label1, label2"`. */
  contact_labels: string[];
  /** WhatsApp's id of the contact, as sent. */
  id: unknown | null;
  /** The contact's linked-device id (LID), as sent. */
  contact_lid: string | null;
  /** The contact's kind, as sent. */
  contact_type: string | null;
  /** The contact's phone number. */
  number: string | null;
  /** The contact's name as saved on the organisation's phone. */
  name: string | null;
  /** The name the contact shows on WhatsApp. */
  pushname: string | null;
  /** A short form of the contact's name. */
  short_name: string | null;
  /** The contact's name in Periskope. */
  periskope_name: string | null;
  /** A business's verified name. */
  verified_name: string | null;
  /** A business's verification level, as the number sent. */
  verified_level: number | null;
  /** The WhatsApp Business profile, as sent. */
  business_profile: unknown | null;
  /** Label ids (`{ "label-...": true }`), as sent: any JSON, as the SDK types it. */
  label_ids: unknown | null;
  /** Whether the organisation's phone blocked the contact. */
  is_blocked: boolean | null;
  /** Whether the contact is a WhatsApp Business account. */
  is_business: boolean | null;
  /** Whether the contact is an enterprise account. */
  is_enterprise: boolean | null;
  /** Whether the contact is a group. */
  is_group: boolean | null;
  /** Whether the contact is the organisation's phone itself. */
  is_me: boolean | null;
  /** Whether the contact is saved on the organisation's phone. */
  is_my_contact: boolean | null;
  /** Whether the contact is a person. */
  is_user: boolean | null;
  /** Whether the contact is on WhatsApp. */
  is_wa_contact: boolean | null;
  /** Whether the contact was imported into Periskope. */
  is_imported: boolean | null;
  /** When the contact was last changed, as UTC ISO 8601 with milliseconds. */
  updated_at: string | null;
}

/**
 * A member of a chat (Periskope's `ChatMemberType`: the participant's
 * and the contact's fields).
 * As accepted: what real senders send, `null` included.
 */
export interface ChatMemberInput {
  org_id?: string | null;
  chat_id?: string | null;
  contact_id?: string | null;
  org_phone?: string | null;
  is_admin?: boolean | null;
  is_super_admin?: boolean | null;
  is_internal?: boolean | null;
  contact_name?: string | null;
  contact_color?: string | null;
  contact_image?: string | null;
  contact_labels?: string | string[] | null;
  id?: unknown | null;
  contact_lid?: string | null;
  contact_type?: string | null;
  number?: string | null;
  name?: string | null;
  pushname?: string | null;
  short_name?: string | null;
  periskope_name?: string | null;
  verified_name?: string | null;
  verified_level?: number | string | null;
  business_profile?: unknown | null;
  label_ids?: unknown | null;
  is_blocked?: boolean | null;
  is_business?: boolean | null;
  is_enterprise?: boolean | null;
  is_group?: boolean | null;
  is_me?: boolean | null;
  is_my_contact?: boolean | null;
  is_user?: boolean | null;
  is_wa_contact?: boolean | null;
  is_imported?: boolean | null;
  updated_at?: string | number | null;
  [field: string]: unknown;
}

/**
 * The message a ticket was raised from, or one attached to it.
 * Normalized: every field is present, `null` when absent.
 */
export interface TicketMessage {
  /** The text. */
  body: string | null;
  /** The chat's id; `chat_id_parsed` beside it. */
  chat_id: string;
  /** Computed from `chat_id`. */
  chat_id_parsed: ChatIdParts | null;
  /** The organisation's phone. */
  org_phone: string | null;
  /** When it was sent, as UTC ISO 8601 with milliseconds. */
  timestamp: string | null;
  /** Where its media is stored. */
  media_path: string | null;
  /** The serialized message id; `message_id_parsed` beside it. */
  message_id: string;
  /** Computed from `message_id`. */
  message_id_parsed: MessageIdParts | null;
  /** The sender's name. */
  sender_name: string | null;
  /** Who sent it through Periskope: an email (trimmed, lowercased) or `api`. */
  performed_by: string | null;
  /** The sender's phone number. */
  sender_phone: string | null;
}

/**
 * The message a ticket was raised from, or one attached to it.
 * As accepted: what real senders send, `null` included.
 */
export interface TicketMessageInput {
  body?: string | null;
  chat_id: string;
  org_phone?: string | null;
  timestamp?: string | number | null;
  media_path?: string | null;
  message_id: string;
  sender_name?: string | null;
  performed_by?: string | null;
  sender_phone?: string | null;
  [field: string]: unknown;
}

/**
 * A WhatsApp message: the payload of every `message.*` event
 * (Periskope's `ObjMessageType`).
 * Normalized: every field is present, `null` when absent.
 */
export interface Message {
  /** The serialized message id; `message_id_parsed` beside it. */
  message_id: string;
  /** Computed from `message_id`. */
  message_id_parsed: MessageIdParts | null;
  /** The organisation's id (a UUID). */
  org_id: string;
  /** The organisation's phone (`<number>@c.us`). */
  org_phone: string;
  /** The chat's id; `chat_id_parsed` beside it. */
  chat_id: string | null;
  /** Computed from `chat_id`. */
  chat_id_parsed: ChatIdParts | null;
  /** WhatsApp's id object, always spelled `{ id, from_me, remote, serialized }`. */
  id: WaId | null;
  /** One of the SDK's supported types; other values are kept with a warning. */
  message_type: MessageType | null;
  /** The text, or a media caption. */
  body: string | null;
  /** When it was sent, as UTC ISO 8601 with milliseconds. */
  timestamp: string | null;
  /** Whether the organisation's phone sent it. */
  from_me: boolean | null;
  /** The sender's WhatsApp id (a group's id for group messages). */
  from: string | null;
  /** The recipient's WhatsApp id. */
  to: string | null;
  /** In groups, the author's WhatsApp id. */
  author: string | null;
  /** The sender's phone (`<number>@c.us`). */
  sender_phone: string | null;
  /** Who sent it through Periskope: an email (trimmed, lowercased) or `api`. */
  performed_by: string | null;
  /** Delivery: -1 failed, 0 pending, 1 sent, 2 delivered, 3 delivered to all, 4+ read; a number even when sent as text. */
  ack: number | null;
  /** Whether it was deleted. */
  is_deleted: boolean | null;
  /** The text before the last edit. */
  prev_body: string | null;
  /** When it was last changed, as UTC ISO 8601 with milliseconds. */
  updated_at: string | null;
  /** Whether it carries media. */
  has_media: boolean | null;
  /** The media (`path`, `mimetype`, `filename`, `size`, `dimensions`...), as sent. */
  media: Record<string, unknown> | null;
  /** WhatsApp's media key. */
  media_key: string | null;
  /** The quoted message's id, as sent (a WhatsApp id, a serialized id or a UUID). */
  quoted_message_id: string | null;
  /** Whether it quotes another message. */
  has_quoted_msg: boolean | null;
  /** The WhatsApp ids of the contacts it mentions. */
  mentioned_ids: string[];
  /** Whether it has reactions. */
  has_reaction: boolean | null;
  /** Its reactions, as sent. */
  reactions: unknown | null;
  /** Whether it was forwarded. */
  is_forwarded: boolean | null;
  /** How many times it was forwarded. */
  forwarding_score: number | null;
  /** Whether it is starred. */
  is_starred: boolean | null;
  /** Whether it disappears. */
  is_ephemeral: boolean | null;
  /** Whether its video is a GIF. */
  is_gif: boolean | null;
  /** Whether it is a status update. */
  is_status: boolean | null;
  /** Whether it was sent to a broadcast list. */
  broadcast: boolean | null;
  /** The broadcast's id. */
  broadcast_id: string | null;
  /** The sending device (`android`, `ios`, `web`...). */
  device_type: string | null;
  /** An audio or video's duration in seconds, as sent. */
  duration: string | null;
  /** Whether it is flagged for a response. */
  flag_status: boolean | null;
  /** The flag's details (`status`, `response_type`, `flagged_by`...), as sent. */
  flag_metadata: Record<string, unknown> | null;
  /** How long the flag waited for a response. */
  flag_response_time: number | null;
  /** The ticket it is attached to. */
  message_ticket_id: string | null;
  /** The order's id, for order messages. */
  order_id: string | null;
  /** The id of Periskope's send request (a UUID). */
  sent_message_id: string | null;
  /** Periskope's unique id of the message. */
  unique_id: string | null;
  /** WhatsApp's message token. */
  token: string | null;
  /** The links it contains, as sent (seen as a JSON text such as `"[]"`). */
  links: unknown | null;
  /** A location message's place, as sent. */
  location: unknown | null;
  /** A group invite's details, as sent. */
  invite_v4: unknown | null;
  /** The vCards of a contact message. */
  vcards: string[];
  /** A poll's question and options, as sent. */
  poll_info: Record<string, unknown> | null;
  /** A poll's votes, as sent. */
  poll_results: Record<string, unknown> | null;
  /** Who it was delivered to and read by (`delivered`, `read`, `pending`...), as sent. */
  delivery_info: Record<string, unknown> | null;
  /** WhatsApp's raw message (with `translations`, if any), as sent. */
  raw_data: Record<string, unknown> | null;
  /** Whether it is a private note. */
  is_private_note: boolean | null;
  /** The send request it came from (`chat_id`, `body`, `media`, `job_id`...), as sent. */
  message_payload: Record<string, unknown> | null;
  /** A search result's highlight, as the number sent. */
  highlight: number | null;
  /** Periskope's full-text search vector (a Postgres `tsvector`), as sent. */
  fts: unknown | null;
}

/**
 * A WhatsApp message: the payload of every `message.*` event
 * (Periskope's `ObjMessageType`).
 * As accepted: what real senders send, `null` included.
 */
export interface MessageInput {
  message_id: string;
  org_id: string;
  org_phone: string;
  chat_id?: string | null;
  id?: WaIdInput | string | null;
  message_type?: string | null;
  body?: string | null;
  timestamp?: string | number | null;
  from_me?: boolean | null;
  from?: string | null;
  to?: string | null;
  author?: string | null;
  sender_phone?: string | null;
  performed_by?: string | null;
  ack?: number | string | null;
  is_deleted?: boolean | null;
  prev_body?: string | null;
  updated_at?: string | number | null;
  has_media?: boolean | null;
  media?: object | string | null;
  media_key?: string | null;
  quoted_message_id?: string | null;
  has_quoted_msg?: boolean | null;
  mentioned_ids?: string[] | string | null;
  has_reaction?: boolean | null;
  reactions?: unknown | null;
  is_forwarded?: boolean | null;
  forwarding_score?: number | string | null;
  is_starred?: boolean | null;
  is_ephemeral?: boolean | null;
  is_gif?: boolean | null;
  is_status?: boolean | null;
  broadcast?: boolean | null;
  broadcast_id?: string | null;
  device_type?: string | null;
  duration?: string | null;
  flag_status?: boolean | null;
  flag_metadata?: object | string | null;
  flag_response_time?: number | string | null;
  message_ticket_id?: string | null;
  order_id?: string | null;
  sent_message_id?: string | null;
  unique_id?: string | null;
  token?: string | null;
  links?: unknown | null;
  location?: unknown | null;
  invite_v4?: unknown | null;
  vcards?: string[] | string | null;
  poll_info?: object | string | null;
  poll_results?: object | string | null;
  delivery_info?: object | string | null;
  raw_data?: object | string | null;
  is_private_note?: boolean | null;
  message_payload?: object | string | null;
  highlight?: number | string | null;
  fts?: unknown | null;
  [field: string]: unknown;
}

/**
 * A chat: the payload of `chat.created` and
 * `chat.custom_properties.updated` (Periskope's `ObjChatType`).
 * Normalized: every field is present, `null` when absent.
 */
export interface ChatObject {
  /** The chat's id; `chat_id_parsed` beside it. */
  chat_id: string;
  /** Computed from `chat_id`. */
  chat_id_parsed: ChatIdParts | null;
  /** The organisation's id (a UUID). */
  org_id: string | null;
  /** The organisation's phone (`<number>@c.us`). */
  org_phone: string | null;
  /** `user`, `group`, `business` or `unknown`; other values are kept with a warning. */
  chat_type: ChatType | null;
  /** The chat's name. */
  chat_name: string | null;
  /** The chat's image (a URL or a storage path). */
  chat_image: string | null;
  /** The group's description. */
  group_description: string | null;
  /** The group's invite link. */
  invite_link: string | null;
  /** When the chat was created, as UTC ISO 8601 with milliseconds. */
  created_at: string | null;
  /** When the chat was last changed, as UTC ISO 8601 with milliseconds. */
  updated_at: string | null;
  /** Labels, trimmed and deduplicated (from an array or `"label1, label2"`). */
  labels: string[];
  /** Label ids (`{ "label-...": true }`), as sent. */
  label_ids: Record<string, unknown> | null;
  /** Custom properties by name, values as strings. */
  custom_properties: Record<string, string | null> | null;
  /** Members keyed by contact id. */
  members: Record<string, ChatMember> | null;
  /** How many members the chat has. */
  member_count: number | null;
  /** The assignee's email, trimmed and lowercased. */
  assigned_to: string | null;
  /** Who started the chat: an email (trimmed, lowercased) or a word such as `api`. */
  initiated_by: string | null;
  /** Which members of the organisation may see the chat (`{ email: boolean }`), as sent. */
  chat_access: Record<string, unknown> | null;
  /** Whether the chat is muted. */
  is_muted: boolean | null;
  /** Whether the organisation's phone left the group. */
  is_exited: boolean | null;
  /** Whether the chat is archived. */
  is_archived: boolean | null;
  /** Whether the chat is pinned. */
  is_pinned: boolean | null;
  /** Whether only admins may edit the group's info. */
  info_admins_only: boolean | null;
  /** Whether only admins may send messages. */
  messages_admins_only: boolean | null;
  /** Whether only admins may add members. */
  add_members_admins_only: boolean | null;
  /** The phone that last handled the chat. */
  active_phone: string | null;
  /** The organisation's phones in the chat. */
  chat_org_phones: string[];
  /** The latest message, as sent. */
  latest_message: Record<string, unknown> | null;
  /** When the latest message was sent, as the epoch number sent. */
  latest_message_timestamp: number | null;
  /** When the latest message was sent, per key (`{ [key]: number | null }`), as sent. */
  latest_message_timestamp_map: Record<string, unknown> | null;
  /** When the organisation was last mentioned, as UTC ISO 8601 with milliseconds. */
  latest_mention_at: string | null;
  /** Unread messages. */
  message_unread_count: number | null;
  /** Unread messages per member, as sent. */
  unread_count: Record<string, unknown> | null;
  /** Flagged messages. */
  flag_count: number | null;
  /** Flagged messages per member, as sent. */
  flag_count_map: Record<string, unknown> | null;
  /** When the chat was closed, as the epoch number sent. */
  closed_at: number | null;
  /** The snooze (`snooze_until`, `snooze_message`, `snooze_by`), as sent. */
  snooze_metadata: Record<string, unknown> | null;
  /** Pinned messages (`message_id`, `pinned_at`, `expires_at`), as sent. */
  pinned_messages: unknown | null;
  /** The community the group belongs to. */
  parent_community_id: string | null;
  /** Chat access that overrides the organisation's rules, as sent. */
  override_chat_access: unknown | null;
  /** The AI agent's state (`is_active`, `activation_state`...), as sent. */
  ai_metadata: Record<string, unknown> | null;
  /** WhatsApp's group metadata, as sent. */
  group_metadata: Record<string, unknown> | null;
  /** Unread counts per member, as sent. */
  member_unread_count: Record<string, unknown> | null;
  /** When each member closed the chat, as sent. */
  member_closed_at: Record<string, unknown> | null;
  /** Chats shared with this one. */
  common_chats: string[];
  /** The HubSpot record linked to the chat, as sent. */
  hubspot_metadata: Record<string, unknown> | null;
  /** The Freshdesk record linked to the chat, as sent. */
  freshdesk_metadata: Record<string, unknown> | null;
  /** The Zoho Desk record linked to the chat, as sent. */
  zohodesk_metadata: Record<string, unknown> | null;
  /** The Zoho CRM record linked to the chat, as sent. */
  zohocrm_metadata: Record<string, unknown> | null;
}

/**
 * A chat: the payload of `chat.created` and
 * `chat.custom_properties.updated` (Periskope's `ObjChatType`).
 * As accepted: what real senders send, `null` included.
 */
export interface ChatObjectInput {
  chat_id: string;
  org_id?: string | null;
  org_phone?: string | null;
  chat_type?: string | null;
  chat_name?: string | null;
  chat_image?: string | null;
  group_description?: string | null;
  invite_link?: string | null;
  created_at?: string | number | null;
  updated_at?: string | number | null;
  labels?: string | string[] | null;
  label_ids?: object | string | null;
  custom_properties?: Record<string, string | number | boolean | null> | null;
  members?: Record<string, ChatMemberInput> | null;
  member_count?: number | string | null;
  assigned_to?: string | null;
  initiated_by?: string | null;
  chat_access?: object | string | null;
  is_muted?: boolean | null;
  is_exited?: boolean | null;
  is_archived?: boolean | null;
  is_pinned?: boolean | null;
  info_admins_only?: boolean | null;
  messages_admins_only?: boolean | null;
  add_members_admins_only?: boolean | null;
  active_phone?: string | null;
  chat_org_phones?: string[] | string | null;
  latest_message?: object | string | null;
  latest_message_timestamp?: number | string | null;
  latest_message_timestamp_map?: object | string | null;
  latest_mention_at?: string | number | null;
  message_unread_count?: number | string | null;
  unread_count?: object | string | null;
  flag_count?: number | string | null;
  flag_count_map?: object | string | null;
  closed_at?: number | string | null;
  snooze_metadata?: object | string | null;
  pinned_messages?: unknown | null;
  parent_community_id?: string | null;
  override_chat_access?: unknown | null;
  ai_metadata?: object | string | null;
  group_metadata?: object | string | null;
  member_unread_count?: object | string | null;
  member_closed_at?: object | string | null;
  common_chats?: string[] | string | null;
  hubspot_metadata?: object | string | null;
  freshdesk_metadata?: object | string | null;
  zohodesk_metadata?: object | string | null;
  zohocrm_metadata?: object | string | null;
  [field: string]: unknown;
}

/**
 * A group notification: the payload of `chat.notification.created`
 * (Periskope's `ObjChatNotificationType`).
 * Normalized: every field is present, `null` when absent.
 */
export interface ChatNotification {
  /** The notification's id. */
  notification_id: string;
  /** The organisation's id (a UUID). */
  org_id: string;
  /** The organisation's phone (`<number>@c.us`). */
  org_phone: string;
  /** The chat's id; `chat_id_parsed` beside it. */
  chat_id: string | null;
  /** Computed from `chat_id`. */
  chat_id_parsed: ChatIdParts | null;
  /** WhatsApp's id object, always spelled `{ id, from_me, remote, serialized }`. */
  id: WaId | null;
  /** What happened: one of WhatsApp's group actions; other values are kept with a warning. */
  type: NotificationType | null;
  /** Who did it (a WhatsApp id). */
  author: string | null;
  /** The notification's text, if any. */
  body: string | null;
  /** Whom it concerns (WhatsApp ids). */
  recipientids: string[];
  /** When it happened, as UTC ISO 8601 with milliseconds. */
  timestamp: string | null;
  /** Periskope's unique id of the notification. */
  unique_id: string | null;
  /** Details, as sent. */
  metadata: unknown | null;
}

/**
 * A group notification: the payload of `chat.notification.created`
 * (Periskope's `ObjChatNotificationType`).
 * As accepted: what real senders send, `null` included.
 */
export interface ChatNotificationInput {
  notification_id: string;
  org_id: string;
  org_phone: string;
  chat_id?: string | null;
  id?: WaIdInput | string | null;
  type?: string | null;
  author?: string | null;
  body?: string | null;
  recipientids?: string[] | string | null;
  timestamp?: string | number | null;
  unique_id?: string | null;
  metadata?: unknown | null;
  [field: string]: unknown;
}

/**
 * A reaction: the payload of `reaction.created` and `reaction.updated`
 * (Periskope's `ObjReactionType`).
 * Normalized: every field is present, `null` when absent.
 */
export interface Reaction {
  /** The reaction's id. */
  reaction_id: string;
  /** The reacted-to message's serialized id; `message_id_parsed` beside it. */
  message_id: string;
  /** Computed from `message_id`. */
  message_id_parsed: MessageIdParts | null;
  /** The organisation's id (a UUID). */
  org_id: string;
  /** The organisation's phone (`<number>@c.us`). */
  org_phone: string;
  /** Who reacted (`<number>@c.us`). */
  sender_id: string;
  /** The chat's id; `chat_id_parsed` beside it. */
  chat_id: string | null;
  /** Computed from `chat_id`. */
  chat_id_parsed: ChatIdParts | null;
  /** The reaction's own WhatsApp id object, spelled `{ id, from_me, remote, serialized }`. */
  id: WaId | null;
  /** The reacted-to message's WhatsApp id object, spelled `{ id, from_me, remote, serialized }`. */
  msg_id: WaId | null;
  /** The emoji; `""` when a reaction was taken back. */
  reaction: string | null;
  /** Delivery: -1 failed, 0 pending, 1 sent, 2 delivered, 3 delivered to all, 4+ read. */
  ack: number | null;
  /** Whether the reacted-to message was unknown when the reaction arrived (0 or 1). */
  orphan: number | null;
  /** Why it was an orphan. */
  orphan_reason: string | null;
  /** Whether it was read. */
  read: boolean | null;
  /** When it was sent, as UTC ISO 8601 with milliseconds. */
  timestamp: string | null;
  /** Periskope's unique id of the reaction. */
  unique_id: string | null;
}

/**
 * A reaction: the payload of `reaction.created` and `reaction.updated`
 * (Periskope's `ObjReactionType`).
 * As accepted: what real senders send, `null` included.
 */
export interface ReactionInput {
  reaction_id: string;
  message_id: string;
  org_id: string;
  org_phone: string;
  sender_id: string;
  chat_id?: string | null;
  id?: WaIdInput | string | null;
  msg_id?: WaIdInput | string | null;
  reaction?: string | null;
  ack?: number | string | null;
  orphan?: number | string | null;
  orphan_reason?: string | null;
  read?: boolean | null;
  timestamp?: string | number | null;
  unique_id?: string | null;
  [field: string]: unknown;
}

/**
 * A private note: the payload of `note.created` (Periskope's
 * `ObjNoteType`).
 * Normalized: every field is present, `null` when absent.
 */
export interface Note {
  /** The note's id (`true_<uuid>_api`), kept as sent. */
  message_id: string;
  /** The organisation's id (a UUID). */
  org_id: string;
  /** The organisation's phone (`<number>@c.us`). */
  org_phone: string;
  /** The chat's id; `chat_id_parsed` beside it. */
  chat_id: string | null;
  /** Computed from `chat_id`. */
  chat_id_parsed: ChatIdParts | null;
  /** `chat`, or a media type for a note with media; other values are kept with a warning. */
  message_type: MessageType | null;
  /** The text. */
  body: string | null;
  /** When it was written, as UTC ISO 8601 with milliseconds. */
  timestamp: string | null;
  /** Who wrote it: an email (trimmed, lowercased) or `api`. */
  performed_by: string | null;
  /** The organisation's phone that the note was written from. */
  sender_phone: string | null;
  /** Whether the organisation wrote it (always, in practice). */
  from_me: boolean | null;
  /** Delivery level, a number even when sent as text. */
  ack: number | null;
  /** The attached media (`mimetype`, `filename`, `filedata`...), as sent. */
  media: Record<string, unknown> | null;
  /** Who is mentioned (`@<email>`). */
  mentioned_ids: string[];
  /** The quoted message's or note's id, as sent. */
  quoted_message_id: string | null;
  /** The text before the last edit. */
  prev_body: string | null;
  /** The id of Periskope's send request (a UUID). */
  sent_message_id: string | null;
  /** Periskope's unique id of the note (a UUID). */
  unique_id: string | null;
  /** When it was last changed, as UTC ISO 8601 with milliseconds. */
  updated_at: string | null;
  /** Whether it was deleted. */
  is_deleted: boolean | null;
  /** Always `true` for a note. */
  is_private_note: boolean | null;
}

/**
 * A private note: the payload of `note.created` (Periskope's
 * `ObjNoteType`).
 * As accepted: what real senders send, `null` included.
 */
export interface NoteInput {
  message_id: string;
  org_id: string;
  org_phone: string;
  chat_id?: string | null;
  message_type?: string | null;
  body?: string | null;
  timestamp?: string | number | null;
  performed_by?: string | null;
  sender_phone?: string | null;
  from_me?: boolean | null;
  ack?: number | string | null;
  media?: object | string | null;
  mentioned_ids?: string[] | string | null;
  quoted_message_id?: string | null;
  prev_body?: string | null;
  sent_message_id?: string | null;
  unique_id?: string | null;
  updated_at?: string | number | null;
  is_deleted?: boolean | null;
  is_private_note?: boolean | null;
  [field: string]: unknown;
}

/**
 * The organisation's phone: the payload of every `org.phone.*` event
 * (Periskope's `PhoneInfoType`).
 * Normalized: every field is present, `null` when absent.
 */
export interface PhoneInfo {
  /** The phone's id (`phone-` and 16 letters). */
  phone_id: string;
  /** The organisation's id (a UUID). */
  org_id: string;
  /** When the phone was added, as UTC ISO 8601 with milliseconds. */
  created_at: string;
  /** The phone's WhatsApp id (`<number>@c.us`), once paired. */
  org_phone: string | null;
  /** The phone's name in Periskope. */
  phone_name: string | null;
  /** The phone's profile picture URL. */
  phone_image: string | null;
  /** WhatsApp Web's state (`CONNECTED`...); other values are kept with a warning. */
  wa_state: WaState | null;
  /** Whether the phone is ready to send and receive. */
  is_ready: boolean | null;
  /** The QR code to pair the phone, while it is not paired. */
  qr_code: string | null;
  /** When the phone was first connected, as UTC ISO 8601 with milliseconds. */
  first_connected_at: string | null;
  /** When the phone was last changed, as UTC ISO 8601 with milliseconds. */
  updated_at: string | null;
  /** Labels, trimmed and deduplicated (from an array or `"label1, label2"`). */
  labels: string[];
  /** Label ids (`{ "label-...": true }`), as sent. */
  label_ids: Record<string, unknown> | null;
}

/**
 * The organisation's phone: the payload of every `org.phone.*` event
 * (Periskope's `PhoneInfoType`).
 * As accepted: what real senders send, `null` included.
 */
export interface PhoneInfoInput {
  phone_id: string;
  org_id: string;
  created_at: string | number;
  org_phone?: string | null;
  phone_name?: string | null;
  phone_image?: string | null;
  wa_state?: string | null;
  is_ready?: boolean | null;
  qr_code?: string | null;
  first_connected_at?: string | number | null;
  updated_at?: string | number | null;
  labels?: string | string[] | null;
  label_ids?: object | string | null;
  [field: string]: unknown;
}

/** The normalized payload of `ticket.created`. */
export type TicketCreated = TicketInfo;
/** A `ticket.created` payload as accepted. */
export type TicketCreatedInput = TicketInfoInput;

/** The normalized payload of each known event. */
export interface EventDataMap {
  'chat.created': ChatObject;
  'chat.notification.created': ChatNotification;
  'chat.custom_properties.updated': ChatObject;
  'message.created': Message;
  'message.updated': Message;
  'message.deleted': Message;
  'message.ack.updated': Message;
  'message.flagged': Message;
  'message.unflagged': Message;
  'message.ticket.attached': Message;
  'reaction.created': Reaction;
  'reaction.updated': Reaction;
  'ticket.created': TicketInfo;
  'ticket.updated': TicketInfo;
  'ticket.deleted': TicketInfo;
  'org.phone.updated': PhoneInfo;
  'org.phone.connected': PhoneInfo;
  'org.phone.disconnected': PhoneInfo;
  'org.phone.qr': PhoneInfo;
  'note.created': Note;
}

/** The payload of each known event as accepted. */
export interface EventDataInputMap {
  'chat.created': ChatObjectInput;
  'chat.notification.created': ChatNotificationInput;
  'chat.custom_properties.updated': ChatObjectInput;
  'message.created': MessageInput;
  'message.updated': MessageInput;
  'message.deleted': MessageInput;
  'message.ack.updated': MessageInput;
  'message.flagged': MessageInput;
  'message.unflagged': MessageInput;
  'message.ticket.attached': MessageInput;
  'reaction.created': ReactionInput;
  'reaction.updated': ReactionInput;
  'ticket.created': TicketInfoInput;
  'ticket.updated': TicketInfoInput;
  'ticket.deleted': TicketInfoInput;
  'org.phone.updated': PhoneInfoInput;
  'org.phone.connected': PhoneInfoInput;
  'org.phone.disconnected': PhoneInfoInput;
  'org.phone.qr': PhoneInfoInput;
  'note.created': NoteInput;
}

/** The name of an event this version knows. */
export type KnownEvent = keyof EventDataMap;
