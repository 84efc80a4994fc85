//! `note.created`: a private note in a chat (Periskope's `ObjNoteType`, a
//! `tbl_chat_notes` row with `media` typed).
//!
//! Required (present and not `null`): `message_id`, `org_id` and
//! `org_phone`, the table's non-null string columns. `is_private_note` is
//! non-null too but always `true`, so its absence loses nothing and is
//! accepted.
//!
//! Notes' ids are not WhatsApp's: `message_id` is `true_<uuid>_api` and
//! `sent_message_id`, `unique_id` and often `quoted_message_id` are UUIDs. So
//! `message_id` is kept as sent, with no `message_id_parsed` (splitting it as
//! a WhatsApp id would call the UUID a chat); `sent_message_id` and
//! `unique_id` get an `invalid_format` warning when they are not UUIDs.
//! `ack` is text in the database and written as a number (see [`Ack`]);
//! `is_private_note: false` gets an `inconsistent_value` warning.

use std::borrow::Cow;

use super::common::MessageType;
use crate::issue::IssueCode;
use crate::json::{Member, Value};
use crate::model::kinds::{Ack, Actor, ChatIdField, EnumText, JsonObject, PhoneId, StringList, Timestamp, Uuid};
use crate::model::{model, Cx};

model! {
    /// A private note: the payload of `note.created` (Periskope's
    /// `ObjNoteType`).
    pub struct Note<'a> as "Note", draft NoteDraft {
        /// The note's id (`true_<uuid>_api`), kept as sent.
        message_id: Cow<'a, str> [required],
        /// The organisation's id (a UUID).
        org_id: Uuid<'a> [required],
        /// The organisation's phone (`<number>@c.us`).
        org_phone: PhoneId<'a> [required],
        /// The chat's id; `chat_id_parsed` beside it.
        chat_id: ChatIdField<'a>,
        /// `chat`, or a media type for a note with media; other values are kept with a warning.
        message_type: EnumText<'a, MessageType>,
        /// The text.
        body: Cow<'a, str>,
        /// When it was written, as UTC ISO 8601 with milliseconds.
        timestamp: Timestamp,
        /// Who wrote it: an email (trimmed, lowercased) or `api`.
        performed_by: Actor<'a>,
        /// The organisation's phone that the note was written from.
        sender_phone: PhoneId<'a>,
        /// Whether the organisation wrote it (always, in practice).
        from_me: bool,
        /// Delivery level, a number even when sent as text.
        ack: Ack<'a, true>,
        /// The attached media (`mimetype`, `filename`, `filedata`...), as sent.
        media: JsonObject<'a>,
        /// Who is mentioned (`@<email>`).
        mentioned_ids: StringList<'a>,
        /// The quoted message's or note's id, as sent.
        quoted_message_id: Cow<'a, str>,
        /// The text before the last edit.
        prev_body: Cow<'a, str>,
        /// The id of Periskope's send request (a UUID).
        sent_message_id: Uuid<'a>,
        /// Periskope's unique id of the note (a UUID).
        unique_id: Uuid<'a>,
        /// When it was last changed, as UTC ISO 8601 with milliseconds.
        updated_at: Timestamp,
        /// Whether it was deleted.
        is_deleted: bool,
        /// Always `true` for a note.
        is_private_note: bool,
    }
    check = check_note;
}

/// A note is a private note by definition.
fn check_note<'a>(note: &NoteDraft<'a>, members: &[Member<'a>], object: &Value<'a>, cx: &mut Cx<'a>) {
    if note.is_private_note == Some(false) {
        let message = "a note is always a private note, yet is_private_note is false";
        cx.warn_member(members, object, "is_private_note", IssueCode::InconsistentValue, message);
    }
}
