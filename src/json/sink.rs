//! Where normalized values are written: the one interface of the two
//! writers, [`super::JsonWriter`] (compact JSON text, for Rust users and the
//! digests) and [`super::TapeWriter`] (the flat tape the JavaScript wrapper
//! builds its objects from, for the bindings). Every model, field kind and
//! answer writes through it once, so the two outputs cannot drift apart.

use std::borrow::Cow;

use super::{Kind, Value};

/// An object of one of the fixed shapes listed in
/// `SHAPES` of src/model/shape.rs (a model, an issue, the answer): its keys
/// are known in advance, in order, so the tape names only the shape and the
/// JavaScript wrapper builds the object with one object literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape(pub(crate) u32);

impl Shape {
    /// The shape's place in the model layer's list of shapes.
    pub const fn index(self) -> u32 {
        self.0
    }
}

/// A writer of normalized values. Commas, and which key a value belongs to,
/// are the writer's business: a caller writes a key, then its value.
pub trait Sink {
    /// Starts an object whose keys are written with [`Sink::key`] (a value
    /// passed through, the members of a map).
    fn begin_object(&mut self);
    /// Starts an object of a fixed shape: its keys are then written in the
    /// shape's order with [`Sink::name`], [`Sink::quoted_name`] or
    /// [`Sink::name_with_suffix`], every one of them, before any key of
    /// the sender's ([`Sink::key`]: the fields the model does not know).
    fn begin_model(&mut self, shape: Shape);
    /// Ends the innermost object.
    fn end_object(&mut self);
    /// Starts an array (as a value).
    fn begin_array(&mut self);
    /// Ends the innermost array.
    fn end_array(&mut self);
    /// Writes a key read from the input (it may need escaping); the next
    /// call writes its value.
    fn key(&mut self, key: &str);
    /// Writes a key of ours (a model's field name, a key of the wire
    /// format): plain ASCII with nothing to escape.
    fn name(&mut self, name: &'static str);
    /// [`Sink::name`] with the name already written as `"name":` (a model's
    /// field, whose macro writes it so).
    fn quoted_name(&mut self, quoted: &'static str);
    /// Writes a key of ours made of two parts (`priority` + `_label`).
    fn name_with_suffix(&mut self, name: &'static str, suffix: &'static str);
    /// Writes a string value.
    fn string(&mut self, s: &str);
    /// Writes a string read from the input; a borrowed one was taken from
    /// between quotes with no escape in it.
    #[allow(clippy::ptr_arg)] // Whether the string is borrowed is the point.
    fn text(&mut self, s: &Cow<'_, str>);
    /// Writes a string with nothing to escape (a timestamp we formatted, an
    /// enum's name).
    fn plain_string(&mut self, s: &str);
    /// Writes a string of the program's own (an issue's code, severity or
    /// message), which an answer repeats: the tape writes each one once.
    fn static_string(&mut self, s: &'static str) {
        self.string(s);
    }
    /// Writes `null`.
    fn null(&mut self);
    /// Writes `true` or `false`.
    fn bool(&mut self, b: bool);
    /// Writes an integer.
    fn int(&mut self, n: i64);
    /// Writes a number as the input wrote it (valid JSON number text).
    fn raw(&mut self, json: &str);
    /// Writes a value read from the input as its JSON text (valid JSON, as
    /// every value the reader accepted is), compact.
    fn raw_compact(&mut self, json: &str);
    /// Makes room for `additional` more bytes at once.
    fn reserve(&mut self, additional: usize);
    /// Limits what is written from here on (see [`super::JsonWriter`]'s
    /// implementation), reserving room for `expected` bytes of it.
    fn limit_from_here(&mut self, expected: usize, limit: usize);
    /// Ends that limit: when the value written since passed it, the value is
    /// replaced by `null` and this returns `true`.
    fn end_limit(&mut self) -> bool;

    /// Writes a value read by [`super::parse`] (its strings unescaped, its
    /// numbers as written).
    fn value(&mut self, value: &Value<'_>) {
        match &value.kind {
            Kind::Null => self.null(),
            Kind::Bool(b) => self.bool(*b),
            Kind::Number(n) => self.raw(n),
            Kind::String(s) => self.string(s),
            Kind::Array(items) => {
                self.begin_array();
                items.iter().for_each(|item| self.value(item));
                self.end_array();
            }
            Kind::Object(members) => {
                self.begin_object();
                for m in members {
                    self.key(&m.key);
                    self.value(&m.value);
                }
                self.end_object();
            }
        }
    }
}
