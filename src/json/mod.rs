//! A JSON reader and writer made for webhook bodies.
//!
//! Why not serde_json: a verified body must mean one thing, so duplicate keys
//! are reported rather than silently overwritten; every value keeps its byte
//! span so that issues can point at a line and column; strings without escapes
//! are borrowed from the input; and the nesting limit is an issue with a
//! position rather than an opaque error. The grammar is RFC 8259's, exactly
//! what `JSON.parse` accepts, so the two never disagree on a value.

mod read;
#[cfg(feature = "serde")]
pub(crate) mod serde_text;
mod sink;
pub mod tape;
mod write;

pub use read::{parse, parse_within, DuplicateKey, Kind, Member, ParseError, ParseErrorKind, Value};
pub use sink::{Shape, Sink};
pub use tape::TapeWriter;
pub use write::{is_plain, JsonWriter};

/// The eight bytes at `at` as a little-endian word, if there are eight.
#[inline(always)]
pub(crate) fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// The offset of the first byte, at or after `at`, that a JSON string
/// cannot hold as it is (a quote, a backslash or a control character), or
/// of the first of the last seven bytes, read eight at a time; with
/// `ascii`, a byte past ASCII stops it too. The reader and the writer spend
/// much of their time here, eight bytes per step with the bit tricks of
/// [`write::escape_mask`], which also say where in the word the byte is: a
/// key or a short value (most of a webhook's strings are under eight bytes)
/// is then found in one step rather than byte by byte. (Sixteen per step
/// with wasm's `simd128` gave nothing measurable: the payloads' strings are
/// short.)
#[inline(always)]
pub(crate) fn skip_plain(bytes: &[u8], mut at: usize, ascii: bool) -> usize {
    while let Some(word) = word_at(bytes, at) {
        let mask = write::escape_mask(word) | if ascii { word & 0x8080_8080_8080_8080 } else { 0 };
        if mask != 0 {
            return at + (mask.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at
}

/// Whether `s` is ASCII with nothing to escape, eight bytes at a time (see
/// [`skip_plain`]); for a string borrowed from the input (which has no byte
/// to escape), whether it is ASCII.
#[inline(always)]
pub(crate) fn is_plain_ascii(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes
        .get(skip_plain(bytes, 0, true)..)
        .is_some_and(|tail| tail.iter().all(|&b| (0x20..0x80).contains(&b) && b != b'"' && b != b'\\'))
}

/// A cheap hash of a short text (a key, a field name): its length and its
/// first and last four bytes, mixed by one multiplication, 24 bits. The
/// names of one model differ there, and so do the keys of most objects; a
/// collision costs a comparison, not a wrong answer. Shared by the
/// reader's duplicate filter and the models' field tables.
#[inline(always)]
pub(crate) const fn short_hash(name: &[u8]) -> usize {
    let n = name.len();
    if let (Some(first), Some(last)) = (name.first_chunk::<4>(), name.last_chunk::<4>()) {
        // The loops below, four bytes at a time (most names are longer).
        let (head, tail) = (u32::from_be_bytes(*first) as u64, u32::from_le_bytes(*last) as u64);
        return ((head << 32 | tail ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize;
    }
    short_hash_bytewise(name)
}

/// [`short_hash`] byte by byte, for names shorter than four bytes (and, in a
/// test, every name).
const fn short_hash_bytewise(name: &[u8]) -> usize {
    let n = name.len();
    let mut head = 0u64;
    let mut tail = 0u64;
    let mut rest = name;
    let mut taken = 0;
    while let [b, more @ ..] = rest {
        if taken == 4 {
            break;
        }
        head = head << 8 | *b as u64;
        rest = more;
        taken += 1;
    }
    let mut rest = name;
    let mut taken = 0;
    while let [more @ .., b] = rest {
        if taken == 4 {
            break;
        }
        tail = tail << 8 | *b as u64;
        rest = more;
        taken += 1;
    }
    ((head << 32 | tail ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize
}

/// Positions of byte offsets in a text, computed in one forward pass.
pub(crate) mod position {
    use crate::issue::Position;

    /// Converts byte offsets into 1-based line and UTF-16 column positions.
    ///
    /// `offsets` need not be sorted; the result is in the same order. The
    /// cost is one pass over the text up to the largest offset, whatever the
    /// number of offsets, so thousands of issues in a 10 MB body stay cheap.
    pub(crate) fn positions(text: &str, offsets: &[usize]) -> Vec<Position> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        if !offsets.is_sorted() {
            crate::sort::heap_sort_by(&mut order, |&a, &b| offsets.get(a) < offsets.get(b));
        }
        let mut out = vec![Position { line: 1, column: 1 }; offsets.len()];
        let bytes = text.as_bytes();
        let (mut line, mut column, mut at) = (1u32, 1u32, 0usize);
        for i in order {
            let target = offsets.get(i).copied().unwrap_or(0).min(bytes.len());
            while at < target {
                // Eight ASCII bytes without a newline at a time: eight columns.
                if let Some(word) = super::word_at(bytes, at).filter(|_| at + 8 <= target) {
                    let newline = word ^ 0x0a0a_0a0a_0a0a_0a0a;
                    let has_newline = newline.wrapping_sub(0x0101_0101_0101_0101) & !newline & 0x8080_8080_8080_8080 != 0;
                    if word & 0x8080_8080_8080_8080 == 0 && !has_newline {
                        column += 8;
                        at += 8;
                        continue;
                    }
                }
                let Some(&b) = bytes.get(at) else { break };
                if b == b'\n' {
                    line += 1;
                    column = 1;
                    at += 1;
                } else if b < 0x80 {
                    column += 1;
                    at += 1;
                } else {
                    // A UTF-8 lead byte: four-byte sequences are two UTF-16 units.
                    let (len, units) = match b {
                        0xF0..=0xFF => (4, 2),
                        0xE0..=0xEF => (3, 1),
                        _ => (2, 1),
                    };
                    column += units;
                    at += len;
                }
            }
            if let Some(slot) = out.get_mut(i) {
                *slot = Position { line, column };
            }
        }
        out
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn every_char_boundary_agrees_with_counting_chars() {
            // Runs of ASCII of every length around the word size, newlines,
            // and characters of two, three and four bytes, at every place.
            let pieces = ["a", "abcdefg", "abcdefgh", "abcdefghijklmnopq", "\n", "\n\n", "é", "日本", "😀", " x\ny "];
            let mut text = String::new();
            for i in 0..200 {
                text.push_str(pieces[(i * 7 + i / 3) % pieces.len()]);
            }
            let offsets: Vec<usize> = (0..=text.len()).filter(|&o| text.is_char_boundary(o)).collect();
            let got = positions(&text, &offsets);
            let (mut line, mut column) = (1, 1);
            let mut want = Vec::new();
            let mut chars = text.char_indices().peekable();
            for &o in &offsets {
                while let Some(&(at, c)) = chars.peek() {
                    if at >= o {
                        break;
                    }
                    if c == '\n' {
                        line += 1;
                        column = 1;
                    } else {
                        column += c.len_utf16() as u32;
                    }
                    chars.next();
                }
                want.push((line, column));
            }
            let got: Vec<(u32, u32)> = got.iter().map(|p| (p.line, p.column)).collect();
            assert_eq!(got, want);
        }

        #[test]
        fn lines_and_utf16_columns() {
            let text = "ab\n\u{e9}x\n\u{1F600}y";
            let p = positions(text, &[text.len() - 1, 0, 3, 5]);
            assert_eq!((p[0].line, p[0].column), (3, 3));
            assert_eq!((p[1].line, p[1].column), (1, 1));
            assert_eq!((p[2].line, p[2].column), (2, 1));
            assert_eq!((p[3].line, p[3].column), (2, 2));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_plain_stops_at_the_first_byte_to_escape_or_at_the_last_seven() {
        // Each stopping byte at every place of a 24-byte text, from every
        // start; with `ascii`, a byte past ASCII stops it too.
        for stop in [b'"', b'\\', 0x00, 0x1F, 0x80, 0xC3] {
            for place in 0..24 {
                let mut text = vec![b'a'; 24];
                text[place] = stop;
                for start in 0..24 {
                    for ascii in [false, true] {
                        let stops = |b: u8| b < 0x20 || b == b'"' || b == b'\\' || (ascii && b >= 0x80);
                        let first = (start..24).find(|&i| stops(text[i])).unwrap_or(24);
                        let got = skip_plain(&text, start, ascii);
                        // Exact when the stop is in a whole word; else at the
                        // first of the last seven bytes, before the stop.
                        let last_word_end = start + (24 - start) / 8 * 8;
                        let want = if first < last_word_end { first } else { last_word_end };
                        assert_eq!(got, want, "stop {stop:#x} at {place}, from {start}, ascii {ascii}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_short_hash_is_the_same_word_wise_and_byte_wise() {
        for name in ["", "a", "id", "ack", "body", "chat_id", "ticket_custom_properties", "é", "日本語"] {
            assert_eq!(short_hash(name.as_bytes()), short_hash_bytewise(name.as_bytes()), "{name:?}");
        }
    }
}
