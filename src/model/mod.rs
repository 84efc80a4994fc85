//! The machinery shared by every payload model: the reading context that
//! collects issues, the [`FieldKind`] trait each kind of field implements
//! (how it is read, checked, normalized and written), and the `model!` macro
//! that turns a list of fields into a struct, its reader, its writer and its
//! TypeScript declaration.

use std::borrow::Cow;

use crate::issue::{IssueCode, Segment, Severity};
use crate::json::{JsonWriter, Kind, Member, Sink, Value};

pub mod kinds;
mod owned;
#[doc(hidden)]
pub mod shape;

pub use owned::IntoOwned;

/// An issue recorded while reading, before positions are computed. Its path
/// is the reading's own segments, keys borrowed from the input: its JSON
/// Pointer and owned segments are made only for a public [`crate::Report`]
/// (an issue cost five allocations more when they were made here).
#[derive(Clone, Debug)]
pub(crate) struct PendingIssue<'a> {
    pub segments: Vec<Segment<'a>>,
    pub code: IssueCode,
    pub message: Cow<'static, str>,
    pub severity: Severity,
    /// Byte offset in the input of the value the issue is about.
    pub offset: Option<u32>,
}

/// The reading context: where we are, what was found, and the options that
/// decide how strict to be. Opaque outside the crate.
#[doc(hidden)]
pub struct Cx<'a> {
    path: Vec<Segment<'a>>,
    pub(crate) issues: Vec<PendingIssue<'a>>,
    strict: bool,
    max_issues: usize,
    /// Issues not recorded because `max_issues` was reached.
    pub(crate) dropped: usize,
    /// Errors among them.
    pub(crate) dropped_errors: usize,
    /// The input text, so unknown fields can be kept as written.
    src: &'a str,
    unknown_events: crate::options::UnknownEvents,
    /// Errors recorded so far, stored or not.
    errors: usize,
    /// The nesting limit, for JSON decoded from inside strings.
    max_depth: u32,
    /// Memory left for the models, counted as [`Cx::charge_model`] says, and
    /// what they were counted for so far.
    budget: usize,
    charged: usize,
    /// The models' fixed output, counted in `charged` too.
    output: usize,
    /// The budget ran out: every later model reads as absent.
    exhausted: bool,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(src: &'a str, options: &crate::options::Options, budget: usize) -> Self {
        Cx {
            path: Vec::with_capacity(8),
            issues: Vec::new(),
            strict: options.strict,
            max_issues: options.max_issues,
            dropped: 0,
            dropped_errors: 0,
            src,
            unknown_events: options.unknown_events,
            errors: 0,
            max_depth: options.depth_limit(),
            budget,
            charged: 0,
            output: 0,
            exhausted: false,
        }
    }

    /// Counts one model against the memory budget: its struct, in fixed
    /// sizes (16 bytes a field, as most fields take in wasm32, plus 16) so
    /// that the verdict is the same on every target, and the output it
    /// writes whatever the input holds ([`Model::OUTPUT_BYTES`]), so that
    /// validating and parsing agree on what is too large. Returns `false`,
    /// after one `too_large` error, once the budget is spent: a body of a
    /// million empty members would otherwise build a million structs and
    /// write every one with every field.
    pub(crate) fn charge_model<M: Model<'a>>(&mut self, at: &Value<'_>) -> bool {
        self.output = self.output.saturating_add(M::OUTPUT_BYTES);
        // Twice the struct: lists of models grow by doubling, and the
        // buffers left behind stay in the high-water mark.
        self.charge(2 * (16 * M::FIELDS.len() + 16) + M::OUTPUT_BYTES, at)
    }

    /// Counts output that a value writes a second time, in a derived value
    /// (a chat id's or message id's `_parsed` parts): three times its raw
    /// span, as a non-ASCII character is written as a `\u` escape (`é`, 2
    /// bytes, as 6), against the memory budget and the output's count, so
    /// that parsing never refuses what validation accepted. `false` once the
    /// budget is spent, as [`Cx::charge`].
    pub(crate) fn charge_derived_output(&mut self, at: &Value<'_>) -> bool {
        let bytes = 3 * (at.end.saturating_sub(at.start) as usize);
        self.output = self.output.saturating_add(bytes);
        self.charge(bytes, at)
    }

    /// The output the models may write beyond what the input's own bytes
    /// account for: every field's name, and its value when normalization
    /// writes one of a fixed size (`null`, a timestamp, a derived label).
    pub(crate) fn fixed_output(&self) -> usize {
        self.output
    }

    /// Counts `bytes` against the memory budget; `false`, after one
    /// `too_large` error, once it is spent.
    pub(crate) fn charge(&mut self, bytes: usize, at: &Value<'_>) -> bool {
        if self.exhausted {
            return false;
        }
        self.charged = self.charged.saturating_add(bytes);
        if self.charged > self.budget {
            self.exhausted = true;
            let message = format!(
                "the input holds so many objects that reading them would need more memory than allowed ({} bytes left after parsing)",
                self.budget
            );
            self.error(IssueCode::TooLarge, message, at);
            return false;
        }
        true
    }

    /// Keeps an unknown member as sent, counted against the budget (24 bytes,
    /// an [`Extra`] in wasm32).
    pub(crate) fn keep_extra(&mut self, extra: &mut Vec<Extra<'a>>, member: &Member<'a>) {
        if self.charge(24, &member.value) {
            extra.push(Extra { key: member.key.clone(), json: Cow::Borrowed(self.raw(&member.value)) });
        }
    }

    /// Reads JSON sent inside a string (`"{\"path\":1}"`, at the current
    /// path) with the body's rules: nesting counted from the string's own
    /// depth, so the body's limit holds across the two; repeated keys are
    /// `duplicate_key` errors at their path below the field; the tree counted
    /// against the same memory budget. [`Embedded::NotJson`] records nothing:
    /// whether text that is not JSON is an error is the caller's rule.
    pub(crate) fn parse_embedded<'s>(&mut self, text: &'s str, at: &Value<'_>) -> Embedded<'s> {
        let budget = self.budget.saturating_sub(self.charged);
        match crate::json::parse_within(text, self.depth_left(), budget) {
            Ok((value, duplicates, tree)) => {
                self.charged = self.charged.saturating_add(tree);
                for d in duplicates {
                    let mut segments = self.path.clone();
                    segments.extend(d.segments.into_iter().map(Segment::from));
                    self.push_pending(PendingIssue {
                        segments,
                        code: IssueCode::DuplicateKey,
                        message: "this key appears more than once in its object (JSON inside a string); JSON.parse would keep only the last".into(),
                        severity: Severity::Error,
                        offset: Some(at.start),
                    });
                }
                Embedded::Json(value)
            }
            Err(e) if e.kind == crate::json::ParseErrorKind::TooDeep => {
                let message = format!(
                    "the JSON inside this string nests too deeply (limit {}, counted from the body's root)",
                    self.max_depth
                );
                self.error(IssueCode::TooDeep, message, at);
                Embedded::Refused
            }
            Err(e) if e.kind == crate::json::ParseErrorKind::TooLarge => {
                self.error(IssueCode::TooLarge, "the JSON inside this string would need more memory than allowed", at);
                Embedded::Refused
            }
            Err(_) => Embedded::NotJson,
        }
    }

    /// How deep JSON decoded from a string at the current path may nest:
    /// the body's limit less the levels above the string.
    pub(crate) fn depth_left(&self) -> u32 {
        self.max_depth.saturating_sub(u32::try_from(self.path.len()).unwrap_or(u32::MAX))
    }

    /// What to do with an unknown event name.
    pub(crate) fn unknown_events(&self) -> crate::options::UnknownEvents {
        self.unknown_events
    }

    /// Whether unknown fields and warnings reject the payload.
    pub(crate) fn strict(&self) -> bool {
        self.strict
    }

    #[cold]
    #[inline(never)]
    pub(crate) fn record(&mut self, severity: Severity, code: IssueCode, message: Cow<'static, str>, offset: Option<u32>) {
        if severity == Severity::Error {
            self.errors += 1;
        }
        if self.issues.len() >= self.max_issues {
            self.dropped += 1;
            self.dropped_errors += usize::from(severity == Severity::Error);
            return;
        }
        self.issues.push(PendingIssue { segments: self.path.clone(), code, message, severity, offset });
    }

    /// Records an issue whose path is already known (a duplicate key found
    /// by the reader), within the `max_issues` cap.
    pub(crate) fn push_pending(&mut self, issue: PendingIssue<'a>) {
        if issue.severity == Severity::Error {
            self.errors += 1;
        }
        if self.issues.len() >= self.max_issues {
            self.dropped += 1;
            self.dropped_errors += usize::from(issue.severity == Severity::Error);
        } else {
            self.issues.push(issue);
        }
    }

    /// Records an error about the value at the current path.
    pub(crate) fn error(&mut self, code: IssueCode, message: impl Into<Cow<'static, str>>, at: &Value<'_>) {
        self.record(Severity::Error, code, message.into(), Some(at.start));
    }

    /// Records a warning (an error with `strict`) about the value at the
    /// current path.
    pub(crate) fn warn(&mut self, code: IssueCode, message: impl Into<Cow<'static, str>>, at: &Value<'_>) {
        let severity = if self.strict { Severity::Error } else { Severity::Warning };
        self.record(severity, code, message.into(), Some(at.start));
    }

    /// Records an issue about the value of `key` in `members`, or about the
    /// object itself (`object`) when the key is absent.
    pub(crate) fn warn_member(
        &mut self,
        members: &[Member<'a>],
        object: &Value<'_>,
        key: &'static str,
        code: IssueCode,
        message: &'static str,
    ) {
        match members.iter().find(|m| m.key == key) {
            Some(member) => {
                self.push_key(Cow::Borrowed(key));
                self.warn(code, message, &member.value);
                self.pop();
            }
            None => self.warn(code, message, object),
        }
    }

    pub(crate) fn push_key(&mut self, key: Cow<'a, str>) {
        self.path.push(Segment::Key(key));
    }

    pub(crate) fn push_index(&mut self, index: usize) {
        self.path.push(Segment::Index(index));
    }

    pub(crate) fn pop(&mut self) {
        self.path.pop();
    }

    /// The whole input text.
    pub(crate) fn source(&self) -> &'a str {
        self.src
    }

    /// The input text of `value`, exactly as sent.
    pub(crate) fn raw(&self, value: &Value<'_>) -> &'a str {
        self.src.get(value.start as usize..value.end as usize).unwrap_or("null")
    }

    /// Records `missing_field` for the field `name` of `object`: its path is
    /// the field's, as zod's and valibot's are, so that a form highlights the
    /// field; its line and column are the object's, where the field belongs.
    #[cold]
    pub(crate) fn missing(&mut self, name: &'static str, object: &Value<'_>) {
        self.push_key(Cow::Borrowed(name));
        self.error(IssueCode::MissingField, format!("the required field {name} is missing"), object);
        self.pop();
    }

    /// Records the standard wrong-type error.
    pub(crate) fn wrong_type(&mut self, expected: &str, found: &Value<'_>) {
        let message = format!("expected {expected}, found {}", found.type_name());
        self.error(IssueCode::InvalidType, message, found);
    }
}

/// What [`Cx::parse_embedded`] found in a string.
pub(crate) enum Embedded<'s> {
    /// JSON, read with the body's rules (its issues are recorded).
    Json(Value<'s>),
    /// JSON the body's rules refuse (too deep, too large): an error is recorded.
    Refused,
    /// Not JSON.
    NotJson,
}

/// A field of a model that was not in the model, kept as sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extra<'a> {
    /// The field's name.
    pub key: Cow<'a, str>,
    /// The field's value, as the exact JSON text that was sent.
    pub json: Cow<'a, str>,
}

/// How one kind of field is read, checked, normalized and written.
///
/// `read` sees every value but `null` (which the model handles) and returns
/// `None` after recording an error when it cannot use the value.
pub trait FieldKind<'a>: Sized {
    /// The TypeScript type accepted as input (without `null`).
    #[doc(hidden)]
    const TS_IN: &'static str;
    /// The TypeScript type of the normalized output (without `null`).
    #[doc(hidden)]
    const TS_OUT: &'static str;
    /// The JSON Schema of what is accepted (without `null`), as JSON text:
    /// a fragment, nested models referenced as `#/$defs/<TsName>Input`.
    /// Read only by the schema generator (tests/json_schema.rs), never by
    /// code compiled into the wasm.
    #[doc(hidden)]
    const SCHEMA_IN: &'static str;
    /// The JSON Schema of the normalized output (without `null`), as JSON
    /// text, nested models referenced as `#/$defs/<TsName>`.
    #[doc(hidden)]
    const SCHEMA_OUT: &'static str;
    /// Whether the output can be `null` (lists and label arrays never are).
    #[doc(hidden)]
    const OUT_NULLABLE: bool = true;
    /// A value computed from this field and written beside it: the suffix
    /// added to the field's name and the value's TypeScript type.
    #[doc(hidden)]
    const DERIVED: Option<(&'static str, &'static str)> = None;
    /// Whether the derived value repeats the value's own text (an id's
    /// parts), so that it is counted again in the output (see
    /// [`Cx::charge_derived_output`]); a derived value of a fixed size is
    /// counted with the model's fixed output.
    #[doc(hidden)]
    const DERIVED_REPEATS_TEXT: bool = false;
    /// The model of the values, when they are objects of one.
    #[doc(hidden)]
    const MODEL: Option<&'static ModelInfo> = None;
    /// The known values, when the kind is a closed set of strings.
    #[doc(hidden)]
    const VALUES: Option<&'static EnumInfo> = None;

    #[doc(hidden)]
    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self>;
    #[doc(hidden)]
    fn write<W: Sink>(&self, w: &mut W);
    #[doc(hidden)]
    fn write_absent<W: Sink>(w: &mut W) {
        w.null();
    }
    #[doc(hidden)]
    fn write_derived<W: Sink>(_field: Option<&Self>, _w: &mut W) {}
}

/// What a TypeScript declaration needs to know of a field.
#[derive(Clone, Copy, Debug)]
pub struct FieldInfo {
    /// The field's name on the wire.
    pub name: &'static str,
    /// Whether a payload without it, or with `null`, is rejected.
    pub required: bool,
    /// TypeScript type accepted as input.
    pub ts_in: &'static str,
    /// TypeScript type of the normalized output.
    pub ts_out: &'static str,
    /// JSON Schema (JSON text) of what is accepted, without `null`.
    pub schema_in: &'static str,
    /// JSON Schema (JSON text) of the normalized output, without `null`.
    pub schema_out: &'static str,
    /// Whether the normalized output can be `null`.
    pub out_nullable: bool,
    /// The derived value written beside the field, if any.
    pub derived: Option<(&'static str, &'static str)>,
    /// The field's documentation.
    pub doc: &'static str,
    /// The model of the field's values, when they are objects of one
    /// (directly, in a list or in a map).
    pub model: Option<&'static ModelInfo>,
    /// The known values, when the field is a closed set of strings.
    pub values: Option<&'static EnumInfo>,
}

/// What the TypeScript declarations and the reference docs need of a model,
/// reachable from the event registry (`EventFamily::model`) through every nested
/// model, so that nothing lists the models by hand.
#[derive(Debug)]
pub struct ModelInfo {
    /// The TypeScript name of the normalized output type (the input type adds
    /// `Input`).
    pub ts_name: &'static str,
    /// The model's documentation.
    pub doc: &'static str,
    /// Every field, in output order.
    pub fields: &'static [FieldInfo],
}

/// A closed set of string values, for declarations and docs.
#[derive(Debug)]
pub struct EnumInfo {
    /// The TypeScript type's name (`string` when no type is declared for it).
    pub ts_name: &'static str,
    /// What the values are, in words.
    pub what: &'static str,
    /// The values known today.
    pub values: &'static [&'static str],
}

/// A payload object: a struct generated by `model!`.
pub trait Model<'a>: Sized {
    /// The TypeScript name of the normalized output type (the input type adds
    /// `Input`).
    const TS_NAME: &'static str;
    /// The model's documentation.
    const DOC: &'static str;
    /// Every field, in output order.
    const FIELDS: &'static [FieldInfo];
    /// An upper bound of what the model writes whatever the input holds:
    /// for each field, its name and a value of fixed size (see
    /// [`fixed_output_bytes`]).
    const OUTPUT_BYTES: usize = fixed_output_bytes(Self::FIELDS);
    /// The model's name, documentation and fields together.
    const INFO: ModelInfo = ModelInfo { ts_name: Self::TS_NAME, doc: Self::DOC, fields: Self::FIELDS };

    #[doc(hidden)]
    type Draft;
    #[doc(hidden)]
    fn from_members(members: &[Member<'a>], object: &Value<'a>, cx: &mut Cx<'a>) -> Self::Draft;
    #[doc(hidden)]
    fn finish(draft: Self::Draft) -> Option<Self>;
    #[doc(hidden)]
    fn write_json<W: Sink>(&self, w: &mut W);

    /// The normalized payload as compact JSON.
    fn to_json(&self) -> String {
        let mut w = JsonWriter::with_capacity(1024);
        self.write_json(&mut w);
        w.finish()
    }
}

/// What a model with `fields` writes whatever the input holds: each field's
/// name (twice for a derived value), its quotes, colon and comma, and 40
/// bytes for a value that normalization writes at a fixed size (`null`, an
/// ISO timestamp, a priority label). What grows with the input (strings,
/// lists, values passed through) is bounded separately, by
/// [`OUTPUT_PER_INPUT_BYTE`].
pub const fn fixed_output_bytes(fields: &[FieldInfo]) -> usize {
    let mut total = 2;
    let mut rest = fields;
    while let [f, tail @ ..] = rest {
        total += f.name.len() + 4 + 40;
        if let Some((suffix, _)) = f.derived {
            total += f.name.len() + suffix.len() + 4 + 40;
        }
        rest = tail;
    }
    total
}

/// The output per byte of input that strings, lists and values passed
/// through can take: a non-ASCII character is written as a `\u` escape
/// (`é`, 2 bytes, as 6), and a label list adds quotes to each label.
pub const OUTPUT_PER_INPUT_BYTE: usize = 4;

/// A value of a kind that can be a required field, for the one place that
/// needs a value it never uses (see `take_field!`): moving a draft's fields
/// into a model without a failure path per field.
pub(crate) trait Placeholder {
    fn placeholder() -> Self;
}

impl Placeholder for Cow<'_, str> {
    fn placeholder() -> Self {
        Cow::Borrowed("")
    }
}

impl Placeholder for kinds::Timestamp {
    fn placeholder() -> Self {
        kinds::Timestamp { millis: 0 }
    }
}

/// The kinds that are one string.
macro_rules! string_placeholders {
    ($($kind:ident),*) => {
        $(
            impl Placeholder for kinds::$kind<'_> {
                fn placeholder() -> Self {
                    kinds::$kind(Cow::Borrowed(""))
                }
            }
        )*
    };
}

string_placeholders!(Uuid, ChatIdField, MessageIdField, PhoneId);

/// Reads `value` as the model `M`, recording an error if it is not an object.
///
/// Never inlined, like the model's writer: each model's reader is then a
/// function of its own, which V8 compiles on its first call, so a fresh
/// process reading one event compiles that event's models only (inlined,
/// every event's reader was one 34 KB function compiled whole on the first
/// call).
#[inline(never)]
pub(crate) fn read_model<'a, M: Model<'a>>(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<M> {
    match &value.kind {
        // A draft without a required field reads as missing: its error is recorded.
        Kind::Object(members) => cx.charge_model::<M>(value).then(|| M::finish(M::from_members(members, value, cx)))?,
        _ => {
            cx.wrong_type("an object", value);
            None
        }
    }
}

/// Reads one field's value through its kind, with the path set.
///
/// Never inlined: each kind's reader then exists once in the binary, shared
/// by every model, instead of once per field (which cost more wasm than the
/// call does time).
#[inline(never)]
#[allow(clippy::ptr_arg)] // The Cow itself goes into the path: a borrowed key stays a borrow.
pub(crate) fn read_field<'a, K: FieldKind<'a>>(
    key: &Cow<'a, str>,
    value: &Value<'a>,
    required: bool,
    cx: &mut Cx<'a>,
) -> Option<K> {
    cx.push_key(key.clone());
    let out = if matches!(value.kind, Kind::Null) {
        if required {
            cx.error(IssueCode::InvalidType, "this required field must not be null", value);
        }
        None
    } else {
        let errors_before = cx.errors;
        // Written again in the derived value, so counted again, escaped: a
        // string whose text between its quotes is plain ASCII is copied as
        // it is, within what the input's own bytes account for. Past the
        // budget (a `too_large` error) the field reads as absent.
        let counted = !K::DERIVED_REPEATS_TEXT || {
            let raw = cx.raw(value);
            let inner = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')).unwrap_or(raw);
            crate::json::is_plain_ascii(inner) || cx.charge_derived_output(value)
        };
        let out = if counted { K::read(value, cx) } else { None };
        // A kind may read a value as absent with only a warning (`""` for a
        // timestamp): for a required field that is an error, or the output
        // would hold a `null` that the same reader rejects.
        if required && out.is_none() && cx.errors == errors_before {
            cx.error(IssueCode::MissingField, "this required field is empty", value);
        }
        out
    };
    cx.pop();
    out
}

/// Reads one member into its field's slot. Never inlined, for the reason
/// `read_field` is not, and because assigning in place keeps the move of the
/// value and the drop of any earlier one (a duplicate key) out of every
/// model's reader: a model's reader is then one call per field.
#[inline(never)]
pub(crate) fn read_into<'a, K: FieldKind<'a>>(slot: &mut Option<K>, member: &Member<'a>, required: bool, cx: &mut Cx<'a>) {
    *slot = read_field::<K>(&member.key, &member.value, required, cx);
}

/// `"name":` without its quotes and colon, at compile time (see
/// `wire_name!`).
#[doc(hidden)]
pub const fn unquoted(quoted: &'static str) -> &'static str {
    match quoted.as_bytes() {
        [b'"', inner @ .., b'"', b':'] => match std::str::from_utf8(inner) {
            Ok(name) => name,
            Err(_) => "",
        },
        _ => "",
    }
}

/// `a == b`, eight bytes at a time and the tail as one overlapping word:
/// in wasm `==` on strings calls a byte-by-byte `memcmp`, and this
/// comparison runs for every member read (the tail's `memcmp` alone was 2%
/// of validating the docs sample natively).
#[inline(always)]
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n >= 8 {
        let mut at = 0;
        while at + 8 < n {
            if crate::json::word_at(a, at) != crate::json::word_at(b, at) {
                return false;
            }
            at += 8;
        }
        return crate::json::word_at(a, n - 8) == crate::json::word_at(b, n - 8);
    }
    if n >= 4 {
        let half = |s: &[u8], at: usize| s.get(at..).and_then(|w| w.first_chunk::<4>()).map(|w| u32::from_le_bytes(*w));
        return half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4);
    }
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// The slots of a model's field table: a power of two, at least twice the
/// fields, so that a lookup of a name the model lacks ends at an empty slot
/// within a probe or two.
#[doc(hidden)]
pub const fn table_slots(fields: usize) -> usize {
    (fields * 2).next_power_of_two()
}

/// A model's field table, built at compile time: slot `short_hash(name)`
/// (probing onwards past taken slots) holds the field's position plus one,
/// `0` an empty slot.
///
/// Only ever evaluated at compile time (into each model's `const TABLE`),
/// where an index out of bounds would fail the build; `at` is masked to the
/// table anyway. `get_mut` is not yet callable in a `const fn`.
#[doc(hidden)]
#[allow(clippy::indexing_slicing)]
pub const fn field_table<const SLOTS: usize>(names: &[&str]) -> [u8; SLOTS] {
    let mut slots = [0u8; SLOTS];
    let mut rest = names;
    let mut index = 0;
    while let [name, more @ ..] = rest {
        let mut at = crate::json::short_hash(name.as_bytes()) & (SLOTS - 1);
        while slots[at] != 0 {
            at = (at + 1) & (SLOTS - 1);
        }
        slots[at] = index + 1;
        rest = more;
        index += 1;
    }
    slots
}

/// The position of `key` in `names`, or `usize::MAX`: the field after the
/// previous member's (`next`) if that is it, else through the model's field
/// table (see [`field_table`]): one hash and, in the usual case, one
/// comparison, in whatever order the sender wrote the fields (a scan from
/// the previous field's position missed on 37 of the 49 members of the
/// bench's message, whose order is the SDK's, not ours). One function
/// shared by every model, where a `match` on strings compiles to a chain
/// of comparisons in each.
#[inline(never)]
pub(crate) fn field_index(names: &[&str], slots: &[u8], key: &str, next: &mut usize) -> usize {
    // Senders mostly write a model's fields in one order, often ours: the
    // field after the previous one is tried first, one comparison without
    // a hash (it was right on 516 of the 559 members of the bench's
    // 29 KiB ticket, where the table alone was 3 points of the profile
    // more).
    if names.get(*next).is_some_and(|name| same_text(name, key)) {
        *next += 1;
        return *next - 1;
    }
    let found = table_lookup(names, slots, key);
    *next = found.wrapping_add(1);
    found
}

/// [`field_index`] through the table alone.
fn table_lookup(names: &[&str], slots: &[u8], key: &str) -> usize {
    let mask = slots.len().wrapping_sub(1);
    let mut at = crate::json::short_hash(key.as_bytes()) & mask;
    for _ in 0..slots.len() {
        match slots.get(at) {
            Some(0) | None => return usize::MAX,
            Some(&slot) => {
                let index = usize::from(slot) - 1;
                if names.get(index).is_some_and(|name| same_text(name, key)) {
                    return index;
                }
            }
        }
        at = (at + 1) & mask;
    }
    usize::MAX
}

/// Writes one field, `null` (or its kind's empty form) when absent, and the
/// value derived from it, if its kind has one. Never inlined, as `read_field`.
#[inline(never)]
pub(crate) fn write_field<'a, K: FieldKind<'a>, W: Sink>(
    w: &mut W,
    // One pointer to the two forms of the name, in read-only data: each
    // call in a model's writer is then two words shorter (a tenth of a
    // model writer's code).
    &(name, quoted): &'static (&'static str, &'static str),
    value: Option<&K>,
) {
    w.quoted_name(quoted);
    match value {
        Some(value) => value.write(w),
        None => K::write_absent(w),
    }
    if let Some((suffix, _)) = K::DERIVED {
        w.name_with_suffix(name, suffix);
        K::write_derived(value, w);
    }
}

/// Checks a member whose name is a derived value's: ours replaces it, with a
/// warning when the sender's differs.
pub(crate) fn check_derived<'a>(member: &Member<'a>, ours: &str, cx: &mut Cx<'a>) {
    let mut theirs = JsonWriter::with_capacity(ours.len());
    theirs.value(&member.value);
    if theirs.finish() != ours {
        cx.push_key(member.key.clone());
        cx.warn(
            IssueCode::DerivedFieldReplaced,
            "this field is computed by the library; the value sent was replaced",
            &member.value,
        );
        cx.pop();
    }
}

/// Declares a payload model: a struct with its required fields as plain
/// values and the others as `Option`s, plus the unknown fields; a draft of
/// it with every field an `Option` (what the reader fills, whatever is
/// missing, and what the model's `check` sees); its reader, its writer, its
/// owned form and its field table.
///
/// ```text
/// model! {
///     /// Doc.
///     pub struct Name<'a> as "TsName", draft NameDraft {
///         /// Field doc.
///         field: Kind [required],
///         r#type("type"): Kind,
///     }
///     check = function_name;
/// }
/// ```
macro_rules! model {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident<'a> as $ts:literal, draft $draft:ident {
            $(
                $(#[doc = $fdoc:literal])*
                $field:ident $(($wire:literal))? : $kind:ty $([$required:ident])?,
            )*
        }
        $(check = $check:path;)?
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct $name<'a> {
            $(
                $(#[doc = $fdoc])*
                pub $field: $crate::model::field_type!($kind $(, $required)?),
            )*
            /// Fields the model does not know, kept as sent.
            pub extra: Vec<$crate::model::Extra<'a>>,
        }

        #[doc = concat!("[`", stringify!($name), "`] as read, before its required fields are known to be there.")]
        #[doc(hidden)]
        #[derive(Clone, Debug, Default)]
        pub struct $draft<'a> {
            $( pub $field: Option<$kind>, )*
            pub extra: Vec<$crate::model::Extra<'a>>,
        }

        impl<'a> $crate::model::Placeholder for $name<'a> {
            fn placeholder() -> Self {
                $name {
                    $( $field: $crate::model::placeholder_field!($kind $(, $required)?), )*
                    extra: Vec::new(),
                }
            }
        }

        impl<'a> $name<'a> {
            /// The same value with nothing borrowed from the input, so that it
            /// can outlive the body (move into a spawned thread or task).
            pub fn into_owned(self) -> $name<'static> {
                $crate::model::IntoOwned::into_owned(self)
            }
        }

        impl<'a> $crate::model::IntoOwned for $name<'a> {
            type Owned = $name<'static>;

            fn into_owned(self) -> $name<'static> {
                $name {
                    $( $field: $crate::model::IntoOwned::into_owned(self.$field), )*
                    extra: $crate::model::IntoOwned::into_owned(self.extra),
                }
            }
        }

        // The writer copies field names without escaping them (`JsonWriter::name`).
        $( const _: () = assert!({
            let name = $crate::model::wire_name!($field $(, $wire)?);
            !name.is_empty() && $crate::json::is_plain(name)
        }); )*

        impl<'a> $crate::model::Model<'a> for $name<'a> {
            const TS_NAME: &'static str = $ts;
            const DOC: &'static str = concat!($($doc, "\n"),*);
            const FIELDS: &'static [$crate::model::FieldInfo] = &[$(
                $crate::model::FieldInfo {
                    name: $crate::model::wire_name!($field $(, $wire)?),
                    required: $crate::model::is_required!($($required)?),
                    ts_in: <$kind as $crate::model::FieldKind<'a>>::TS_IN,
                    ts_out: <$kind as $crate::model::FieldKind<'a>>::TS_OUT,
                    schema_in: <$kind as $crate::model::FieldKind<'a>>::SCHEMA_IN,
                    schema_out: <$kind as $crate::model::FieldKind<'a>>::SCHEMA_OUT,
                    out_nullable: <$kind as $crate::model::FieldKind<'a>>::OUT_NULLABLE,
                    derived: <$kind as $crate::model::FieldKind<'a>>::DERIVED,
                    doc: concat!($($fdoc, "\n"),*),
                    model: <$kind as $crate::model::FieldKind<'a>>::MODEL,
                    values: <$kind as $crate::model::FieldKind<'a>>::VALUES,
                },
            )*];
            type Draft = $draft<'a>;

            fn from_members(
                members: &[$crate::json::Member<'a>],
                object: &$crate::json::Value<'a>,
                cx: &mut $crate::model::Cx<'a>,
            ) -> $draft<'a> {
                #[allow(unused_mut)]
                let mut out = $draft::default();
                let mut derived_members: Vec<&$crate::json::Member<'a>> = Vec::new();
                // One shared lookup of the member's name, then a jump on the
                // field's position: each model's reader stays one call per field.
                #[allow(non_camel_case_types, dead_code)]
                enum Field { $($field,)* }
                const NAMES: &[&str] = &[$($crate::model::wire_name!($field $(, $wire)?),)*];
                const SLOTS: usize = $crate::model::table_slots(NAMES.len());
                const _: () = assert!(NAMES.len() < 255, "a model's field table holds positions as bytes");
                const TABLE: [u8; SLOTS] = $crate::model::field_table::<SLOTS>(NAMES);
                let mut next = 0;
                // Which fields were sent, for `missing_field` below.
                #[allow(unused_mut)]
                let mut sent = [false; NAMES.len()];
                for member in members {
                    let index = $crate::model::field_index(NAMES, &TABLE, &member.key, &mut next);
                    if let Some(slot) = sent.get_mut(index) {
                        *slot = true;
                    }
                    match index {
                        $(
                            i if i == Field::$field as usize => {
                                $crate::model::read_into::<$kind>(
                                    &mut out.$field, member, $crate::model::is_required!($($required)?), cx);
                            }
                        )*
                        _ => {
                            let other = &*member.key;
                            let derived = false $(|| {
                                let name = $crate::model::wire_name!($field $(, $wire)?);
                                match <$kind as $crate::model::FieldKind<'a>>::DERIVED {
                                    Some((suffix, _)) => other.strip_prefix(name) == Some(suffix),
                                    None => false,
                                }
                            })*;
                            if derived {
                                derived_members.push(member);
                            } else {
                                if cx.strict() {
                                    cx.push_key(member.key.clone());
                                    cx.error($crate::issue::IssueCode::UnknownField,
                                        "this field is not part of the model (strict mode)", &member.value);
                                    cx.pop();
                                }
                                cx.keep_extra(&mut out.extra, member);
                            }
                        }
                    }
                }
                $(
                    if $crate::model::is_required!($($required)?) && sent.get(Field::$field as usize) != Some(&true) {
                        cx.missing($crate::model::wire_name!($field $(, $wire)?), object);
                    }
                )*
                for member in derived_members {
                    $(
                        if let Some((suffix, _)) = <$kind as $crate::model::FieldKind<'a>>::DERIVED {
                            if member.key.strip_prefix($crate::model::wire_name!($field $(, $wire)?)) == Some(suffix) {
                                let mut ours = $crate::json::JsonWriter::with_capacity(64);
                                <$kind as $crate::model::FieldKind<'a>>::write_derived(out.$field.as_ref(), &mut ours);
                                $crate::model::check_derived(member, &ours.finish(), cx);
                            }
                        }
                    )*
                }
                $( $check(&out, members, object, cx); )?
                out
            }

            fn finish(draft: $draft<'a>) -> Option<Self> {
                // Every field is moved out of the draft, a placeholder standing
                // in for a missing required one, and an incomplete model is
                // dropped as a model: the draft is never dropped, so it has no
                // drop glue of its own, and no path per required field drops
                // what is left of it (each cost kilobytes of wasm over the
                // models).
                let complete = !(false $(|| $crate::model::is_absent!(draft.$field $(, $required)?))*);
                let model = $name {
                    $( $field: $crate::model::take_field!(draft.$field $(, $required)?), )*
                    extra: draft.extra,
                };
                complete.then_some(model)
            }

            #[inline(never)] // Compiled on first use, as `read_model`.
            fn write_json<W: $crate::json::Sink>(&self, w: &mut W) {
                const SHAPE: $crate::json::Shape = $crate::model::shape::shape($ts);
                w.begin_model(SHAPE);
                $(
                    $crate::model::write_field::<$kind, W>(
                        w,
                        &($crate::model::wire_name!($field $(, $wire)?), $crate::model::quoted_name!($field $(, $wire)?)),
                        $crate::model::field_ref!(self.$field $(, $required)?),
                    );
                )*
                for extra in &self.extra {
                    w.key(&extra.key);
                    w.raw_compact(&extra.json);
                }
                w.end_object();
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name<'_> {
            /// The normalized JSON, as the package returns it.
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::json::serde_text::json_text(&$crate::model::Model::to_json(self), serializer)
            }
        }

        impl<'a> $crate::model::kinds::ListTypes for $name<'a> {
            const TS_OUT_LIST: &'static str = concat!($ts, "[]");
            const TS_IN_LIST: &'static str = concat!($ts, "Input[]");
            const SCHEMA_OUT_LIST: &'static str = concat!(r##"{"type":"array","items":{"$ref":"#/$defs/"##, $ts, r#""}}"#);
            const SCHEMA_IN_LIST: &'static str = concat!(r##"{"type":"array","items":{"$ref":"#/$defs/"##, $ts, r#"Input"}}"#);
        }

        impl<'a> $crate::model::FieldKind<'a> for $name<'a> {
            const TS_IN: &'static str = concat!($ts, "Input");
            const TS_OUT: &'static str = $ts;
            const SCHEMA_IN: &'static str = concat!(r##"{"$ref":"#/$defs/"##, $ts, r#"Input"}"#);
            const SCHEMA_OUT: &'static str = concat!(r##"{"$ref":"#/$defs/"##, $ts, r#""}"#);
            const MODEL: Option<&'static $crate::model::ModelInfo> =
                Some(&<$name<'static> as $crate::model::Model<'static>>::INFO);

            fn read(value: &$crate::json::Value<'a>, cx: &mut $crate::model::Cx<'a>) -> Option<Self> {
                $crate::model::read_model(value, cx)
            }

            fn write<W: $crate::json::Sink>(&self, w: &mut W) {
                $crate::model::Model::write_json(self, w)
            }
        }
    };
}

/// A field's name as the writer writes it, `"name":`.
macro_rules! quoted_name {
    ($field:ident) => {
        concat!("\"", stringify!($field), "\":")
    };
    ($field:ident, $wire:literal) => {
        concat!("\"", $wire, "\":")
    };
}

/// A field's name: the inside of its [`quoted_name!`], so that the binary
/// holds each name once.
macro_rules! wire_name {
    ($field:ident $(, $wire:literal)?) => {{
        const NAME: &str = $crate::model::unquoted($crate::model::quoted_name!($field $(, $wire)?));
        NAME
    }};
}

macro_rules! is_required {
    () => {
        false
    };
    (required) => {
        true
    };
}

/// A model field's type: the kind itself when required, else an `Option`.
macro_rules! field_type {
    ($kind:ty) => {
        Option<$kind>
    };
    ($kind:ty, required) => {
        $kind
    };
}

/// Whether a draft lacks a field the model needs: a missing required field
/// makes the whole model missing (its `missing_field` error is already
/// recorded).
macro_rules! is_absent {
    ($draft:ident . $field:ident) => {
        false
    };
    ($draft:ident . $field:ident, required) => {
        $draft.$field.is_none()
    };
}

/// A draft's field moved into the model, once [`is_absent`] said every
/// required one is there (the placeholder is never used).
macro_rules! take_field {
    ($draft:ident . $field:ident) => {
        $draft.$field
    };
    ($draft:ident . $field:ident, required) => {
        $draft.$field.unwrap_or_else($crate::model::Placeholder::placeholder)
    };
}

/// A field's value in a model's placeholder.
macro_rules! placeholder_field {
    ($kind:ty) => {
        None
    };
    ($kind:ty, required) => {
        <$kind as $crate::model::Placeholder>::placeholder()
    };
}

/// A model's field as the writer takes it.
macro_rules! field_ref {
    ($self:ident . $field:ident) => {
        $self.$field.as_ref()
    };
    ($self:ident . $field:ident, required) => {
        Some(&$self.$field)
    };
}

pub(crate) use {field_ref, field_type, is_absent, is_required, model, placeholder_field, quoted_name, take_field, wire_name};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_every_model_is_found_and_nothing_else() {
        for model in crate::events::all_models() {
            let names: Vec<&str> = model.fields.iter().map(|f| f.name).collect();
            // The macro's builder, at run time, in the largest table.
            assert!(table_slots(names.len()) <= 256);
            let table = field_table::<256>(&names);
            for (i, name) in names.iter().enumerate() {
                assert_eq!(table_lookup(&names, &table, name), i, "{} in {}", name, model.ts_name);
                assert_eq!(table_lookup(&names, &table, &format!("{name}_")), usize::MAX);
                // From any previous position, in and out of order.
                for start in [0, i, i + 1, names.len()] {
                    let mut next = start;
                    assert_eq!(field_index(&names, &table, name, &mut next), i);
                    assert_eq!(next, i + 1);
                }
            }
            assert_eq!(table_lookup(&names, &table, ""), usize::MAX);
        }
    }

    #[test]
    fn same_text_is_string_equality() {
        // Every length around the word sizes, each byte changed in turn.
        for n in 0..20 {
            let a: String = (0..n).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
            assert!(same_text(&a, &a.clone()), "{a:?}");
            assert!(!same_text(&a, &format!("{a}x")));
            for i in 0..n {
                let mut b = a.clone().into_bytes();
                b[i] = b'_';
                let b = String::from_utf8(b).unwrap();
                assert!(!same_text(&a, &b), "{a:?} {b:?}");
            }
        }
    }
}
