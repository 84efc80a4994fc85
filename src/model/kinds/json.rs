//! Pass-through kinds: [`Json`], [`JsonObject`] and [`StringMap`], for
//! values whose shape is Periskope's to change. Their JSON is kept as sent
//! (written compact); only the outer type is checked (and, for a string
//! map, that each value is a string or can become one).

use std::borrow::Cow;

use super::text::{empty_to_null, trimmed};
use crate::issue::IssueCode;
use crate::json::{Kind, Sink, Value};
use crate::model::{Cx, Embedded, FieldKind};

/// A map of custom properties: names to string values.
///
/// A number or boolean value becomes its JSON text (`12`, `true`) with a
/// `coerced_value` warning; `null` stays `null`; an object or array is an
/// `invalid_type` error.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct StringMap<'a>(pub Vec<(Cow<'a, str>, Option<Cow<'a, str>>)>);

impl<'a> FieldKind<'a> for StringMap<'a> {
    const TS_IN: &'static str = "Record<string, string | number | boolean | null>";
    const TS_OUT: &'static str = "Record<string, string | null>";
    const SCHEMA_IN: &'static str = r#"{"type":"object","additionalProperties":{"type":["string","number","boolean","null"]}}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"object","additionalProperties":{"type":["string","null"]}}"#;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let Kind::Object(members) = &value.kind else {
            cx.wrong_type("an object of strings", value);
            return None;
        };
        let mut entries = Vec::with_capacity(members.len());
        for m in members {
            let text = match &m.value.kind {
                Kind::String(s) => Some(s.clone()),
                Kind::Null => None,
                Kind::Number(_) | Kind::Bool(_) => {
                    cx.push_key(m.key.clone());
                    cx.warn(IssueCode::CoercedValue, "a custom property that is not a string was turned into one", &m.value);
                    cx.pop();
                    Some(Cow::Borrowed(cx.raw(&m.value)))
                }
                Kind::Array(_) | Kind::Object(_) => {
                    cx.push_key(m.key.clone());
                    cx.wrong_type("a string", &m.value);
                    cx.pop();
                    continue;
                }
            };
            entries.push((m.key.clone(), text));
        }
        Some(StringMap(entries))
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.begin_object();
        for (key, text) in &self.0 {
            w.key(key);
            match text {
                Some(t) => w.text(t),
                None => w.null(),
            }
        }
        w.end_object();
    }
}

/// Any JSON value (Periskope's `Json` columns with no documented shape:
/// `links`, `location`, `invite_v4`, `metadata`...).
///
/// Rule: kept exactly as sent, the JSON text copied verbatim. A string stays
/// a string, even one that holds JSON (`links: "[]"`): with no documented
/// type there is no intent to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Json<'a>(pub Cow<'a, str>);

impl<'a> FieldKind<'a> for Json<'a> {
    const TS_IN: &'static str = "unknown";
    const TS_OUT: &'static str = "unknown";
    const SCHEMA_IN: &'static str = r#"{}"#;
    const SCHEMA_OUT: &'static str = r#"{}"#;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        Some(Json(Cow::Borrowed(cx.raw(value))))
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.raw_compact(&self.0);
    }
}

/// A JSON object passed through (`media`, `delivery_info`, `flag_metadata`,
/// `label_ids`...): its shape is Periskope's to change, so its members are
/// not checked.
///
/// Rule: an object is kept exactly as sent. A string holding a JSON object
/// (`"{\"path\":...}"`) is read as that object, with a `coerced_value`
/// warning: the field is typed as an object, so the intent is clear. `""`
/// becomes `null`, with a `coerced_value` warning. Anything else is an
/// `invalid_type` error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonObject<'a>(pub Cow<'a, str>);

impl<'a> FieldKind<'a> for JsonObject<'a> {
    const TS_IN: &'static str = "object | string";
    const TS_OUT: &'static str = "Record<string, unknown>";
    const SCHEMA_IN: &'static str = r#"{"type":["object","string"]}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"object"}"#;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        match &value.kind {
            Kind::Object(_) => Some(JsonObject(Cow::Borrowed(cx.raw(value)))),
            Kind::String(s) if s.trim().is_empty() => {
                empty_to_null(s, value, cx);
                None
            }
            Kind::String(s) => match cx.parse_embedded(s, value) {
                Embedded::Json(decoded) if matches!(decoded.kind, Kind::Object(_)) => {
                    cx.warn(IssueCode::CoercedValue, "a JSON object sent as a string was read as an object", value);
                    Some(JsonObject(trimmed(s)))
                }
                Embedded::Refused => None,
                Embedded::Json(_) | Embedded::NotJson => {
                    cx.wrong_type("an object", value);
                    None
                }
            },
            _ => {
                cx.wrong_type("an object", value);
                None
            }
        }
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.raw_compact(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kinds::testing::{codes, read};

    #[test]
    fn json_passes_through_and_objects_must_be_objects() {
        // Kept as sent, written compact (as unknown fields are).
        for (text, out) in [
            ("\"[]\"", "\"[]\""),
            ("[1, 2]", "[1,2]"),
            ("{\"a\": {\"b\": \" x \"}}", "{\"a\":{\"b\":\" x \"}}"),
            ("-1.50", "-1.50"),
        ] {
            assert_eq!(read::<Json>(text, false), (Some(out.into()), vec![]));
        }
        assert_eq!(read::<JsonObject>("{ \"a\": 1 }", false), (Some("{\"a\":1}".into()), vec![]));
        let (out, issues) = read::<JsonObject>(r#"" {\"a\":[1]} ""#, false);
        assert_eq!((out.as_deref(), codes(&issues)), (Some(r#"{"a":[1]}"#), vec![IssueCode::CoercedValue]));
        assert_eq!(codes(&read::<JsonObject>("\" \"", false).1), vec![IssueCode::CoercedValue]);
        for bad in ["[]", "\"[]\"", "\"x\"", "1"] {
            assert_eq!(codes(&read::<JsonObject>(bad, false).1), vec![IssueCode::InvalidType], "{bad}");
        }
    }
}
