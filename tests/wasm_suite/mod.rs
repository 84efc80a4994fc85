//! The behaviour suite run inside WebAssembly, through the exported
//! functions: one suite, several hosts (`wasm_node.rs` for Node,
//! `wasm_browser.rs` for headless Chromium).

use periskope_events::json::{self, Kind, Value};
use periskope_events::wasm::{answer_as_json, construct_event, known_events, sign_payload, verify_signature};

// The exports answer with a tape in wasm memory; these read it back as the
// JSON text it stands for, as the JavaScript wrapper reads it.
fn ticket_created(input: &[u8], flags: u32, max_bytes: u32, max_issues: u32) -> String {
    event_payload("ticket.created", input, flags, max_bytes, max_issues)
}

fn event_payload(event: &str, input: &[u8], flags: u32, max_bytes: u32, max_issues: u32) -> String {
    answer_as_json(periskope_events::wasm::event_payload(event, input, flags, max_bytes, max_issues))
}

fn webhook(input: &[u8], flags: u32, max_bytes: u32, max_issues: u32) -> String {
    answer_as_json(periskope_events::wasm::webhook(input, flags, max_bytes, max_issues))
}

use wasm_bindgen_test::wasm_bindgen_test;

const DEFAULT_MAX_BYTES: u32 = 8 * 1024 * 1024;
const STRICT: u32 = 1;
const VALIDATE_ONLY: u32 = 2;

const DOCS_FIXED: &str = include_str!("../fixtures/ticket.created/valid/docs-sample-commas-fixed.json");
const DOCS_PUBLISHED: &str = include_str!("../fixtures/ticket.created/invalid/docs-sample-as-published.json");
const REALISTIC: &str = include_str!("../fixtures/ticket.created/valid/realistic.json");

/// Calls an export and returns its parsed `{data, issues}` as
/// (data is null, [(path, code, severity)]).
fn call(export: fn(&[u8], u32, u32, u32) -> String, input: &str, flags: u32) -> (bool, Vec<(String, String, String)>) {
    let out = export(input.as_bytes(), flags, DEFAULT_MAX_BYTES, 100);
    let (root, _) = json::parse(&out, 64).expect("the export returns JSON");
    let data_is_null = matches!(root.get("data").map(|v| &v.kind), Some(Kind::Null));
    let issues = match root.get("issues").map(|v| &v.kind) {
        Some(Kind::Array(items)) => items.iter().map(issue_triple).collect(),
        _ => panic!("no issues array in {out}"),
    };
    (data_is_null, issues)
}

fn issue_triple(v: &Value<'_>) -> (String, String, String) {
    let field = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    (field("path"), field("code"), field("severity"))
}

#[wasm_bindgen_test]
fn docs_sample_as_published_is_invalid_json() {
    let (null, issues) = call(ticket_created, DOCS_PUBLISHED, 0);
    assert!(null);
    assert_eq!(issues, [(String::new(), "invalid_json".into(), "error".into())]);
}

#[wasm_bindgen_test]
fn docs_sample_fixed_is_valid_with_warnings_and_invalid_when_strict() {
    let (null, issues) = call(ticket_created, DOCS_FIXED, 0);
    assert!(!null);
    assert!(!issues.is_empty() && issues.iter().all(|i| i.2 == "warning"));
    let (null, strict) = call(ticket_created, DOCS_FIXED, STRICT);
    assert!(null);
    assert_eq!(strict.len(), issues.len());
    assert!(strict.iter().all(|i| i.2 == "error"));
}

#[wasm_bindgen_test]
fn validate_only_returns_no_data() {
    let (null, issues) = call(ticket_created, REALISTIC, VALIDATE_ONLY);
    assert!(null);
    assert!(issues.iter().all(|i| i.2 == "warning"));
}

#[wasm_bindgen_test]
fn every_issue_of_a_bad_payload_in_one_call() {
    let (_, issues) = call(ticket_created, r#"{"ticket":{"priority":7,"created_at":"soon","is_deleted":"no"},"chat":1}"#, 0);
    let codes: Vec<(&str, &str)> = issues.iter().map(|i| (i.0.as_str(), i.1.as_str())).collect();
    for want in [
        ("/ticket/priority", "out_of_range"),
        ("/ticket/created_at", "invalid_timestamp"),
        ("/ticket/is_deleted", "invalid_type"),
        ("/ticket/ticket_id", "missing_field"),
        ("/chat", "invalid_type"),
    ] {
        assert!(codes.contains(&want), "{want:?} not in {codes:?}");
    }
}

#[wasm_bindgen_test]
fn webhook_envelope_and_unknown_events() {
    let body = format!(
        r#"{{"event":"ticket.created","org_id":"2997dd64-89bf-48d3-9a22-b314fca017e5","timestamp":"2025-01-11 11:52:27+00","data":{REALISTIC}}}"#
    );
    let (null, _) = call(webhook, &body, 0);
    assert!(!null);
    let (null, issues) = call(
        webhook,
        r#"{"event":"brand.new","org_id":"2997dd64-89bf-48d3-9a22-b314fca017e5","timestamp":"2025-01-11T11:52:27Z","data":{"x":1}}"#,
        0,
    );
    assert!(!null);
    assert_eq!(issues, [("/event".into(), "unknown_event".into(), "warning".into())]);
}

#[wasm_bindgen_test]
fn limits_hold_inside_wasm() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let (_, issues) = call(ticket_created, &deep, 0);
    assert_eq!(issues[0].1, "too_deep");
    let out = ticket_created(b"{}", 0, 1, 100);
    assert!(out.contains("too_large"), "{out}");
}

#[wasm_bindgen_test]
fn every_known_event_and_signatures() {
    let names_json = known_events();
    let (events, _) = json::parse(&names_json, 4).expect("a JSON array");
    let Kind::Array(names) = events.kind else { panic!("not an array") };
    assert_eq!(names.len(), 20);
    for name in names.iter().filter_map(Value::as_str) {
        let sample = periskope_events::sample_payload(name).expect("a sample");
        let out = event_payload(name, sample.as_bytes(), 0, DEFAULT_MAX_BYTES, 100);
        assert!(!out.starts_with("{\"data\":null"), "{name}: {out}");
    }
    let body = format!(
        r#"{{"event":"note.created","org_id":"2997dd64-89bf-48d3-9a22-b314fca017e5","timestamp":"2025-01-11T11:52:27Z","data":{}}}"#,
        periskope_events::sample_payload("note.created").expect("a sample")
    );
    let body = body.as_bytes();
    let signature = sign_payload(body, b"peri_key");
    assert_eq!(signature.len(), 64);
    let (keys, lengths) = (b"oldkeyperi_key".to_vec(), [6u32, 8]);
    assert_eq!(verify_signature(body, &signature, &keys, &lengths), 0);
    assert_eq!(verify_signature(body, &format!(" sha256={} ", signature.to_uppercase()), &keys, &lengths), 0);
    assert_eq!(verify_signature(body, "", &keys, &lengths), 1);
    assert_eq!(verify_signature(body, "abc", &keys, &lengths), 2);
    assert_eq!(verify_signature(&body[1..], &signature, &keys, &lengths), 3);
    assert_eq!(verify_signature(body, &signature, b"", &[]), 4);
    let out = answer_as_json(construct_event(body, &signature, b"wrong", &[5], 0, DEFAULT_MAX_BYTES, 100, -1.0, 0.0));
    assert_eq!(out, r#"{"signature_error":3}"#);
    let out = answer_as_json(construct_event(body, &signature, &keys, &lengths, 0, DEFAULT_MAX_BYTES, 100, -1.0, 0.0));
    assert!(out.starts_with(r#"{"data":{"event":"note.created""#), "{out}");
}
