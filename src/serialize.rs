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
    /// `{ path, code, message, severity, segments, line?, column? }`, as the
    /// package's issues.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("path", &self.path)?;
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("message", &*self.message)?;
        map.serialize_entry("severity", &self.severity)?;
        map.serialize_entry("segments", &Segments(&self.segments))?;
        if let Some(position) = self.position {
            map.serialize_entry("line", &position.line)?;
            map.serialize_entry("column", &position.column)?;
        }
        map.end()
    }
}

/// A path's steps: keys as strings, indices as numbers.
struct Segments<'s>(&'s [crate::issue::PathSegment]);

impl Serialize for Segments<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for segment in self.0 {
            match segment {
                crate::issue::PathSegment::Key(key) => seq.serialize_element(key)?,
                crate::issue::PathSegment::Index(i) => seq.serialize_element(i)?,
            }
        }
        seq.end()
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
