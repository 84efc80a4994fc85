//! The error model: a flat list of [`Issue`]s, each with a JSON Pointer path,
//! a stable [`IssueCode`], a human message and a [`Severity`].
//!
//! Issues are collected, never thrown: a validator records every problem it
//! sees and carries on, so one call reports everything that is wrong.

use std::fmt;

/// How serious an [`Issue`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The payload is rejected.
    Error,
    /// The payload is accepted; something in it deserves attention.
    /// With `strict` every warning becomes an error.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`, as serialized for JavaScript.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! issue_codes {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, )*) => {
        /// A stable, machine-readable classification of an [`Issue`].
        ///
        /// The snake_case names (see [`IssueCode::as_str`]) are the contract:
        /// programs match on them. Messages are for people and may change.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum IssueCode {
            $( $(#[$doc])* $variant, )*
        }

        impl IssueCode {
            /// Every code, in documentation order.
            pub const ALL: &'static [IssueCode] = &[$(IssueCode::$variant,)*];

            /// The code's stable snake_case name.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( IssueCode::$variant => $name, )*
                }
            }
        }
    };
}

issue_codes! {
    /// The input is not JSON. The issue carries the line and column.
    InvalidJson = "invalid_json",
    /// Bytes that are not UTF-8, or a `\u` escape that is a lone surrogate.
    InvalidEncoding = "invalid_encoding",
    /// An object has the same key twice. `JSON.parse` would silently keep the
    /// last one; a verified body must mean one thing.
    DuplicateKey = "duplicate_key",
    /// The input is longer than `maxBytes`.
    TooLarge = "too_large",
    /// The input nests arrays and objects deeper than the limit.
    TooDeep = "too_deep",
    /// The input is not something the API can read (for example `undefined`,
    /// a function, or an object that `JSON.stringify` rejects).
    InvalidInput = "invalid_input",
    /// A value has the wrong JSON type (a section that is not an object, a
    /// string where a boolean belongs, `null` for a required field...).
    InvalidType = "invalid_type",
    /// A required field is absent.
    MissingField = "missing_field",
    /// A number outside its allowed range (`priority` not an integer 0 to 4).
    OutOfRange = "out_of_range",
    /// A timestamp that cannot be read.
    InvalidTimestamp = "invalid_timestamp",
    /// The envelope names a different event than the function expects.
    WrongEvent = "wrong_event",
    /// A field the model does not know (reported only with `strict`; by
    /// default unknown fields are kept silently).
    UnknownField = "unknown_field",
    /// An event name this version does not know; its data is passed through
    /// unvalidated.
    UnknownEvent = "unknown_event",
    /// A value outside a known set (`status`, `chat_type`, `contact_color`).
    UnknownEnumValue = "unknown_enum_value",
    /// A value that looks like a documentation placeholder (`2997xx64-...`).
    PlaceholderValue = "placeholder_value",
    /// A value that does not have its field's format (a chat id without `@`,
    /// an org id that is not a UUID, a message id that cannot be split).
    InvalidFormat = "invalid_format",
    /// An email field whose value is not an email address.
    InvalidEmail = "invalid_email",
    /// Values that contradict each other (status `open` with `closed_at` set,
    /// a member keyed by another contact id).
    InconsistentValue = "inconsistent_value",
    /// A value accepted in another form than the model's and converted (a
    /// number custom property turned into a string, `""` for a missing
    /// timestamp, a timestamp without a UTC offset read as UTC).
    CoercedValue = "coerced_value",
    /// A ticket sent bare (its fields at the top level) rather than inside
    /// `{ ticket, chat, message, attached_messages }`.
    BareTicket = "bare_ticket",
    /// A value the sender put in a field this library computes (such as
    /// `priority_label`) disagrees with the computed one, which replaces it.
    DerivedFieldReplaced = "derived_field_replaced",
    /// The issue list was cut at `maxIssues`; more problems exist.
    TooManyIssues = "too_many_issues",
    /// A bug in this library, reported instead of a crash. Please report it.
    InternalError = "internal_error",
}

impl fmt::Display for IssueCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a payload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// An RFC 6901 JSON Pointer to the offending value, `""` for the root.
    pub path: String,
    /// What kind of problem this is.
    pub code: IssueCode,
    /// A sentence for people. It never quotes the payload's values.
    pub message: std::borrow::Cow<'static, str>,
    /// Whether the payload is rejected because of it.
    pub severity: Severity,
    /// Where the offending value starts in text input: 1-based line and
    /// column (column counted in UTF-16 code units, as JavaScript editors do).
    pub position: Option<Position>,
    /// The same path as [`Issue::path`], one step per key or index: a pointer
    /// cannot say whether `1` is an index or a key (a member keyed by `"1"`).
    pub segments: Vec<PathSegment>,
}

/// One step of an issue's path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// An object member's key.
    Key(String),
    /// An array item's index.
    Index(usize),
}

/// A reading path as owned steps.
pub(crate) fn path_segments(path: &[Segment<'_>]) -> Vec<PathSegment> {
    path.iter()
        .map(|s| match s {
            Segment::Key(k) => PathSegment::Key(k.to_string()),
            Segment::Index(i) => PathSegment::Index(*i),
        })
        .collect()
}

/// A 1-based line and column in the input text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in UTF-16 code units.
    pub column: u32,
}

impl Issue {
    /// Whether this issue rejects the payload.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Issue {
    /// `path: message [code]`, the path `(root)` when empty.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "(root)" } else { &self.path };
        write!(f, "{}: {} [{}]", path, self.message, self.code)
    }
}

/// Every issue found in one payload, errors and warnings, in the order found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    issues: Vec<Issue>,
}

impl Report {
    pub(crate) fn from_issues(issues: Vec<Issue>) -> Self {
        Report { issues }
    }

    /// All issues, errors and warnings, in the order they were found.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// Consumes the report, giving its issues.
    pub fn into_issues(self) -> Vec<Issue> {
        self.issues
    }

    /// Whether no issue is an error.
    pub fn is_valid(&self) -> bool {
        !self.issues.iter().any(Issue::is_error)
    }

    /// The issues that reject the payload.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.is_error())
    }

    /// The issues that do not reject the payload.
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| !i.is_error())
    }
}

impl fmt::Display for Report {
    /// One `path: message [code]` line per issue.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, issue) in self.issues.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{issue}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

/// One step of a path: an object key or an array index.
#[derive(Clone, Debug)]
pub(crate) enum Segment<'a> {
    Key(std::borrow::Cow<'a, str>),
    Index(usize),
}

impl From<PathSegment> for Segment<'_> {
    fn from(segment: PathSegment) -> Self {
        match segment {
            PathSegment::Key(key) => Segment::Key(std::borrow::Cow::Owned(key)),
            PathSegment::Index(i) => Segment::Index(i),
        }
    }
}

/// Appends `segments` to `out` as an RFC 6901 JSON Pointer (`~` as `~0`,
/// `/` as `~1`).
pub(crate) fn write_pointer(out: &mut String, segments: &[Segment<'_>]) {
    // Most keys need no escape: room for them is made once, and runs without
    // `~` or `/` are copied whole, found byte by byte (`str::find` with two
    // chars decodes each char, and char by char cost 100 ns an issue).
    out.reserve(segments.iter().map(|s| 1 + if let Segment::Key(k) = s { k.len() } else { 10 }).sum());
    for segment in segments {
        out.push('/');
        match segment {
            Segment::Key(key) => {
                let mut rest: &str = key;
                while let Some(at) = rest.bytes().position(|b| b == b'~' || b == b'/') {
                    out.push_str(rest.get(..at).unwrap_or_default());
                    out.push_str(if rest.as_bytes().get(at) == Some(&b'~') { "~0" } else { "~1" });
                    rest = rest.get(at + 1..).unwrap_or_default();
                }
                out.push_str(rest);
            }
            // An index is below the input's length, capped far below 2^63.
            Segment::Index(i) => out.push_str(int_text(i64::try_from(*i).unwrap_or(i64::MAX), &mut [0; 20])),
        }
    }
}

/// `n` in decimal, written into `digits` (digit by digit: `write!` is
/// slower and larger): for the indices of JSON Pointers here, and for the
/// JSON and tape writers, which sit above this module.
pub(crate) fn int_text(n: i64, digits: &mut [u8; 20]) -> &str {
    let mut value = n.unsigned_abs();
    let mut start = digits.len();
    loop {
        start -= 1;
        if let Some(slot) = digits.get_mut(start) {
            *slot = b'0' + (value % 10) as u8;
        }
        value /= 10;
        if value == 0 || start == 0 {
            break;
        }
    }
    // `i64::MIN` has 19 digits: there is always room for the sign.
    if n < 0 && start > 0 {
        start -= 1;
        if let Some(slot) = digits.get_mut(start) {
            *slot = b'-';
        }
    }
    std::str::from_utf8(digits.get(start..).unwrap_or_default()).unwrap_or("0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        let mut s = String::new();
        write_pointer(&mut s, &[Segment::Key("a/b".into()), Segment::Index(3), Segment::Key("~x".into())]);
        assert_eq!(s, "/a~1b/3/~0x");
        for i in [0, 7, 10, 99, 100, 12_345, i64::MAX as usize] {
            let mut s = String::new();
            write_pointer(&mut s, &[Segment::Index(i)]);
            assert_eq!(s, format!("/{i}"));
        }
    }

    #[test]
    fn codes_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for code in IssueCode::ALL {
            let s = code.as_str();
            assert!(s.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{s}");
            assert!(seen.insert(s), "duplicate code {s}");
        }
    }
}
