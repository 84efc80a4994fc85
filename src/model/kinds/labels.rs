//! List-of-strings kinds: [`Labels`] and [`StringList`]. Both are written
//! as an array, `[]` when absent, and both accept the list sent as one
//! string (comma-separated labels, a JSON array of strings).

use std::borrow::Cow;

use super::text::empty_to_null;
use crate::issue::IssueCode;
use crate::json::{Kind, Sink, Value};
use crate::model::{Cx, Embedded, FieldKind};
use crate::normalize;

/// A list of labels, read from `"label1, label2"` (or from an array of
/// strings) by [`normalize::split_labels`]'s rule; absent or `null` becomes
/// `[]`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Labels<'a>(pub Vec<Cow<'a, str>>);

impl<'a> FieldKind<'a> for Labels<'a> {
    const TS_IN: &'static str = "string | string[]";
    const TS_OUT: &'static str = "string[]";
    const SCHEMA_IN: &'static str = r#"{"type":["string","array"],"items":{"type":"string"}}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"array","items":{"type":"string"}}"#;
    const OUT_NULLABLE: bool = false;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        match &value.kind {
            Kind::String(Cow::Borrowed(s)) => Some(Labels(normalize::split_labels(s).into_iter().map(Cow::Borrowed).collect())),
            Kind::String(Cow::Owned(s)) => {
                Some(Labels(normalize::split_labels(s).into_iter().map(|l| Cow::Owned(l.to_owned())).collect()))
            }
            Kind::Array(items) => {
                let mut labels: Vec<Cow<'a, str>> = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match &item.kind {
                        Kind::String(Cow::Borrowed(s)) => labels.extend(normalize::labels::label(s).map(Cow::Borrowed)),
                        Kind::String(Cow::Owned(s)) => {
                            labels.extend(normalize::labels::label(s).map(|l| Cow::Owned(l.to_owned())));
                        }
                        _ => {
                            cx.push_index(i);
                            cx.wrong_type("a string", item);
                            cx.pop();
                        }
                    }
                }
                Some(Labels(normalize::labels::dedup_labels(labels)))
            }
            _ => {
                cx.wrong_type("a comma-separated string or an array of strings", value);
                None
            }
        }
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.begin_array();
        self.0.iter().for_each(|l| w.text(l));
        w.end_array();
    }

    fn write_absent<W: Sink>(w: &mut W) {
        w.begin_array();
        w.end_array();
    }
}

/// An array of strings (ids, vCards), each kept as sent.
///
/// Rule: an array's string items are kept in order; an item that is not a
/// string is an `invalid_type` error and is left out. A string holding a
/// JSON array of strings (`"[\"a\"]"`) is read as that array, with a
/// `coerced_value` warning: the field is typed, so the intent is clear.
/// Absent, `null` or `""` becomes `[]` (`""` with a `coerced_value` warning).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct StringList<'a>(pub Vec<Cow<'a, str>>);

impl<'a> FieldKind<'a> for StringList<'a> {
    const TS_IN: &'static str = "string[] | string";
    const TS_OUT: &'static str = "string[]";
    const SCHEMA_IN: &'static str = r#"{"type":["array","string"],"items":{"type":"string"}}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"array","items":{"type":"string"}}"#;
    const OUT_NULLABLE: bool = false;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        match &value.kind {
            Kind::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match &item.kind {
                        Kind::String(s) => out.push(s.clone()),
                        _ => {
                            cx.push_index(i);
                            cx.wrong_type("a string", item);
                            cx.pop();
                        }
                    }
                }
                Some(StringList(out))
            }
            Kind::String(s) => {
                if empty_to_null(s, value, cx) {
                    return None;
                }
                let decoded = match cx.parse_embedded(s.trim(), value) {
                    Embedded::Json(Value { kind: Kind::Array(items), .. }) => {
                        items.into_iter().map(|item| item.as_str().map(|s| Cow::Owned(s.to_owned()))).collect::<Option<Vec<_>>>()
                    }
                    Embedded::Refused => return None,
                    _ => None,
                };
                match decoded {
                    Some(list) => {
                        cx.warn(IssueCode::CoercedValue, "a JSON array sent as a string was read as an array", value);
                        Some(StringList(list))
                    }
                    None => {
                        cx.wrong_type("an array of strings", value);
                        None
                    }
                }
            }
            _ => {
                cx.wrong_type("an array of strings", value);
                None
            }
        }
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.begin_array();
        self.0.iter().for_each(|s| w.text(s));
        w.end_array();
    }

    fn write_absent<W: Sink>(w: &mut W) {
        w.begin_array();
        w.end_array();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kinds::testing::{codes, read};

    #[test]
    fn string_lists() {
        assert_eq!(read::<StringList>(r#"["a"," b "]"#, false), (Some(r#"["a"," b "]"#.into()), vec![]));
        let (out, issues) = read::<StringList>(r#"["a",1,null,"b"]"#, false);
        assert_eq!(out.as_deref(), Some(r#"["a","b"]"#));
        assert_eq!(issues.iter().map(|i| i.0.as_str()).collect::<Vec<_>>(), ["/f/1", "/f/2"]);
        let (out, issues) = read::<StringList>(r#"" [\"a\\\"b\"] ""#, false);
        assert_eq!((out.as_deref(), codes(&issues)), (Some(r#"["a\"b"]"#), vec![IssueCode::CoercedValue]));
        for bad in [r#""a""#, r#""[1]""#, r##""[\"a\"""##, "{}", "3"] {
            assert_eq!(codes(&read::<StringList>(bad, false).1), vec![IssueCode::InvalidType], "{bad}");
        }
        let mut w = crate::json::JsonWriter::default();
        StringList::write_absent(&mut w);
        assert_eq!(w.finish(), "[]");
    }
}
