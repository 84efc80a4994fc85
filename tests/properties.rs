//! Property tests of the core over generated `ticket.created` payloads:
//! acceptance, determinism, idempotence, nothing lost, and one result for
//! every textual form of the same payload. Then two oracles, well-kept crates
//! that are only dev-dependencies: `serde_json` for the JSON reader (the same
//! values, and the same texts accepted) and `jiff` for the timestamp reader
//! and the `toISOString` writer.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::value::J;
use periskope_events::json::{self, JsonWriter, Kind, Sink, Value};
use periskope_events::normalize::{format_iso_millis, parse_timestamp, split_labels};
use periskope_events::{parse_ticket_created, IssueCode, Model, Options};
use proptest::prelude::*;

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

// --- The JSON reader against serde_json ----------------------------------

/// One character of a generated JSON string, and how to spell it: as itself
/// where JSON allows (0), its short escape where it has one (1), or `\uXXXX`
/// in lower (2) or upper case (3), a surrogate pair past U+FFFF.
type Spelled = Vec<(char, u8)>;

/// A JSON document for the reader's oracle.
#[derive(Clone, Debug)]
enum Doc {
    Null,
    Bool(bool),
    Num(String),
    Str(Spelled),
    Arr(Vec<Doc>),
    Obj(Vec<(Spelled, Doc)>),
}

fn spelled_char() -> impl Strategy<Value = (char, u8)> {
    let c = prop_oneof![
        4 => prop::char::range(' ', '~'),
        2 => any::<char>(),
        2 => prop::sample::select(vec!['"', '\\', '/', '\u{8}', '\u{c}', '\n', '\r', '\t', '\u{0}', '\u{1f}', '\u{7f}', 'é', '€', '😀', '\u{2028}', '\u{feff}', '\u{ffff}', '\u{10ffff}']),
    ];
    (c, 0u8..4)
}

fn spelled() -> impl Strategy<Value = Spelled> {
    prop::collection::vec(spelled_char(), 0..8)
}

/// Every number form of JSON's grammar: sign, `0` or digits, fraction,
/// exponent with either `e`, a sign and leading zeros. Finite as f64, since
/// serde_json refuses numbers beyond it (ours keeps their text).
fn json_number() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop_oneof![Just("0".to_string()), "[1-9][0-9]{0,19}"],
        prop::option::of("[0-9]{1,20}"),
        prop::option::of((prop::sample::select(vec!["e", "E"]), prop::sample::select(vec!["", "+", "-"]), 0u32..400, 0usize..3)),
    )
        .prop_map(|(negative, int, fraction, exponent)| {
            let mut out = String::from(if negative { "-" } else { "" });
            out.push_str(&int);
            if let Some(f) = fraction {
                out.push('.');
                out.push_str(&f);
            }
            if let Some((e, sign, magnitude, zeros)) = exponent {
                // Up to 1e20 × 10^279: below f64::MAX.
                let magnitude = if sign == "-" { magnitude } else { magnitude % 280 };
                out.push_str(&format!("{e}{sign}{}{magnitude}", "0".repeat(zeros)));
            }
            out
        })
}

fn doc() -> impl Strategy<Value = Doc> {
    let leaf = prop_oneof![
        Just(Doc::Null),
        any::<bool>().prop_map(Doc::Bool),
        json_number().prop_map(Doc::Num),
        spelled().prop_map(Doc::Str)
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Doc::Arr),
            prop::collection::vec((spelled(), inner), 0..6).prop_map(|members| {
                // No duplicate keys (as unescaped): serde_json keeps the last, ours reports them.
                let mut out: Vec<(Spelled, Doc)> = Vec::new();
                for (key, value) in members {
                    if !out.iter().any(|(seen, _)| plain(seen) == plain(&key)) {
                        out.push((key, value));
                    }
                }
                Doc::Obj(out)
            }),
        ]
    })
}

fn plain(s: &Spelled) -> String {
    s.iter().map(|(c, _)| *c).collect()
}

/// Writes `doc` with whitespace between tokens as `ws` says (cycled).
fn write_doc(doc: &Doc, ws: &[u8], at: &mut usize, out: &mut String) {
    let gap = |at: &mut usize, out: &mut String| {
        let pick = ws.get(*at % ws.len().max(1)).copied().unwrap_or(0);
        *at += 1;
        out.push_str(["", "", " ", "\n  ", "\t", "\r\n", "  "][usize::from(pick) % 7]);
    };
    gap(at, out);
    match doc {
        Doc::Null => out.push_str("null"),
        Doc::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Doc::Num(n) => out.push_str(n),
        Doc::Str(s) => write_string(s, out),
        Doc::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_doc(item, ws, at, out);
            }
            gap(at, out);
            out.push(']');
        }
        Doc::Obj(members) => {
            out.push('{');
            for (i, (key, value)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                gap(at, out);
                write_string(key, out);
                gap(at, out);
                out.push(':');
                write_doc(value, ws, at, out);
            }
            gap(at, out);
            out.push('}');
        }
    }
    gap(at, out);
}

fn write_string(s: &Spelled, out: &mut String) {
    out.push('"');
    for &(c, style) in s {
        let short = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '/' => Some("\\/"),
            '\u{8}' => Some("\\b"),
            '\u{c}' => Some("\\f"),
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            '\t' => Some("\\t"),
            _ => None,
        };
        let must_escape = c < ' ' || c == '"' || c == '\\';
        match (style, short) {
            (0, _) if !must_escape => out.push(c),
            (0 | 1, Some(short)) => out.push_str(short),
            _ => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&if style == 3 { format!("\\u{unit:04X}") } else { format!("\\u{unit:04x}") });
                }
            }
        }
    }
    out.push('"');
}

/// Whether our tree and serde_json's are the same value: numbers by their
/// f64 value (ours keeps the text), objects by key (ours in input order).
fn same_value(ours: &Value<'_>, theirs: &serde_json::Value, path: &str) -> Result<(), String> {
    use serde_json::Value as S;
    match (&ours.kind, theirs) {
        (Kind::Null, S::Null) => Ok(()),
        (Kind::Bool(a), S::Bool(b)) if a == b => Ok(()),
        (Kind::Number(text), S::Number(n)) => {
            let ours = text.parse::<f64>().map_err(|e| format!("{path}: {text}: {e}"))?;
            match n.as_f64() {
                Some(theirs) if theirs == ours => Ok(()),
                other => Err(format!("{path}: {text} is {ours:e} for us, {other:?} for serde_json")),
            }
        }
        (Kind::String(a), S::String(b)) if a == b => Ok(()),
        (Kind::Array(a), S::Array(b)) if a.len() == b.len() => {
            a.iter().zip(b).enumerate().try_for_each(|(i, (a, b))| same_value(a, b, &format!("{path}/{i}")))
        }
        (Kind::Object(a), S::Object(b)) if a.len() == b.len() => a.iter().try_for_each(|m| match b.get(&*m.key) {
            Some(theirs) => same_value(&m.value, theirs, &format!("{path}/{}", m.key)),
            None => Err(format!("{path}: serde_json has no key {:?}", m.key)),
        }),
        _ => Err(format!("{path}: {:?} for us, {theirs} for serde_json", ours.kind)),
    }
}

/// serde_json refuses a number beyond f64 (`1e400`), which ours keeps as
/// text: the one place where the two are meant to differ.
fn serde_out_of_range(e: &serde_json::Error) -> bool {
    e.to_string().contains("number out of range")
}

// --- Timestamps against jiff ------------------------------------------------

/// An RFC 3339 / ISO 8601 timestamp of any form our reader documents, and
/// whether it names an offset. Days run to 31 in every month, so impossible
/// dates (`2023-02-29`) are generated too; fractions run to 10 digits, one
/// past the limit.
fn iso_timestamp() -> impl Strategy<Value = (String, bool)> {
    (
        (0i32..=9999, 1u32..=12, 1u32..=31),
        (0u32..24, 0u32..60, prop::option::of((0u32..60, "[0-9]{0,10}"))),
        (prop::sample::select(vec!['T', 't', ' ']), 0usize..9, 0u32..24, 0u32..60),
    )
        .prop_map(|((y, mo, d), (h, mi, seconds), (sep, zone, oh, om))| {
            let time = match seconds {
                None => format!("{h:02}:{mi:02}"),
                Some((s, f)) if f.is_empty() => format!("{h:02}:{mi:02}:{s:02}"),
                Some((s, f)) => format!("{h:02}:{mi:02}:{s:02}.{f}"),
            };
            let (zone, has_offset) = match zone {
                0 => (String::new(), false),
                1 => ("Z".to_string(), true),
                2 => ("z".to_string(), true),
                3 => (format!("+{oh:02}"), true),
                4 => (format!("-{oh:02}"), true),
                5 => (format!("+{oh:02}{om:02}"), true),
                6 => (format!("-{oh:02}:{om:02}"), true),
                7 => ("+00:00".to_string(), true),
                _ => (format!("+{oh:02}:{om:02}"), true),
            };
            (format!("{y:04}-{mo:02}-{d:02}{sep}{time}{zone}"), has_offset)
        })
}

/// jiff's reading of `text` in milliseconds since the epoch, rounded down
/// (as `Date` and ours truncate the fraction): with an offset, a
/// `jiff::Timestamp`; without one, a civil date-time read as UTC.
fn jiff_millis(text: &str, has_offset: bool) -> Option<i64> {
    let timestamp = if has_offset {
        text.parse::<jiff::Timestamp>().ok()?
    } else {
        jiff::tz::Offset::UTC.to_timestamp(text.parse::<jiff::civil::DateTime>().ok()?).ok()?
    };
    i64::try_from(timestamp.as_nanosecond().div_euclid(1_000_000)).ok()
}

/// `Date.prototype.toISOString` of `millis`, from jiff's civil fields.
fn jiff_iso(millis: i64) -> String {
    let timestamp = jiff::Timestamp::from_millisecond(millis).expect("in jiff's range");
    let t = jiff::tz::Offset::UTC.to_datetime(timestamp);
    let year = i32::from(t.year());
    let year = if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else {
        format!("{}{:06}", if year < 0 { '-' } else { '+' }, year.abs())
    };
    let millis = t.subsec_nanosecond() / 1_000_000;
    format!("{year}-{:02}-{:02}T{:02}:{:02}:{:02}.{millis:03}Z", t.month(), t.day(), t.hour(), t.minute(), t.second())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Any JSON text (escapes, non-ASCII, every number form, any
    /// whitespace): our reader and serde_json read the same value.
    #[test]
    fn the_reader_reads_what_serde_json_reads(doc in doc(), ws in prop::collection::vec(any::<u8>(), 1..16)) {
        let mut text = String::new();
        write_doc(&doc, &ws, &mut 0, &mut text);
        let theirs: serde_json::Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(format!("serde_json: {e}\n{text}")))?;
        let (ours, duplicates) = json::parse(&text, 512).map_err(|e| TestCaseError::fail(format!("ours: {e:?}\n{text}")))?;
        prop_assert!(duplicates.is_empty());
        same_value(&ours, &theirs, "").map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
    }

    /// A JSON text with a character inserted, deleted or replaced: our
    /// reader accepts it exactly when serde_json does (RFC 8259's grammar,
    /// which is `JSON.parse`'s), numbers beyond f64 aside.
    #[test]
    fn the_reader_accepts_what_serde_json_accepts(
        doc in doc(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, prop::sample::select(vec!['{', '}', '[', ']', ',', ':', '"', '\\', '0', '1', '-', '+', '.', 'e', 'u', 'n', ' ', '\n', '\u{0}', '\u{7f}', 'é', '\u{feff}'])), 1..4),
    ) {
        let mut text = String::new();
        write_doc(&doc, &[0], &mut 0, &mut text);
        let mut chars: Vec<char> = text.chars().collect();
        for (at, op, c) in edits {
            let i = at.index(chars.len() + 1);
            match op {
                0 => chars.insert(i, c),
                1 if i < chars.len() => { chars.remove(i); }
                _ if i < chars.len() => chars[i] = c,
                _ => chars.push(c),
            }
        }
        let text: String = chars.into_iter().collect();
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        if let Err(e) = &theirs {
            prop_assume!(!serde_out_of_range(e));
        }
        let ours = json::parse(&text, 512);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "ours {:?}, serde_json {:?}\n{:?}", ours.as_ref().err(), theirs.as_ref().err(), text);
        if let (Ok((ours, duplicates)), Ok(theirs)) = (&ours, &theirs) {
            // serde_json keeps the last of a repeated key; ours reports it.
            if duplicates.is_empty() {
                same_value(ours, theirs, "").map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
            }
        }
    }

    /// Every timestamp form, impossible dates and 10-digit fractions
    /// included: ours reads it exactly when jiff does, to the same
    /// millisecond, and says whether it had an offset.
    #[test]
    fn timestamps_read_as_jiff_reads_them((text, has_offset) in iso_timestamp()) {
        let ours = parse_timestamp(&text);
        prop_assert_eq!(ours.map(|t| t.millis), jiff_millis(&text, has_offset), "{}", text);
        if let Some(ours) = ours {
            prop_assert_eq!(ours.has_offset, has_offset);
            prop_assert!(!ours.date_only);
        }
    }

    /// A date alone is midnight UTC, as jiff's civil date says.
    #[test]
    fn dates_read_as_jiff_reads_them(y in 0i32..=9999, mo in 1u32..=12, d in 1u32..=31) {
        let text = format!("{y:04}-{mo:02}-{d:02}");
        let theirs = text.parse::<jiff::civil::Date>().ok().map(|date| {
            jiff::tz::Offset::UTC.to_timestamp(date.to_datetime(jiff::civil::Time::midnight())).unwrap().as_millisecond()
        });
        let ours = parse_timestamp(&text);
        prop_assert_eq!(ours.map(|t| t.millis), theirs, "{}", text);
        prop_assert!(ours.is_none_or(|t| t.date_only && !t.has_offset));
    }

    /// `format_iso_millis` is `toISOString`, over all of jiff's range
    /// (years -9999 to 9999, the six-digit signed years outside 0 to 9999).
    #[test]
    fn iso_strings_are_written_as_jiff_reads_the_instant(
        millis in jiff::Timestamp::MIN.as_millisecond()..=jiff::Timestamp::MAX.as_millisecond(),
    ) {
        prop_assert_eq!(format_iso_millis(millis), jiff_iso(millis));
    }
}
