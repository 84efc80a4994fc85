//! The kinds of field a payload has, each with its reading, checks and
//! normalization rule. The rules themselves are the plain functions of
//! [`crate::normalize`]; this module applies them and records issues.

use std::borrow::Cow;
use std::marker::PhantomData;

use super::{read_model, Cx, FieldKind, Model};
use crate::issue::IssueCode;
use crate::json::{JsonWriter, Kind, Value};
use crate::normalize::{self, placeholder};

/// Reads a string value, recording the wrong-type error otherwise.
fn string<'a>(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Cow<'a, str>> {
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

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        string(value, cx)
    }

    fn write(&self, w: &mut JsonWriter) {
        w.string(self);
    }
}

/// A boolean, kept as sent.
impl<'a> FieldKind<'a> for bool {
    const TS_IN: &'static str = "boolean";
    const TS_OUT: &'static str = "boolean";

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        match value.kind {
            Kind::Bool(b) => Some(b),
            _ => {
                cx.wrong_type("a boolean", value);
                None
            }
        }
    }

    fn write(&self, w: &mut JsonWriter) {
        w.bool(*self);
    }
}

/// `""` where a value is optional means "none": it becomes `null`, with a
/// `coerced_value` warning so nothing changes silently.
fn empty_to_null(s: &str, value: &Value<'_>, cx: &mut Cx<'_>) -> bool {
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

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let s = string(value, cx)?;
        if empty_to_null(&s, value, cx) {
            return None;
        }
        let email = lowercase_trimmed(s);
        if !normalize::is_email(&email) {
            cx.warn(IssueCode::InvalidEmail, "this is not an email address", value);
        }
        Some(Email(email))
    }

    fn write(&self, w: &mut JsonWriter) {
        w.string(&self.0);
    }
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

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let s = string(value, cx)?;
        if !s.contains('@') {
            return Some(Actor(s));
        }
        let email = lowercase_trimmed(s);
        if !normalize::is_email(&email) {
            cx.warn(IssueCode::InvalidEmail, "this is not an email address", value);
        }
        Some(Actor(email))
    }

    fn write(&self, w: &mut JsonWriter) {
        w.string(&self.0);
    }
}

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

    fn write(&self, w: &mut JsonWriter) {
        w.string(&normalize::format_iso_millis(self.millis));
    }
}

/// A list of labels, read from `"label1, label2"` (or from an array of
/// strings) by [`normalize::split_labels`]'s rule; absent or `null` becomes
/// `[]`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Labels<'a>(pub Vec<Cow<'a, str>>);

impl<'a> FieldKind<'a> for Labels<'a> {
    const TS_IN: &'static str = "string | string[]";
    const TS_OUT: &'static str = "string[]";
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
                        Kind::String(s) => {
                            let trimmed = s.trim();
                            let duplicate = labels.iter().any(|l| l.eq_ignore_ascii_case(trimmed));
                            if !trimmed.is_empty() && !duplicate {
                                labels.push(match s {
                                    Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
                                    Cow::Owned(_) => Cow::Owned(trimmed.to_owned()),
                                });
                            }
                        }
                        _ => {
                            cx.push_index(i);
                            cx.wrong_type("a string", item);
                            cx.pop();
                        }
                    }
                }
                Some(Labels(labels))
            }
            _ => {
                cx.wrong_type("a comma-separated string or an array of strings", value);
                None
            }
        }
    }

    fn write(&self, w: &mut JsonWriter) {
        w.begin_array();
        self.0.iter().for_each(|l| w.string(l));
        w.end_array();
    }

    fn write_absent(w: &mut JsonWriter) {
        w.begin_array();
        w.end_array();
    }
}

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
        let is_number = coerced && crate::json::parse(text.trim(), 1).is_ok_and(|(v, _)| matches!(v.kind, Kind::Number(_)));
        if coerced && !is_number {
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

    fn write(&self, w: &mut JsonWriter) {
        w.int(i64::from(self.0));
    }

    fn write_derived(field: Option<&Self>, w: &mut JsonWriter) {
        match field {
            Some(p) => w.string(p.label()),
            None => w.null(),
        }
    }
}

/// Warns when the part of a WhatsApp id before `@` is a placeholder
/// (`91900438XXXX`).
fn check_placeholder_id(id: &str, value: &Value<'_>, cx: &mut Cx<'_>) {
    let user = id.split_once('@').map_or(id, |(user, _)| user);
    if placeholder::is_placeholder_digits(user) {
        cx.warn(IssueCode::PlaceholderValue, "this id looks like a documentation placeholder (digits replaced by X)", value);
    }
}

/// A chat id (`<number>@c.us`, `<digits>@g.us`...), kept as sent and parsed
/// beside itself into `<field>_parsed: { kind, number, server }` by
/// [`normalize::parse_chat_id`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChatIdField<'a>(pub Cow<'a, str>);

impl<'a> FieldKind<'a> for ChatIdField<'a> {
    const TS_IN: &'static str = "string";
    const TS_OUT: &'static str = "string";
    const DERIVED: Option<(&'static str, &'static str)> = Some(("_parsed", "ChatIdParts"));

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let s = string(value, cx)?;
        if placeholder::is_placeholder_digits(s.split_once('@').map_or(&*s, |(user, _)| user)) {
            check_placeholder_id(&s, value, cx);
        } else if !s.contains('@') {
            cx.warn(IssueCode::InvalidFormat, "a chat id has the form <number>@c.us or <digits>@g.us", value);
        }
        Some(ChatIdField(s))
    }

    fn write(&self, w: &mut JsonWriter) {
        w.string(&self.0);
    }

    fn write_derived(field: Option<&Self>, w: &mut JsonWriter) {
        let Some(field) = field else { return w.null() };
        let id = normalize::parse_chat_id(&field.0);
        w.begin_object();
        w.key("kind");
        w.string(id.kind.as_str());
        w.key("number");
        match id.number {
            Some(n) => w.string(n),
            None => w.null(),
        }
        w.key("server");
        match id.server {
            Some(s) => w.string(s),
            None => w.null(),
        }
        w.end_object();
    }
}

/// A WhatsApp id or phone number that is kept as sent (`org_phone`,
/// `sender_phone`), with a `placeholder_value` warning for `91900438XXXX`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneId<'a>(pub Cow<'a, str>);

impl<'a> FieldKind<'a> for PhoneId<'a> {
    const TS_IN: &'static str = "string";
    const TS_OUT: &'static str = "string";

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let s = string(value, cx)?;
        check_placeholder_id(&s, value, cx);
        Some(PhoneId(s))
    }

    fn write(&self, w: &mut JsonWriter) {
        w.string(&self.0);
    }
}

/// A serialized message id, kept as sent and parsed beside itself into
/// `<field>_parsed: { from_me, chat_id, id, participant }` by
/// [`normalize::parse_message_id`] (`null`, with an `invalid_format`
/// warning, when it does not have that form).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageIdField<'a>(pub Cow<'a, str>);

impl<'a> FieldKind<'a> for MessageIdField<'a> {
    const TS_IN: &'static str = "string";
    const TS_OUT: &'static str = "string";
    const DERIVED: Option<(&'static str, &'static str)> = Some(("_parsed", "MessageIdParts"));

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let s = string(value, cx)?;
        match normalize::parse_message_id(&s) {
            Some(id) => check_placeholder_id(id.chat_id, value, cx),
            None => cx.warn(
                IssueCode::InvalidFormat,
                "a message id has the form true_<chat id>_<id> or false_<chat id>_<id>_<participant>",
                value,
            ),
        }
        Some(MessageIdField(s))
    }

    fn write(&self, w: &mut JsonWriter) {
        w.string(&self.0);
    }

    fn write_derived(field: Option<&Self>, w: &mut JsonWriter) {
        let Some(id) = field.and_then(|f| normalize::parse_message_id(&f.0)) else { return w.null() };
        w.begin_object();
        w.key("from_me");
        w.bool(id.from_me);
        w.key("chat_id");
        w.string(id.chat_id);
        w.key("id");
        w.string(id.id);
        w.key("participant");
        match id.participant {
            Some(p) => w.string(p),
            None => w.null(),
        }
        w.end_object();
    }
}

/// A UUID (an org id), kept as sent; `placeholder_value` warning for
/// `2997xx64-...`, `invalid_format` warning for anything else not a UUID.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uuid<'a>(pub Cow<'a, str>);

impl<'a> FieldKind<'a> for Uuid<'a> {
    const TS_IN: &'static str = "string";
    const TS_OUT: &'static str = "string";

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let s = string(value, cx)?;
        if placeholder::is_placeholder_uuid(&s) {
            cx.warn(IssueCode::PlaceholderValue, "this id looks like a documentation placeholder (hex digits replaced by x)", value);
        } else if !placeholder::is_uuid(&s) {
            cx.warn(IssueCode::InvalidFormat, "this is not a UUID", value);
        }
        Some(Uuid(s))
    }

    fn write(&self, w: &mut JsonWriter) {
        w.string(&self.0);
    }
}

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
}

/// A string from an [`EnumValues`] set, kept as sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumText<'a, E>(pub Cow<'a, str>, PhantomData<E>);

impl<'a, E> EnumText<'a, E> {
    /// The value as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'a, E: EnumValues> FieldKind<'a> for EnumText<'a, E> {
    const TS_IN: &'static str = "string";
    const TS_OUT: &'static str = E::TS;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let s = string(value, cx)?;
        if !E::VALUES.contains(&&*s) {
            let message = format!("this is not a known {} (known: {})", E::WHAT, E::VALUES.join(", "));
            cx.warn(IssueCode::UnknownEnumValue, message, value);
        }
        Some(EnumText(s, PhantomData))
    }

    fn write(&self, w: &mut JsonWriter) {
        w.string(&self.0);
    }
}

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

    fn write(&self, w: &mut JsonWriter) {
        w.begin_object();
        for (key, text) in &self.0 {
            w.key(key);
            match text {
                Some(t) => w.string(t),
                None => w.null(),
            }
        }
        w.end_object();
    }
}

/// An array of objects of one model; absent or `null` becomes `[]`.
#[derive(Clone, Debug, PartialEq)]
pub struct List<T>(pub Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

/// The TypeScript array type of each model's output and input, spelled out
/// because `concat!` cannot read associated constants.
pub trait ListTypes {
    /// `Model[]`.
    const TS_OUT_LIST: &'static str;
    /// `ModelInput[]`.
    const TS_IN_LIST: &'static str;
}

impl<'a, T: Model<'a> + ListTypes> FieldKind<'a> for List<T> {
    const TS_IN: &'static str = T::TS_IN_LIST;
    const TS_OUT: &'static str = T::TS_OUT_LIST;
    const OUT_NULLABLE: bool = false;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let Kind::Array(items) = &value.kind else {
            cx.wrong_type("an array", value);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            cx.push_index(i);
            if let Some(model) = read_model::<T>(item, cx) {
                out.push(model);
            }
            cx.pop();
        }
        Some(List(out))
    }

    fn write(&self, w: &mut JsonWriter) {
        w.begin_array();
        self.0.iter().for_each(|m| m.write_json(w));
        w.end_array();
    }

    fn write_absent(w: &mut JsonWriter) {
        w.begin_array();
        w.end_array();
    }
}
