//! The time kind, [`Timestamp`]: every accepted spelling of a point in
//! time (ISO-like strings, epoch milliseconds) is read to one instant and
//! written as JavaScript's `toISOString` writes it; each guess (no offset,
//! a number) is a `coerced_value` warning.

use crate::issue::IssueCode;
use crate::json::{Kind, Sink, Value};
use crate::model::{Cx, FieldKind};
use crate::normalize;

/// A point in time, written as `Date.prototype.toISOString` writes it.
///
/// Read from any format [`normalize::parse_timestamp`] accepts (an error
/// `invalid_timestamp` otherwise), or from a number of milliseconds since the
/// epoch (with a `coerced_value` warning). A date-time without an offset is
/// read as UTC, with a `coerced_value` warning; `""` becomes `null`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timestamp {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub millis: i64,
}

/// The range of a JavaScript `Date`, in milliseconds either side of the epoch.
const MAX_DATE_MILLIS: i64 = 8_640_000_000_000_000;

impl<'a> FieldKind<'a> for Timestamp {
    const TS_IN: &'static str = "string | number";
    const TS_OUT: &'static str = "string";
    const SCHEMA_IN: &'static str = r#"{"type":["string","number"]}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"string","format":"date-time"}"#;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        match &value.kind {
            Kind::String(s) => {
                if s.is_empty() {
                    cx.warn(IssueCode::CoercedValue, "an empty string was read as null", value);
                    return None;
                }
                match normalize::parse_timestamp(s) {
                    Some(t) => {
                        if !t.has_offset && !t.date_only {
                            cx.warn(IssueCode::CoercedValue, "this timestamp has no UTC offset and was read as UTC", value);
                        }
                        Some(Timestamp { millis: t.millis })
                    }
                    None => {
                        cx.error(
                            IssueCode::InvalidTimestamp,
                            "this timestamp cannot be read (expected YYYY-MM-DD, then T or a space and HH:MM:SS with up to 9 fraction digits, then Z, +HH or +HH:MM)",
                            value,
                        );
                        None
                    }
                }
            }
            Kind::Number(n) => match normalize::integer_value(n) {
                Some(millis) if millis.abs() <= MAX_DATE_MILLIS => {
                    cx.warn(IssueCode::CoercedValue, "a number was read as milliseconds since 1970-01-01 UTC", value);
                    Some(Timestamp { millis })
                }
                _ => {
                    cx.error(IssueCode::InvalidTimestamp, "this number is not a time in milliseconds since 1970-01-01", value);
                    None
                }
            },
            _ => {
                cx.wrong_type("a timestamp string", value);
                None
            }
        }
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.plain_string(normalize::time::IsoMillis::new(self.millis).as_str());
    }
}
