//! The payload models of Periskope's events, one module per family, and the
//! dispatch from an event name to its model.
//!
//! | events | payload | model |
//! | --- | --- | --- |
//! | `ticket.created`, `ticket.updated`, `ticket.deleted` | `TicketInfoType` | [`ticket::TicketInfo`] |
//! | `message.created`, `.updated`, `.deleted`, `.ack.updated`, `.flagged`, `.unflagged`, `.ticket.attached` | `ObjMessageType` | [`message::Message`] |
//! | `chat.created`, `chat.custom_properties.updated` | `ObjChatType` | [`chat::ChatObject`] |
//! | `chat.notification.created` | `ObjChatNotificationType` | [`notification::ChatNotification`] |
//! | `reaction.created`, `reaction.updated` | `ObjReactionType` | [`reaction::Reaction`] |
//! | `note.created` | `ObjNoteType` | [`note::Note`] |
//! | `org.phone.updated`, `.connected`, `.disconnected`, `.qr` | `PhoneInfoType` | [`phone::PhoneInfo`] |

use crate::json::{JsonWriter, Value};
use crate::model::{read_model, Cx, Model};

pub mod chat;
pub mod envelope;
pub mod message;
pub mod note;
pub mod notification;
pub mod phone;
pub mod reaction;
pub mod ticket;

use chat::ChatObject;
use message::Message;
use note::Note;
use notification::ChatNotification;
use phone::PhoneInfo;
use reaction::Reaction;
use ticket::TicketInfo;

/// Every event the official SDK sends (its `WebhookEvents`), each with a
/// model.
pub const KNOWN_EVENTS: &[&str] = &[
    "chat.created",
    "chat.notification.created",
    "chat.custom_properties.updated",
    "message.created",
    "message.updated",
    "message.deleted",
    "message.ack.updated",
    "message.flagged",
    "message.unflagged",
    "message.ticket.attached",
    "reaction.created",
    "reaction.updated",
    "ticket.created",
    "ticket.updated",
    "ticket.deleted",
    "org.phone.updated",
    "org.phone.connected",
    "org.phone.disconnected",
    "org.phone.qr",
    "note.created",
];

/// The family of each of [`KNOWN_EVENTS`], index for index.
const FAMILIES: [EventFamily; 20] = {
    use EventFamily::*;
    [
        Chat,
        ChatNotification,
        Chat,
        Message,
        Message,
        Message,
        Message,
        Message,
        Message,
        Message,
        Reaction,
        Reaction,
        Ticket,
        Ticket,
        Ticket,
        Phone,
        Phone,
        Phone,
        Phone,
        Note,
    ]
};

const _: () = assert!(KNOWN_EVENTS.len() == FAMILIES.len());

/// Whether `name` is one of [`KNOWN_EVENTS`] (exactly: names are
/// case-sensitive, as Periskope sends them).
pub fn is_known_event(name: &str) -> bool {
    EventFamily::of(name).is_some()
}

/// The payload type an event carries: events of one family share a model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventFamily {
    /// `ticket.*`: [`TicketInfo`].
    Ticket,
    /// `message.*`: [`Message`].
    Message,
    /// `chat.created`, `chat.custom_properties.updated`: [`ChatObject`].
    Chat,
    /// `chat.notification.created`: [`ChatNotification`].
    ChatNotification,
    /// `reaction.*`: [`Reaction`].
    Reaction,
    /// `note.created`: [`Note`].
    Note,
    /// `org.phone.*`: [`PhoneInfo`].
    Phone,
}

impl EventFamily {
    /// The family of a known event; `None` for any other name.
    pub fn of(event: &str) -> Option<EventFamily> {
        KNOWN_EVENTS.iter().position(|known| *known == event).and_then(|i| FAMILIES.get(i).copied())
    }

    /// The TypeScript name of the family's normalized payload (its input
    /// type adds `Input`).
    pub const fn ts_name(self) -> &'static str {
        match self {
            EventFamily::Ticket => TicketInfo::TS_NAME,
            EventFamily::Message => Message::TS_NAME,
            EventFamily::Chat => ChatObject::TS_NAME,
            EventFamily::ChatNotification => ChatNotification::TS_NAME,
            EventFamily::Reaction => Reaction::TS_NAME,
            EventFamily::Note => Note::TS_NAME,
            EventFamily::Phone => PhoneInfo::TS_NAME,
        }
    }

    /// The field [`EventData::entity_id`] reads, as a path in the payload.
    pub const fn entity_id_field(self) -> &'static str {
        match self {
            EventFamily::Ticket => "ticket.ticket_id",
            EventFamily::Message => "message_id",
            EventFamily::Chat => "chat_id",
            EventFamily::ChatNotification => "notification_id",
            EventFamily::Reaction => "reaction_id",
            EventFamily::Note => "message_id",
            EventFamily::Phone => "phone_id",
        }
    }
}

/// An event's normalized payload, by family. Each model is boxed: they
/// differ in size by kilobytes, and the enum moves around.
#[derive(Clone, Debug, PartialEq)]
pub enum EventData<'a> {
    /// `ticket.created`, `ticket.updated`, `ticket.deleted`.
    Ticket(Box<TicketInfo<'a>>),
    /// Every `message.*` event.
    Message(Box<Message<'a>>),
    /// `chat.created`, `chat.custom_properties.updated`.
    Chat(Box<ChatObject<'a>>),
    /// `chat.notification.created`.
    ChatNotification(Box<ChatNotification<'a>>),
    /// `reaction.created`, `reaction.updated`.
    Reaction(Box<Reaction<'a>>),
    /// `note.created`.
    Note(Box<Note<'a>>),
    /// Every `org.phone.*` event.
    Phone(Box<PhoneInfo<'a>>),
}

/// Reads `value` as the payload of `event`.
///
/// `None`, with nothing recorded, for an event not in [`KNOWN_EVENTS`] (the
/// caller decides what an unknown event means); `None` with an
/// `invalid_type` error when the payload is not an object. A `ticket.*`
/// payload may be a bare ticket (with a `bare_ticket` warning).
pub(crate) fn read_event_data<'a>(event: &str, value: &Value<'a>, cx: &mut Cx<'a>) -> Option<EventData<'a>> {
    Some(match EventFamily::of(event)? {
        EventFamily::Ticket => EventData::Ticket(Box::new(crate::api::read_ticket_info(value, cx)?)),
        EventFamily::Message => EventData::Message(Box::new(read_model(value, cx)?)),
        EventFamily::Chat => EventData::Chat(Box::new(read_model(value, cx)?)),
        EventFamily::ChatNotification => EventData::ChatNotification(Box::new(read_model(value, cx)?)),
        EventFamily::Reaction => EventData::Reaction(Box::new(read_model(value, cx)?)),
        EventFamily::Note => EventData::Note(Box::new(read_model(value, cx)?)),
        EventFamily::Phone => EventData::Phone(Box::new(read_model(value, cx)?)),
    })
}

impl EventData<'_> {
    /// The payload's family.
    pub fn family(&self) -> EventFamily {
        match self {
            EventData::Ticket(_) => EventFamily::Ticket,
            EventData::Message(_) => EventFamily::Message,
            EventData::Chat(_) => EventFamily::Chat,
            EventData::ChatNotification(_) => EventFamily::ChatNotification,
            EventData::Reaction(_) => EventFamily::Reaction,
            EventData::Note(_) => EventFamily::Note,
            EventData::Phone(_) => EventFamily::Phone,
        }
    }

    /// The id of the entity the event is about, for a deduplication key:
    /// `ticket.ticket_id` for tickets, `message_id` for messages, `chat_id`
    /// for chats, `notification_id` for notifications, `reaction_id` for
    /// reactions (not the reacted-to message's id: two reactions to one
    /// message are two entities), `message_id` for notes (their
    /// `true_<uuid>_api` id, or `unique_id` when `message_id` was unusable)
    /// and `phone_id` for phones. `None` when that field is absent.
    pub fn entity_id(&self) -> Option<&str> {
        match self {
            EventData::Ticket(info) => info.ticket.as_ref()?.ticket_id.as_deref(),
            EventData::Message(message) => message.message_id.as_ref().map(|id| &*id.0),
            EventData::Chat(chat) => chat.chat_id.as_ref().map(|id| &*id.0),
            EventData::ChatNotification(notification) => notification.notification_id.as_deref(),
            EventData::Reaction(reaction) => reaction.reaction_id.as_deref(),
            EventData::Note(note) => note.message_id.as_deref().or(note.unique_id.as_ref().map(|id| &*id.0)),
            EventData::Phone(phone) => phone.phone_id.as_deref(),
        }
    }

    /// Writes the normalized payload as compact JSON.
    pub fn write_json(&self, w: &mut JsonWriter) {
        match self {
            EventData::Ticket(info) => info.write_json(w),
            EventData::Message(message) => message.write_json(w),
            EventData::Chat(chat) => chat.write_json(w),
            EventData::ChatNotification(notification) => notification.write_json(w),
            EventData::Reaction(reaction) => reaction.write_json(w),
            EventData::Note(note) => note.write_json(w),
            EventData::Phone(phone) => phone.write_json(w),
        }
    }

    /// The normalized payload as compact JSON.
    pub fn to_json(&self) -> String {
        let mut w = JsonWriter::with_capacity(1024);
        self.write_json(&mut w);
        w.finish()
    }
}

/// A valid, realistic payload of each known event, index for index with
/// [`KNOWN_EVENTS`]. They are the fixture files `tests/fixtures/<event>/
/// valid/sample.json`, so the tests prove each one reads without a warning.
const SAMPLES: [&str; 20] = [
    include_str!("../../tests/fixtures/chat.created/valid/sample.json"),
    include_str!("../../tests/fixtures/chat.notification.created/valid/sample.json"),
    include_str!("../../tests/fixtures/chat.custom_properties.updated/valid/sample.json"),
    include_str!("../../tests/fixtures/message.created/valid/sample.json"),
    include_str!("../../tests/fixtures/message.updated/valid/sample.json"),
    include_str!("../../tests/fixtures/message.deleted/valid/sample.json"),
    include_str!("../../tests/fixtures/message.ack.updated/valid/sample.json"),
    include_str!("../../tests/fixtures/message.flagged/valid/sample.json"),
    include_str!("../../tests/fixtures/message.unflagged/valid/sample.json"),
    include_str!("../../tests/fixtures/message.ticket.attached/valid/sample.json"),
    include_str!("../../tests/fixtures/reaction.created/valid/sample.json"),
    include_str!("../../tests/fixtures/reaction.updated/valid/sample.json"),
    include_str!("../../tests/fixtures/ticket.created/valid/sample.json"),
    include_str!("../../tests/fixtures/ticket.updated/valid/sample.json"),
    include_str!("../../tests/fixtures/ticket.deleted/valid/sample.json"),
    include_str!("../../tests/fixtures/org.phone.updated/valid/sample.json"),
    include_str!("../../tests/fixtures/org.phone.connected/valid/sample.json"),
    include_str!("../../tests/fixtures/org.phone.disconnected/valid/sample.json"),
    include_str!("../../tests/fixtures/org.phone.qr/valid/sample.json"),
    include_str!("../../tests/fixtures/note.created/valid/sample.json"),
];

/// A valid, realistic payload (the `data`, as the SDK hands it to a handler)
/// of a known event, as JSON text; `None` for any other name. Each reads
/// without a single warning.
pub fn sample_payload(event: &str) -> Option<&'static str> {
    KNOWN_EVENTS.iter().position(|known| *known == event).and_then(|i| SAMPLES.get(i).copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Options;
    use crate::json;

    #[test]
    fn every_known_event_has_a_family_named_like_it() {
        for (event, family) in KNOWN_EVENTS.iter().zip(FAMILIES) {
            let prefix = match family {
                EventFamily::Ticket => "ticket.",
                EventFamily::Message => "message.",
                EventFamily::Chat => "chat.",
                EventFamily::ChatNotification => "chat.notification.",
                EventFamily::Reaction => "reaction.",
                EventFamily::Note => "note.",
                EventFamily::Phone => "org.phone.",
            };
            assert!(event.starts_with(prefix), "{event} is not a {family:?} event");
            assert_eq!(EventFamily::of(event), Some(family));
        }
        for unknown in ["", "ticket", "Ticket.created", "ticket.created ", "chat.updated", "reaction.added", "org.phone.created"]
        {
            assert!(!is_known_event(unknown), "{unknown}");
        }
    }

    #[test]
    fn unknown_events_record_nothing() {
        let (root, _) = json::parse("{}", 4).unwrap();
        let options = Options { max_issues: 10, ..Options::default() };
        let mut cx = Cx::new("{}", &options, usize::MAX);
        assert!(read_event_data("chat.updated", &root, &mut cx).is_none());
        assert!(cx.issues.is_empty());
        assert!(sample_payload("chat.updated").is_none());
    }
}
