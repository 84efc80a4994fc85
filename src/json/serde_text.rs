//! A JSON text written by the crate, handed to a serde `Serializer` value by
//! value (the `serde` feature): how the models, the webhook and the payload
//! enum serialize as exactly the normalized JSON the package returns.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::{Kind, Value};

/// Serializes a JSON text written by the crate (valid, and far from the
/// depth limit).
pub(crate) fn json_text<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    match super::parse(text, crate::options::Options::MAX_DEPTH_LIMIT * 2) {
        Ok((value, _)) => ValueRef(&value).serialize(serializer),
        Err(_) => Err(serde::ser::Error::custom("periskope-events wrote JSON it cannot read back; please report this")),
    }
}

struct ValueRef<'v, 'a>(&'v Value<'a>);

impl Serialize for ValueRef<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0.kind {
            Kind::Null => serializer.serialize_unit(),
            Kind::Bool(b) => serializer.serialize_bool(*b),
            Kind::Number(text) => serialize_number(text, serializer),
            Kind::String(s) => serializer.serialize_str(s),
            Kind::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&ValueRef(item))?;
                }
                seq.end()
            }
            Kind::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for member in members {
                    map.serialize_entry(&*member.key, &ValueRef(&member.value))?;
                }
                map.end()
            }
        }
    }
}

/// A JSON number as the narrowest of i64, u64 and f64 that holds it, as
/// `serde_json` reads one (a number text is valid JSON, so one parse works).
fn serialize_number<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    if !text.contains(['.', 'e', 'E']) {
        if let Ok(n) = text.parse::<i64>() {
            return serializer.serialize_i64(n);
        }
        if let Ok(n) = text.parse::<u64>() {
            return serializer.serialize_u64(n);
        }
    }
    serializer.serialize_f64(text.parse::<f64>().unwrap_or(f64::NAN))
}
