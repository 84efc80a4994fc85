//! Text kinds: plain strings and booleans kept as sent, [`Email`],
//! [`Actor`] and [`Uuid`], with the string helpers every family shares
//! (reading a string, `""` as `null`, trimming). Their common thread: a
//! string is kept, or normalized only where the field's meaning says how,
//! and anything doubtful is a warning, never a loss.

use std::borrow::Cow;

use crate::issue::IssueCode;
use crate::json::{Kind, Sink, Value};
use crate::model::{Cx, FieldKind};
use crate::normalize::{self, placeholder};

/// Reads a string value, recording the wrong-type error otherwise.
pub(super) fn string<'a>(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Cow<'a, str>> {
    match &value.kind {
        Kind::String(s) => Some(s.clone()),
        _ => {
            cx.wrong_type("a string", value);
            None
        }
    }
}

/// A plain string, kept as sent.
impl<'a> FieldKind<'a> for Cow<'a, str> {
    const TS_IN: &'static str = "string";
    const TS_OUT: &'static str = "string";
    const SCHEMA_IN: &'static str = r#"{"type":"string"}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"string"}"#;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        string(value, cx)
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.text(self);
    }
}

/// A boolean, kept as sent.
impl<'a> FieldKind<'a> for bool {
    const TS_IN: &'static str = "boolean";
    const TS_OUT: &'static str = "boolean";
    const SCHEMA_IN: &'static str = r#"{"type":"boolean"}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"boolean"}"#;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        match value.kind {
            Kind::Bool(b) => Some(b),
            _ => {
                cx.wrong_type("a boolean", value);
                None
            }
        }
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.bool(*self);
    }
}

/// `""` where a value is optional means "none": it becomes `null`, with a
/// `coerced_value` warning so nothing changes silently.
pub(super) fn empty_to_null(s: &str, value: &Value<'_>, cx: &mut Cx<'_>) -> bool {
    if s.trim().is_empty() {
        cx.warn(IssueCode::CoercedValue, "an empty string was read as null", value);
        true
    } else {
        false
    }
}

/// An email address: trimmed and lowercased; `invalid_email` warning when it
/// is not shaped like one; `""` becomes `null`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email<'a>(pub Cow<'a, str>);

impl<'a> FieldKind<'a> for Email<'a> {
    const TS_IN: &'static str = "string";
    const TS_OUT: &'static str = "string";
    const SCHEMA_IN: &'static str = r#"{"type":"string"}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"string"}"#;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let s = string(value, cx)?;
        if empty_to_null(&s, value, cx) {
            return None;
        }
        Some(Email(email(s, value, cx)))
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.text(&self.0);
    }
}

/// An email address's rule, shared by [`Email`] and [`Actor`]: trimmed and
/// lowercased, with an `invalid_email` warning when it is not shaped like one.
fn email<'a>(s: Cow<'a, str>, value: &Value<'_>, cx: &mut Cx<'_>) -> Cow<'a, str> {
    let email = lowercase_trimmed(s);
    if !normalize::is_email(&email) {
        cx.warn(IssueCode::InvalidEmail, "this is not an email address", value);
    }
    email
}

/// [`normalize::normalize_email`], borrowing when nothing changes.
fn lowercase_trimmed(s: Cow<'_, str>) -> Cow<'_, str> {
    let unchanged = s.trim().len() == s.len() && !s.bytes().any(|b| b.is_ascii_uppercase());
    if unchanged {
        s
    } else {
        Cow::Owned(normalize::normalize_email(&s))
    }
}

/// Who performed an action: an email address (normalized as [`Email`]) or a
/// word such as `"api"`, kept as sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor<'a>(pub Cow<'a, str>);

impl<'a> FieldKind<'a> for Actor<'a> {
    const TS_IN: &'static str = "string";
    const TS_OUT: &'static str = "string";
    const SCHEMA_IN: &'static str = r#"{"type":"string"}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"string"}"#;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let s = string(value, cx)?;
        if !s.as_bytes().contains(&b'@') {
            return Some(Actor(s));
        }
        Some(Actor(email(s, value, cx)))
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.text(&self.0);
    }
}

/// A UUID (an org id), kept as sent; `placeholder_value` warning for
/// `2997xx64-...`, `invalid_format` warning for anything else not a UUID.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uuid<'a>(pub Cow<'a, str>);

impl<'a> FieldKind<'a> for Uuid<'a> {
    const TS_IN: &'static str = "string";
    const TS_OUT: &'static str = "string";
    const SCHEMA_IN: &'static str = r#"{"type":"string"}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"string"}"#;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let s = string(value, cx)?;
        if placeholder::is_placeholder_uuid(&s) {
            cx.warn(
                IssueCode::PlaceholderValue,
                "this id looks like a documentation placeholder (hex digits replaced by x)",
                value,
            );
        } else if !placeholder::is_uuid(&s) {
            cx.warn(IssueCode::InvalidFormat, "this is not a UUID", value);
        }
        Some(Uuid(s))
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.text(&self.0);
    }
}

/// A string's text with surrounding whitespace removed, still borrowed from
/// the input when it was.
pub(super) fn trimmed<'a>(s: &Cow<'a, str>) -> Cow<'a, str> {
    match s {
        Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
        Cow::Owned(o) => Cow::Owned(o.trim().to_owned()),
    }
}
