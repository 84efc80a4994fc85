//! The `serde` feature: every model, the webhook, issues and reports
//! serialize, and a serialized payload is exactly the normalized JSON the
//! package returns (compared as JSON values with serde_json, on every valid
//! fixture of every event). Also the path a Rust receiver takes: verify and
//! parse a signed body, make the result owned, move it into a thread,
//! serialize it there, with `?` on every error into `Box<dyn Error>`.
#![cfg(all(feature = "serde", not(target_arch = "wasm32")))]

mod common;

use std::error::Error;
use std::path::Path;

use periskope_events::signature::sign;
use periskope_events::{construct_event, parse_event, sample_payload, validate_event, Options, KNOWN_EVENTS};
use serde_json::{json, Value};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

#[test]
fn every_valid_fixture_serializes_as_its_normalized_json() {
    let mut count = 0;
    for event in KNOWN_EVENTS {
        for path in common::json_files(&Path::new(FIXTURES).join(event).join("valid")) {
            let input = std::fs::read(&path).unwrap();
            let options = Options { strict: path.to_string_lossy().ends_with(".strict.json"), ..Options::default() };
            let parsed = parse_event(event, &input, &options).unwrap_or_else(|r| panic!("{}: {r}", path.display()));
            let serialized = serde_json::to_value(&parsed.value).unwrap();
            let written: Value = serde_json::from_str(&parsed.value.to_json()).unwrap();
            assert_eq!(serialized, written, "{}", path.display());
            count += 1;
        }
    }
    assert!(count >= KNOWN_EVENTS.len(), "{count} fixtures");
}

#[test]
fn issues_and_reports_serialize_as_the_package_returns_them() {
    let report = validate_event("ticket.created", br#"{"ticket":{"priority":9}}"#, &Options::default());
    let value = serde_json::to_value(&report).unwrap();
    assert_eq!(value["valid"], json!(false));
    let first = &value["issues"][0];
    assert_eq!(first["path"], json!("/ticket/priority"));
    assert_eq!(first["code"], json!("out_of_range"));
    assert_eq!(first["severity"], json!("error"));
    assert_eq!((first["line"].as_u64(), first["column"].as_u64()), (Some(1), Some(23)));
}

fn receive(body: Vec<u8>, header: String) -> Result<String, Box<dyn Error + Send + Sync>> {
    let parsed = construct_event(&body, Some(&header), &[b"peri_key"], &Options::default())?.into_owned();
    drop(body);
    let handle = std::thread::spawn(move || -> Result<String, serde_json::Error> { serde_json::to_string(&parsed.value) });
    Ok(handle.join().map_err(|_| "the thread panicked")??)
}

#[test]
fn a_receiver_moves_an_owned_webhook_into_a_thread_and_serializes_it() -> Result<(), Box<dyn Error + Send + Sync>> {
    let data = sample_payload("ticket.created").ok_or("no sample")?;
    let body = format!(
        r#"{{"event":"ticket.created","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13","timestamp":"2025-01-26T13:46:55.758Z","data":{data}}}"#
    );
    let header = sign(body.as_bytes(), b"peri_key");
    let json = receive(body.clone().into_bytes(), header)?;
    let value: Value = serde_json::from_str(&json)?;
    assert_eq!(value["event"], json!("ticket.created"));
    assert_eq!(value["known"], json!(true));
    assert!(value["dedup_key"].as_str().is_some_and(|k| k.starts_with("ticket.created:")));
    // A tampered body is an error that `?` carries, with its code in the message.
    let error = receive(body.replace("BKT", "XKT").into_bytes(), sign(body.as_bytes(), b"peri_key")).unwrap_err();
    assert!(error.to_string().contains("signature_mismatch"), "{error}");
    Ok(())
}
