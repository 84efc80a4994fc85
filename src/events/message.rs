//! `message.created`, `message.updated`, `message.deleted`,
//! `message.ack.updated`, `message.flagged`, `message.unflagged` and
//! `message.ticket.attached`: the message object (Periskope's
//! `ObjMessageType`, a `tbl_chat_messages` row with `id` as WhatsApp's id
//! object).
//!
//! Required (present and not `null`): `message_id`, `org_id` and
//! `org_phone`, the table's only non-null columns (the SDK's type also calls
//! `chat_id` a string, but the column is nullable, so it is optional here).
//!
//! What is normalized beyond the shared kinds:
//! - `id` arrives as `{id, fromMe, remote, _serialized}` (SDK type, flagged
//!   sample) or `{id, from_me, remote, serialized}` (REST docs); it is always
//!   written `{id, from_me, remote, serialized}` (see [`WaId`]).
//! - `ack` is text in Periskope's database (`"2"`): it is written as a number,
//!   without a warning since text is its documented form (see [`Ack`]).
//! - `forwarding_score` and `flag_response_time` are numbers; `"0"` becomes
//!   `0` with a `coerced_value` warning (see [`Number`]).
//! - `links`, `location`, `invite_v4`, `reactions` and `fts` have no
//!   documented shape and are kept exactly as sent, so `links: "[]"` stays a
//!   string.
//! - `message_id`, `from_me`, `chat_id` and `id` must agree; where they do
//!   not, an `inconsistent_value` warning says which.

use std::borrow::Cow;

use super::common::MessageType;
use crate::issue::IssueCode;
use crate::json::{Member, Value};
use crate::model::kinds::{
    Ack, Actor, ChatIdField, EnumText, Json, JsonObject, MessageIdField, Number, PhoneId, StringList, Timestamp, Uuid, WaId,
};
use crate::model::{model, Cx};
use crate::normalize;

model! {
    /// A WhatsApp message: the payload of every `message.*` event
    /// (Periskope's `ObjMessageType`).
    pub struct Message<'a> as "Message", draft MessageDraft {
        /// The serialized message id; `message_id_parsed` beside it.
        message_id: MessageIdField<'a> [required],
        /// The organisation's id (a UUID).
        org_id: Uuid<'a> [required],
        /// The organisation's phone (`<number>@c.us`).
        org_phone: PhoneId<'a> [required],
        /// The chat's id; `chat_id_parsed` beside it.
        chat_id: ChatIdField<'a>,
        /// WhatsApp's id object, always spelled `{ id, from_me, remote, serialized }`.
        id: WaId<'a>,
        /// One of the SDK's supported types; other values are kept with a warning.
        message_type: EnumText<'a, MessageType>,
        /// The text, or a media caption.
        body: Cow<'a, str>,
        /// When it was sent, as UTC ISO 8601 with milliseconds.
        timestamp: Timestamp,
        /// Whether the organisation's phone sent it.
        from_me: bool,
        /// The sender's WhatsApp id (a group's id for group messages).
        from: PhoneId<'a>,
        /// The recipient's WhatsApp id.
        to: PhoneId<'a>,
        /// In groups, the author's WhatsApp id.
        author: PhoneId<'a>,
        /// The sender's phone (`<number>@c.us`).
        sender_phone: PhoneId<'a>,
        /// Who sent it through Periskope: an email (trimmed, lowercased) or `api`.
        performed_by: Actor<'a>,
        /// Delivery: -1 failed, 0 pending, 1 sent, 2 delivered, 3 delivered to all, 4+ read; a number even when sent as text.
        ack: Ack<'a, true>,
        /// Whether it was deleted.
        is_deleted: bool,
        /// The text before the last edit.
        prev_body: Cow<'a, str>,
        /// When it was last changed, as UTC ISO 8601 with milliseconds.
        updated_at: Timestamp,
        /// Whether it carries media.
        has_media: bool,
        /// The media (`path`, `mimetype`, `filename`, `size`, `dimensions`...), as sent.
        media: JsonObject<'a>,
        /// WhatsApp's media key.
        media_key: Cow<'a, str>,
        /// The quoted message's id, as sent (a WhatsApp id, a serialized id or a UUID).
        quoted_message_id: Cow<'a, str>,
        /// Whether it quotes another message.
        has_quoted_msg: bool,
        /// The WhatsApp ids of the contacts it mentions.
        mentioned_ids: StringList<'a>,
        /// Whether it has reactions.
        has_reaction: bool,
        /// Its reactions, as sent.
        reactions: Json<'a>,
        /// Whether it was forwarded.
        is_forwarded: bool,
        /// How many times it was forwarded.
        forwarding_score: Number<'a>,
        /// Whether it is starred.
        is_starred: bool,
        /// Whether it disappears.
        is_ephemeral: bool,
        /// Whether its video is a GIF.
        is_gif: bool,
        /// Whether it is a status update.
        is_status: bool,
        /// Whether it was sent to a broadcast list.
        broadcast: bool,
        /// The broadcast's id.
        broadcast_id: Cow<'a, str>,
        /// The sending device (`android`, `ios`, `web`...).
        device_type: Cow<'a, str>,
        /// An audio or video's duration in seconds, as sent.
        duration: Cow<'a, str>,
        /// Whether it is flagged for a response.
        flag_status: bool,
        /// The flag's details (`status`, `response_type`, `flagged_by`...), as sent.
        flag_metadata: JsonObject<'a>,
        /// How long the flag waited for a response.
        flag_response_time: Number<'a>,
        /// The ticket it is attached to.
        message_ticket_id: Cow<'a, str>,
        /// The order's id, for order messages.
        order_id: Cow<'a, str>,
        /// The id of Periskope's send request (a UUID).
        sent_message_id: Uuid<'a>,
        /// Periskope's unique id of the message.
        unique_id: Cow<'a, str>,
        /// WhatsApp's message token.
        token: Cow<'a, str>,
        /// The links it contains, as sent (seen as a JSON text such as `"[]"`).
        links: Json<'a>,
        /// A location message's place, as sent.
        location: Json<'a>,
        /// A group invite's details, as sent.
        invite_v4: Json<'a>,
        /// The vCards of a contact message.
        vcards: StringList<'a>,
        /// A poll's question and options, as sent.
        poll_info: JsonObject<'a>,
        /// A poll's votes, as sent.
        poll_results: JsonObject<'a>,
        /// Who it was delivered to and read by (`delivered`, `read`, `pending`...), as sent.
        delivery_info: JsonObject<'a>,
        /// WhatsApp's raw message (with `translations`, if any), as sent.
        raw_data: JsonObject<'a>,
        /// Whether it is a private note.
        is_private_note: bool,
        /// The send request it came from (`chat_id`, `body`, `media`, `job_id`...), as sent.
        message_payload: JsonObject<'a>,
        /// A search result's highlight, as the number sent.
        highlight: Number<'a>,
        /// Periskope's full-text search vector (a Postgres `tsvector`), as sent.
        fts: Json<'a>,
    }
    check = check_message;
}

/// The message's ids must tell one story: `id.serialized` is `message_id`,
/// and `message_id`'s sender flag and chat are `from_me` and `chat_id`.
fn check_message<'a>(message: &MessageDraft<'a>, members: &[Member<'a>], object: &Value<'a>, cx: &mut Cx<'a>) {
    let Some(message_id) = &message.message_id else { return };
    if message.id.as_ref().and_then(|id| id.serialized.as_ref()).is_some_and(|s| *s != message_id.0) {
        cx.warn_member(members, object, "id", IssueCode::InconsistentValue, "id.serialized differs from message_id");
    }
    let Some(parts) = normalize::parse_message_id(&message_id.0) else { return };
    if message.from_me.is_some_and(|from_me| from_me != parts.from_me) {
        cx.warn_member(members, object, "from_me", IssueCode::InconsistentValue, "from_me differs from the flag in message_id");
    }
    if message.chat_id.as_ref().is_some_and(|chat| chat.0 != parts.chat_id) {
        cx.warn_member(members, object, "chat_id", IssueCode::InconsistentValue, "chat_id differs from the chat in message_id");
    }
}
