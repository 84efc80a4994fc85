//! The kinds of field a payload has, each with its reading, checks and
//! normalization rule. The rules themselves are the plain functions of
//! [`crate::normalize`]; this module applies them and records issues.
//!
//! One file per kind family: `text` (plain strings, booleans, emails,
//! actors, UUIDs), `time` (timestamps), `labels` (label and string lists),
//! `priority`, `whatsapp` (chat, phone and message ids, WhatsApp's id
//! object), `enums` (closed sets of strings), `numbers` (numbers and ack
//! levels), `json` (values and objects passed through, string maps) and
//! `list` (arrays of models).

mod enums;
mod json;
mod labels;
mod list;
mod numbers;
mod priority;
mod text;
mod time;
mod whatsapp;

pub use enums::{EnumText, EnumValues};
pub use json::{Json, JsonObject, StringMap};
pub use labels::{Labels, StringList};
pub use list::{List, ListTypes};
pub use numbers::{Ack, Number};
pub use priority::Priority;
pub use text::{Actor, Email, Uuid};
pub use time::Timestamp;
pub use whatsapp::{ChatIdField, MessageIdField, PhoneId, WaId};

/// What the unit tests of every kind family share.
#[cfg(test)]
mod testing {
    use std::borrow::Cow;

    use crate::issue::{IssueCode, Severity};
    use crate::json::JsonWriter;
    use crate::model::{read_field, Cx, FieldKind};

    /// Reads `text` as one field of kind `K`: the written output (or `None`)
    /// and each issue as `(path, code, severity)`.
    pub(super) fn read<'a, K: FieldKind<'a>>(
        text: &'a str,
        strict: bool,
    ) -> (Option<String>, Vec<(String, IssueCode, Severity)>) {
        let (value, _) = crate::json::parse(text, 16).unwrap();
        let options = crate::options::Options { strict, ..Default::default() };
        let mut cx = Cx::new(text, &options, usize::MAX);
        let out = read_field::<K>(&Cow::Borrowed("f"), &value, false, &mut cx).map(|k| {
            let mut w = JsonWriter::default();
            k.write(&mut w);
            w.finish()
        });
        let pointer = |i: &crate::model::PendingIssue<'_>| {
            let mut path = String::new();
            crate::issue::write_pointer(&mut path, &i.segments);
            path
        };
        (out, cx.issues.iter().map(|i| (pointer(i), i.code, i.severity)).collect())
    }

    pub(super) fn codes(issues: &[(String, IssueCode, Severity)]) -> Vec<IssueCode> {
        issues.iter().map(|i| i.1).collect()
    }
}
