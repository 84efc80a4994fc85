// Generated from the Rust models by tests/typescript.rs. Do not edit:
// change the model, then run `UPDATE_DTS=1 cargo test --test typescript`.

/** A ticket status; values outside the known ones are kept (with a warning). */
export type TicketStatus = 'open' | 'inprogress' | 'closed' | 'archived' | (string & {});

/** A chat type; values outside the known ones are kept (with a warning). */
export type ChatType = 'user' | 'group' | 'business' | 'unknown' | (string & {});

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
  /** Fields this version does not know, passed through as sent. */
  [field: string]: unknown;
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
  /** Fields this version does not know, passed through as sent. */
  [field: string]: unknown;
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
 * The chat a ticket belongs to.
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
  /** Fields this version does not know, passed through as sent. */
  [field: string]: unknown;
}

/**
 * The chat a ticket belongs to.
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
  [field: string]: unknown;
}

/**
 * A member of a chat.
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
  /** Fields this version does not know, passed through as sent. */
  [field: string]: unknown;
}

/**
 * A member of a chat.
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
  /** Fields this version does not know, passed through as sent. */
  [field: string]: unknown;
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

/** The normalized payload of `ticket.created`. */
export type TicketCreated = TicketInfo;
/** A `ticket.created` payload as accepted. */
export type TicketCreatedInput = TicketInfoInput;
