//! A JSON reader and writer made for webhook bodies.
//!
//! Why not serde_json: a verified body must mean one thing, so duplicate keys
//! are reported rather than silently overwritten; every value keeps its byte
//! span so that issues can point at a line and column; strings without escapes
//! are borrowed from the input; and the nesting limit is an issue with a
//! position rather than an opaque error. The grammar is RFC 8259's, exactly
//! what `JSON.parse` accepts, so the two never disagree on a value.

mod read;
mod write;

pub use read::{parse, DuplicateKey, Kind, Member, ParseError, ParseErrorKind, Value};
pub use write::JsonWriter;

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
        order.sort_unstable_by_key(|&i| offsets[i]);
        let mut out = vec![Position { line: 1, column: 1 }; offsets.len()];
        let bytes = text.as_bytes();
        let (mut line, mut column, mut at) = (1u32, 1u32, 0usize);
        for i in order {
            let target = offsets[i].min(bytes.len());
            while at < target {
                let b = bytes[at];
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
            out[i] = Position { line, column };
        }
        out
    }

    #[cfg(test)]
    mod tests {
        use super::*;

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
