//! The normalized payload as a patch of the payload as sent.
//!
//! The JavaScript wrapper builds the output object with one `JSON.parse` of
//! the body, which no JavaScript pipeline can avoid, and applies this patch:
//! only what normalization changes, every rule still decided here. Writing
//! the whole normalized JSON instead made every object twice (once by the
//! wasm module's writer, once by `JSON.parse` of a text 1.4 to 2.5 times the
//! body).
//!
//! The patch is one JSON array of instructions, each an opcode and its
//! operands, run against a cursor that starts at the parsed body's root:
//!
//! | op | operands | meaning |
//! | --- | --- | --- |
//! | 1 | key | move the cursor into `cursor[key]` |
//! | 2 | index | move the cursor into `cursor[index]` |
//! | 3 | n | move the cursor `n` levels up |
//! | 4 | model | add every field of `model` the object lacks, `null` or `[]` (and its derived field, `null`) |
//! | 5 | key, value | set `cursor[key]` to the JSON value |
//! | 6 | key | delete `cursor[key]` |
//! | 7 | key | replace the root by `{ key: root }` (a bare ticket), the cursor at the new root |
//! | 8 | key | the result is `root[key]` (a payload read out of its envelope) |
//!
//! Instructions are written with the reading context's path: the cursor
//! moves lazily, only when an instruction is at another path than the last.
//! The models' field lists (op 4) are [`crate::model::ModelInfo`]s, exported
//! to the wrapper once at start-up.

use crate::issue::Segment;
use crate::json::JsonWriter;

pub(crate) const ENTER_KEY: i64 = 1;
pub(crate) const ENTER_INDEX: i64 = 2;
pub(crate) const UP: i64 = 3;
pub(crate) const FILL: i64 = 4;
pub(crate) const SET: i64 = 5;
pub(crate) const DELETE: i64 = 6;
pub(crate) const WRAP: i64 = 7;
pub(crate) const RESULT: i64 = 8;

/// The instructions written so far, and where their cursor is.
pub(crate) struct Patch<'a> {
    pub(crate) w: JsonWriter,
    cursor: Vec<Segment<'a>>,
}

impl<'a> Patch<'a> {
    pub(crate) fn new(limit: usize) -> Self {
        let mut w = JsonWriter::with_limit(1024, limit);
        w.begin_array();
        Patch { w, cursor: Vec::new() }
    }

    /// Moves the cursor to `path`: up to the common prefix, then down.
    pub(crate) fn seek(&mut self, path: &[Segment<'a>]) {
        let common = self.cursor.iter().zip(path).take_while(|(a, b)| a == b).count();
        if common < self.cursor.len() {
            self.w.int(UP);
            self.w.int((self.cursor.len() - common) as i64);
            self.cursor.truncate(common);
        }
        for segment in path.iter().skip(common) {
            match segment {
                Segment::Key(key) => {
                    self.w.int(ENTER_KEY);
                    self.w.string(key);
                }
                Segment::Index(i) => {
                    self.w.int(ENTER_INDEX);
                    self.w.int(*i as i64);
                }
            }
            self.cursor.push(segment.clone());
        }
    }

    /// An opcode and its string operand, at the cursor.
    pub(crate) fn op(&mut self, op: i64, operand: &str) {
        self.w.int(op);
        self.w.string(operand);
    }

    /// Starts `cursor[key] = value`: the value is written next, into the
    /// writer returned.
    pub(crate) fn set_key(&mut self, key: &str) -> &mut JsonWriter {
        self.w.int(SET);
        self.w.string(key);
        &mut self.w
    }

    /// Starts `cursor[key + suffix] = value`.
    pub(crate) fn set_key_with_suffix(&mut self, key: &str, suffix: &str) -> &mut JsonWriter {
        self.w.int(SET);
        self.w.string_with_suffix(key, suffix);
        &mut self.w
    }

    /// The instructions as one JSON array, or `None` when they passed the
    /// writer's limit.
    #[allow(clippy::wrong_self_convention)]
    pub(crate) fn finish(mut self) -> Option<String> {
        self.w.end_array();
        (!self.w.overflowed()).then(|| self.w.finish())
    }
}
