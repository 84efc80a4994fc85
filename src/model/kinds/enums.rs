//! Enum kinds: [`EnumValues`] sets and the [`EnumText`] read from them.
//! A value outside today's set is kept, with a warning, so a new value from
//! Periskope never breaks a receiver.

use std::borrow::Cow;
use std::marker::PhantomData;

use super::text::string;
use crate::issue::IssueCode;
use crate::json::{Sink, Value};
use crate::model::{Cx, FieldKind};

/// A closed set of string values known today. Values outside it are kept,
/// with an `unknown_enum_value` warning, so a new value from Periskope never
/// breaks a receiver.
pub trait EnumValues {
    /// The known values.
    const VALUES: &'static [&'static str];
    /// What the values are, for messages.
    const WHAT: &'static str;
    /// The TypeScript type of the known values.
    const TS: &'static str;
    /// The three together.
    const INFO: crate::model::EnumInfo = crate::model::EnumInfo { ts_name: Self::TS, what: Self::WHAT, values: Self::VALUES };
}

/// A string from an [`EnumValues`] set, kept as sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumText<'a, E>(pub Cow<'a, str>, PhantomData<E>);

impl<'a, E> EnumText<'a, E> {
    /// A value of the set, as sent.
    pub fn new(value: Cow<'a, str>) -> Self {
        EnumText(value, PhantomData)
    }

    /// The value as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'a, E: EnumValues> FieldKind<'a> for EnumText<'a, E> {
    const TS_IN: &'static str = "string";
    const TS_OUT: &'static str = E::TS;
    const SCHEMA_IN: &'static str = r#"{"type":"string"}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"string"}"#;
    const VALUES: Option<&'static crate::model::EnumInfo> = Some(&E::INFO);

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        read_enum(value, cx, E::VALUES, E::WHAT).map(|s| EnumText(s, PhantomData))
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.text(&self.0);
    }
}

/// Reads a string from a closed set, warning on any other value: one copy
/// for every enum, where a generic body cost a copy of the message's
/// formatting per enum.
#[inline(never)]
fn read_enum<'a>(value: &Value<'a>, cx: &mut Cx<'a>, values: &[&str], what: &str) -> Option<Cow<'a, str>> {
    let s = string(value, cx)?;
    if !values.contains(&&*s) {
        let message = format!("this is not a known {what} (known: {})", values.join(", "));
        cx.warn(IssueCode::UnknownEnumValue, message, value);
    }
    Some(s)
}
