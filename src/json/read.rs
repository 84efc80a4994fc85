//! The reader: text to a [`Value`] tree with byte spans.

use std::borrow::Cow;

use crate::issue::Segment;

/// A JSON value with the byte span it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Value<'a> {
    /// What the value is.
    pub kind: Kind<'a>,
    /// Byte offset of the value's first character in the input.
    pub start: u32,
    /// Byte offset just past the value's last character.
    pub end: u32,
}

/// The six JSON types. Strings borrow from the input unless they contain
/// escapes; numbers keep their exact text so that nothing is rounded twice.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as written (`-0`, `1e400` and 20-digit integers survive).
    Number(&'a str),
    /// A string, unescaped.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object's members, in input order.
    Object(Vec<Member<'a>>),
}

/// One `"key": value` pair of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Member<'a> {
    /// The key, unescaped.
    pub key: Cow<'a, str>,
    /// Byte offset of the key's opening quote.
    pub key_start: u32,
    /// The value.
    pub value: Value<'a>,
}

impl<'a> Value<'a> {
    /// The JSON type's name, for messages: `"object"`, `"array"`, `"string"`,
    /// `"number"`, `"boolean"` or `"null"`.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "boolean",
            Kind::Number(_) => "number",
            Kind::String(_) => "string",
            Kind::Array(_) => "array",
            Kind::Object(_) => "object",
        }
    }

    /// The members if this is an object.
    pub fn as_object(&self) -> Option<&[Member<'a>]> {
        match &self.kind {
            Kind::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The value of the first member named `key`, if this is an object.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.as_object()?.iter().find(|m| m.key == key).map(|m| &m.value)
    }

    /// The string if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Why a text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// The class of failure.
    pub kind: ParseErrorKind,
    /// Byte offset where reading stopped.
    pub offset: usize,
    /// What was wrong, for people.
    pub message: &'static str,
}

/// The class of a [`ParseError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// Not JSON.
    Syntax,
    /// A lone surrogate in a `\u` escape (the bytes themselves are checked
    /// before reading).
    Encoding,
    /// Nested deeper than the limit.
    TooDeep,
    /// Its tree would need more working memory than allowed (see
    /// [`parse_within`]).
    TooLarge,
}

/// A key that appears a second time in one object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateKey {
    /// JSON Pointer to the repeated member.
    pub path: String,
    /// The same path, one step per key or index.
    pub segments: Vec<crate::issue::PathSegment>,
    /// Byte offset of the repeated key.
    pub offset: usize,
}

/// The most duplicate keys recorded; past it the reader stops listing them
/// (the payload is rejected anyway), so a hostile body cannot make the report
/// as large as itself.
const MAX_DUPLICATES: usize = 1000;

/// Reads one JSON value that must fill `text` (whitespace aside).
///
/// Returns the value and every duplicate key found, or the first syntax error.
/// Nesting deeper than `max_depth` arrays and objects is an error, checked
/// before recursing, so no input can exhaust the stack.
pub fn parse(text: &str, max_depth: u32) -> Result<(Value<'_>, Vec<DuplicateKey>), ParseError> {
    parse_within(text, max_depth, usize::MAX).map(|(value, duplicates, _)| (value, duplicates))
}

/// What one array item costs in memory, in bytes, as the tree holds it in
/// wasm32 (a [`Value`] is 24 bytes there): the budget is counted in these
/// fixed sizes on every target, so that an input is accepted or refused
/// alike natively and in wasm.
pub(crate) const VALUE_BYTES: usize = 24;
/// What one object member costs (a [`Member`] is 40 bytes in wasm32).
pub(crate) const MEMBER_BYTES: usize = 40;
/// What the allocator adds to each allocation, about.
pub(crate) const ALLOCATION_BYTES: usize = 8;
/// A reader stack's growth counts twice: it doubles by reallocating, and the
/// smaller buffers it leaves behind stay in the instance's memory, whose
/// high-water mark is what a host sees (measured: an 8 MiB array of zeros
/// took 200 MiB with growth counted once).
const STACK_GROWTH: usize = 2;

/// [`parse`], with the tree's memory bounded: the values, members and
/// unescaped strings it allocates, and the reader's own stacks, counted as
/// they grow in the fixed sizes above. Past `budget` bytes reading stops with
/// a [`ParseErrorKind::TooLarge`] error, so an input of millions of tiny
/// values (`[0,0,...]`, 12 bytes of tree per byte of text) cannot make the
/// memory grow without bound. Also returns the bytes counted.
pub fn parse_within(text: &str, max_depth: u32, budget: usize) -> Result<(Value<'_>, Vec<DuplicateKey>, usize), ParseError> {
    let mut reader = Reader {
        failure: None,
        text,
        bytes: text.as_bytes(),
        at: 0,
        max_depth,
        repeats: Vec::new(),
        member_stack: Vec::new(),
        item_stack: Vec::new(),
        charged: 0,
        budget,
    };
    reader.skip_ws();
    let Ok(value) = reader.value(0) else {
        return Err(reader.failure.take().unwrap_or(ParseError {
            kind: ParseErrorKind::Syntax,
            offset: reader.at,
            message: "the JSON could not be read",
        }));
    };
    reader.skip_ws();
    if reader.at < reader.bytes.len() {
        return Err(ParseError {
            kind: ParseErrorKind::Syntax,
            offset: reader.at,
            message: "unexpected text after the JSON value",
        });
    }
    let charged = reader.charged;
    let duplicates = pointers(&value, reader.repeats, &mut 0);
    Ok((value, duplicates, charged))
}

/// A repeated key, found while reading: where its object starts and which
/// member repeats. Its JSON Pointer is built at the end, and only for
/// repeats, so reading keeps no path.
struct Repeat {
    object_start: u32,
    member: usize,
    key_offset: usize,
}

/// The JSON Pointers of every repeated member, in document order, built in
/// one descent of the tree: the repeats are sorted by their object's start,
/// and the descent enters only the values whose span holds the next one, so
/// the cost is at most one look at each value whatever the number of
/// repeats. (Descending from the root once per repeat cost 13 s for 1,000
/// repeats after 4 million array items.) `looks` counts the values looked
/// at, for the test that keeps this linear.
fn pointers(root: &Value<'_>, mut repeats: Vec<Repeat>, looks: &mut usize) -> Vec<DuplicateKey> {
    if repeats.is_empty() {
        return Vec::new();
    }
    crate::sort::heap_sort_by(&mut repeats, |a, b| (a.object_start, a.member) < (b.object_start, b.member));
    let mut out = Vec::with_capacity(repeats.len());
    let mut descent = Descent { repeats: &repeats, next: 0, path: Vec::new(), out: &mut out, looks };
    descent.visit(root);
    out
}

struct Descent<'r, 'v, 'o> {
    repeats: &'r [Repeat],
    next: usize,
    path: Vec<Segment<'v>>,
    out: &'o mut Vec<DuplicateKey>,
    looks: &'o mut usize,
}

impl<'v> Descent<'_, 'v, '_> {
    fn pending(&self) -> Option<u32> {
        self.repeats.get(self.next).map(|r| r.object_start)
    }

    fn visit(&mut self, node: &'v Value<'_>) {
        *self.looks += 1;
        if let Kind::Object(members) = &node.kind {
            while let Some(repeat) = self.repeats.get(self.next).filter(|r| r.object_start == node.start) {
                if let Some(member) = members.get(repeat.member) {
                    self.path.push(Segment::Key(Cow::Borrowed(&*member.key)));
                    let mut path = String::new();
                    crate::issue::write_pointer(&mut path, &self.path);
                    let segments = crate::issue::path_segments(&self.path);
                    self.path.pop();
                    self.out.push(DuplicateKey { path, segments, offset: repeat.key_offset });
                }
                self.next += 1;
            }
        }
        match &node.kind {
            Kind::Object(members) => {
                for member in members.iter() {
                    let Some(start) = self.pending().filter(|&s| s < node.end) else { return };
                    *self.looks += 1;
                    if member.value.start <= start && start < member.value.end {
                        self.path.push(Segment::Key(Cow::Borrowed(&*member.key)));
                        self.visit(&member.value);
                        self.path.pop();
                    }
                }
            }
            Kind::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let Some(start) = self.pending().filter(|&s| s < node.end) else { return };
                    *self.looks += 1;
                    if item.start <= start && start < item.end {
                        self.path.push(Segment::Index(i));
                        self.visit(item);
                        self.path.pop();
                    }
                }
            }
            _ => {}
        }
    }
}

/// That reading failed; the error itself is in [`Reader::failure`].
struct Failed;

/// What the reader's functions return.
type Step<T> = Result<T, Failed>;

struct Reader<'a> {
    /// The first error, once reading failed.
    failure: Option<ParseError>,
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    max_depth: u32,
    repeats: Vec<Repeat>,
    /// Members and items of the objects and arrays being read, shared by all
    /// levels: each one's are moved out, in one exactly sized allocation,
    /// when it closes, instead of growing a vector per object.
    member_stack: Vec<Member<'a>>,
    item_stack: Vec<Value<'a>>,
    /// Bytes of tree allocated so far, counted as `parse_within` says.
    charged: usize,
    budget: usize,
}

impl<'a> Reader<'a> {
    /// Records the error, to be returned by [`parse_within`]; what the
    /// reader's own functions return is only that it failed (a `Result` of
    /// a value and a zero-sized error is no larger than the value, which is
    /// what every call of `value` moves).
    #[cold]
    #[inline(never)]
    fn fail(&mut self, kind: ParseErrorKind, message: &'static str) -> Failed {
        if self.failure.is_none() {
            self.failure = Some(ParseError { kind, offset: self.at, message });
        }
        Failed
    }

    fn error(&mut self, message: &'static str) -> Failed {
        self.fail(ParseErrorKind::Syntax, message)
    }

    /// Counts `bytes` of tree against the budget.
    #[inline(always)]
    fn charge(&mut self, bytes: usize) -> Step<()> {
        self.charged = self.charged.saturating_add(bytes);
        if self.charged > self.budget {
            return Err(self.over_budget());
        }
        Ok(())
    }

    fn over_budget(&mut self) -> Failed {
        self.fail(
            ParseErrorKind::TooLarge,
            "the input holds so many small values that reading it would need more memory than allowed",
        )
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: u32) -> Step<Value<'a>> {
        let start = self.at;
        let kind = match self.peek() {
            None => return Err(self.error("unexpected end of input, a value was expected")),
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Kind::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Kind::Number(self.number()?),
            Some(b't') => self.literal("true", Kind::Bool(true))?,
            Some(b'f') => self.literal("false", Kind::Bool(false))?,
            Some(b'n') => self.literal("null", Kind::Null)?,
            Some(_) => return Err(self.error("unexpected character, a value was expected")),
        };
        Ok(Value { kind, start: offset32(start), end: offset32(self.at) })
    }

    fn literal(&mut self, word: &'static str, kind: Kind<'a>) -> Step<Kind<'a>> {
        if self.bytes.get(self.at..self.at + word.len()) == Some(word.as_bytes()) {
            self.at += word.len();
            Ok(kind)
        } else {
            Err(self.error("unexpected character, a value was expected"))
        }
    }

    fn enter(&mut self, depth: u32) -> Step<u32> {
        if depth >= self.max_depth {
            return Err(self.fail(ParseErrorKind::TooDeep, "arrays and objects nest too deeply"));
        }
        self.at += 1; // the opening bracket
        self.skip_ws();
        Ok(depth + 1)
    }

    fn array(&mut self, depth: u32) -> Step<Kind<'a>> {
        let depth = self.enter(depth)?;
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Kind::Array(Vec::new()));
        }
        let base = self.item_stack.len();
        loop {
            let item = self.value(depth)?;
            if self.item_stack.len() == self.item_stack.capacity() {
                let more = self.item_stack.capacity().max(4);
                // Counted before the buffer grows: refused, it never does.
                self.charge(STACK_GROWTH * more * VALUE_BYTES)?;
                self.item_stack.reserve_exact(more);
            }
            self.item_stack.push(item);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_ws();
                }
                Some(b']') => {
                    self.at += 1;
                    self.charge((self.item_stack.len() - base) * VALUE_BYTES + ALLOCATION_BYTES)?;
                    let items = self.item_stack.split_off(base);
                    return Ok(Kind::Array(items));
                }
                None => return Err(self.error("unexpected end of input, ',' or ']' was expected")),
                Some(_) => return Err(self.error("',' or ']' was expected after an array item")),
            }
        }
    }

    fn object(&mut self, depth: u32) -> Step<Kind<'a>> {
        let start = self.at;
        let depth = self.enter(depth)?;
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Kind::Object(Vec::new()));
        }
        let base = self.member_stack.len();
        loop {
            let key_start = self.at;
            if self.peek() != Some(b'"') {
                return Err(if self.peek().is_none() {
                    self.error("unexpected end of input, a key was expected")
                } else {
                    self.error("a double-quoted key was expected")
                });
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("':' was expected after a key"));
            }
            self.at += 1;
            self.skip_ws();
            let value = self.value(depth)?;
            if self.member_stack.len() == self.member_stack.capacity() {
                let more = self.member_stack.capacity().max(4);
                self.charge(STACK_GROWTH * more * MEMBER_BYTES)?;
                self.member_stack.reserve_exact(more);
            }
            self.member_stack.push(Member { key, key_start: offset32(key_start), value });
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_ws();
                }
                Some(b'}') => {
                    self.at += 1;
                    self.charge((self.member_stack.len() - base) * MEMBER_BYTES + ALLOCATION_BYTES)?;
                    let members = self.member_stack.split_off(base);
                    self.find_duplicates(&members, start);
                    return Ok(Kind::Object(members));
                }
                None => return Err(self.error("unexpected end of input, ',' or '}' was expected")),
                Some(_) => return Err(self.error("',' or '}' was expected after an object member")),
            }
        }
    }

    /// Records every member whose key an earlier member of the same object
    /// already used. A 256-bit filter of key hashes makes the usual object,
    /// with no repeats, one hash per key; a key whose bit is already set is
    /// compared with the earlier keys. Past 32 such suspects (a large or
    /// adversarial object), its members are grouped by a hash of the whole
    /// key instead, in linear time, and sorted when a group grows past 16
    /// (chosen keys that collide, or one key sent more than 16 times), so
    /// the cost stays n log n whatever the keys.
    fn find_duplicates(&mut self, members: &[Member<'a>], object_start: usize) {
        if members.len() < 2 || self.repeats.len() >= MAX_DUPLICATES {
            return;
        }
        let mut filter = [0u64; 4];
        let mut suspects = 0;
        let mut repeated: Vec<usize> = Vec::new();
        for (i, m) in members.iter().enumerate() {
            let hash = super::short_hash(m.key.as_bytes());
            let (word, bit) = ((hash >> 6) & 3, 1u64 << (hash & 63));
            let Some(slot) = filter.get_mut(word) else { continue };
            if *slot & bit != 0 {
                suspects += 1;
                if suspects > 32 {
                    repeated = self.repeats_in_large_object(members);
                    break;
                }
                if members.iter().take(i).any(|earlier| earlier.key == m.key) {
                    repeated.push(i);
                }
            }
            *slot |= bit;
        }
        for member in repeated {
            if self.repeats.len() >= MAX_DUPLICATES {
                break;
            }
            let Some(repeat) = members.get(member) else { continue };
            let key_offset = repeat.key_start as usize;
            self.repeats.push(Repeat { object_start: offset32(object_start), member, key_offset });
        }
    }

    /// The repeated members of an object too large for the filter: grouped
    /// by a hash of the whole key, in linear time (a heapsort of 400,000
    /// members took 150 ms, mostly cache misses), or sorted when a group
    /// grows past 16 (chosen keys that collide, or one key sent more than
    /// 16 times). The grouping's scratch (17 bytes a member, freed before
    /// the next object closes) is not counted against the budget: what is
    /// counted overstates the live tree (every growth of the member stack
    /// twice, for the smaller buffers the allocator may keep), and the
    /// measured high-water mark of an object of 500,000 members is 12 ×
    /// its input against the 16 × the budget allows
    /// (`tests/js/memory-bound.test.mjs`, "a large object that closes").
    fn repeats_in_large_object(&self, members: &[Member<'a>]) -> Vec<usize> {
        let hash = |m: &Member<'_>| crate::sort::hash_bytes(m.key.bytes(), m.key.len()) as u32;
        match crate::sort::first_of_each(members, hash, |a, b| a.key == b.key) {
            Some(keep) => keep.iter().enumerate().filter_map(|(i, keep)| (!keep).then_some(i)).collect(),
            None => sorted_repeats(members),
        }
    }

    fn number(&mut self) -> Step<&'a str> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("a digit was expected in a number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("a digit was expected after the decimal point"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("a digit was expected in the exponent"));
            }
            self.digits();
        }
        Ok(self.slice(start, self.at))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        // Both ends sit on ASCII delimiters of valid UTF-8, so this never fails.
        self.text.get(start..end).unwrap_or_default()
    }

    /// Reads a string starting at its opening quote. Strings without escapes,
    /// the usual case, are borrowed.
    fn string(&mut self) -> Step<Cow<'a, str>> {
        self.at += 1; // opening quote
        let start = self.at;
        // Eight bytes at a time to the first quote, backslash or control
        // character: most strings are read here, without a branch per byte.
        self.at = super::skip_plain(self.bytes, self.at, false);
        loop {
            match self.peek() {
                None => return Err(self.error("unexpected end of input inside a string")),
                Some(b'"') => {
                    let s = self.slice(start, self.at);
                    self.at += 1;
                    return Ok(Cow::Borrowed(s));
                }
                Some(b'\\') => break,
                Some(0x00..=0x1F) => return Err(self.error("a control character must be escaped inside a string")),
                Some(_) => self.at += 1,
            }
        }
        let mut owned = String::from(self.slice(start, self.at));
        loop {
            match self.peek() {
                None => return Err(self.error("unexpected end of input inside a string")),
                Some(b'"') => {
                    self.at += 1;
                    self.charge(owned.capacity() + ALLOCATION_BYTES)?;
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = match self.peek() {
                        Some(b'u') => {
                            self.at += 1;
                            self.unicode_escape()?
                        }
                        Some(letter) => {
                            let c = match letter {
                                b'"' => '"',
                                b'\\' => '\\',
                                b'/' => '/',
                                b'b' => '\u{8}',
                                b'f' => '\u{c}',
                                b'n' => '\n',
                                b'r' => '\r',
                                b't' => '\t',
                                _ => return Err(self.error("invalid escape sequence in a string")),
                            };
                            self.at += 1;
                            c
                        }
                        None => return Err(self.error("unexpected end of input inside a string")),
                    };
                    owned.push(c);
                }
                Some(0x00..=0x1F) => return Err(self.error("a control character must be escaped inside a string")),
                Some(_) => {
                    let run_start = self.at;
                    self.at = super::skip_plain(self.bytes, self.at, false);
                    while let Some(b) = self.peek() {
                        if b == b'"' || b == b'\\' || b < 0x20 {
                            break;
                        }
                        self.at += 1;
                    }
                    owned.push_str(self.slice(run_start, self.at));
                }
            }
        }
    }

    /// Reads the four hex digits after `\u` (and a second escape for a
    /// surrogate pair), leaving the reader after them.
    fn unicode_escape(&mut self) -> Step<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(self.encoding_error());
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.encoding_error());
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.encoding_error()),
            other => other,
        };
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => Err(self.encoding_error()),
        }
    }

    fn encoding_error(&mut self) -> Failed {
        self.fail(ParseErrorKind::Encoding, "a \\u escape is a lone surrogate, which is not a Unicode character")
    }

    fn hex4(&mut self) -> Step<u32> {
        let mut code = 0u32;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error("four hex digits were expected after \\u")),
            };
            code = code * 16 + u32::from(digit);
            self.at += 1;
        }
        Ok(code)
    }
}

/// The members whose key an earlier member used, found by sorting: the first
/// of each run of equal keys (sorted by key, then position) is the original.
fn sorted_repeats(members: &[Member<'_>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..members.len()).collect();
    let key = |i: usize| members.get(i).map(|m| &m.key);
    crate::sort::heap_sort_by(&mut order, |&a, &b| (key(a), a) < (key(b), b));
    let mut repeated: Vec<usize> = order
        .windows(2)
        .filter_map(|pair| match pair {
            [first, second] if key(*first) == key(*second) => Some(*second),
            _ => None,
        })
        .collect();
    crate::sort::heap_sort_by(&mut repeated, |a, b| a < b);
    repeated
}

fn offset32(offset: usize) -> u32 {
    // Inputs are capped far below 4 GiB before reading.
    u32::try_from(offset).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_pointers_in_document_order() {
        let text = r#"{"a":[{"x":1,"x":2},{"y":{"z":1,"z":2,"z":3}}],"a":0,"b/~":{"k":1,"k":1}}"#;
        let (_, duplicates) = parse(text, 64).unwrap();
        let paths: Vec<&str> = duplicates.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["/a", "/a/0/x", "/a/1/y/z", "/a/1/y/z", "/b~1~0/k"]);
    }

    #[test]
    fn large_objects_find_the_same_duplicates_as_comparing_every_pair() {
        // Past 32 suspects an object's members are grouped by hash; the
        // repeats must be those comparing every key with the earlier ones
        // finds, and the sort (which colliding keys fall back to) agrees.
        let keys: Vec<String> = (0..5000u32).map(|i| format!("k{}", i.wrapping_mul(7919) % 4001)).collect();
        let body = format!("{{{}}}", keys.iter().map(|k| format!("\"{k}\":0")).collect::<Vec<_>>().join(","));
        let (value, duplicates) = parse(&body, 64).unwrap();
        let want: Vec<String> =
            (0..keys.len()).filter(|&i| keys[..i].contains(&keys[i])).map(|i| format!("/{}", keys[i])).collect();
        assert_eq!(want.len(), 999);
        let got: Vec<String> = duplicates.iter().map(|d| d.path.clone()).collect();
        assert_eq!(got, want[..MAX_DUPLICATES.min(want.len())]);
        let members = value.as_object().unwrap();
        let mut sorted = sorted_repeats(members);
        sorted.truncate(MAX_DUPLICATES);
        let positions: Vec<usize> = (0..keys.len()).filter(|&i| keys[..i].contains(&keys[i])).collect();
        assert_eq!(sorted, positions);
    }

    #[test]
    fn duplicate_pointers_cost_one_look_per_value() {
        // The regression test of the per-repeat descent from the root: many
        // array items, then many objects with a repeated key.
        let items = 100_000;
        let mut text = String::from("[");
        for _ in 0..items {
            text.push_str("0,");
        }
        for _ in 0..MAX_DUPLICATES {
            text.push_str(r#"{"k":1,"k":2},"#);
        }
        text.push_str("0]");
        let (value, _) = parse(&text, 64).unwrap();
        let mut reader = Reader {
            failure: None,
            text: &text,
            bytes: text.as_bytes(),
            at: 0,
            max_depth: 64,
            repeats: Vec::new(),
            member_stack: Vec::new(),
            item_stack: Vec::new(),
            charged: 0,
            budget: usize::MAX,
        };
        assert!(reader.value(0).is_ok());
        let repeats = std::mem::take(&mut reader.repeats);
        let mut looks = 0;
        let duplicates = pointers(&value, repeats, &mut looks);
        assert_eq!(duplicates.len(), MAX_DUPLICATES);
        assert_eq!(duplicates.last().map(|d| d.path.as_str()), Some(format!("/{}/k", items + MAX_DUPLICATES - 1).as_str()));
        let values = items + 3 * MAX_DUPLICATES + 2;
        assert!(looks <= 2 * values, "{looks} looks for {values} values");
    }
}

#[cfg(test)]
mod budget_tests {
    use super::*;

    #[test]
    fn tiny_values_over_the_budget_stop_reading() {
        let text = format!("[{}0]", "0,".repeat(100_000));
        let (_, _, charged) = parse_within(&text, 64, usize::MAX).unwrap();
        // 100,001 items: the final array, and the stack that grew to hold them.
        assert!(charged >= 100_001 * VALUE_BYTES * 2, "{charged}");
        let e = parse_within(&text, 64, charged / 2).unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::TooLarge);
        assert!(parse_within(&text, 64, charged).is_ok());
    }
}
