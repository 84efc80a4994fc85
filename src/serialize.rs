//! `serde::Serialize` for the models, the webhook, issues and reports (the
//! `serde` cargo feature).
//!
//! A model serializes as exactly what the package returns to JavaScript:
//! it writes its normalized JSON with the crate's own writer, and that text
//! is handed to the serializer value by value. Going through the text costs
//! one more pass than serializing the fields directly, and buys that there
//! is one writer of the normalized form: a rule changed in the writer cannot
//! be forgotten here (tests/serde.rs compares the two on every fixture).

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::events::envelope::Webhook;
use crate::events::EventData;
use crate::issue::{Issue, IssueCode, Report, Severity};
use crate::json::{Kind, Value};
use crate::model::Model;

/// Serializes a JSON text written by the crate (valid, and far from the
/// depth limit).
fn json_text<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    match crate::json::parse(text, crate::options::Options::MAX_DEPTH_LIMIT * 2) {
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

/// Every model: its normalized JSON.
pub(crate) fn model<'a, M: Model<'a>, S: Serializer>(model: &M, serializer: S) -> Result<S::Ok, S::Error> {
    json_text(&model.to_json(), serializer)
}

impl Serialize for EventData<'_> {
    /// The normalized payload, as [`EventData::to_json`] writes it.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        json_text(&self.to_json(), serializer)
    }
}

impl Serialize for Webhook<'_> {
    /// The normalized delivery, as [`Webhook::to_json`] writes it.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        json_text(&self.to_json(), serializer)
    }
}

impl Serialize for IssueCode {
    /// The stable snake_case code.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for Severity {
    /// `"error"` or `"warning"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for Issue {
    /// `{ path, code, message, severity, line?, column? }`, as the package's
    /// issues.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("path", &self.path)?;
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("message", &*self.message)?;
        map.serialize_entry("severity", &self.severity)?;
        if let Some(position) = self.position {
            map.serialize_entry("line", &position.line)?;
            map.serialize_entry("column", &position.column)?;
        }
        map.end()
    }
}

impl Serialize for Report {
    /// `{ valid, issues }`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("valid", &self.is_valid())?;
        map.serialize_entry("issues", self.issues())?;
        map.end()
    }
}

impl<T: Serialize> Serialize for crate::Parsed<T> {
    /// `{ value, warnings }`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("value", &self.value)?;
        map.serialize_entry("warnings", &self.warnings)?;
        map.end()
    }
}
