//! `ticket.created` (and `ticket.updated`, `ticket.deleted`): the ticket-info
//! payload `{ ticket, chat, message, attached_messages }`.
//!
//! Required fields follow the database, not the TypeScript types: the types
//! call every field a non-null string, but real payloads carry `null` for
//! every nullable column. Required (present and not `null`): `ticket.org_id`,
//! `ticket.ticket_id`, `ticket.subject`, `ticket.created_at`, `chat.chat_id`,
//! and `chat_id` and `message_id` of each message. Everything else may be
//! absent or `null`.
//!
//! The chat is the SDK's `ChatInfoType`: every field of a chat object
//! (`ChatObject`, of the chat family) but `labels`, with `chat_labels` (a string)
//! instead. Its members are `ChatMemberType`: the chat participant's fields
//! and the contact's.

use std::borrow::Cow;

use super::common::{ChatType, Members};
use crate::issue::IssueCode;
use crate::json::{Kind, Member, Value};
use crate::model::kinds::{
    Actor, ChatIdField, Email, EnumText, EnumValues, Json, JsonObject, Labels, List, MessageIdField, Number, PhoneId, Priority,
    StringList, StringMap, Timestamp, Uuid,
};
use crate::model::{model, read_model, Cx, Model};

/// Ticket statuses: `open`, `inprogress`, `closed`, `archived`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TicketStatus;

impl EnumValues for TicketStatus {
    const VALUES: &'static [&'static str] = &["open", "inprogress", "closed", "archived"];
    const WHAT: &'static str = "ticket status";
    const TS: &'static str = "TicketStatus";
}

model! {
    /// The payload of `ticket.created`, `ticket.updated` and `ticket.deleted`
    /// (Periskope's `TicketInfoType`).
    pub struct TicketInfo<'a> as "TicketInfo", draft TicketInfoDraft {
        /// The ticket.
        ticket: Ticket<'a> [required],
        /// The chat the ticket was raised in, or `null`.
        chat: Chat<'a>,
        /// The message the ticket was raised from, or `null`.
        message: TicketMessage<'a>,
        /// Messages attached to the ticket; `[]` when none.
        attached_messages: List<TicketMessage<'a>>,
    }
}

/// The payload of `ticket.created`.
pub type TicketCreated<'a> = TicketInfo<'a>;

model! {
    /// A ticket.
    pub struct Ticket<'a> as "Ticket", draft TicketDraft {
        /// The organisation's id (a UUID).
        org_id: Uuid<'a> [required],
        /// The ticket's id, such as `BKT-001`.
        ticket_id: Cow<'a, str> [required],
        /// `open`, `inprogress`, `closed` or `archived`; other values are kept with a warning.
        status: EnumText<'a, TicketStatus>,
        /// The subject.
        subject: Cow<'a, str> [required],
        /// The assignee's email, trimmed and lowercased.
        assignee: Email<'a>,
        /// Who assigned it (email, trimmed and lowercased).
        assigned_by: Email<'a>,
        /// Who raised it (email, trimmed and lowercased).
        raised_by: Email<'a>,
        /// When it is due, as UTC ISO 8601 with milliseconds.
        due_date: Timestamp,
        /// 0 none, 1 low, 2 medium, 3 high, 4 urgent; `priority_label` beside it.
        priority: Priority,
        /// When it was created, as UTC ISO 8601 with milliseconds.
        created_at: Timestamp [required],
        /// Labels, split from `"label1, label2"`.
        ticket_labels: Labels<'a>,
        /// The WhatsApp id of the quoted message, as sent.
        quoted_message_id: Cow<'a, str>,
        /// Custom properties by name, values as strings.
        ticket_custom_properties: StringMap<'a>,
        /// When it was closed, as UTC ISO 8601 with milliseconds.
        closed_at: Timestamp,
        /// Who closed it (email, trimmed and lowercased).
        closed_by: Email<'a>,
        /// The closing message.
        closed_message: Cow<'a, str>,
        /// When it was first assigned, as UTC ISO 8601 with milliseconds.
        first_assigned_at: Timestamp,
        /// Whether it was deleted.
        is_deleted: bool,
    }
    check = check_ticket;
}

/// A ticket still `open` or `inprogress` cannot have been closed.
fn check_ticket<'a>(ticket: &TicketDraft<'a>, members: &[Member<'a>], object: &Value<'a>, cx: &mut Cx<'a>) {
    let open = matches!(ticket.status.as_ref().map(EnumText::as_str), Some("open" | "inprogress"));
    if open && ticket.closed_at.is_some() {
        cx.warn_member(members, object, "closed_at", IssueCode::InconsistentValue, "the ticket is open but has a closing time");
    }
}

model! {
    /// The chat a ticket belongs to (Periskope's `ChatInfoType`: the fields
    /// of a chat object, with `chat_labels` in place of `labels`).
    pub struct Chat<'a> as "Chat", draft ChatDraft {
        /// The organisation's id (a UUID).
        org_id: Uuid<'a>,
        /// The organisation's phone (`<number>@c.us`).
        org_phone: PhoneId<'a>,
        /// The chat's id; `chat_id_parsed` beside it.
        chat_id: ChatIdField<'a> [required],
        /// Members keyed by contact id.
        members: Members<'a>,
        /// Whether the chat is muted.
        is_muted: bool,
        /// The chat's name.
        chat_name: Cow<'a, str>,
        /// `user`, `group`, `business` or `unknown`; other values are kept with a warning.
        chat_type: EnumText<'a, ChatType>,
        /// The chat's image (a URL or a storage path).
        chat_image: Cow<'a, str>,
        /// When the chat was created, as UTC ISO 8601 with milliseconds.
        created_at: Timestamp,
        /// Labels, split from `"label1, label2"`.
        chat_labels: Labels<'a>,
        /// The group's invite link.
        invite_link: Cow<'a, str>,
        /// Custom properties by name, values as strings.
        custom_properties: StringMap<'a>,
        /// The group's description.
        group_description: Cow<'a, str>,
        /// When the chat was last changed, as UTC ISO 8601 with milliseconds.
        updated_at: Timestamp,
        /// Label ids (`{ "label-...": true }`), as sent.
        label_ids: JsonObject<'a>,
        /// How many members the chat has.
        member_count: Number<'a>,
        /// The assignee's email, trimmed and lowercased.
        assigned_to: Email<'a>,
        /// Who started the chat: an email (trimmed, lowercased) or a word such as `api`.
        initiated_by: Actor<'a>,
        /// Which members of the organisation may see the chat (`{ email: boolean }`), as sent.
        chat_access: JsonObject<'a>,
        /// Whether the organisation's phone left the group.
        is_exited: bool,
        /// Whether the chat is archived.
        is_archived: bool,
        /// Whether the chat is pinned.
        is_pinned: bool,
        /// Whether only admins may edit the group's info.
        info_admins_only: bool,
        /// Whether only admins may send messages.
        messages_admins_only: bool,
        /// Whether only admins may add members.
        add_members_admins_only: bool,
        /// The phone that last handled the chat.
        active_phone: PhoneId<'a>,
        /// The organisation's phones in the chat.
        chat_org_phones: StringList<'a>,
        /// The latest message, as sent.
        latest_message: JsonObject<'a>,
        /// When the latest message was sent, as the epoch number sent.
        latest_message_timestamp: Number<'a>,
        /// When the latest message was sent, per key (`{ [key]: number | null }`), as sent.
        latest_message_timestamp_map: JsonObject<'a>,
        /// When the organisation was last mentioned, as UTC ISO 8601 with milliseconds.
        latest_mention_at: Timestamp,
        /// Unread messages.
        message_unread_count: Number<'a>,
        /// Unread messages per member, as sent.
        unread_count: JsonObject<'a>,
        /// Flagged messages.
        flag_count: Number<'a>,
        /// Flagged messages per member, as sent.
        flag_count_map: JsonObject<'a>,
        /// When the chat was closed, as the epoch number sent.
        closed_at: Number<'a>,
        /// The snooze (`snooze_until`, `snooze_message`, `snooze_by`), as sent.
        snooze_metadata: JsonObject<'a>,
        /// Pinned messages (`message_id`, `pinned_at`, `expires_at`), as sent.
        pinned_messages: Json<'a>,
        /// The community the group belongs to.
        parent_community_id: Cow<'a, str>,
        /// Chat access that overrides the organisation's rules, as sent.
        override_chat_access: Json<'a>,
        /// The AI agent's state (`is_active`, `activation_state`...), as sent.
        ai_metadata: JsonObject<'a>,
        /// WhatsApp's group metadata, as sent.
        group_metadata: JsonObject<'a>,
        /// Unread counts per member, as sent.
        member_unread_count: JsonObject<'a>,
        /// When each member closed the chat, as sent.
        member_closed_at: JsonObject<'a>,
        /// Chats shared with this one.
        common_chats: StringList<'a>,
        /// The HubSpot record linked to the chat, as sent.
        hubspot_metadata: JsonObject<'a>,
        /// The Freshdesk record linked to the chat, as sent.
        freshdesk_metadata: JsonObject<'a>,
        /// The Zoho Desk record linked to the chat, as sent.
        zohodesk_metadata: JsonObject<'a>,
        /// The Zoho CRM record linked to the chat, as sent.
        zohocrm_metadata: JsonObject<'a>,
    }
}

model! {
    /// The message a ticket was raised from, or one attached to it.
    pub struct TicketMessage<'a> as "TicketMessage", draft TicketMessageDraft {
        /// The text.
        body: Cow<'a, str>,
        /// The chat's id; `chat_id_parsed` beside it.
        chat_id: ChatIdField<'a> [required],
        /// The organisation's phone.
        org_phone: PhoneId<'a>,
        /// When it was sent, as UTC ISO 8601 with milliseconds.
        timestamp: Timestamp,
        /// Where its media is stored.
        media_path: Cow<'a, str>,
        /// The serialized message id; `message_id_parsed` beside it.
        message_id: MessageIdField<'a> [required],
        /// The sender's name.
        sender_name: Cow<'a, str>,
        /// Who sent it through Periskope: an email (trimmed, lowercased) or `api`.
        performed_by: Actor<'a>,
        /// The sender's phone number.
        sender_phone: PhoneId<'a>,
    }
}

/// Reads a ticket-info object, or a bare ticket (its fields at the top level)
/// as one with no chat and no messages, with a `bare_ticket` warning. Never
/// inlined, as `read_model`.
#[inline(never)]
pub(crate) fn read_ticket_info<'a>(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<TicketInfo<'a>> {
    let Kind::Object(members) = &value.kind else {
        cx.wrong_type("an object", value);
        return None;
    };
    let bare = value.get("ticket").is_none() && value.get("ticket_id").is_some();
    if !bare {
        return read_model(value, cx);
    }
    cx.warn(
        IssueCode::BareTicket,
        "a bare ticket was read as { ticket, chat: null, message: null, attached_messages: [] }",
        value,
    );
    if !cx.charge_model::<Ticket<'a>>(value) {
        return None;
    }
    let ticket = Ticket::finish(Ticket::from_members(members, value, cx))?;
    Some(TicketInfo { ticket, chat: None, message: None, attached_messages: None, extra: Vec::new() })
}
