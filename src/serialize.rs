//! `serde::Serialize` for the models, the webhook, issues and reports (the
//! `serde` cargo feature).
//!
//! A model serializes as exactly what the package returns to JavaScript:
//! it writes its normalized JSON with the crate's own writer, and that text
//! is handed to the serializer value by value. Going through the text costs
//! one more pass than serializing the fields directly, and buys that there
//! is one writer of the normalized form: a rule changed in the writer cannot
//! be forgotten here (tests/serde.rs compares the two on every fixture).

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::events::envelope::Webhook;
use crate::events::EventData;
use crate::issue::{Issue, IssueCode, Report, Severity};
use crate::json::serde_text::json_text;

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
