//! `chat.created` and `chat.custom_properties.updated`: the chat object
//! (Periskope's `ObjChatType`, a `view_chats` row with typed overrides and
//! `labels`).
//!
//! Named `ChatObject` because `Chat` is the smaller chat of a ticket's
//! payload ([`Chat`](crate::Chat)).
//!
//! Required (present and not `null`): `chat_id`, the one field the SDK's type
//! overrides to a non-null string (every `view_chats` column is nullable).
//!
//! What is normalized beyond the shared kinds:
//! - `labels` is split and deduplicated as ticket labels are, so a
//!   comma-separated string and an array give the same list.
//! - counts (`member_count`, `flag_count`, `message_unread_count`) and the
//!   epoch numbers (`latest_message_timestamp`, `closed_at`) are numbers;
//!   `"3"` becomes `3` with a `coerced_value` warning.
//! - `latest_message` is kept as sent: the SDK types it as a database message
//!   whose `id` is any JSON, so checking it as a message could reject a chat
//!   event over a field of another object.
//! - a `group` chat whose id is a contact's (`@c.us`), or a `user` chat whose
//!   id is a group's (`@g.us`), gets an `inconsistent_value` warning.

use std::borrow::Cow;

use super::common::{ChatType, Members};
use crate::issue::IssueCode;
use crate::json::{Member, Value};
use crate::model::kinds::{
    Actor, ChatIdField, Email, EnumText, Json, JsonObject, Labels, Number, PhoneId, StringList, StringMap, Timestamp, Uuid,
};
use crate::model::{model, Cx};

model! {
    /// A chat: the payload of `chat.created` and
    /// `chat.custom_properties.updated` (Periskope's `ObjChatType`).
    pub struct ChatObject<'a> as "ChatObject", draft ChatObjectDraft {
        /// The chat's id; `chat_id_parsed` beside it.
        chat_id: ChatIdField<'a> [required],
        /// The organisation's id (a UUID).
        org_id: Uuid<'a>,
        /// The organisation's phone (`<number>@c.us`).
        org_phone: PhoneId<'a>,
        /// `user`, `group`, `business` or `unknown`; other values are kept with a warning.
        chat_type: EnumText<'a, ChatType>,
        /// The chat's name.
        chat_name: Cow<'a, str>,
        /// The chat's image (a URL or a storage path).
        chat_image: Cow<'a, str>,
        /// The group's description.
        group_description: Cow<'a, str>,
        /// The group's invite link.
        invite_link: Cow<'a, str>,
        /// When the chat was created, as UTC ISO 8601 with milliseconds.
        created_at: Timestamp,
        /// When the chat was last changed, as UTC ISO 8601 with milliseconds.
        updated_at: Timestamp,
        /// Labels, trimmed and deduplicated (from an array or `"label1, label2"`).
        labels: Labels<'a>,
        /// Label ids (`{ "label-...": true }`), as sent.
        label_ids: JsonObject<'a>,
        /// Custom properties by name, values as strings.
        custom_properties: StringMap<'a>,
        /// Members keyed by contact id.
        members: Members<'a>,
        /// How many members the chat has.
        member_count: Number<'a>,
        /// The assignee's email, trimmed and lowercased.
        assigned_to: Email<'a>,
        /// Who started the chat: an email (trimmed, lowercased) or a word such as `api`.
        initiated_by: Actor<'a>,
        /// Which members of the organisation may see the chat (`{ email: boolean }`), as sent.
        chat_access: JsonObject<'a>,
        /// Whether the chat is muted.
        is_muted: bool,
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
    check = check_chat;
}

/// A chat's type and its id's server must agree: groups are `@g.us`,
/// people `@c.us`.
fn check_chat<'a>(chat: &ChatObjectDraft<'a>, members: &[Member<'a>], object: &Value<'a>, cx: &mut Cx<'a>) {
    let (Some(chat_type), Some(chat_id)) = (&chat.chat_type, &chat.chat_id) else { return };
    let clash = match chat_type.as_str() {
        "group" => chat_id.0.ends_with("@c.us"),
        "user" => chat_id.0.ends_with("@g.us"),
        _ => false,
    };
    if clash {
        let message = "chat_type disagrees with the chat id's server (@g.us is a group, @c.us a person)";
        cx.warn_member(members, object, "chat_type", IssueCode::InconsistentValue, message);
    }
}
