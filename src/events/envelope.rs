//! The webhook envelope `{ event, data, org_id, timestamp, previous_attributes? }`
//! and the dispatch from its event name to the payload's model.

use std::borrow::Cow;

use super::{is_known_event, read_event_data, EventData};
use crate::issue::IssueCode;
use crate::json::{JsonWriter, Kind, Member, Sink, Value};
use crate::model::kinds::{Timestamp, Uuid};
use crate::model::{check_derived, read_field, Cx, Extra, FieldKind};
use crate::options::{Options, UnknownEvents};

/// A webhook's payload.
#[derive(Clone, Debug, PartialEq)]
pub enum WebhookData<'a> {
    /// A known event's payload, validated and normalized.
    Known(EventData<'a>),
    /// An event this version does not know: its data as sent (JSON text).
    Unknown(Cow<'a, str>),
}

/// A webhook delivery: the envelope and its normalized payload.
#[derive(Clone, Debug, PartialEq)]
pub struct Webhook<'a> {
    /// The event's name (read from `event_type` when `event` is absent).
    pub event: Cow<'a, str>,
    /// The organisation's id (required, as in the models: a plain value).
    pub org_id: Uuid<'a>,
    /// When the event happened (required).
    pub timestamp: Timestamp,
    /// The payload.
    pub data: WebhookData<'a>,
    /// On update events, the changed attributes' previous values, as sent
    /// (JSON text).
    pub previous_attributes: Option<Cow<'a, str>>,
    /// Envelope fields this version does not know, kept as sent.
    pub extra: Vec<Extra<'a>>,
}

/// Envelope keys computed by this library, which a sender's copy must not
/// shadow in the output.
const DERIVED_KEYS: &[&str] = &["known", "dedup_key"];

/// Whether `value` looks like an envelope rather than a bare payload: an
/// object with `data` and `event` (or `event_type`).
pub(crate) fn is_envelope(value: &Value<'_>) -> bool {
    value.get("data").is_some() && (value.get("event").is_some() || value.get("event_type").is_some())
}

/// Reads the event name from `event`, or from `event_type` with a warning.
/// Records an error and returns `None` when neither is a string.
pub(crate) fn read_event_name<'a>(members: &[Member<'a>], object: &Value<'a>, cx: &mut Cx<'a>) -> Option<Cow<'a, str>> {
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
            cx.missing("event", object);
            return None;
        }
    };
    read_field::<Cow<'a, str>>(&member.key, &member.value, true, cx)
}

/// The envelope's `timestamp` in milliseconds, read by its field's rule on
/// its own (issues discarded), for the replay window when the rest of the
/// envelope cannot be read.
pub(crate) fn read_timestamp_alone(root: &Value<'_>, src: &str, options: &Options) -> Option<i64> {
    // The last, as the envelope's reader keeps it (and `JSON.parse` would):
    // a body with two timestamps is judged on the same one either way.
    let member = root.as_object()?.iter().rfind(|m| m.key == "timestamp")?;
    let mut scratch = Cx::new(src, options, usize::MAX);
    read_field::<Timestamp>(&member.key, &member.value, true, &mut scratch).map(|t| t.millis)
}

/// Reads a webhook body's root value.
pub(crate) fn read_webhook<'a>(root: &Value<'a>, cx: &mut Cx<'a>) -> Option<Webhook<'a>> {
    let Kind::Object(members) = &root.kind else {
        cx.wrong_type("an object", root);
        return None;
    };
    let event = read_event_name(members, root, cx);
    let known = event.as_deref().is_some_and(is_known_event);
    let mut org_id = None;
    let mut timestamp = None;
    let mut data = None;
    let mut previous_attributes = None;
    let mut extra = Vec::new();
    let mut derived: Vec<&Member<'a>> = Vec::new();
    let mut seen = [false; 3];
    for member in members.iter() {
        match &*member.key {
            "event" => {}
            // The alias was read as the name only when `event` is absent;
            // beside `event`, it is kept as sent, and flagged if it differs.
            "event_type" if members.iter().any(|m| m.key == "event") => {
                if member.value.as_str() != event.as_deref() {
                    cx.push_key(member.key.clone());
                    cx.warn(IssueCode::InconsistentValue, "event_type differs from event, which names the event", &member.value);
                    cx.pop();
                }
                cx.keep_extra(&mut extra, member);
            }
            "event_type" => {}
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
                data = match event.as_deref() {
                    Some(name) if known => read_event_data(name, &member.value, cx).map(WebhookData::Known),
                    _ => Some(WebhookData::Unknown(Cow::Borrowed(cx.raw(&member.value)))),
                };
                cx.pop();
            }
            "previous_attributes" => match member.value.kind {
                Kind::Object(_) => previous_attributes = Some(Cow::Borrowed(cx.raw(&member.value))),
                Kind::Null => {}
                _ => {
                    cx.push_key(member.key.clone());
                    cx.wrong_type("an object", &member.value);
                    cx.pop();
                }
            },
            key if DERIVED_KEYS.contains(&key) => derived.push(member),
            _ => {
                if cx.strict() {
                    cx.push_key(member.key.clone());
                    cx.error(IssueCode::UnknownField, "this field is not part of the envelope (strict mode)", &member.value);
                    cx.pop();
                }
                cx.keep_extra(&mut extra, member);
            }
        }
    }
    for (name, seen) in ["org_id", "timestamp", "data"].into_iter().zip(seen) {
        if !seen {
            cx.missing(name, root);
        }
    }
    if !known {
        if let Some(member) = members.iter().find(|m| m.key == "event" || m.key == "event_type") {
            cx.push_key(member.key.clone());
            match cx.unknown_events() {
                UnknownEvents::Warn => cx.warn(
                    IssueCode::UnknownEvent,
                    "this version does not know this event; its data is passed through as sent",
                    &member.value,
                ),
                UnknownEvents::Error => cx.error(
                    IssueCode::UnknownEvent,
                    "this version does not know this event (option unknownEvents: 'error')",
                    &member.value,
                ),
                UnknownEvents::Ignore => {}
            }
            cx.pop();
        }
    }
    let webhook = Webhook { event: event?, org_id: org_id?, timestamp: timestamp?, data: data?, previous_attributes, extra };
    for member in derived {
        let ours = if member.key == "known" { webhook.is_known().to_string() } else { quoted(&webhook.dedup_key()) };
        check_derived(member, &ours, cx);
    }
    Some(webhook)
}

/// Whether one entity can see this event many times (an update, an ack, a
/// QR code), so that its id and time do not identify one delivery.
fn repeats_per_entity(event: &str) -> bool {
    !(event.ends_with(".created") || event.ends_with(".deleted"))
}

/// A part of a dedup key, with `%` and `:` escaped.
fn push_key_part(key: &mut String, part: &str) {
    for c in part.chars() {
        match c {
            '%' => key.push_str("%25"),
            ':' => key.push_str("%3A"),
            c => key.push(c),
        }
    }
}

/// The first 16 hex digits of the dedup HMAC of `json`.
fn digest(json: &[u8]) -> String {
    let mac = crate::signature::sign(json, b"periskope-events dedup key");
    mac.get(..16).unwrap_or_default().to_owned()
}

fn quoted(s: &str) -> String {
    let mut w = JsonWriter::default();
    w.string(s);
    w.finish()
}

impl crate::model::IntoOwned for Webhook<'_> {
    type Owned = Webhook<'static>;

    fn into_owned(self) -> Webhook<'static> {
        use crate::model::IntoOwned;
        Webhook {
            event: IntoOwned::into_owned(self.event),
            org_id: IntoOwned::into_owned(self.org_id),
            timestamp: self.timestamp,
            data: match self.data {
                WebhookData::Known(data) => WebhookData::Known(data.into_owned()),
                WebhookData::Unknown(json) => WebhookData::Unknown(IntoOwned::into_owned(json)),
            },
            previous_attributes: self.previous_attributes.into_owned(),
            extra: self.extra.into_owned(),
        }
    }
}

impl<'a> Webhook<'a> {
    /// The same delivery with nothing borrowed from the body, so that it can
    /// outlive it (move into a spawned thread or task).
    pub fn into_owned(self) -> Webhook<'static> {
        crate::model::IntoOwned::into_owned(self)
    }

    /// Whether the event is known, so its payload was validated and normalized.
    pub fn is_known(&self) -> bool {
        matches!(self.data, WebhookData::Known(_))
    }

    /// A stable key for recognizing a redelivery of the same event, since the
    /// envelope has no delivery id:
    /// `<event>:<org_id>:<entity id>:<timestamp>[:<digest>]`.
    ///
    /// - Each part is escaped, `%` as `%25` and `:` as `%3A`, so the parts
    ///   cannot run into each other: org `o:a` with ticket `b` and org `o`
    ///   with ticket `a:b` get different keys.
    /// - The timestamp is normalized to UTC ISO 8601 with milliseconds; the
    ///   entity id is [`EventData::entity_id`].
    /// - An unknown event has no known id field: its entity part is `data#`
    ///   and a digest of its data.
    /// - Events that can happen many times to one entity (every event but
    ///   the `*.created` and `*.deleted` ones: `ticket.updated`,
    ///   `message.ack.updated`, `org.phone.qr`...) end with a fifth part, a
    ///   digest of `[data, previous_attributes]` as normalized, in canonical
    ///   form (compact, ASCII with `\u` escapes, every object's keys sorted
    ///   by UTF-16 code units, numbers as sent): two different updates of one
    ///   ticket in the same millisecond get two keys, and a redelivery of the
    ///   same bytes gets the same key.
    ///
    /// A digest is the first 16 hex digits of an HMAC-SHA256 (key
    /// `periskope-events dedup key`); an unknown event's is of its data as
    /// sent, compact.
    pub fn dedup_key(&self) -> String {
        let org = &*self.org_id.0;
        let entity: Cow<'_, str> = match &self.data {
            WebhookData::Known(data) => Cow::Borrowed(data.entity_id().unwrap_or("")),
            WebhookData::Unknown(json) => {
                let mut w = JsonWriter::with_capacity(json.len());
                w.raw_compact(json);
                Cow::Owned(format!("data#{}", digest(w.finish().as_bytes())))
            }
        };
        let time = crate::normalize::format_iso_millis(self.timestamp.millis);
        let mut key = String::with_capacity(self.event.len() + org.len() + entity.len() + time.len() + 24);
        for (i, part) in [&*self.event, org, &entity, &time].into_iter().enumerate() {
            if i > 0 {
                key.push(':');
            }
            push_key_part(&mut key, part);
        }
        if let WebhookData::Known(data) = &self.data {
            if repeats_per_entity(&self.event) {
                key.push(':');
                key.push_str(&digest(self.canonical_form(data).as_bytes()));
            }
        }
        key
    }

    /// `[data, previous_attributes]` in the dedup digest's canonical form
    /// (see [`Webhook::dedup_key`]), written straight from the models.
    fn canonical_form(&self, data: &EventData<'_>) -> String {
        let mut w = JsonWriter::canonical(1024);
        self.write_digested(data, &mut w);
        w.finish()
    }

    /// `[data, previous_attributes]`, what the dedup digest covers.
    fn write_digested(&self, data: &EventData<'_>, w: &mut JsonWriter) {
        w.begin_array();
        data.write_json(w);
        match &self.previous_attributes {
            Some(json) => w.raw_compact(json),
            None => w.null(),
        }
        w.end_array();
    }

    /// The normalized delivery as compact JSON:
    /// `{ event, known, org_id, timestamp, data, previous_attributes, dedup_key, ... }`.
    pub fn to_json(&self) -> String {
        let mut w = JsonWriter::with_capacity(1024);
        self.write_json(&mut w);
        w.finish()
    }

    pub(crate) fn write_json<W: Sink>(&self, w: &mut W) {
        w.begin_model(const { crate::model::shape::shape("Webhook") });
        w.name("event");
        w.text(&self.event);
        w.name("known");
        w.bool(self.is_known());
        w.name("org_id");
        self.org_id.write(w);
        w.name("timestamp");
        FieldKind::write(&self.timestamp, w);
        w.name("data");
        match &self.data {
            WebhookData::Known(data) => data.write_json(w),
            WebhookData::Unknown(json) => w.raw_compact(json),
        }
        w.name("previous_attributes");
        match &self.previous_attributes {
            Some(json) => w.raw_compact(json),
            None => w.null(),
        }
        w.name("dedup_key");
        w.string(&self.dedup_key());
        for extra in &self.extra {
            w.key(&extra.key);
            w.raw_compact(&extra.json);
        }
        w.end_object();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The canonical form as it was first written: the models' JSON, read
    /// back into a tree, written with every object's keys sorted.
    fn canonical_by_reading_back(webhook: &Webhook<'_>, data: &EventData<'_>) -> String {
        let mut w = JsonWriter::with_capacity(1024);
        webhook.write_digested(data, &mut w);
        let text = w.finish();
        let (value, _) = crate::json::parse(&text, Options::MAX_DEPTH_LIMIT * 2).unwrap();
        let mut canonical = JsonWriter::with_capacity(text.len());
        write_sorted(&mut canonical, &value);
        canonical.finish()
    }

    /// `value` with every object's keys in UTF-16 code unit order, as the
    /// canonical form was first written.
    fn write_sorted(w: &mut JsonWriter, value: &Value<'_>) {
        match &value.kind {
            Kind::Array(items) => {
                w.begin_array();
                items.iter().for_each(|item| write_sorted(w, item));
                w.end_array();
            }
            Kind::Object(members) => {
                let mut order: Vec<&Member<'_>> = members.iter().collect();
                order.sort_by(|a, b| {
                    let (a, b) = (a.key.encode_utf16(), b.key.encode_utf16());
                    a.cmp(b)
                });
                w.begin_object();
                for m in order {
                    w.key(&m.key);
                    write_sorted(w, &m.value);
                }
                w.end_object();
            }
            _ => w.value(value),
        }
    }

    #[test]
    fn the_canonical_form_written_from_the_models_is_the_one_read_back() {
        // Every valid fixture of every event, as sent and with unknown
        // fields whose keys sort apart in UTF-16 and UTF-8 (past U+FFFF, in
        // U+E000 to U+FFFF), with escapes in other spellings and nested
        // objects out of order; with and without previous attributes.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        // Past 64 members an object is heap-sorted: 70 more, in reverse.
        let many: String = (0..70).rev().map(|i| format!(r#""k{i:03}":{{"z":{i},"y":[{i}]}},"#)).collect();
        let extras = format!(r#""😀":0,"\uffff":{{"b":1,"a":[{{"d":"\u0041\/","c":-0.5e+3}}]}},"\u00e9x":"é","A":null,{many}"#);
        let previous =
            format!(r#"{{{many}"z":1,"\u00E9":{{"b":[{{"y":"\ud83d\ude00","x":"é"}}]}},"\uffff":"","😀":null,"A":"\u0041"}}"#);
        let mut checked = 0;
        for event in crate::events::KNOWN_EVENTS {
            let Ok(entries) = std::fs::read_dir(format!("{dir}/{event}/valid")) else { continue };
            for entry in entries {
                let data = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                let Some(inner) = data.trim().strip_prefix('{') else { continue };
                for (data, prev) in [(data.clone(), ""), (format!("{{{extras}{inner}"), previous.as_str())] {
                    let prev = if prev.is_empty() { String::new() } else { format!(r#","previous_attributes":{prev}"#) };
                    let body = format!(
                        r#"{{"event":"{event}","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13","timestamp":"2025-01-26T13:46:55.758Z","data":{data}{prev}}}"#
                    );
                    let Ok(parsed) = crate::parse_webhook(body.as_bytes(), &Options::default()) else { continue };
                    let WebhookData::Known(payload) = &parsed.value.data else { continue };
                    assert_eq!(
                        parsed.value.canonical_form(payload),
                        canonical_by_reading_back(&parsed.value, payload),
                        "{event}: {body}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 150, "{checked} checked");
    }
}
