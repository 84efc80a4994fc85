//! Arbitrary UTF-8 text through every entry point; the reader also agrees
//! with itself: what it accepts, written back compactly, reads the same.
#![no_main]

#[path = "common.rs"]
mod common;

use periskope_events::json::{self, Sink};

libfuzzer_sys::fuzz_target!(|text: &str| {
    common::check_all_targets(text.as_bytes());
    if let Ok((value, _)) = json::parse(text, 64) {
        let mut w = json::JsonWriter::default();
        w.raw_compact(text.get(value.start as usize..value.end as usize).unwrap_or("null"));
        let compact = w.finish();
        let (again, _) = json::parse(&compact, 64).expect("compacted JSON reads back");
        assert_eq!(shape(&value), shape(&again));
    }
});

/// The value without its spans.
fn shape(v: &json::Value<'_>) -> String {
    format!("{:?}", strip(v))
}

fn strip(v: &json::Value<'_>) -> json::Kind<'static> {
    match &v.kind {
        json::Kind::Null => json::Kind::Null,
        json::Kind::Bool(b) => json::Kind::Bool(*b),
        json::Kind::Number(n) => json::Kind::String(n.to_string().into()),
        json::Kind::String(s) => json::Kind::String(s.to_string().into()),
        json::Kind::Array(items) => json::Kind::Array(
            items.iter().map(|i| json::Value { kind: strip(i), start: 0, end: 0 }).collect(),
        ),
        json::Kind::Object(members) => json::Kind::Object(
            members
                .iter()
                .map(|m| json::Member { key: m.key.to_string().into(), key_start: 0, value: json::Value { kind: strip(&m.value), start: 0, end: 0 } })
                .collect(),
        ),
    }
}
