//! Property tests of the core over generated `ticket.created` payloads:
//! acceptance, determinism, idempotence, nothing lost, and one result for
//! every textual form of the same payload.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use periskope_events::json::{self, JsonWriter, Kind, Value};
use periskope_events::normalize::{format_iso_millis, parse_timestamp, split_labels};
use periskope_events::{parse_ticket_created, IssueCode, Model, Options};
use proptest::prelude::*;

/// A JSON value built by the generators.
#[derive(Clone, Debug)]
enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn write(&self, w: &mut JsonWriter) {
        match self {
            J::Null => w.null(),
            J::Bool(b) => w.bool(*b),
            J::Num(n) => w.raw(n),
            J::Str(s) => w.string(s),
            J::Arr(items) => {
                w.begin_array();
                items.iter().for_each(|i| i.write(w));
                w.end_array();
            }
            J::Obj(members) => {
                w.begin_object();
                for (k, v) in members {
                    w.key(k);
                    v.write(w);
                }
                w.end_object();
            }
        }
    }

    fn compact(&self) -> String {
        let mut w = JsonWriter::default();
        self.write(&mut w);
        w.finish()
    }
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[a-zA-Z0-9 ,._@#-]{0,16}", Just("\"\\/\u{0}\u{1f}\u{2028}é😀".to_string())]
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| format!("{f:e}")),
        Just("-0".to_string()),
        Just("1e400".to_string()),
        Just("123456789012345678901234567890".to_string()),
        Just("0.1E-5".to_string()),
    ]
}

/// Any JSON value, for unknown fields.
fn any_json() -> impl Strategy<Value = J> {
    let leaf = prop_oneof![Just(J::Null), any::<bool>().prop_map(J::Bool), number().prop_map(J::Num), text().prop_map(J::Str)];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(J::Arr),
            prop::collection::vec(("[a-z_~/]{1,6}", inner), 0..4).prop_map(|m| J::Obj(dedupe(m))),
        ]
    })
}

fn dedupe(members: Vec<(String, J)>) -> Vec<(String, J)> {
    let mut out: Vec<(String, J)> = Vec::new();
    for (k, v) in members {
        if !out.iter().any(|(seen, _)| *seen == k) {
            out.push((k, v));
        }
    }
    out
}

fn timestamp() -> impl Strategy<Value = String> {
    (1970i32..2100, 1u32..13, 1u32..29, 0u32..24, 0u32..60, 0u32..60, 0usize..7, 0usize..5, 0u32..14, prop::bool::ANY).prop_map(
        |(y, mo, d, h, mi, s, frac, offset, oh, t)| {
            let fraction = if frac == 0 { String::new() } else { format!(".{}", &"123456"[..frac]) };
            let zone = match offset {
                0 => "Z".to_string(),
                1 => format!("+{oh:02}"),
                2 => format!("+{oh:02}:30"),
                3 => format!("-{oh:02}:00"),
                _ => "+00:00".to_string(),
            };
            format!("{y:04}-{mo:02}-{d:02}{}{h:02}:{mi:02}:{s:02}{fraction}{zone}", if t { 'T' } else { ' ' })
        },
    )
}

fn email() -> impl Strategy<Value = String> {
    ("[ ]{0,2}", "[a-zA-Z][a-zA-Z0-9.]{0,8}", "[a-zA-Z]{1,8}", "(com|IO|org)", "[ ]{0,2}")
        .prop_map(|(a, local, domain, tld, b)| format!("{a}{local}@{domain}.{tld}{b}"))
}

fn labels() -> impl Strategy<Value = String> {
    prop::collection::vec("[ ]{0,2}[a-zA-Z][a-zA-Z ]{0,6}[ ]{0,2}|", 0..5).prop_map(|parts| parts.join(","))
}

fn chat_id() -> impl Strategy<Value = String> {
    ("[1-9][0-9]{9,17}", prop_oneof![Just("c.us"), Just("g.us"), Just("lid")]).prop_map(|(n, s)| format!("{n}@{s}"))
}

/// An optional field: absent, `null`, or a value.
fn optional(value: impl Strategy<Value = J>) -> impl Strategy<Value = Option<J>> {
    prop_oneof![1 => Just(None), 1 => Just(Some(J::Null)), 4 => value.prop_map(Some)]
}

fn string_map() -> impl Strategy<Value = J> {
    prop::collection::vec(
        (
            "[A-Za-z_]{1,8}|__proto__",
            prop_oneof![
                text().prop_map(J::Str),
                Just(J::Null),
                any::<bool>().prop_map(J::Bool),
                (0u32..5000).prop_map(|n| J::Num(n.to_string()))
            ],
        ),
        0..4,
    )
    .prop_map(|m| J::Obj(dedupe(m)))
}

fn object(required: Vec<(&'static str, J)>, optional_fields: Vec<(&'static str, Option<J>)>, unknown: Vec<(String, J)>) -> J {
    let mut members: Vec<(String, J)> = required.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    members.extend(optional_fields.into_iter().filter_map(|(k, v)| v.map(|v| (k.to_string(), v))));
    members.extend(unknown.into_iter().map(|(k, v)| (format!("x_{k}"), v)));
    J::Obj(dedupe(members))
}

fn unknown_fields() -> impl Strategy<Value = Vec<(String, J)>> {
    prop::collection::vec(("[a-z]{1,5}", any_json()), 0..3)
}

fn ticket() -> impl Strategy<Value = J> {
    (
        (text(), text(), timestamp()),
        (
            optional(prop_oneof![Just("open"), Just("closed"), Just("archived")].prop_map(|s| J::Str(s.into()))),
            optional(email().prop_map(J::Str)),
        ),
        (
            optional((0u8..5).prop_map(|p| J::Num(p.to_string()))),
            optional(labels().prop_map(J::Str)),
            optional(timestamp().prop_map(J::Str)),
        ),
        (optional(string_map()), optional(any::<bool>().prop_map(J::Bool)), unknown_fields()),
    )
        .prop_map(|((id, subject, created), (status, assignee), (priority, labels, due), (props, deleted, unknown))| {
            object(
                vec![
                    ("org_id", J::Str("2997dd64-89bf-48d3-9a22-b314fca017e5".into())),
                    ("ticket_id", J::Str(id)),
                    ("subject", J::Str(subject)),
                    ("created_at", J::Str(created)),
                ],
                vec![
                    ("status", status),
                    ("assignee", assignee),
                    ("priority", priority),
                    ("ticket_labels", labels),
                    ("due_date", due),
                    ("ticket_custom_properties", props),
                    ("is_deleted", deleted),
                ],
                unknown,
            )
        })
}

fn message() -> impl Strategy<Value = J> {
    (
        chat_id(),
        "[0-9A-F]{20}",
        any::<bool>(),
        optional(text().prop_map(J::Str)),
        optional(timestamp().prop_map(J::Str)),
        unknown_fields(),
    )
        .prop_map(|(chat, id, from_me, body, ts, unknown)| {
            object(
                vec![("chat_id", J::Str(chat.clone())), ("message_id", J::Str(format!("{from_me}_{chat}_{id}")))],
                vec![("body", body), ("timestamp", ts)],
                unknown,
            )
        })
}

fn chat() -> impl Strategy<Value = J> {
    (
        chat_id(),
        optional(labels().prop_map(J::Str)),
        optional(string_map()),
        prop::collection::vec((chat_id(), labels()), 0..3),
        unknown_fields(),
    )
        .prop_map(|(id, labels, props, members, unknown)| {
            let members = J::Obj(dedupe(
                members
                    .into_iter()
                    .map(|(m, l)| {
                        (m.clone(), J::Obj(vec![("contact_id".into(), J::Str(m)), ("contact_labels".into(), J::Str(l))]))
                    })
                    .collect(),
            ));
            object(
                vec![("chat_id", J::Str(id))],
                vec![("chat_labels", labels), ("custom_properties", props), ("members", Some(members))],
                unknown,
            )
        })
}

fn payload() -> impl Strategy<Value = J> {
    (ticket(), optional(chat()), optional(message()), prop::collection::vec(message(), 0..3), unknown_fields()).prop_map(
        |(ticket, chat, message, attached, unknown)| {
            object(
                vec![("ticket", ticket)],
                vec![("chat", chat), ("message", message), ("attached_messages", Some(J::Arr(attached)))],
                unknown,
            )
        },
    )
}

const LABEL_FIELDS: &[&str] = &["ticket_labels", "chat_labels", "contact_labels"];
const TIME_FIELDS: &[&str] = &["created_at", "due_date", "closed_at", "first_assigned_at", "timestamp"];
const EMAIL_FIELDS: &[&str] = &["assignee", "assigned_by", "raised_by", "closed_by"];
const MAP_FIELDS: &[&str] = &["ticket_custom_properties", "custom_properties"];

fn canonical(v: &Value<'_>) -> String {
    let mut w = JsonWriter::default();
    w.value(v);
    w.finish()
}

/// Every key of the input is in the output at the same path, with the same
/// value or the value its documented rule gives.
fn check_nothing_lost(input: &Value<'_>, output: &Value<'_>, path: &str) -> Result<(), String> {
    match (&input.kind, &output.kind) {
        (Kind::Object(members), Kind::Object(_)) => {
            for m in members {
                let here = format!("{path}/{}", m.key);
                let Some(out) = output.get(&m.key) else { return Err(format!("{here} was lost")) };
                let key: &str = &m.key;
                let ok = match (&m.value.kind, key) {
                    (Kind::String(s), k) if LABEL_FIELDS.contains(&k) => {
                        let want: Vec<String> = split_labels(s).into_iter().map(canonical_str).collect();
                        canonical(out) == format!("[{}]", want.join(","))
                    }
                    (Kind::Null, k) if LABEL_FIELDS.contains(&k) => canonical(out) == "[]",
                    (Kind::String(s), k) if TIME_FIELDS.contains(&k) => {
                        out.as_str()
                            == Some(&format_iso_millis(parse_timestamp(s).expect("generated timestamps are valid").millis))
                    }
                    (Kind::String(s), k) if EMAIL_FIELDS.contains(&k) => out.as_str() == Some(&s.trim().to_ascii_lowercase()),
                    (Kind::Object(props), k) if MAP_FIELDS.contains(&k) => props.iter().all(|p| {
                        let got = out.get(&p.key);
                        match &p.value.kind {
                            Kind::Number(_) | Kind::Bool(_) => got.and_then(Value::as_str) == Some(&canonical(&p.value)),
                            _ => got.map(canonical) == Some(canonical(&p.value)),
                        }
                    }),
                    _ => {
                        check_nothing_lost(&m.value, out, &here)?;
                        true
                    }
                };
                if !ok {
                    return Err(format!("{here}: {} became {}", canonical(&m.value), canonical(out)));
                }
            }
            Ok(())
        }
        (Kind::Array(items), Kind::Array(outs)) if items.len() == outs.len() => {
            items.iter().zip(outs).enumerate().try_for_each(|(i, (a, b))| check_nothing_lost(a, b, &format!("{path}/{i}")))
        }
        _ if canonical(input) == canonical(output) => Ok(()),
        _ => Err(format!("{path}: {} became {}", canonical(input), canonical(output))),
    }
}

fn canonical_str(s: &str) -> String {
    let mut w = JsonWriter::default();
    w.string(s);
    w.finish()
}

fn normalize(text: &str) -> Result<String, String> {
    parse_ticket_created(text.as_bytes(), &Options::default()).map(|p| p.value.to_json()).map_err(|r| r.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn generated_payloads_are_accepted_deterministically_and_idempotently(payload in payload()) {
        let text = payload.compact();
        let once = normalize(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&normalize(&text).unwrap(), &once, "deterministic");
        let again = parse_ticket_created(once.as_bytes(), &Options::default()).map_err(|r| TestCaseError::fail(r.to_string()))?;
        prop_assert_eq!(&again.value.to_json(), &once, "idempotent");
        prop_assert!(again.warnings.iter().all(|w| w.code != IssueCode::DerivedFieldReplaced && w.code != IssueCode::CoercedValue));
    }

    #[test]
    fn nothing_the_sender_sent_is_lost(payload in payload()) {
        let text = payload.compact();
        let out = normalize(&text).map_err(TestCaseError::fail)?;
        let (input, _) = json::parse(&text, 64).unwrap();
        let (output, _) = json::parse(&out, 64).unwrap();
        check_nothing_lost(&input, &output, "").map_err(TestCaseError::fail)?;
    }

    /// Compact text (what `JSON.stringify` of the SDK's object gives), pretty
    /// text and text with a byte order mark all give the same output.
    #[test]
    fn every_form_of_the_same_payload_gives_the_same_output(payload in payload()) {
        let compact = payload.compact();
        let pretty = common::pretty(&compact);
        let bom = format!("\u{feff}{compact}");
        let want = normalize(&compact).map_err(TestCaseError::fail)?;
        prop_assert_eq!(&normalize(&pretty).unwrap(), &want);
        prop_assert_eq!(&normalize(&bom).unwrap(), &want);
    }

    /// Any value at all, in any position: an answer, never a panic, and an
    /// accepted payload's output is JSON that reads back.
    #[test]
    fn arbitrary_values_never_panic(value in any_json(), wrap in 0usize..4) {
        let inner = value.compact();
        let text = match wrap {
            0 => inner,
            1 => format!("{{\"ticket\":{inner}}}"),
            2 => format!("{{\"ticket\":{{\"org_id\":\"2997dd64-89bf-48d3-9a22-b314fca017e5\",\"ticket_id\":\"T\",\"subject\":\"s\",\"created_at\":\"2025-01-01\",\"priority\":{inner}}},\"chat\":{inner}}}"),
            _ => format!("{{\"event\":\"ticket.created\",\"data\":{inner}}}"),
        };
        if let Ok(out) = normalize(&text) {
            prop_assert!(json::parse(&out, 128).is_ok());
        }
    }

    /// Arbitrary bytes: an answer, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = parse_ticket_created(&bytes, &Options::default());
    }
}
