//! Number kinds: [`Number`] and [`Ack`]. A number's JSON text is kept
//! exactly, so nothing is rounded; a string holding a JSON number is read
//! as that number; `""` becomes `null`.

use std::borrow::Cow;

use super::text::{empty_to_null, trimmed};
use crate::issue::IssueCode;
use crate::json::{Kind, Sink, Value};
use crate::model::{Cx, FieldKind};
use crate::normalize;

/// Whether `text` is exactly one JSON number (`-1`, `0`, `2.5e3`; not `+1`,
/// `007` or `1.`), by the JSON reader already in the binary rather than a
/// float parser.
pub(super) fn is_json_number(text: &str) -> bool {
    crate::json::parse(text, 1).is_ok_and(|(v, _)| matches!(v.kind, Kind::Number(_)))
}

/// Reads a number, or a string holding one; the number's JSON text is kept
/// exactly, so nothing is rounded. `warn_string`: whether a string is a
/// coercion worth a warning (it is not where the column itself is text).
#[inline(never)]
fn read_number<'a>(value: &Value<'a>, cx: &mut Cx<'a>, expected: &str, warn_string: bool) -> Option<Cow<'a, str>> {
    let number = read_number_text(value, cx, expected, warn_string)?;
    if !normalize::number::is_finite_number(&number) {
        // JavaScript would read it as Infinity, which is not a JSON number.
        cx.error(IssueCode::OutOfRange, "this number is too large to be a finite number", value);
        return None;
    }
    Some(number)
}

fn read_number_text<'a>(value: &Value<'a>, cx: &mut Cx<'a>, expected: &str, warn_string: bool) -> Option<Cow<'a, str>> {
    match &value.kind {
        Kind::Number(n) => Some(Cow::Borrowed(n)),
        Kind::String(s) => {
            if empty_to_null(s, value, cx) {
                return None;
            }
            let text = trimmed(s);
            if !is_json_number(&text) {
                cx.wrong_type(expected, value);
                return None;
            }
            if warn_string {
                cx.warn(IssueCode::CoercedValue, "a number sent as a string was read as a number", value);
            }
            Some(text)
        }
        _ => {
            cx.wrong_type(expected, value);
            None
        }
    }
}

/// A number (Periskope's `number` columns: counts, scores, epoch times).
///
/// Rule: a JSON number is kept as written (JavaScript then reads it as a
/// double, so integers past 2^53 round there); one too large to be finite
/// (`1e400`) is an `out_of_range` error; a string holding a JSON
/// number (`"0"`, `" 12 "`) becomes that number, with a `coerced_value`
/// warning; `""` becomes `null`, with a `coerced_value` warning; anything
/// else is an `invalid_type` error. Epoch numbers are not turned into dates:
/// their unit (seconds or milliseconds) is not documented.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number<'a>(pub Cow<'a, str>);

impl Number<'_> {
    /// The value when it is an integer in JavaScript's safe range.
    pub fn as_i64(&self) -> Option<i64> {
        normalize::integer_value(&self.0)
    }
}

impl<'a> FieldKind<'a> for Number<'a> {
    const TS_IN: &'static str = "number | string";
    const TS_OUT: &'static str = "number";
    const SCHEMA_IN: &'static str = r#"{"type":["number","string"]}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"number"}"#;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        read_number(value, cx, "a number", true).map(Number)
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.raw(&self.0);
    }
}

/// A delivery level (`ack`): -1 failed, 0 pending, 1 sent to WhatsApp's
/// server, 2 delivered, 3 delivered to everyone (groups), 4 and above read
/// (Periskope's delivery-status page).
///
/// Rule: written as a number. `TEXT` says where Periskope's database keeps
/// the column as text (messages and notes: `"2"` is the documented form, read
/// without a warning) or as a number (reactions: a string is a coercion,
/// with a `coerced_value` warning). A value that is not an integer from -1
/// up is kept with an `unknown_enum_value` warning; a string that is not a
/// number is an `invalid_type` error; `""` becomes `null`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ack<'a, const TEXT: bool>(pub Cow<'a, str>);

impl<const TEXT: bool> Ack<'_, TEXT> {
    /// The level when it is an integer.
    pub fn level(&self) -> Option<i64> {
        normalize::integer_value(&self.0)
    }
}

/// Reads an ack level; shared by both `Ack` kinds.
#[inline(never)]
fn read_ack<'a>(value: &Value<'a>, cx: &mut Cx<'a>, text_column: bool) -> Option<Cow<'a, str>> {
    let text = read_number(value, cx, "an ack level (an integer from -1 up)", !text_column)?;
    if normalize::integer_value(&text).is_none_or(|level| level < -1) {
        cx.warn(
            IssueCode::UnknownEnumValue,
            "this is not a known ack level (-1 failed, 0 pending, 1 sent, 2 delivered, 3 delivered to all, 4 and above read)",
            value,
        );
    }
    Some(text)
}

impl<'a, const TEXT: bool> FieldKind<'a> for Ack<'a, TEXT> {
    const TS_IN: &'static str = "number | string";
    const TS_OUT: &'static str = "number";
    const SCHEMA_IN: &'static str = r#"{"type":["number","string"]}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"number"}"#;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        read_ack(value, cx, TEXT).map(Ack)
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.raw(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::Severity;
    use crate::model::kinds::testing::{codes, read};

    #[test]
    fn numbers_keep_their_text_and_coerce_strings() {
        assert_eq!(read::<Number>("1e3", false), (Some("1e3".into()), vec![]));
        assert_eq!(read::<Number>("-0.5", false), (Some("-0.5".into()), vec![]));
        let (out, issues) = read::<Number>("\" 12 \"", false);
        assert_eq!((out.as_deref(), codes(&issues)), (Some("12"), vec![IssueCode::CoercedValue]));
        let (out, issues) = read::<Number>("\"\"", false);
        assert_eq!((out, codes(&issues)), (None, vec![IssueCode::CoercedValue]));
        for bad in ["\"+1\"", "\"007\"", "\"1.\"", "\"0x10\"", "\"NaN\"", "true", "[]", "{}"] {
            let (out, issues) = read::<Number>(bad, false);
            assert_eq!((out, codes(&issues)), (None, vec![IssueCode::InvalidType]), "{bad}");
        }
        assert_eq!(Number(Cow::Borrowed("4.0")).as_i64(), Some(4));
    }

    #[test]
    fn ack_levels_read_text_silently_only_for_text_columns() {
        assert_eq!(read::<Ack<'_, true>>("\"2\"", false), (Some("2".into()), vec![]));
        let (out, issues) = read::<Ack<'_, false>>("\"0\"", false);
        assert_eq!((out.as_deref(), codes(&issues)), (Some("0"), vec![IssueCode::CoercedValue]));
        for known in ["-1", "0", "4", "17"] {
            assert_eq!(read::<Ack<'_, false>>(known, false).1, vec![], "{known}");
        }
        for unknown in ["-2", "2.5", "1e20"] {
            let (out, issues) = read::<Ack<'_, true>>(unknown, false);
            assert_eq!((out.as_deref(), codes(&issues)), (Some(unknown), vec![IssueCode::UnknownEnumValue]));
        }
        assert_eq!(codes(&read::<Ack<'_, true>>("\"read\"", false).1), vec![IssueCode::InvalidType]);
        assert_eq!(read::<Ack<'_, true>>("\"-1\"", true).1, vec![]);
        assert_eq!(read::<Ack<'_, false>>("\"-1\"", true).1[0].2, Severity::Error);
        assert_eq!(Ack::<'_, true>(Cow::Borrowed("3")).level(), Some(3));
    }
}
