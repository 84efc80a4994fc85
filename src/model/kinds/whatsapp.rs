//! WhatsApp id kinds: [`ChatIdField`], [`PhoneId`], [`MessageIdField`] and
//! [`WaId`]. Ids are kept as sent (parsed beside themselves where they have
//! parts), with a `placeholder_value` warning when their user part is a
//! documentation placeholder (`91900438XXXX`); WhatsApp's id object is
//! normalized to one spelling of its keys.

use std::borrow::Cow;

use super::text::string;
use crate::issue::IssueCode;
use crate::json::{Kind, Sink, Value};
use crate::model::shape::shape;
use crate::model::{read_field, write_field, Cx, Extra, FieldKind};
use crate::normalize;

/// What the placeholder check needs of a WhatsApp id, found in one pass
/// over its bytes (three passes and a `memchr` before): whether it has an
/// `@`, and whether the part before it
/// (all of it without one) is a documentation placeholder, digits with
/// some replaced by `X` ([`normalize::placeholder::is_placeholder_digits`]).
struct IdUser {
    has_at: bool,
    placeholder: bool,
}

fn id_user(id: &str) -> IdUser {
    let (mut has_x, mut digits_or_x) = (false, true);
    for &b in id.as_bytes() {
        if b == b'@' {
            return IdUser { has_at: true, placeholder: has_x && digits_or_x };
        }
        let x = b | 0x20 == b'x';
        has_x |= x;
        digits_or_x &= x || b.is_ascii_digit();
    }
    IdUser { has_at: false, placeholder: has_x && digits_or_x }
}

/// Warns when the part of a WhatsApp id before `@` is a placeholder
/// (`91900438XXXX`).
fn check_placeholder_id(id: &str, value: &Value<'_>, cx: &mut Cx<'_>) {
    if id_user(id).placeholder {
        warn_placeholder_id(value, cx);
    }
}

fn warn_placeholder_id(value: &Value<'_>, cx: &mut Cx<'_>) {
    cx.warn(IssueCode::PlaceholderValue, "this id looks like a documentation placeholder (digits replaced by X)", value);
}

/// A chat id (`<number>@c.us`, `<digits>@g.us`...), kept as sent and parsed
/// beside itself into `<field>_parsed: { kind, number, server }` by
/// [`normalize::parse_chat_id`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChatIdField<'a>(pub Cow<'a, str>);

impl<'a> FieldKind<'a> for ChatIdField<'a> {
    const TS_IN: &'static str = "string";
    const TS_OUT: &'static str = "string";
    const SCHEMA_IN: &'static str = r#"{"type":"string"}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"string"}"#;
    const DERIVED: Option<(&'static str, &'static str)> = Some(("_parsed", "ChatIdParts"));
    const DERIVED_REPEATS_TEXT: bool = true;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let s = string(value, cx)?;
        let user = id_user(&s);
        if user.placeholder {
            warn_placeholder_id(value, cx);
        } else if !user.has_at {
            cx.warn(IssueCode::InvalidFormat, "a chat id has the form <number>@c.us or <digits>@g.us", value);
        }
        Some(ChatIdField(s))
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.text(&self.0);
    }

    fn write_derived<W: Sink>(field: Option<&Self>, w: &mut W) {
        let Some(field) = field else { return w.null() };
        let id = normalize::parse_chat_id(&field.0);
        w.begin_model(const { shape("ChatIdParts") });
        w.name("kind");
        w.plain_string(id.kind.as_str());
        w.name("number");
        match id.number {
            Some(n) => w.string(n),
            None => w.null(),
        }
        w.name("server");
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
    const SCHEMA_IN: &'static str = r#"{"type":"string"}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"string"}"#;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let s = string(value, cx)?;
        check_placeholder_id(&s, value, cx);
        Some(PhoneId(s))
    }

    fn write<W: Sink>(&self, w: &mut W) {
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
    const SCHEMA_IN: &'static str = r#"{"type":"string"}"#;
    const SCHEMA_OUT: &'static str = r#"{"type":"string"}"#;
    const DERIVED: Option<(&'static str, &'static str)> = Some(("_parsed", "MessageIdParts"));
    const DERIVED_REPEATS_TEXT: bool = true;

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

    fn write<W: Sink>(&self, w: &mut W) {
        w.text(&self.0);
    }

    fn write_derived<W: Sink>(field: Option<&Self>, w: &mut W) {
        let Some(id) = field.and_then(|f| normalize::parse_message_id(&f.0)) else { return w.null() };
        w.begin_model(const { shape("MessageIdParts") });
        w.name("from_me");
        w.bool(id.from_me);
        w.name("chat_id");
        w.string(id.chat_id);
        w.name("id");
        w.string(id.id);
        w.name("participant");
        match id.participant {
            Some(p) => w.string(p),
            None => w.null(),
        }
        w.end_object();
    }
}

/// WhatsApp's id object of a message, reaction or notification, normalized
/// to `{ id, from_me, remote, serialized }`.
///
/// Rule: senders spell the keys two ways (`{id, fromMe, remote, _serialized}`
/// in the SDK's types and Periskope's samples, `{id, from_me, remote,
/// serialized}` in the REST docs, and a mix of both for notifications). Both
/// are read; the output always uses the snake_case spelling, the one every
/// other Periskope field uses. The SDK's spelling is renamed silently: it is
/// what the official types declare, so it is no coercion (and strict mode
/// accepts it). When both spellings are sent and disagree, the snake_case
/// one is kept, with an `inconsistent_value` warning. A serialized id sent as a plain string
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
    const SCHEMA_IN: &'static str = r##"{"anyOf":[{"$ref":"#/$defs/WaIdInput"},{"type":"string"}]}"##;
    const SCHEMA_OUT: &'static str = r##"{"$ref":"#/$defs/WaId"}"##;

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

    fn write<W: Sink>(&self, w: &mut W) {
        w.begin_model(const { shape("WaId") });
        write_field::<Cow<'a, str>, W>(w, &("id", "\"id\":"), self.id.as_ref());
        write_field::<bool, W>(w, &("from_me", "\"from_me\":"), self.from_me.as_ref());
        write_field::<Cow<'a, str>, W>(w, &("remote", "\"remote\":"), self.remote.as_ref());
        write_field::<Cow<'a, str>, W>(w, &("serialized", "\"serialized\":"), self.serialized.as_ref());
        for extra in &self.extra {
            w.key(&extra.key);
            w.raw_compact(&extra.json);
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
    for m in members {
        match &*m.key {
            "id" => out.id = read_field::<Cow<'a, str>>(&m.key, &m.value, false, cx),
            "remote" => out.remote = read_field::<Cow<'a, str>>(&m.key, &m.value, false, cx),
            "from_me" => out.from_me = read_field::<bool>(&m.key, &m.value, false, cx),
            "serialized" => out.serialized = read_field::<Cow<'a, str>>(&m.key, &m.value, false, cx),
            // The SDK's spelling, what the official types declare: renamed
            // without a warning, so strict mode accepts payloads typed as the
            // SDK types them.
            "fromMe" => from_me_camel = read_field::<bool>(&m.key, &m.value, false, cx),
            "_serialized" => serialized_underscore = read_field::<Cow<'a, str>>(&m.key, &m.value, false, cx),
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
    use crate::model::kinds::testing::{codes, read};

    #[test]
    fn the_id_check_agrees_with_the_rule_by_parts() {
        // Every id of up to five characters over the bytes the check looks at.
        let by_parts = |id: &str| {
            let user = id.bytes().position(|b| b == b'@').and_then(|at| id.get(..at)).unwrap_or(id);
            (id.contains('@'), normalize::placeholder::is_placeholder_digits(user))
        };
        let alphabet = ["9", "x", "X", "@", "a", ".", "é"];
        let mut ids = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = ids.iter().flat_map(|id| alphabet.iter().map(move |c| format!("{id}{c}"))).collect();
            ids.extend(longer);
        }
        for id in &ids {
            let user = id_user(id);
            assert_eq!((user.has_at, user.placeholder), by_parts(id), "{id:?}");
        }
    }

    #[test]
    fn whatsapp_ids_normalize_to_snake_case() {
        let want = r#"{"id":"3EB0","from_me":true,"remote":"1@c.us","serialized":"true_1@c.us_3EB0"}"#;
        assert_eq!(read::<WaId>(want, false), (Some(want.into()), vec![]));
        let camel = r#"{"_serialized":"true_1@c.us_3EB0","remote":"1@c.us","fromMe":true,"id":"3EB0"}"#;
        // The SDK's spelling, even in strict mode: no issue.
        let (out, issues) = read::<WaId>(camel, true);
        assert_eq!((out.as_deref(), codes(&issues)), (Some(want), vec![]));
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
        assert_eq!(codes(&issues), vec![IssueCode::InconsistentValue]);
        let extra = r#"{"id":"AB","participant":"1@c.us"}"#;
        let (out, issues) = read::<WaId>(extra, true);
        assert_eq!(out.as_deref(), Some(r#"{"id":"AB","from_me":null,"remote":null,"serialized":null,"participant":"1@c.us"}"#));
        assert_eq!(codes(&issues), vec![IssueCode::UnknownField]);
        for bad in ["\"3EB0\"", "[]", "7"] {
            assert_eq!(codes(&read::<WaId>(bad, false).1), vec![IssueCode::InvalidType], "{bad}");
        }
    }
}
