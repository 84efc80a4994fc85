//! The writer: compact JSON into a `String`, commas handled for the caller.

use super::{Shape, Sink};

/// Writes compact JSON. Keys and strings are escaped as `JSON.stringify`
/// escapes them, so the output reads back in JavaScript as the same values.
pub struct JsonWriter {
    out: String,
    /// One entry per open array or object: whether it already has an item.
    has_item: Vec<bool>,
    /// A key was just written: the next value belongs to it, with no comma.
    after_key: bool,
    /// The longest output wanted; past it the writer drops what it wrote
    /// since `floor` and keeps no more (see [`JsonWriter::limit_from_here`]).
    limit: usize,
    floor: usize,
    overflowed: bool,
    /// In the canonical form, what sorts each object's members.
    canonical: Option<Box<Canonical>>,
}

impl Default for JsonWriter {
    fn default() -> Self {
        JsonWriter::with_capacity(0)
    }
}

impl JsonWriter {
    /// A writer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        JsonWriter {
            out: String::with_capacity(capacity),
            has_item: Vec::with_capacity(8),
            after_key: false,
            limit: usize::MAX,
            floor: 0,
            overflowed: false,
            canonical: None,
        }
    }

    /// A writer of the dedup digest's canonical form from what is written to
    /// it: compact, ASCII with `\u` escapes, every object's members sorted
    /// by the UTF-16 code units of their keys (JavaScript's default sort)
    /// where it ends, numbers as written; values passed through are read and
    /// written so too. Its text does not depend on the order keys came in.
    pub(crate) fn canonical(capacity: usize) -> Self {
        let mut w = JsonWriter::with_capacity(capacity);
        w.canonical = Some(Box::new(Canonical {
            members: Vec::with_capacity(64),
            open: Vec::with_capacity(8),
            keys: String::new(),
            order: Vec::with_capacity(64),
            scratch: String::new(),
        }));
        w
    }

    #[inline(always)]
    fn check_limit(&mut self) {
        if self.out.len() > self.limit {
            self.limit_reached();
        }
    }

    #[cold]
    #[inline(never)]
    fn limit_reached(&mut self) {
        self.overflowed = true;
        self.out.truncate(self.floor);
    }

    /// The JSON written so far.
    pub fn finish(self) -> String {
        self.out
    }

    fn comma(&mut self) {
        if let Some(has_item) = self.has_item.last_mut() {
            if *has_item {
                self.out.push(',');
            }
            *has_item = true;
        }
    }

    /// Writes a value read from the input with every object's members in
    /// the canonical order already, so that its objects' ends find nothing
    /// to move: sorting after writing copies an object's text once per
    /// level it nests in, which a value nested hundreds deep would make
    /// quadratic.
    fn value_sorted(&mut self, value: &super::Value<'_>) {
        use super::Kind;
        match &value.kind {
            Kind::Array(items) => {
                self.begin_array();
                items.iter().for_each(|item| self.value_sorted(item));
                self.end_array();
            }
            Kind::Object(members) => {
                let keys: Vec<&[u8]> = members.iter().map(|m| m.key.as_bytes()).collect();
                let mut order = Vec::new();
                sort_keys(&keys, &mut order);
                self.begin_object();
                for member in order.iter().filter_map(|&(_, i)| members.get(i)) {
                    self.key(&member.key);
                    self.value_sorted(&member.value);
                }
                self.end_object();
            }
            _ => self.value(value),
        }
    }

    fn value_prefix(&mut self) {
        if self.after_key {
            self.after_key = false;
        } else {
            self.comma();
        }
    }
}

impl Sink for JsonWriter {
    /// Limits what is written from here on to `limit` more bytes (and
    /// reserves room for `expected` of them), so that a small input cannot
    /// make a huge output (an object of a million empty members, each
    /// written with every field `null`). The length is checked where an
    /// object or array begins, so the output kept never exceeds the limit by
    /// more than one scalar. Past it, what was written since this call is
    /// dropped, and dropped again each time the limit is crossed, so the
    /// output stays under the limit while the caller finishes the value;
    /// [`JsonWriter::end_limit`] then ends it.
    fn limit_from_here(&mut self, expected: usize, limit: usize) {
        // The canonical form's offsets would not survive a cut.
        debug_assert!(self.canonical.is_none(), "no limit in the canonical form");
        self.out.reserve(expected.min(limit));
        self.floor = self.out.len();
        self.limit = self.floor.saturating_add(limit);
        self.overflowed = false;
    }

    /// Ends the limit set by [`JsonWriter::limit_from_here`], so that what
    /// follows is never cut: when the value written since passed it, the
    /// value is replaced by `null` (it followed a key) and this returns
    /// `true`.
    fn end_limit(&mut self) -> bool {
        self.limit = usize::MAX;
        if !self.overflowed {
            return false;
        }
        self.out.truncate(self.floor);
        // The value's buffer goes too: the answer left is small.
        self.out.shrink_to(self.floor.saturating_add(4096));
        self.overflowed = false;
        self.after_key = true;
        self.null();
        true
    }

    /// Makes room for `additional` more bytes at once.
    fn reserve(&mut self, additional: usize) {
        self.out.reserve(additional);
    }

    /// Starts an object (as a value).
    fn begin_object(&mut self) {
        self.check_limit();
        self.value_prefix();
        self.out.push('{');
        self.has_item.push(false);
        if let Some(c) = &mut self.canonical {
            c.open.push(c.members.len());
        }
    }

    /// Starts an object of a fixed shape: in JSON, any object.
    fn begin_model(&mut self, _shape: Shape) {
        self.begin_object();
    }

    /// Ends the innermost object.
    fn end_object(&mut self) {
        if let Some(c) = &mut self.canonical {
            c.end_object(&mut self.out);
        }
        self.has_item.pop();
        self.out.push('}');
    }

    /// Starts an array (as a value).
    fn begin_array(&mut self) {
        self.check_limit();
        self.value_prefix();
        self.out.push('[');
        self.has_item.push(false);
    }

    /// Ends the innermost array.
    fn end_array(&mut self) {
        self.has_item.pop();
        self.out.push(']');
    }

    /// Writes an object key; the next call writes its value.
    fn key(&mut self, key: &str) {
        if let Some(c) = &mut self.canonical {
            c.note_kept(self.out.len(), key, "");
        }
        self.comma();
        push_escaped(&mut self.out, key);
        self.out.push(':');
        self.after_key = true;
    }

    /// Writes a key of ours (a model's field name, a key of the wire
    /// format): plain ASCII with nothing to escape, so copied without the
    /// escape scan. Keys read from the input go through [`JsonWriter::key`].
    fn name(&mut self, name: &'static str) {
        debug_assert!(is_plain(name), "{name:?} needs escaping");
        if let Some(c) = &mut self.canonical {
            c.members.push((MemberKey::Name(name), self.out.len()));
        }
        self.comma();
        self.out.reserve(name.len() + 3);
        self.out.push('"');
        self.out.push_str(name);
        self.out.push_str("\":");
        self.after_key = true;
    }

    /// [`JsonWriter::name`] with the name already written as `"name":` (a
    /// model's field, whose macro writes it so): one copy.
    fn quoted_name(&mut self, quoted: &'static str) {
        debug_assert!(quoted.len() >= 3 && quoted.starts_with('"') && quoted.ends_with("\":"));
        if let Some(c) = &mut self.canonical {
            // `"name":`, plain ASCII (checked when the model is compiled).
            let name = quoted.get(1..quoted.len().saturating_sub(2)).unwrap_or_default();
            c.members.push((MemberKey::Name(name), self.out.len()));
        }
        self.comma();
        self.out.push_str(quoted);
        self.after_key = true;
    }

    /// Writes a key of ours made of two parts (`priority` + `_label`), as
    /// [`JsonWriter::name`].
    fn name_with_suffix(&mut self, name: &'static str, suffix: &'static str) {
        debug_assert!(is_plain(name) && is_plain(suffix), "{name:?}{suffix:?} needs escaping");
        if let Some(c) = &mut self.canonical {
            c.note_kept(self.out.len(), name, suffix);
        }
        self.comma();
        self.out.reserve(name.len() + suffix.len() + 3);
        self.out.push('"');
        self.out.push_str(name);
        self.out.push_str(suffix);
        self.out.push_str("\":");
        self.after_key = true;
    }

    /// Writes a string value.
    fn string(&mut self, s: &str) {
        self.value_prefix();
        push_escaped(&mut self.out, s);
    }

    /// Writes a string read from the input. A borrowed one was taken from
    /// between quotes with no escape in it, so it holds no quote, backslash or
    /// control character and is copied as it is; an owned one (unescaped, or
    /// changed by a rule) is escaped.
    #[allow(clippy::ptr_arg)] // Whether the string is borrowed is the point.
    fn text(&mut self, s: &std::borrow::Cow<'_, str>) {
        match s {
            std::borrow::Cow::Borrowed(raw) if super::is_plain_ascii(raw) => self.plain_string(raw),
            other => self.string(other),
        }
    }

    /// Writes a string with nothing to escape (a timestamp we formatted, an
    /// enum's name, an ASCII string borrowed from the input), copied without
    /// the escape scan.
    fn plain_string(&mut self, s: &str) {
        debug_assert!(is_plain(s), "{s:?} needs escaping");
        self.value_prefix();
        self.out.reserve(s.len() + 2);
        self.out.push('"');
        self.out.push_str(s);
        self.out.push('"');
    }

    /// Writes `null`.
    fn null(&mut self) {
        self.value_prefix();
        self.out.push_str("null");
    }

    /// Writes `true` or `false`.
    fn bool(&mut self, b: bool) {
        self.value_prefix();
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// Writes an integer (digit by digit: `write!` is slower and larger).
    fn int(&mut self, n: i64) {
        self.value_prefix();
        self.out.push_str(crate::issue::int_text(n, &mut [0; 20]));
    }

    /// Writes text that is already valid JSON (a number as read, or a value
    /// copied verbatim from the input).
    fn raw(&mut self, json: &str) {
        self.value_prefix();
        self.out.push_str(json);
    }

    /// Writes JSON text read from the input, without the whitespace between
    /// its tokens, so that a value passed through comes out the same whether
    /// it was sent pretty-printed or compact (as `JSON.stringify` writes it).
    /// `json` must be valid JSON, as every value the reader accepted is.
    fn raw_compact(&mut self, json: &str) {
        if self.canonical.is_some() {
            // Read and written sorted, its strings escaped as every other.
            if let Ok((value, _)) = super::parse(json, crate::options::Options::MAX_DEPTH_LIMIT * 2) {
                return self.value_sorted(&value);
            }
        }
        self.value_prefix();
        let bytes = json.as_bytes();
        if json.is_ascii() && !bytes.iter().any(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t')) {
            self.out.push_str(json);
            return;
        }
        let (mut in_string, mut escaped, mut run_start) = (false, false, 0);
        for (i, &b) in bytes.iter().enumerate() {
            if b >= 0x80 {
                // Only inside strings, in valid JSON: escaped as the writer
                // escapes every string (the output stays ASCII). Continuation
                // bytes were written with their lead byte.
                if b >= 0xC0 {
                    self.out.push_str(json.get(run_start..i).unwrap_or_default());
                    let c = json.get(i..).and_then(|rest| rest.chars().next()).unwrap_or(char::REPLACEMENT_CHARACTER);
                    push_unicode_escape(&mut self.out, c);
                }
                run_start = i + 1;
            } else if in_string {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
            } else if b == b'"' {
                in_string = true;
            } else if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                self.out.push_str(json.get(run_start..i).unwrap_or_default());
                run_start = i + 1;
            }
        }
        self.out.push_str(json.get(run_start..).unwrap_or_default());
    }
}

/// The state of a [`JsonWriter::canonical`] writer: the dedup digest's
/// canonical form written straight from the models. It notes where each member of an open object starts and its
/// key, and at the object's end puts the members in UTF-16 order of their
/// keys (a copy of the object's bytes); values passed through are read and
/// written sorted. It replaced writing the models' JSON, reading it back
/// into a tree and writing that sorted (a 239-byte update event's digest
/// 7.0 → 4.1 µs natively). Models nest a few levels deep, so each byte is
/// copied a few times at most; what nests deeper is a value passed
/// through, whose objects are each sorted once. A mode of the JSON writer
/// rather than a writer of its own, so that the models' writers are not
/// compiled a third time (1 KB of gzip more when they were).
struct Canonical {
    /// The members of the open objects, innermost last: each one's key and
    /// the offset in the output where it starts (at its comma, after the
    /// first).
    members: Vec<(MemberKey, usize)>,
    /// Where each open object's members begin in `members`.
    open: Vec<usize>,
    /// The keys read from the input, and the derived names, of the open
    /// objects' members, unescaped.
    keys: String,
    /// Scratch for reordering an object's members: each one's sort prefix
    /// and place, and the object's text.
    order: Vec<(u64, usize)>,
    scratch: String,
}

/// A member's key, for [`Canonical`]: a model's field name, or a range of
/// its `keys`.
#[derive(Clone, Copy)]
enum MemberKey {
    Name(&'static str),
    Kept(u32, u32),
}

impl Canonical {
    /// Notes a member whose key is copied (read from the input, or made of
    /// two parts).
    fn note_kept(&mut self, at: usize, key: &str, suffix: &str) {
        let from = self.keys.len();
        self.keys.push_str(key);
        self.keys.push_str(suffix);
        let offset = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.members.push((MemberKey::Kept(offset(from), offset(self.keys.len())), at));
    }

    /// Puts the innermost object's members in the order of their keys: the
    /// object's text, in `out`, ends here, before its closing brace.
    fn end_object(&mut self, out: &mut String) {
        let first = self.open.pop().unwrap_or(self.members.len());
        let keys = &self.keys;
        let key = |k: MemberKey| match k {
            MemberKey::Name(name) => name.as_bytes(),
            MemberKey::Kept(from, to) => keys.as_bytes().get(from as usize..to as usize).unwrap_or_default(),
        };
        let Some(members) = self.members.get(first..) else { return };
        if members.len() >= 2 {
            let member_keys: Vec<&[u8]> = members.iter().map(|m| key(m.0)).collect();
            // An object written in order already (a value passed through,
            // which `value_sorted` orders) is left as it is: sorting it
            // again cost a third more on large ones, and a heapsort (past 64
            // members) may swap equal keys, which only an object the reader
            // rejected has.
            let in_order = member_keys.windows(2).all(|pair| match pair {
                [a, b] => !crate::sort::utf16_less(b, a),
                _ => true,
            });
            if !in_order {
                sort_keys(&member_keys, &mut self.order);
                let end = out.len();
                let body = members.first().map_or(end, |m| m.1);
                // Member i's text: from its start (past its comma) to the next one's.
                let text = |i: usize| {
                    let start = members.get(i).map_or(end, |m| m.1) + usize::from(i > 0);
                    let stop = members.get(i + 1).map_or(end, |m| m.1);
                    out.get(start..stop).unwrap_or_default()
                };
                self.scratch.clear();
                for (n, &(_, i)) in self.order.iter().enumerate() {
                    if n > 0 {
                        self.scratch.push(',');
                    }
                    self.scratch.push_str(text(i));
                }
                out.truncate(body);
                out.push_str(&self.scratch);
            }
        }
        if let Some(&(MemberKey::Kept(from, _), _)) = members.iter().find(|m| matches!(m.0, MemberKey::Kept(..))) {
            self.keys.truncate(from as usize);
        }
        self.members.truncate(first);
    }
}

/// The order of `keys` by their UTF-16 code units, into `order`: each key's
/// sort prefix and place. Most comparisons end at the prefixes; equal ones
/// compare the whole keys.
fn sort_keys(keys: &[&[u8]], order: &mut Vec<(u64, usize)>) {
    order.clear();
    order.extend(keys.iter().enumerate().map(|(i, k)| (sort_prefix(k), i)));
    crate::sort::sort_few_by(order, |a, b| {
        a.0 < b.0
            || (a.0 == b.0
                && match (keys.get(a.1), keys.get(b.1)) {
                    (Some(x), Some(y)) => crate::sort::utf16_less(x, y),
                    _ => false,
                })
    });
}

/// A key's first eight bytes as a big-endian number, ordered as the keys
/// are in UTF-16: ASCII bytes as they are, then zeros past a short key's
/// end; from the first byte past ASCII on, all ones (every character past
/// ASCII sorts after every ASCII one, in UTF-8 as in UTF-16, and keys equal
/// so far are compared whole).
fn sort_prefix(key: &[u8]) -> u64 {
    let mut prefix = [0u8; 8];
    for (slot, &b) in prefix.iter_mut().zip(key) {
        if b >= 0x80 {
            break;
        }
        *slot = b;
    }
    let ascii = key.iter().take(8).take_while(|&&b| b < 0x80).count();
    if ascii < key.len().min(8) {
        prefix.iter_mut().skip(ascii).for_each(|slot| *slot = 0xFF);
    }
    u64::from_be_bytes(prefix)
}

/// Whether `s` is written as it is between quotes: ASCII, with no quote,
/// backslash or control character. What [`JsonWriter::name`] expects of
/// the names it is given.
pub const fn is_plain(s: &str) -> bool {
    let mut rest = s.as_bytes();
    while let [b, tail @ ..] = rest {
        if *b < 0x20 || *b >= 0x80 || *b == b'"' || *b == b'\\' {
            return false;
        }
        rest = tail;
    }
    true
}

/// Appends `s` as a JSON string literal.
pub(crate) fn push_escaped(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    push_escaped_inner(out, s);
    out.push('"');
}

/// Appends `s` escaped, without quotes.
fn push_escaped_inner(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut run_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Skip whole words while none needs escaping: most text has nothing
        // to escape, and this loop is the writer's hot path.
        let plain_end = super::skip_plain(bytes, i, true);
        if plain_end > i {
            i = plain_end;
            continue;
        }
        let Some(&b) = bytes.get(i) else { break };
        if b >= 0x80 {
            // Non-ASCII: written as \u escapes, so the whole output is ASCII
            // (see `push_unicode_escape`).
            out.push_str(s.get(run_start..i).unwrap_or_default());
            let c = s.get(i..).and_then(|rest| rest.chars().next()).unwrap_or(char::REPLACEMENT_CHARACTER);
            push_unicode_escape(out, c);
            i += c.len_utf8().max(1);
            run_start = i;
            continue;
        }
        let escape: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0x00..=0x1F => "",
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(s.get(run_start..i).unwrap_or_default());
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
            out.push(char::from_digit(u32::from(b & 0xF), 16).unwrap_or('0'));
        } else {
            out.push_str(escape);
        }
        i += 1;
        run_start = i;
    }
    out.push_str(s.get(run_start..).unwrap_or_default());
}

/// Writes `c` as one `\\uXXXX` escape, or two (a surrogate pair) past the
/// Basic Multilingual Plane.
///
/// Why the output is all ASCII: the JavaScript wrapper decodes it with
/// `TextDecoder` and parses it with `JSON.parse`. ASCII text decodes to a
/// one-byte string on V8's fast path, and `JSON.parse` scans one-byte strings
/// faster; one non-ASCII character anywhere would make the whole text a
/// two-byte string (measured: 2.5 ms against 0.8 ms to decode 1.5 MB).
fn push_unicode_escape(out: &mut String, c: char) {
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units).iter() {
        out.push_str("\\u");
        for shift in [12, 8, 4, 0] {
            out.push(char::from_digit(u32::from(unit >> shift & 0xF), 16).unwrap_or('0'));
        }
    }
}

/// The bytes of `word` that are below 0x20, `"` or `\\`, as their high bits
/// (the classic "has a zero byte" and "has a byte less than n" bit tricks).
/// Only the lowest flagged byte is exact (a borrow may flag bytes above
/// it), which is all its users need: `trailing_zeros() / 8` of the mask is
/// the index of the first such byte of a little-endian word.
#[inline(always)]
pub(crate) fn escape_mask(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    below_space | has_zero(word ^ (ONES * 0x22)) | has_zero(word ^ (ONES * 0x5C))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_prefixes_never_disagree_with_the_utf16_order() {
        // Keys of every class the order treats apart: ASCII, NUL, short and
        // long, two-byte, U+E000 to U+FFFF, past U+FFFF, mixed at each place.
        let parts = ["", "a", "b", "\0", "\u{7f}", "é", "\u{e000}", "\u{ffff}", "😀", "ab", "abcdefgh", "abcdefghi"];
        let mut keys = Vec::new();
        for a in &parts {
            for b in &parts {
                for c in ["", "x", "é"] {
                    keys.push(format!("{a}{b}{c}"));
                    keys.push(format!("abcdefg{a}{b}{c}"));
                }
            }
        }
        for a in &keys {
            for b in &keys {
                let (pa, pb) = (sort_prefix(a.as_bytes()), sort_prefix(b.as_bytes()));
                if pa < pb {
                    assert!(crate::sort::utf16_less(a.as_bytes(), b.as_bytes()), "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn an_overflowing_value_becomes_null_and_what_follows_is_kept() {
        // A value of 1,000 objects written after a key, under limits from
        // none to more than it needs: past the limit it is replaced by
        // `null`, and the answer around it stays whole JSON (a limit left
        // armed once the value was written, within the slack of one
        // scalar, once cut the value when the issues began).
        let write = |limit: usize| {
            let mut w = JsonWriter::with_capacity(16);
            w.begin_object();
            w.name("data");
            w.limit_from_here(64, limit);
            w.begin_array();
            for i in 0..1000 {
                w.begin_object();
                w.name("i");
                w.int(i);
                w.end_object();
            }
            w.end_array();
            let overflowed = w.end_limit();
            w.name("issues");
            w.begin_array();
            w.end_array();
            w.end_object();
            (overflowed, w.finish())
        };
        let (overflowed, full) = write(usize::MAX);
        assert!(!overflowed);
        assert!(full.starts_with(r#"{"data":[{"i":0},{"i":1}"#) && full.ends_with(r#"{"i":999}],"issues":[]}"#));
        for limit in [0, 1, 7, 100, 5_000] {
            assert_eq!(write(limit), (true, r#"{"data":null,"issues":[]}"#.to_string()), "limit {limit}");
        }
        // Just under what the value needs: within the slack of one scalar,
        // so kept whole, and what follows too.
        for limit in [full.len() - 30, full.len()] {
            assert_eq!(write(limit), (false, full.clone()), "limit {limit}");
        }
    }

    #[test]
    fn the_word_mask_finds_the_first_byte_to_escape() {
        // Every byte at every place, after plain bytes (ASCII and not) and
        // before anything, escapable bytes included: the mask's lowest
        // flagged byte is the first to escape, or none is flagged.
        let plain = [b'a', b' ', b'!', b'#', b'[', b']', b'~', 0x7F, 0x80, 0xC3, 0xFF];
        let after = [b'a', b'"', b'\\', 0x00, 0x1F, 0x21, 0xFF];
        for b in 0u8..=255 {
            for at in 0..8 {
                for (i, &before) in plain.iter().enumerate() {
                    let mut bytes = [before; 8];
                    bytes[at] = b;
                    for (j, rest) in bytes.iter_mut().enumerate().skip(at + 1) {
                        *rest = after[(i + j) % after.len()];
                    }
                    let first = bytes.iter().position(|&c| c < 0x20 || c == b'"' || c == b'\\');
                    let mask = escape_mask(u64::from_le_bytes(bytes));
                    let found = (mask != 0).then(|| mask.trailing_zeros() as usize / 8);
                    assert_eq!(found, first, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn escapes_like_json_stringify() {
        let mut s = String::new();
        push_escaped(&mut s, "a\"b\\c\n\u{1}\u{7f}é😀");
        assert_eq!(s, "\"a\\\"b\\\\c\\n\\u0001\u{7f}\\u00e9\\ud83d\\ude00\"");
    }

    #[test]
    fn raw_compact_drops_whitespace_between_tokens_only() {
        let mut w = JsonWriter::default();
        w.raw_compact("[ 1 ,\n {\"a b\" : \" x\\\" yé \"}\t]");
        assert_eq!(w.finish(), r#"[1,{"a b":" x\" y\u00e9 "}]"#);
    }

    #[test]
    fn integers() {
        for n in [0, 7, -7, 10, 1234567890, i64::MAX, i64::MIN] {
            let mut w = JsonWriter::default();
            w.int(n);
            assert_eq!(w.finish(), n.to_string());
        }
    }

    #[test]
    fn commas_between_members_and_items() {
        let mut w = JsonWriter::default();
        w.begin_object();
        w.key("a");
        w.int(1);
        w.key("b");
        w.begin_array();
        w.null();
        w.bool(true);
        w.string("x");
        w.end_array();
        w.key("c");
        w.begin_object();
        w.end_object();
        w.end_object();
        assert_eq!(w.finish(), r#"{"a":1,"b":[null,true,"x"],"c":{}}"#);
    }
}
