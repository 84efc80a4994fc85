//! The payload models of Periskope's events, one module per family, and
//! the registry that ties each event name to its family's model.
//!
//! Layers, from the bottom: [`common`] holds the kinds several families
//! share; each family module (`ticket`, `message`, ...) holds its models and
//! imports no other family; the registry below names every event once;
//! [`envelope`] reads the webhook around a payload.
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

use crate::json::{JsonWriter, Sink, Value};
use crate::model::{read_model, Cx, Model};

pub mod chat;
pub mod common;
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

/// Declares the registry: the families, each with its payload model, how
/// its payload is read and which field identifies its entity; then every
/// event with its family. Everything that lists events or families is
/// generated from it: [`KNOWN_EVENTS`], [`EventFamily`], [`EventData`], the
/// dispatch from a name to its reader, the entity ids of dedup keys, the
/// samples (`tests/fixtures/<event>/valid/sample.json`, read at compile time,
/// so an event without its sample does not build), and through
/// [`EventFamily::ALL`] and [`crate::model::ModelInfo`] the TypeScript
/// declarations and the README's events table (tests/typescript.rs,
/// tests/registry.rs).
macro_rules! registry {
    (
        families {
            $(
                $(#[doc = $fdoc:literal])*
                $family:ident($model:ident) as $sdk:literal read $reader:path,
                    entity $entity_field:literal = |$payload:ident| $entity:expr;
            )*
        }
        events {
            $( $event:literal => $event_family:ident, )*
        }
    ) => {
        /// The payload type an event carries: events of one family share a model.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum EventFamily {
            $( $(#[doc = $fdoc])* $family, )*
        }

        /// An event's normalized payload, by family. Each model is boxed: they
        /// differ in size by kilobytes, and the enum moves around.
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum EventData<'a> {
            $( $(#[doc = $fdoc])* $family(Box<$model<'a>>), )*
        }

        /// Every event the official SDK sends (its `WebhookEvents`), each with a
        /// model.
        pub const KNOWN_EVENTS: &[&str] = &[$($event,)*];

        /// The registry's events: name, family, sample payload.
        const EVENTS: &[(&str, EventFamily, &str)] = &[
            $( ($event, EventFamily::$event_family,
                include_str!(concat!("../../tests/fixtures/", $event, "/valid/sample.json"))), )*
        ];

        impl EventFamily {
            /// Every family, in the registry's order.
            pub const ALL: &'static [EventFamily] = &[$(EventFamily::$family,)*];

            /// The family of a known event; `None` for any other name.
            pub fn of(event: &str) -> Option<EventFamily> {
                EVENTS.iter().find(|(name, _, _)| *name == event).map(|(_, family, _)| *family)
            }

            /// The family's payload model: its TypeScript name, fields and
            /// nested models.
            pub const fn model(self) -> &'static $crate::model::ModelInfo {
                match self {
                    $( EventFamily::$family => &<$model<'static> as $crate::model::Model<'static>>::INFO, )*
                }
            }

            /// The TypeScript name of the family's normalized payload (its input
            /// type adds `Input`).
            pub const fn ts_name(self) -> &'static str {
                self.model().ts_name
            }

            /// The name of the official SDK's type for the family's payload
            /// (in `@periskope/types`).
            pub const fn sdk_type(self) -> &'static str {
                match self {
                    $( EventFamily::$family => $sdk, )*
                }
            }

            /// The events of the family, in the registry's order.
            pub fn events(self) -> impl Iterator<Item = &'static str> {
                EVENTS.iter().filter(move |(_, family, _)| *family == self).map(|(name, _, _)| *name)
            }

            /// The field [`EventData::entity_id`] reads, as a path in the payload.
            pub const fn entity_id_field(self) -> &'static str {
                match self {
                    $( EventFamily::$family => $entity_field, )*
                }
            }
        }

        /// Reads `value` as the payload of `event`.
        ///
        /// `None`, with nothing recorded, for an event not in [`KNOWN_EVENTS`] (the
        /// caller decides what an unknown event means); `None` with an
        /// `invalid_type` error when the payload is not an object. A `ticket.*`
        /// payload may be a bare ticket (with a `bare_ticket` warning).
        pub(crate) fn read_event_data<'a>(event: &str, value: &Value<'a>, cx: &mut Cx<'a>) -> Option<EventData<'a>> {
            Some(match EventFamily::of(event)? {
                $( EventFamily::$family => EventData::$family(Box::new($reader(value, cx)?)), )*
            })
        }

        impl EventData<'_> {
            /// The payload's family.
            pub fn family(&self) -> EventFamily {
                match self {
                    $( EventData::$family(_) => EventFamily::$family, )*
                }
            }

            /// The id of the entity the event is about, for a deduplication
            /// key: the field [`EventFamily::entity_id_field`] names. `None`
            /// when that field is absent.
            pub fn entity_id(&self) -> Option<&str> {
                match self {
                    $( EventData::$family($payload) => $entity, )*
                }
            }

            /// Writes the normalized payload as compact JSON.
            pub fn write_json<W: Sink>(&self, w: &mut W) {
                match self {
                    $( EventData::$family(payload) => payload.write_json(w), )*
                }
            }
        }

        impl $crate::model::IntoOwned for EventData<'_> {
            type Owned = EventData<'static>;

            fn into_owned(self) -> EventData<'static> {
                match self {
                    $( EventData::$family(payload) => EventData::$family($crate::model::IntoOwned::into_owned(payload)), )*
                }
            }
        }
    };
}

registry! {
    families {
        /// `ticket.*`: [`TicketInfo`] (a bare ticket is read as one, with a warning).
        Ticket(TicketInfo) as "TicketInfoType" read ticket::read_ticket_info,
            entity "ticket.ticket_id" = |info| Some(&*info.ticket.ticket_id);
        /// Every `message.*` event: [`Message`].
        Message(Message) as "ObjMessageType" read read_model,
            entity "message_id" = |message| Some(&*message.message_id.0);
        /// `chat.created`, `chat.custom_properties.updated`: [`ChatObject`].
        Chat(ChatObject) as "ObjChatType" read read_model,
            entity "chat_id" = |chat| Some(&*chat.chat_id.0);
        /// `chat.notification.created`: [`ChatNotification`].
        ChatNotification(ChatNotification) as "ObjChatNotificationType" read read_model,
            entity "notification_id" = |notification| Some(&*notification.notification_id);
        /// `reaction.created`, `reaction.updated`: [`Reaction`]. The entity is the
        /// reaction, not the reacted-to message: two reactions to one message
        /// are two entities.
        Reaction(Reaction) as "ObjReactionType" read read_model,
            entity "reaction_id" = |reaction| Some(&*reaction.reaction_id);
        /// `note.created`: [`Note`]. The entity id is its `message_id` (a
        /// `true_<uuid>_api` id).
        Note(Note) as "ObjNoteType" read read_model,
            entity "message_id" = |note| Some(&*note.message_id);
        /// Every `org.phone.*` event: [`PhoneInfo`].
        Phone(PhoneInfo) as "PhoneInfoType" read read_model,
            entity "phone_id" = |phone| Some(&*phone.phone_id);
    }
    events {
        "chat.created" => Chat,
        "chat.notification.created" => ChatNotification,
        "chat.custom_properties.updated" => Chat,
        "message.created" => Message,
        "message.updated" => Message,
        "message.deleted" => Message,
        "message.ack.updated" => Message,
        "message.flagged" => Message,
        "message.unflagged" => Message,
        "message.ticket.attached" => Message,
        "reaction.created" => Reaction,
        "reaction.updated" => Reaction,
        "ticket.created" => Ticket,
        "ticket.updated" => Ticket,
        "ticket.deleted" => Ticket,
        "org.phone.updated" => Phone,
        "org.phone.connected" => Phone,
        "org.phone.disconnected" => Phone,
        "org.phone.qr" => Phone,
        "note.created" => Note,
    }
}

/// Every model reachable from the registry's payload models, each once, in
/// the order first reached (depth first): what the TypeScript declarations
/// and the JSON Schemas are generated from, so that nothing lists the models
/// by hand.
pub fn all_models() -> Vec<&'static crate::model::ModelInfo> {
    fn visit(m: &'static crate::model::ModelInfo, out: &mut Vec<&'static crate::model::ModelInfo>) {
        if out.iter().any(|seen| seen.ts_name == m.ts_name) {
            return;
        }
        out.push(m);
        for nested in m.fields.iter().filter_map(|f| f.model) {
            visit(nested, out);
        }
    }
    let mut out = Vec::new();
    for family in EventFamily::ALL {
        visit(family.model(), &mut out);
    }
    out
}

/// Every shape of [`crate::model::shape::SHAPES`] with its keys, in the
/// order they are written: what `pkg-template/src/shapes.js` is generated
/// from (tests/tape.rs), and what a tape is read with. A model's keys are
/// its fields', each followed by its derived value's; a model missing from
/// the registry's gets none (and fails that test).
#[doc(hidden)]
pub fn shape_keys() -> Vec<(&'static str, Vec<String>)> {
    let models = all_models();
    crate::model::shape::SHAPES
        .iter()
        .map(|&(name, keys)| {
            let keys = match keys {
                Some(keys) => keys.iter().map(|k| k.to_string()).collect(),
                None => models
                    .iter()
                    .find(|m| m.ts_name == name)
                    .map(|m| {
                        m.fields
                            .iter()
                            .flat_map(|f| {
                                std::iter::once(f.name.to_string())
                                    .chain(f.derived.map(|(suffix, _)| format!("{}{suffix}", f.name)))
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            };
            (name, keys)
        })
        .collect()
}

/// Whether `name` is one of [`KNOWN_EVENTS`] (exactly: names are
/// case-sensitive, as Periskope sends them).
pub fn is_known_event(name: &str) -> bool {
    EventFamily::of(name).is_some()
}

impl EventData<'_> {
    /// The normalized payload as compact JSON.
    pub fn to_json(&self) -> String {
        let mut w = JsonWriter::with_capacity(1024);
        self.write_json(&mut w);
        w.finish()
    }
}

/// A valid, realistic payload (the `data`, as the SDK hands it to a handler)
/// of a known event, as JSON text; `None` for any other name. They are the
/// fixture files `tests/fixtures/<event>/valid/sample.json`, so the tests
/// prove each one reads without a single warning.
pub fn sample_payload(event: &str) -> Option<&'static str> {
    EVENTS.iter().find(|(name, _, _)| *name == event).map(|(_, _, sample)| *sample)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;
    use crate::options::Options;

    #[test]
    fn every_known_event_has_a_family_named_like_it() {
        for &(event, family, _) in EVENTS {
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
