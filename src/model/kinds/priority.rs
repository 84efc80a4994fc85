//! The priority kind, [`Priority`]: a ticket priority from 0 to 4, read
//! from a number or a numeric string, and written with its label beside
//! it.

use super::numbers::is_json_number;
use crate::issue::IssueCode;
use crate::json::{Kind, Sink, Value};
use crate::model::{Cx, FieldKind};
use crate::normalize;

/// A ticket priority, 0 to 4, written with its label beside it
/// (`priority_label`: none, low, medium, high, urgent).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Priority(pub u8);

impl Priority {
    /// The labels of priorities 0 to 4.
    pub const LABELS: [&'static str; 5] = ["none", "low", "medium", "high", "urgent"];

    /// This priority's label.
    pub fn label(self) -> &'static str {
        Self::LABELS.get(usize::from(self.0)).copied().unwrap_or("none")
    }
}

impl<'a> FieldKind<'a> for Priority {
    const TS_IN: &'static str = "number | string";
    const TS_OUT: &'static str = "PriorityLevel";
    const SCHEMA_IN: &'static str = r#"{"anyOf":[{"type":"integer","minimum":0,"maximum":4},{"type":"string"}]}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"integer","minimum":0,"maximum":4}"#;
    const DERIVED: Option<(&'static str, &'static str)> = Some(("_label", "PriorityLabel"));

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let (text, coerced) = match &value.kind {
            Kind::Number(n) => (&**n, false),
            Kind::String(s) => (&**s, true),
            _ => {
                cx.wrong_type("an integer from 0 to 4", value);
                return None;
            }
        };
        if coerced && !is_json_number(text.trim()) {
            cx.wrong_type("an integer from 0 to 4", value);
            return None;
        }
        match normalize::integer_value(text.trim()).and_then(|p| u8::try_from(p).ok()).filter(|p| *p <= 4) {
            Some(p) => {
                if coerced {
                    cx.warn(IssueCode::CoercedValue, "a priority sent as a string was read as a number", value);
                }
                Some(Priority(p))
            }
            None => {
                cx.error(IssueCode::OutOfRange, "priority must be an integer from 0 to 4", value);
                None
            }
        }
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.int(i64::from(self.0));
    }

    fn write_derived<W: Sink>(field: Option<&Self>, w: &mut W) {
        match field {
            Some(p) => w.string(p.label()),
            None => w.null(),
        }
    }
}
