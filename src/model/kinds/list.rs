//! The list kind, [`List`], and the [`ListTypes`] its models declare: an
//! array of objects of one model, each read by that model's rules, `[]`
//! when absent.

use crate::json::{Kind, Sink, Value};
use crate::model::{read_model, Cx, FieldKind, Model};

/// An array of objects of one model; absent or `null` becomes `[]`.
#[derive(Clone, Debug, PartialEq)]
pub struct List<T>(pub Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

/// The TypeScript array type of each model's output and input, spelled out
/// because `concat!` cannot read associated constants.
pub trait ListTypes {
    /// `Model[]`.
    const TS_OUT_LIST: &'static str;
    /// `ModelInput[]`.
    const TS_IN_LIST: &'static str;
    /// The JSON Schema of an array of the model's output.
    #[doc(hidden)]
    const SCHEMA_OUT_LIST: &'static str;
    /// The JSON Schema of an array of the model's input.
    #[doc(hidden)]
    const SCHEMA_IN_LIST: &'static str;
}

impl<'a, T: Model<'a> + ListTypes + FieldKind<'a>> FieldKind<'a> for List<T> {
    const TS_IN: &'static str = T::TS_IN_LIST;
    const TS_OUT: &'static str = T::TS_OUT_LIST;
    const SCHEMA_IN: &'static str = T::SCHEMA_IN_LIST;
    const SCHEMA_OUT: &'static str = T::SCHEMA_OUT_LIST;
    const MODEL: Option<&'static crate::model::ModelInfo> = <T as FieldKind<'a>>::MODEL;
    const OUT_NULLABLE: bool = false;

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let Kind::Array(items) = &value.kind else {
            cx.wrong_type("an array", value);
            return None;
        };
        // Grown as items are read, not sized by the input: each item is
        // counted against the memory budget as it is read, and an array of
        // a million empty objects must not allocate a million models first.
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            cx.push_index(i);
            if let Some(model) = read_model::<T>(item, cx) {
                out.push(model);
            }
            cx.pop();
        }
        Some(List(out))
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.begin_array();
        self.0.iter().for_each(|m| m.write_json(w));
        w.end_array();
    }

    fn write_absent<W: Sink>(w: &mut W) {
        w.begin_array();
        w.end_array();
    }
}
