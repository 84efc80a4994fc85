//! The webhook envelope `{ event, data, org_id, timestamp, previous_attributes? }`
//! and the dispatch from an event name to its payload model.

use std::borrow::Cow;

use super::ticket::TicketInfo;
use crate::issue::IssueCode;
use crate::json::{JsonWriter, Kind, Value};
use crate::model::kinds::{Timestamp, Uuid};
use crate::model::{check_derived, read_field, Cx, Extra, FieldKind, Model};

/// The events whose payload this version validates and normalizes.
pub const VALIDATED_EVENTS: &[&str] = &["ticket.created", "ticket.updated", "ticket.deleted"];

/// A webhook's payload, by event.
#[derive(Clone, Debug, PartialEq)]
pub enum WebhookData<'a> {
    /// `ticket.created`, `ticket.updated` or `ticket.deleted`.
    Ticket(Box<TicketInfo<'a>>),
    /// An event this version does not validate: its data as sent (JSON text).
    Unvalidated(&'a str),
}

/// A webhook delivery: the envelope and its normalized payload.
#[derive(Clone, Debug, PartialEq)]
pub struct Webhook<'a> {
    /// The event's name (read from `event_type` when `event` is absent).
    pub event: Cow<'a, str>,
    /// The organisation's id.
    pub org_id: Option<Uuid<'a>>,
    /// When the event happened.
    pub timestamp: Option<Timestamp>,
    /// The payload.
    pub data: WebhookData<'a>,
    /// On update events, the changed attributes' previous values, as sent
    /// (JSON text).
    pub previous_attributes: Option<&'a str>,
    /// Envelope fields this version does not know, kept as sent.
    pub extra: Vec<Extra<'a>>,
}

/// Whether `value` looks like an envelope rather than a bare payload: an
/// object with `data` and `event` (or `event_type`).
pub(crate) fn is_envelope(value: &Value<'_>) -> bool {
    value.get("data").is_some() && (value.get("event").is_some() || value.get("event_type").is_some())
}

/// Reads the event name from `event`, or from `event_type` with a warning.
/// Records an error and returns `None` when neither is a string.
pub(crate) fn read_event_name<'a>(
    members: &[crate::json::Member<'a>],
    object: &Value<'a>,
    cx: &mut Cx<'a>,
) -> Option<Cow<'a, str>> {
    let event = members.iter().find(|m| m.key == "event");
    let alias = members.iter().find(|m| m.key == "event_type");
    let member = match (event, alias) {
        (Some(event), _) => event,
        (None, Some(alias)) => {
            cx.push_key(alias.key.clone());
            cx.warn(IssueCode::CoercedValue, "the event name was read from event_type, an alias of event", &alias.value);
            cx.pop();
            alias
        }
        (None, None) => {
            cx.error(IssueCode::MissingField, "the required field event is missing", object);
            return None;
        }
    };
    read_field::<Cow<'a, str>>(&member.key, &member.value, true, cx)
}

/// Reads a webhook body's root value.
pub(crate) fn read_webhook<'a>(root: &Value<'a>, cx: &mut Cx<'a>) -> Option<Webhook<'a>> {
    let Kind::Object(members) = &root.kind else {
        cx.wrong_type("an object", root);
        return None;
    };
    let event = read_event_name(members, root, cx);
    let mut org_id = None;
    let mut timestamp = None;
    let mut data = None;
    let mut previous_attributes = None;
    let mut extra = Vec::new();
    let mut seen = [false; 3];
    for member in members.iter() {
        match &*member.key {
            "event" | "event_type" => {}
            "org_id" => {
                seen[0] = true;
                org_id = read_field::<Uuid<'a>>(&member.key, &member.value, true, cx);
            }
            "timestamp" => {
                seen[1] = true;
                timestamp = read_field::<Timestamp>(&member.key, &member.value, true, cx);
            }
            "data" => {
                seen[2] = true;
                cx.push_key(member.key.clone());
                data = Some(read_data(event.as_deref(), &member.value, cx));
                cx.pop();
            }
            "previous_attributes" => {
                if !matches!(member.value.kind, Kind::Object(_) | Kind::Null) {
                    cx.push_key(member.key.clone());
                    cx.wrong_type("an object", &member.value);
                    cx.pop();
                } else if !matches!(member.value.kind, Kind::Null) {
                    previous_attributes = Some(cx.raw(&member.value));
                }
            }
            // Computed by us; the sender's copy must not shadow ours.
            "known" => check_derived(
                member,
                if event.as_deref().is_some_and(|e| VALIDATED_EVENTS.contains(&e)) { "true" } else { "false" },
                cx,
            ),
            _ => {
                if cx.strict() {
                    cx.push_key(member.key.clone());
                    cx.error(IssueCode::UnknownField, "this field is not part of the envelope (strict mode)", &member.value);
                    cx.pop();
                }
                extra.push(Extra { key: member.key.clone(), json: cx.raw(&member.value) });
            }
        }
    }
    for (name, seen) in ["org_id", "timestamp", "data"].iter().zip(seen) {
        if !seen {
            cx.error(IssueCode::MissingField, format!("the required field {name} is missing"), root);
        }
    }
    Some(Webhook { event: event?, org_id, timestamp, data: data?, previous_attributes, extra })
}

/// Reads `data` as the payload of `event`.
fn read_data<'a>(event: Option<&str>, value: &Value<'a>, cx: &mut Cx<'a>) -> WebhookData<'a> {
    match event {
        Some(name) if VALIDATED_EVENTS.contains(&name) => match crate::api::read_ticket_info(value, cx) {
            Some(info) => WebhookData::Ticket(Box::new(info)),
            None => WebhookData::Unvalidated(cx.raw(value)),
        },
        Some(_) => {
            cx.warn(
                IssueCode::UnknownEvent,
                "this version does not validate this event; its data is passed through as sent",
                value,
            );
            WebhookData::Unvalidated(cx.raw(value))
        }
        None => WebhookData::Unvalidated(cx.raw(value)),
    }
}

impl<'a> Webhook<'a> {
    /// Whether this version validated and normalized the payload.
    pub fn is_validated(&self) -> bool {
        !matches!(self.data, WebhookData::Unvalidated(_))
    }

    /// The normalized delivery as compact JSON:
    /// `{ event, known, org_id, timestamp, data, previous_attributes, ... }`.
    pub fn to_json(&self) -> String {
        let mut w = JsonWriter::with_capacity(1024);
        self.write_json(&mut w);
        w.finish()
    }

    pub(crate) fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.key("event");
        w.string(&self.event);
        w.key("known");
        w.bool(self.is_validated());
        w.key("org_id");
        match &self.org_id {
            Some(id) => id.write(w),
            None => w.null(),
        }
        w.key("timestamp");
        match &self.timestamp {
            Some(t) => FieldKind::write(t, w),
            None => w.null(),
        }
        w.key("data");
        match &self.data {
            WebhookData::Ticket(info) => info.write_json(w),
            WebhookData::Unvalidated(json) => w.raw_compact(json),
        }
        w.key("previous_attributes");
        match self.previous_attributes {
            Some(json) => w.raw_compact(json),
            None => w.null(),
        }
        for extra in &self.extra {
            w.key(&extra.key);
            w.raw_compact(extra.json);
        }
        w.end_object();
    }
}
