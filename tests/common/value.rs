//! A JSON value whose objects keep the order they were built in, for the
//! tests that build JSON (the generators of `properties.rs`, the schema
//! generator of `json_schema.rs`), written compact by the core's writer.

use periskope_events::json::{JsonWriter, Sink};

/// A JSON value; numbers as their text.
#[derive(Clone, Debug, PartialEq)]
pub enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    /// Writes the value through the core's writer.
    pub fn write_to(&self, w: &mut JsonWriter) {
        match self {
            J::Null => w.null(),
            J::Bool(b) => w.bool(*b),
            J::Num(n) => w.raw(n),
            J::Str(s) => w.string(s),
            J::Arr(items) => {
                w.begin_array();
                items.iter().for_each(|i| i.write_to(w));
                w.end_array();
            }
            J::Obj(members) => {
                w.begin_object();
                for (k, v) in members {
                    w.key(k);
                    v.write_to(w);
                }
                w.end_object();
            }
        }
    }

    /// The value as compact JSON text.
    pub fn compact(&self) -> String {
        let mut w = JsonWriter::default();
        self.write_to(&mut w);
        w.finish()
    }
}
