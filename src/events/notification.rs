//! `chat.notification.created`: a group notification (someone added,
//! removed, promoted; the subject or description changed...), Periskope's
//! `ObjChatNotificationType`, a `tbl_chat_notifications` row with `id` as
//! WhatsApp's id object.
//!
//! Required (present and not `null`): `notification_id`, `org_id` and
//! `org_phone`, the table's non-null columns.
//!
//! What is normalized beyond the shared kinds: `id`, which the SDK types as
//! `{id, fromMe, remote, serialized}` (a mix of spellings), is written
//! `{id, from_me, remote, serialized}` (see [`WaId`]); its `serialized` has
//! five parts here (`true_<group>_<hex>_<author>_<type>`), which is expected.
//! `type` is checked against WhatsApp's group actions, with a warning for
//! other values.

use std::borrow::Cow;

use crate::model::kinds::{ChatIdField, EnumText, EnumValues, Json, PhoneId, StringList, Timestamp, Uuid, WaId};
use crate::model::model;

/// Notification types: the SDK's `WhatsappGroupActionEnum`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotificationType;

impl EnumValues for NotificationType {
    const VALUES: &'static [&'static str] = &[
        "add",
        "remove",
        "promote",
        "demote",
        "invite",
        "leave",
        "announce_true",
        "announce_false",
        "restrict_true",
        "restrict_false",
        "memberaddmode_true",
        "memberaddmode_false",
        "subject",
        "desc",
        "call",
    ];
    const WHAT: &'static str = "notification type";
    const TS: &'static str = "NotificationType";
}

model! {
    /// A group notification: the payload of `chat.notification.created`
    /// (Periskope's `ObjChatNotificationType`).
    pub struct ChatNotification<'a> as "ChatNotification", draft ChatNotificationDraft {
        /// The notification's id.
        notification_id: Cow<'a, str> [required],
        /// The organisation's id (a UUID).
        org_id: Uuid<'a> [required],
        /// The organisation's phone (`<number>@c.us`).
        org_phone: PhoneId<'a> [required],
        /// The chat's id; `chat_id_parsed` beside it.
        chat_id: ChatIdField<'a>,
        /// WhatsApp's id object, always spelled `{ id, from_me, remote, serialized }`.
        id: WaId<'a>,
        /// What happened: one of WhatsApp's group actions; other values are kept with a warning.
        r#type("type"): EnumText<'a, NotificationType>,
        /// Who did it (a WhatsApp id).
        author: PhoneId<'a>,
        /// The notification's text, if any.
        body: Cow<'a, str>,
        /// Whom it concerns (WhatsApp ids).
        recipientids: StringList<'a>,
        /// When it happened, as UTC ISO 8601 with milliseconds.
        timestamp: Timestamp,
        /// Periskope's unique id of the notification.
        unique_id: Cow<'a, str>,
        /// Details, as sent.
        metadata: Json<'a>,
    }
}
