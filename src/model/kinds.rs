//! The kinds of field a payload has, each with its reading, checks and
//! normalization rule. The rules themselves are the plain functions of
//! [`crate::normalize`]; this module applies them and records issues.

use std::borrow::Cow;
use std::marker::PhantomData;

use super::{read_field, read_model, write_field, Cx, Embedded, Extra, FieldKind, Model};
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
        w.text(self);
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
        w.text(&self.0);
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
        if !s.as_bytes().contains(&b'@') {
            return Some(Actor(s));
        }
        let email = lowercase_trimmed(s);
        if !normalize::is_email(&email) {
            cx.warn(IssueCode::InvalidEmail, "this is not an email address", value);
        }
        Some(Actor(email))
    }

    fn write(&self, w: &mut JsonWriter) {
        w.text(&self.0);
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
                        Kind::String(Cow::Borrowed(s)) if !s.trim().is_empty() => labels.push(Cow::Borrowed(s.trim())),
                        Kind::String(Cow::Owned(s)) if !s.trim().is_empty() => labels.push(Cow::Owned(s.trim().to_owned())),
                        Kind::String(_) => {}
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

    fn write(&self, w: &mut JsonWriter) {
        w.begin_array();
        self.0.iter().for_each(|l| w.text(l));
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

/// The part of a WhatsApp id before `@` (all of it without one).
fn user_part(id: &str) -> &str {
    id.bytes().position(|b| b == b'@').and_then(|at| id.get(..at)).unwrap_or(id)
}

/// Warns when the part of a WhatsApp id before `@` is a placeholder
/// (`91900438XXXX`).
fn check_placeholder_id(id: &str, value: &Value<'_>, cx: &mut Cx<'_>) {
    let user = user_part(id);
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
        if placeholder::is_placeholder_digits(user_part(&s)) {
            check_placeholder_id(&s, value, cx);
        } else if !s.as_bytes().contains(&b'@') {
            cx.warn(IssueCode::InvalidFormat, "a chat id has the form <number>@c.us or <digits>@g.us", value);
        }
        Some(ChatIdField(s))
    }

    fn write(&self, w: &mut JsonWriter) {
        w.text(&self.0);
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
        w.text(&self.0);
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
        w.text(&self.0);
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

    fn write(&self, w: &mut JsonWriter) {
        w.text(&self.0);
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
        read_enum(value, cx, E::VALUES, E::WHAT).map(|s| EnumText(s, PhantomData))
    }

    fn write(&self, w: &mut JsonWriter) {
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
                Some(t) => w.text(t),
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

/// Whether `text` is exactly one JSON number (`-1`, `0`, `2.5e3`; not `+1`,
/// `007` or `1.`), by the JSON reader already in the binary rather than a
/// float parser.
fn is_json_number(text: &str) -> bool {
    crate::json::parse(text, 1).is_ok_and(|(v, _)| matches!(v.kind, Kind::Number(_)))
}

/// A string's text with surrounding whitespace removed, still borrowed from
/// the input when it was.
fn trimmed<'a>(s: &Cow<'a, str>) -> Cow<'a, str> {
    match s {
        Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
        Cow::Owned(o) => Cow::Owned(o.trim().to_owned()),
    }
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

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        read_number(value, cx, "a number", true).map(Number)
    }

    fn write(&self, w: &mut JsonWriter) {
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

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        read_ack(value, cx, TEXT).map(Ack)
    }

    fn write(&self, w: &mut JsonWriter) {
        w.raw(&self.0);
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

    fn write(&self, w: &mut JsonWriter) {
        w.begin_array();
        self.0.iter().for_each(|s| w.text(s));
        w.end_array();
    }

    fn write_absent(w: &mut JsonWriter) {
        w.begin_array();
        w.end_array();
    }
}

/// Any JSON value (Periskope's `Json` columns with no documented shape:
/// `links`, `location`, `invite_v4`, `metadata`...).
///
/// Rule: kept exactly as sent, the JSON text copied verbatim. A string stays
/// a string, even one that holds JSON (`links: "[]"`): with no documented
/// type there is no intent to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Json<'a>(pub &'a str);

impl<'a> FieldKind<'a> for Json<'a> {
    const TS_IN: &'static str = "unknown";
    const TS_OUT: &'static str = "unknown";

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        Some(Json(cx.raw(value)))
    }

    fn write(&self, w: &mut JsonWriter) {
        w.raw_compact(self.0);
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

    fn write(&self, w: &mut JsonWriter) {
        w.raw_compact(&self.0);
    }
}

/// WhatsApp's id object of a message, reaction or notification, normalized
/// to `{ id, from_me, remote, serialized }`.
///
/// Rule: senders spell the keys two ways (`{id, fromMe, remote, _serialized}`
/// in the SDK's types and Periskope's samples, `{id, from_me, remote,
/// serialized}` in the REST docs, and a mix of both for notifications). Both
/// are read; the output always uses the snake_case spelling, the one every
/// other Periskope field uses. A camelCase or underscore key gets one
/// `coerced_value` warning naming what was renamed; when both spellings are
/// sent and disagree, the snake_case one is kept, with an
/// `inconsistent_value` warning. A serialized id sent as a plain string
/// (`true_<chat>_<id>`) is split into the object, with a `coerced_value`
/// warning. When `serialized` does not start with
/// `<from_me>_<remote>_<id>`, an `inconsistent_value` warning. Other keys
/// (`participant`...) are kept as sent.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct WaId<'a> {
    /// WhatsApp's id of the message (`3EB0...`).
    pub id: Option<Cow<'a, str>>,
    /// Whether the organisation's phone sent it (read from `fromMe` too).
    pub from_me: Option<bool>,
    /// The chat's id.
    pub remote: Option<Cow<'a, str>>,
    /// The serialized id (read from `_serialized` too).
    pub serialized: Option<Cow<'a, str>>,
    /// Keys the id object does not define, kept as sent.
    pub extra: Vec<Extra<'a>>,
}

impl<'a> FieldKind<'a> for WaId<'a> {
    const TS_IN: &'static str = "WaIdInput | string";
    const TS_OUT: &'static str = "WaId";

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        match &value.kind {
            Kind::Object(members) => Some(read_wa_id(members, value, cx)),
            Kind::String(s) => match normalize::parse_message_id(s) {
                Some(parts) => {
                    cx.warn(
                        IssueCode::CoercedValue,
                        "a serialized id sent as a string was read as { id, from_me, remote, serialized }",
                        value,
                    );
                    Some(WaId {
                        id: Some(Cow::Owned(parts.id.to_owned())),
                        from_me: Some(parts.from_me),
                        remote: Some(Cow::Owned(parts.chat_id.to_owned())),
                        serialized: Some(s.clone()),
                        extra: Vec::new(),
                    })
                }
                None => {
                    cx.wrong_type("an id object { id, from_me, remote, serialized }", value);
                    None
                }
            },
            _ => {
                cx.wrong_type("an id object { id, from_me, remote, serialized }", value);
                None
            }
        }
    }

    fn write(&self, w: &mut JsonWriter) {
        w.begin_object();
        write_field::<Cow<'a, str>>(w, "id", self.id.as_ref());
        write_field::<bool>(w, "from_me", self.from_me.as_ref());
        write_field::<Cow<'a, str>>(w, "remote", self.remote.as_ref());
        write_field::<Cow<'a, str>>(w, "serialized", self.serialized.as_ref());
        for extra in &self.extra {
            w.key(&extra.key);
            w.raw_compact(extra.json);
        }
        w.end_object();
    }
}

/// Keeps the snake_case spelling's value, warning when the other spelling
/// was also sent with a different value.
fn merge_spellings<'a, T: PartialEq>(
    snake: Option<T>,
    other: Option<T>,
    members: &[crate::json::Member<'a>],
    object: &Value<'_>,
    other_key: &'static str,
    cx: &mut Cx<'a>,
) -> Option<T> {
    match (snake, other) {
        (Some(s), Some(o)) => {
            if s != o {
                let message = "both spellings of this key were sent with different values; the snake_case one was kept";
                cx.warn_member(members, object, other_key, IssueCode::InconsistentValue, message);
            }
            Some(s)
        }
        (s, o) => s.or(o),
    }
}

fn read_wa_id<'a>(members: &[crate::json::Member<'a>], object: &Value<'a>, cx: &mut Cx<'a>) -> WaId<'a> {
    let mut out = WaId::default();
    let (mut from_me_camel, mut serialized_underscore) = (None, None);
    let (mut camel_sent, mut underscore_sent) = (false, false);
    for m in members {
        match &*m.key {
            "id" => out.id = read_field::<Cow<'a, str>>(&m.key, &m.value, false, cx),
            "remote" => out.remote = read_field::<Cow<'a, str>>(&m.key, &m.value, false, cx),
            "from_me" => out.from_me = read_field::<bool>(&m.key, &m.value, false, cx),
            "serialized" => out.serialized = read_field::<Cow<'a, str>>(&m.key, &m.value, false, cx),
            "fromMe" => {
                camel_sent = true;
                from_me_camel = read_field::<bool>(&m.key, &m.value, false, cx);
            }
            "_serialized" => {
                underscore_sent = true;
                serialized_underscore = read_field::<Cow<'a, str>>(&m.key, &m.value, false, cx);
            }
            _ => {
                if cx.strict() {
                    cx.push_key(m.key.clone());
                    cx.error(IssueCode::UnknownField, "this field is not part of the id object (strict mode)", &m.value);
                    cx.pop();
                }
                cx.keep_extra(&mut out.extra, m);
            }
        }
    }
    let renamed = match (camel_sent, underscore_sent) {
        (true, true) => "the keys fromMe and _serialized were read as from_me and serialized",
        (true, false) => "the key fromMe was read as from_me",
        (false, true) => "the key _serialized was read as serialized",
        (false, false) => "",
    };
    if !renamed.is_empty() {
        cx.warn(IssueCode::CoercedValue, renamed, object);
    }
    out.from_me = merge_spellings(out.from_me, from_me_camel, members, object, "fromMe", cx);
    out.serialized = merge_spellings(out.serialized, serialized_underscore, members, object, "_serialized", cx);
    if let (Some(serialized), Some(from_me), Some(remote), Some(id)) = (&out.serialized, out.from_me, &out.remote, &out.id) {
        let rest = serialized
            .strip_prefix(if from_me { "true_" } else { "false_" })
            .and_then(|r| r.strip_prefix(&**remote))
            .and_then(|r| r.strip_prefix('_'))
            .and_then(|r| r.strip_prefix(&**id));
        if !rest.is_some_and(|r| r.is_empty() || r.starts_with('_')) {
            let key = if members.iter().any(|m| m.key == "serialized") { "serialized" } else { "_serialized" };
            let message = "the serialized id does not start with <from_me>_<remote>_<id> of this object";
            cx.warn_member(members, object, key, IssueCode::InconsistentValue, message);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::Severity;

    /// Reads `text` as one field of kind `K`: the written output (or `None`)
    /// and each issue as `(path, code, severity)`.
    fn read<'a, K: FieldKind<'a>>(text: &'a str, strict: bool) -> (Option<String>, Vec<(String, IssueCode, Severity)>) {
        let (value, _) = crate::json::parse(text, 16).unwrap();
        let options = crate::api::Options { strict, ..Default::default() };
        let mut cx = Cx::new(text, &options, usize::MAX);
        let out = read_field::<K>(&Cow::Borrowed("f"), &value, false, &mut cx).map(|k| {
            let mut w = JsonWriter::default();
            k.write(&mut w);
            w.finish()
        });
        (out, cx.issues.iter().map(|i| (i.path.clone(), i.code, i.severity)).collect())
    }

    fn codes(issues: &[(String, IssueCode, Severity)]) -> Vec<IssueCode> {
        issues.iter().map(|i| i.1).collect()
    }

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
        let mut w = JsonWriter::default();
        StringList::write_absent(&mut w);
        assert_eq!(w.finish(), "[]");
    }

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

    #[test]
    fn whatsapp_ids_normalize_to_snake_case() {
        let want = r#"{"id":"3EB0","from_me":true,"remote":"1@c.us","serialized":"true_1@c.us_3EB0"}"#;
        assert_eq!(read::<WaId>(want, false), (Some(want.into()), vec![]));
        let camel = r#"{"_serialized":"true_1@c.us_3EB0","remote":"1@c.us","fromMe":true,"id":"3EB0"}"#;
        let (out, issues) = read::<WaId>(camel, false);
        assert_eq!((out.as_deref(), codes(&issues)), (Some(want), vec![IssueCode::CoercedValue]));
        let (out, issues) = read::<WaId>(r#""true_1@c.us_3EB0""#, false);
        assert_eq!((out.as_deref(), codes(&issues)), (Some(want), vec![IssueCode::CoercedValue]));
        // Five-part notification ids start with the three parts: consistent.
        let five = r#"{"id":"AB","from_me":false,"remote":"2@g.us","serialized":"false_2@g.us_AB_1@c.us_add"}"#;
        assert_eq!(read::<WaId>(five, false).1, vec![]);
        let clash = r#"{"id":"AB","from_me":true,"remote":"2@g.us","serialized":"false_2@g.us_AB"}"#;
        assert_eq!(read::<WaId>(clash, false).1, vec![("/f/serialized".into(), IssueCode::InconsistentValue, Severity::Warning)]);
        let prefix_only = r#"{"id":"AB","from_me":false,"remote":"2@g.us","serialized":"false_2@g.us_ABC"}"#;
        assert_eq!(codes(&read::<WaId>(prefix_only, false).1), vec![IssueCode::InconsistentValue]);
        let both = r#"{"from_me":true,"fromMe":false}"#;
        let (out, issues) = read::<WaId>(both, false);
        assert!(out.unwrap().contains(r#""from_me":true"#));
        assert_eq!(codes(&issues), vec![IssueCode::CoercedValue, IssueCode::InconsistentValue]);
        let extra = r#"{"id":"AB","participant":"1@c.us"}"#;
        let (out, issues) = read::<WaId>(extra, true);
        assert_eq!(out.as_deref(), Some(r#"{"id":"AB","from_me":null,"remote":null,"serialized":null,"participant":"1@c.us"}"#));
        assert_eq!(codes(&issues), vec![IssueCode::UnknownField]);
        for bad in ["\"3EB0\"", "[]", "7"] {
            assert_eq!(codes(&read::<WaId>(bad, false).1), vec![IssueCode::InvalidType], "{bad}");
        }
    }
}
