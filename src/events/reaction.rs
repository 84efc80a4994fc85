//! `reaction.created` and `reaction.updated`: a reaction to a message
//! (Periskope's `ObjReactionType`, a `tbl_chat_reactions` row with `id` and
//! `msg_id` as WhatsApp's id objects).
//!
//! Required (present and not `null`): `reaction_id`, `message_id`, `org_id`,
//! `org_phone` and `sender_id`, the table's non-null columns.
//!
//! What is normalized beyond the shared kinds:
//! - `id` and `msg_id` are written `{id, from_me, remote, serialized}`
//!   whichever spelling was sent (see [`WaId`]).
//! - `ack` and `orphan` are numbers in the database; the docs' samples send
//!   `"0"`, which becomes `0` with a `coerced_value` warning.
//! - `reaction` is kept as sent, `""` included: WhatsApp sends an empty
//!   reaction when one is taken back.
//! - `msg_id.serialized` must be `message_id` (the reacted-to message), and
//!   `message_id`'s chat must be `chat_id`; otherwise an
//!   `inconsistent_value` warning.

use std::borrow::Cow;

use crate::issue::IssueCode;
use crate::json::{Member, Value};
use crate::model::kinds::{Ack, ChatIdField, MessageIdField, Number, PhoneId, Timestamp, Uuid, WaId};
use crate::model::{model, Cx};
use crate::normalize;

model! {
    /// A reaction: the payload of `reaction.created` and `reaction.updated`
    /// (Periskope's `ObjReactionType`).
    pub struct Reaction<'a> as "Reaction", draft ReactionDraft {
        /// The reaction's id.
        reaction_id: Cow<'a, str> [required],
        /// The reacted-to message's serialized id; `message_id_parsed` beside it.
        message_id: MessageIdField<'a> [required],
        /// The organisation's id (a UUID).
        org_id: Uuid<'a> [required],
        /// The organisation's phone (`<number>@c.us`).
        org_phone: PhoneId<'a> [required],
        /// Who reacted (`<number>@c.us`).
        sender_id: PhoneId<'a> [required],
        /// The chat's id; `chat_id_parsed` beside it.
        chat_id: ChatIdField<'a>,
        /// The reaction's own WhatsApp id object, spelled `{ id, from_me, remote, serialized }`.
        id: WaId<'a>,
        /// The reacted-to message's WhatsApp id object, spelled `{ id, from_me, remote, serialized }`.
        msg_id: WaId<'a>,
        /// The emoji; `""` when a reaction was taken back.
        reaction: Cow<'a, str>,
        /// Delivery: -1 failed, 0 pending, 1 sent, 2 delivered, 3 delivered to all, 4+ read.
        ack: Ack<'a, false>,
        /// Whether the reacted-to message was unknown when the reaction arrived (0 or 1).
        orphan: Number<'a>,
        /// Why it was an orphan.
        orphan_reason: Cow<'a, str>,
        /// Whether it was read.
        read: bool,
        /// When it was sent, as UTC ISO 8601 with milliseconds.
        timestamp: Timestamp,
        /// Periskope's unique id of the reaction.
        unique_id: Cow<'a, str>,
    }
    check = check_reaction;
}

/// `msg_id` names the reacted-to message, which `message_id` also names.
fn check_reaction<'a>(reaction: &ReactionDraft<'a>, members: &[Member<'a>], object: &Value<'a>, cx: &mut Cx<'a>) {
    let Some(message_id) = &reaction.message_id else { return };
    if reaction.msg_id.as_ref().and_then(|id| id.serialized.as_ref()).is_some_and(|s| *s != message_id.0) {
        cx.warn_member(members, object, "msg_id", IssueCode::InconsistentValue, "msg_id.serialized differs from message_id");
    }
    let chat = normalize::parse_message_id(&message_id.0).map(|parts| parts.chat_id);
    if let (Some(chat), Some(chat_id)) = (chat, &reaction.chat_id) {
        if chat != chat_id.0 {
            let message = "chat_id differs from the chat in message_id";
            cx.warn_member(members, object, "chat_id", IssueCode::InconsistentValue, message);
        }
    }
}
