//! The tape: what the bindings hand the JavaScript wrapper instead of JSON
//! text. The wrapper used to `JSON.parse` our normalized text (1.3 to 3.3
//! times the body), which built every object a second time and was 37 to
//! 48% of a call; from the tape it builds each object once, with one object
//! literal per [`Shape`] (`pkg-template/src/shapes.js`, generated from the
//! models), which V8 does three to four times faster than `JSON.parse` of
//! the same values (docs/performance.md).
//!
//! The format, which `pkg-template/src/api.js` reads:
//!
//! - `words`: 32-bit little-endian words. Each value is one word, `tag |
//!   payload << 4`, sometimes followed by one more (a length of 2^28 - 1 or
//!   more: the payload is then [`LONG`] and the next word is the length).
//! - `ascii`: the bytes of every ASCII string, number and JSON text, one
//!   after the other in the order of their words (each is found by its
//!   length alone).
//! - `wide`: the UTF-8 of every string with a byte past ASCII, in order;
//!   its words give each one's length in UTF-16 code units and then, in the
//!   next word, in bytes, so that the wrapper can decode the slab a piece at
//!   a time and slice strings from the pieces. Apart, the ASCII slab
//!   decodes at memory speed.
//!
//! | tag | value | payload |
//! | --- | --- | --- |
//! | [`NULL`], [`FALSE`], [`TRUE`] | the literal | — |
//! | [`INT`] | an integer of 28 bits | the integer (the word read as `i32 >> 4`) |
//! | [`NUMBER`] | any other number | its text's length, in `ascii` |
//! | [`STRING`] | a string | its length, in `ascii` |
//! | [`WIDE_STRING`] | a string, then a word: its length in bytes | its length in UTF-16 units, in `wide` |
//! | [`JSON`], [`WIDE_JSON`] | a value passed through, as JSON text for `JSON.parse` (the wide one followed by its length in bytes) | its length |
//! | [`ARRAY`] | items until [`END`] | — |
//! | [`OBJECT`] | key (a string), value, ... until [`END`] | — |
//! | [`MODEL`] | the shape's values in its order, then key, value, ... until [`END`] | the shape |
//! | [`NEW_STATIC`] | a string, in `ascii`, that the reader keeps as the tape's next static | its length |
//! | [`STATIC`] | that string again | its place among the statics |

use std::borrow::Cow;

use super::{Shape, Sink};

/// `null`.
pub const NULL: u32 = 0;
/// `false`.
pub const FALSE: u32 = 1;
/// `true`.
pub const TRUE: u32 = 2;
/// An integer in the payload.
pub const INT: u32 = 3;
/// A number, as text in the ASCII slab.
pub const NUMBER: u32 = 4;
/// A string in the ASCII slab.
pub const STRING: u32 = 5;
/// A string in the wide slab.
pub const WIDE_STRING: u32 = 6;
/// An array.
pub const ARRAY: u32 = 7;
/// An object with its keys.
pub const OBJECT: u32 = 8;
/// An object of a [`Shape`].
pub const MODEL: u32 = 9;
/// The end of an array or object.
pub const END: u32 = 10;
/// JSON text in the ASCII slab.
pub const JSON: u32 = 11;
/// JSON text in the wide slab.
pub const WIDE_JSON: u32 = 12;
/// A string of the program's own, met for the first time in this tape: as
/// [`STRING`], and the reader keeps it, as the next of the tape's statics.
pub const NEW_STATIC: u32 = 13;
/// A string of the program's own met before: the payload is its place
/// among the tape's statics.
pub const STATIC: u32 = 14;
/// The payload that says the length is in the next word.
pub const LONG: u32 = (1 << 28) - 1;

/// The smallest and largest integers a word holds.
const INT_MIN: i64 = -(1 << 27);
const INT_MAX: i64 = (1 << 27) - 1;

/// The answer as a tape: see the [module](self) documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tape {
    /// The values, one or two words each.
    pub words: Vec<u32>,
    /// ASCII strings, numbers and JSON texts.
    pub ascii: Vec<u8>,
    /// Strings and JSON texts with a byte past ASCII, as UTF-8.
    pub wide: Vec<u8>,
}

impl Tape {
    /// The bytes it holds.
    pub fn len_bytes(&self) -> usize {
        self.words.len() * 4 + self.ascii.len() + self.wide.len()
    }
}

impl Tape {
    /// The tape read back as the JSON text [`super::JsonWriter`] writes, the
    /// way the JavaScript wrapper reads it; `shape_keys` gives each shape's
    /// keys (`events::shape_keys`, in the layer above). For the tests and fuzz targets
    /// that check the tape against the JSON answer; an error says where the
    /// tape is not well formed.
    #[doc(hidden)]
    pub fn to_json(&self, shape_keys: &[(&str, Vec<String>)]) -> Result<String, String> {
        let mut reader = TapeReader { tape: self, word: 0, ascii: 0, wide: 0, shape_keys, statics: Vec::new() };
        let mut w = super::JsonWriter::default();
        reader.value(&mut w, 0)?;
        if reader.word != self.words.len() || reader.ascii != self.ascii.len() || reader.wide != self.wide.len() {
            return Err(format!("left over: words from {}, ascii from {}, wide from {}", reader.word, reader.ascii, reader.wide));
        }
        Ok(w.finish())
    }
}

struct TapeReader<'t> {
    tape: &'t Tape,
    word: usize,
    ascii: usize,
    wide: usize,
    shape_keys: &'t [(&'t str, Vec<String>)],
    statics: Vec<String>,
}

impl TapeReader<'_> {
    fn next(&mut self) -> Result<u32, String> {
        let word = self.tape.words.get(self.word).copied().ok_or("the tape ends inside a value")?;
        self.word += 1;
        Ok(word)
    }

    fn peek_end(&self) -> bool {
        self.tape.words.get(self.word) == Some(&END)
    }

    fn length(&mut self, word: u32) -> Result<usize, String> {
        match word >> 4 {
            LONG => Ok(self.next()? as usize),
            n => Ok(n as usize),
        }
    }

    fn ascii(&mut self, word: u32) -> Result<&str, String> {
        let n = self.length(word)?;
        let bytes = self.tape.ascii.get(self.ascii..self.ascii + n).ok_or("past the ASCII slab")?;
        self.ascii += n;
        std::str::from_utf8(bytes).ok().filter(|s| s.is_ascii()).ok_or_else(|| "not ASCII".to_string())
    }

    fn wide(&mut self, word: u32) -> Result<&str, String> {
        let units = self.length(word)?;
        let bytes = self.next()? as usize;
        let text = self.tape.wide.get(self.wide..self.wide + bytes).ok_or("past the wide slab")?;
        let text = std::str::from_utf8(text).map_err(|e| e.to_string())?;
        if text.encode_utf16().count() != units {
            return Err(format!("{units} UTF-16 units said, {} found", text.encode_utf16().count()));
        }
        self.wide += bytes;
        Ok(text)
    }

    fn key(&mut self, w: &mut super::JsonWriter) -> Result<(), String> {
        let word = self.next()?;
        match word & 15 {
            STRING => w.key(self.ascii(word)?),
            WIDE_STRING => w.key(self.wide(word)?),
            tag => return Err(format!("a key of tag {tag}")),
        }
        Ok(())
    }

    fn members(&mut self, w: &mut super::JsonWriter, depth: usize) -> Result<(), String> {
        while !self.peek_end() {
            self.key(w)?;
            self.value(w, depth + 1)?;
        }
        self.word += 1;
        w.end_object();
        Ok(())
    }

    fn value(&mut self, w: &mut super::JsonWriter, depth: usize) -> Result<(), String> {
        if depth > 1000 {
            return Err("nested too deep".into());
        }
        let word = self.next()?;
        match word & 15 {
            NULL => w.null(),
            FALSE => w.bool(false),
            TRUE => w.bool(true),
            INT => w.int(i64::from((word as i32) >> 4)),
            NUMBER => w.raw(self.ascii(word)?),
            STRING => w.string(self.ascii(word)?),
            WIDE_STRING => w.string(self.wide(word)?),
            NEW_STATIC => {
                let text = self.ascii(word)?.to_string();
                w.string(&text);
                self.statics.push(text);
            }
            STATIC => w.string(self.statics.get((word >> 4) as usize).ok_or("an unknown static")?),
            JSON => w.raw_compact(self.ascii(word)?),
            WIDE_JSON => w.raw_compact(self.wide(word)?),
            ARRAY => {
                w.begin_array();
                while !self.peek_end() {
                    self.value(w, depth + 1)?;
                }
                self.word += 1;
                w.end_array();
            }
            OBJECT => {
                w.begin_object();
                self.members(w, depth)?;
            }
            MODEL => {
                let (_, keys) = self.shape_keys.get((word >> 4) as usize).ok_or("an unknown shape")?;
                w.begin_object();
                for key in keys {
                    w.key(key);
                    self.value(w, depth + 1)?;
                }
                self.members(w, depth)?;
            }
            tag => return Err(format!("tag {tag}")),
        }
        Ok(())
    }
}

/// Writes a [`Tape`].
#[derive(Debug)]
pub struct TapeWriter {
    tape: Tape,
    /// The limit of [`Sink::limit_from_here`], in bytes of tape.
    limit: usize,
    /// Where the tape stood when the limit was set: (words, ascii, wide).
    floor: (usize, usize, usize),
    overflowed: bool,
    /// The statics written, by a hash of their address: (address, length,
    /// place). A miss only writes a string again: an answer repeats a few
    /// codes, severities and messages.
    statics: [(usize, usize, u32); 16],
    /// The statics written so far, and when the limit was set.
    static_count: u32,
    floor_statics: u32,
}

/// How much larger than the JSON text the tape may be, at most: four times,
/// for a value of one byte (`0`: one word) or an empty array or object
/// nested in another (`[]`: two words); a string is a word and its bytes
/// (`""`: twice), a string past ASCII two words and its UTF-8, which the
/// JSON text escapes at six bytes a character. The writers' limit is a
/// second line behind the budget counted while reading (see
/// `api::write_outcome`), so the tape's is the JSON's times this: it is
/// reached only where the JSON's would have been.
const TAPE_PER_JSON_BYTE: usize = 4;

impl Default for TapeWriter {
    fn default() -> Self {
        TapeWriter::with_capacity(0)
    }
}

impl TapeWriter {
    /// A writer with room for about `capacity` bytes of answer.
    pub fn with_capacity(capacity: usize) -> Self {
        TapeWriter {
            tape: Tape { words: Vec::with_capacity(capacity / 8), ascii: Vec::with_capacity(capacity / 2), wide: Vec::new() },
            limit: usize::MAX,
            floor: (0, 0, 0),
            overflowed: false,
            statics: [(0, 0, 0); 16],
            static_count: 0,
            floor_statics: 0,
        }
    }

    /// The tape written.
    pub fn finish(self) -> Tape {
        self.tape
    }

    #[inline(always)]
    fn word(&mut self, tag: u32, payload: u32) {
        self.tape.words.push(tag | payload << 4);
    }

    fn length(&mut self, tag: u32, length: usize) {
        let length = u32::try_from(length).unwrap_or(u32::MAX);
        if length < LONG {
            self.word(tag, length);
        } else {
            self.word(tag, LONG);
            self.tape.words.push(length);
        }
    }

    /// Appends `text` to its slab, with its word.
    #[inline(never)]
    fn text_in_slab(&mut self, ascii_tag: u32, wide_tag: u32, text: &str) {
        if text.is_ascii() {
            self.length(ascii_tag, text.len());
            self.tape.ascii.extend_from_slice(text.as_bytes());
        } else {
            self.length(wide_tag, utf16_len(text));
            self.tape.words.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
            self.tape.wide.extend_from_slice(text.as_bytes());
        }
    }

    #[inline(always)]
    fn check_limit(&mut self) {
        if self.tape.len_bytes() > self.limit {
            self.limit_reached();
        }
    }

    #[cold]
    #[inline(never)]
    fn limit_reached(&mut self) {
        self.overflowed = true;
        self.truncate_to_floor();
    }

    fn truncate_to_floor(&mut self) {
        let (words, ascii, wide) = self.floor;
        self.tape.words.truncate(words);
        self.tape.ascii.truncate(ascii);
        self.tape.wide.truncate(wide);
        // The statics first written past the floor are gone with it.
        self.static_count = self.floor_statics;
        let kept = self.floor_statics;
        self.statics.iter_mut().filter(|s| s.2 >= kept).for_each(|s| *s = (0, 0, 0));
    }
}

/// The length of `s` in UTF-16 code units: a unit for each UTF-8 lead byte,
/// two for a four-byte sequence's.
fn utf16_len(s: &str) -> usize {
    s.bytes().map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum()
}

/// The integer a JSON number's text is, when a word holds it and it reads
/// back as the same value (not `-0`, which is not the integer 0).
fn small_int(json: &str) -> Option<i64> {
    let digits = json.strip_prefix('-').unwrap_or(json);
    if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_digit()) || json == "-0" {
        return None;
    }
    // A leading zero is valid JSON only for 0 itself.
    json.parse::<i64>().ok()
}

impl Sink for TapeWriter {
    fn begin_object(&mut self) {
        self.check_limit();
        self.word(OBJECT, 0);
    }

    fn begin_model(&mut self, shape: Shape) {
        self.check_limit();
        self.word(MODEL, shape.index());
    }

    fn end_object(&mut self) {
        self.word(END, 0);
    }

    fn begin_array(&mut self) {
        self.check_limit();
        self.word(ARRAY, 0);
    }

    fn end_array(&mut self) {
        self.word(END, 0);
    }

    fn key(&mut self, key: &str) {
        self.string(key);
    }

    /// The shape names its keys: nothing is written.
    fn name(&mut self, _name: &'static str) {}

    fn quoted_name(&mut self, _quoted: &'static str) {}

    fn name_with_suffix(&mut self, _name: &'static str, _suffix: &'static str) {}

    fn string(&mut self, s: &str) {
        self.text_in_slab(STRING, WIDE_STRING, s);
    }

    fn text(&mut self, s: &Cow<'_, str>) {
        self.string(s);
    }

    /// Plain is ASCII: no scan for the slab.
    fn plain_string(&mut self, s: &str) {
        debug_assert!(s.is_ascii(), "{s:?} is not plain");
        self.length(STRING, s.len());
        self.tape.ascii.extend_from_slice(s.as_bytes());
    }

    fn static_string(&mut self, s: &'static str) {
        let address = s.as_ptr() as usize;
        let Some(slot) = self.statics.get_mut(((address >> 2) ^ s.len()) & 15) else { return };
        if slot.0 == address && slot.1 == s.len() && !s.is_empty() {
            let place = slot.2;
            return self.word(STATIC, place);
        }
        // Only ASCII statics are kept: the reader slices them from the
        // ASCII slab.
        if !s.is_ascii() || s.is_empty() {
            return self.string(s);
        }
        let Some(slot) = self.statics.get_mut(((address >> 2) ^ s.len()) & 15) else { return };
        *slot = (address, s.len(), self.static_count);
        self.static_count += 1;
        self.length(NEW_STATIC, s.len());
        self.tape.ascii.extend_from_slice(s.as_bytes());
    }

    fn null(&mut self) {
        self.word(NULL, 0);
    }

    fn bool(&mut self, b: bool) {
        self.word(if b { TRUE } else { FALSE }, 0);
    }

    fn int(&mut self, n: i64) {
        if (INT_MIN..=INT_MAX).contains(&n) {
            // Two's complement in the payload's 28 bits.
            self.word(INT, (n as u32) & 0x0FFF_FFFF);
        } else {
            let text = crate::issue::int_text(n, &mut [0; 20]).to_owned();
            self.length(NUMBER, text.len());
            self.tape.ascii.extend_from_slice(text.as_bytes());
        }
    }

    fn raw(&mut self, json: &str) {
        match small_int(json) {
            Some(n) => self.int(n),
            None => {
                self.length(NUMBER, json.len());
                self.tape.ascii.extend_from_slice(json.as_bytes());
            }
        }
    }

    fn raw_compact(&mut self, json: &str) {
        // The common values go as values; anything else (an object, an
        // array, a string with an escape) as its text, for `JSON.parse`,
        // which gives exactly what the JSON writer's text gave.
        match json.as_bytes() {
            b"null" => self.null(),
            b"true" => self.bool(true),
            b"false" => self.bool(false),
            [b'-' | b'0'..=b'9', ..] => self.raw(json),
            [b'"', inner @ .., b'"'] if !inner.contains(&b'\\') => {
                // Valid JSON: between the quotes, no quote and no control
                // character, so the inside is the string.
                self.string(json.get(1..json.len() - 1).unwrap_or_default());
            }
            _ => self.text_in_slab(JSON, WIDE_JSON, json),
        }
    }

    fn reserve(&mut self, additional: usize) {
        self.tape.words.reserve(additional / 8);
        self.tape.ascii.reserve(additional / 2);
    }

    fn limit_from_here(&mut self, expected: usize, limit: usize) {
        self.reserve(expected.min(limit));
        self.floor = (self.tape.words.len(), self.tape.ascii.len(), self.tape.wide.len());
        self.floor_statics = self.static_count;
        self.limit = self.tape.len_bytes().saturating_add(limit.saturating_mul(TAPE_PER_JSON_BYTE));
        self.overflowed = false;
    }

    fn end_limit(&mut self) -> bool {
        self.limit = usize::MAX;
        if !self.overflowed {
            return false;
        }
        self.truncate_to_floor();
        self.tape.words.shrink_to(self.floor.0 + 1024);
        self.tape.ascii.shrink_to(self.floor.1 + 4096);
        self.tape.wide.shrink_to(self.floor.2 + 4096);
        self.overflowed = false;
        self.null();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_that_fit_a_word_and_those_that_do_not() {
        for (n, word) in [(0, INT), (5, INT | 5 << 4), (-1, INT | 0xFFFF_FFF0), (INT_MAX, INT | (INT_MAX as u32) << 4)] {
            let mut w = TapeWriter::default();
            w.int(n);
            assert_eq!(w.finish().words, [word], "{n}");
        }
        for n in [INT_MAX + 1, INT_MIN - 1, i64::MAX, i64::MIN] {
            let mut w = TapeWriter::default();
            w.int(n);
            let tape = w.finish();
            assert_eq!(tape.words, [NUMBER | (n.to_string().len() as u32) << 4]);
            assert_eq!(tape.ascii, n.to_string().as_bytes());
        }
    }

    #[test]
    fn numbers_as_read_keep_their_value() {
        // `-0` and `1.0` are not integers to the tape; `10` is.
        assert_eq!(small_int("10"), Some(10));
        assert_eq!(small_int("-12345678"), Some(-12_345_678));
        for text in ["-0", "1.0", "1e3", "123456789", "-", ""] {
            assert_eq!(small_int(text), None, "{text}");
        }
    }

    #[test]
    fn wide_strings_count_utf16_units() {
        let mut w = TapeWriter::default();
        w.string("a\u{e9}\u{1F600}");
        let tape = w.finish();
        assert_eq!(tape.words, [WIDE_STRING | 4 << 4, 7]);
        assert_eq!(tape.wide, "a\u{e9}\u{1F600}".as_bytes());
        assert!(tape.ascii.is_empty());
    }

    #[test]
    fn values_passed_through_take_the_short_forms_they_can() {
        let mut w = TapeWriter::default();
        for json in ["null", "true", "false", "-7", "1.5", "\"ab\"", "\"a\\\"b\"", "[1, 2]", "{\"é\":1}"] {
            w.raw_compact(json);
        }
        let tape = w.finish();
        assert_eq!(
            tape.words,
            [
                NULL,
                TRUE,
                FALSE,
                INT | 0x0FFF_FFF9 << 4,
                NUMBER | 3 << 4,
                STRING | 2 << 4,
                JSON | 6 << 4,
                JSON | 6 << 4,
                WIDE_JSON | 7 << 4,
                8
            ]
        );
        assert_eq!(tape.ascii, b"1.5ab\"a\\\"b\"[1, 2]");
    }

    #[test]
    fn statics_are_written_once_and_a_cut_forgets_those_past_it() {
        static CODE: &str = "placeholder_value";
        static OTHER: &str = "warning";
        let mut w = TapeWriter::default();
        w.begin_array();
        w.static_string(CODE);
        w.limit_from_here(0, 1);
        w.begin_array();
        w.static_string(OTHER);
        w.static_string(CODE);
        w.begin_array();
        w.end_array();
        w.begin_array();
        w.end_array();
        w.end_array();
        assert!(w.end_limit());
        // OTHER was cut: it is new again; CODE, before the cut, is not.
        w.static_string(OTHER);
        w.static_string(OTHER);
        w.static_string(CODE);
        w.end_array();
        let tape = w.finish();
        let (new_code, new_other) = (NEW_STATIC | (CODE.len() as u32) << 4, NEW_STATIC | (OTHER.len() as u32) << 4);
        assert_eq!(tape.words, [ARRAY, new_code, NULL, new_other, STATIC | 1 << 4, STATIC, END]);
        let json = tape.to_json(&[]).unwrap();
        assert_eq!(json, r#"["placeholder_value",null,"warning","warning","placeholder_value"]"#);
    }

    #[test]
    fn an_overflowing_value_becomes_null() {
        let mut w = TapeWriter::default();
        w.begin_model(Shape(0));
        w.limit_from_here(0, 10);
        w.begin_array();
        for i in 0..100 {
            w.begin_array();
            w.int(i);
            w.end_array();
        }
        w.end_array();
        assert!(w.end_limit());
        w.begin_array();
        w.end_array();
        w.end_object();
        assert_eq!(w.finish().words, [MODEL, NULL, ARRAY, END, END]);
    }
}
