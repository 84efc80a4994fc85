//! The WebAssembly bindings: the only module that sees wasm-bindgen.
//!
//! Each export takes its input as bytes (the JavaScript wrapper encodes
//! strings with `TextEncoder`, far cheaper than wasm-bindgen's string
//! passing) and returns the whole outcome as one JSON text, which the wrapper
//! turns into objects with `JSON.parse`. All policy lives in the core.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::api::{construct_event_to_js_json, signature_error_number, to_js_json, Options, Target};
use crate::events::envelope::UnknownEvents;
use crate::events::{sample_payload as sample, KNOWN_EVENTS};
use crate::signature;

/// Bit 0 of `flags`: strict mode.
const STRICT: u32 = 1;
/// Bit 1 of `flags`: validation only, no normalized data.
const VALIDATE_ONLY: u32 = 2;
/// Bits 2 and 3 of `flags`: unknown events are errors, or ignored.
const UNKNOWN_EVENTS_ERROR: u32 = 4;
const UNKNOWN_EVENTS_IGNORE: u32 = 8;

fn options(flags: u32, max_bytes: u32, max_issues: u32) -> Options {
    let unknown_events = if flags & UNKNOWN_EVENTS_ERROR != 0 {
        UnknownEvents::Error
    } else if flags & UNKNOWN_EVENTS_IGNORE != 0 {
        UnknownEvents::Ignore
    } else {
        UnknownEvents::Warn
    };
    Options {
        strict: flags & STRICT != 0,
        max_bytes: max_bytes as usize,
        max_issues: max_issues as usize,
        unknown_events,
        ..Options::default()
    }
}

/// Splits the concatenated keys by their lengths (one crossing for them all).
fn split_keys<'k>(keys: &'k [u8], lengths: &[u32]) -> Vec<&'k [u8]> {
    let mut out = Vec::with_capacity(lengths.len());
    let mut rest = keys;
    for &length in lengths {
        let (key, tail) = rest.split_at(rest.len().min(length as usize));
        out.push(key);
        rest = tail;
    }
    out
}

fn header(signature: &str) -> Option<&str> {
    (!signature.is_empty()).then_some(signature)
}

/// The known event names, as a JSON array.
#[wasm_bindgen]
pub fn known_events() -> String {
    let mut w = crate::json::JsonWriter::default();
    w.begin_array();
    KNOWN_EVENTS.iter().for_each(|e| w.string(e));
    w.end_array();
    w.finish()
}

/// Reads the payload of `event`. See `to_js_json` for the result.
#[wasm_bindgen]
pub fn event_payload(event: &str, input: &[u8], flags: u32, max_bytes: u32, max_issues: u32) -> String {
    to_js_json(input, &options(flags, max_bytes, max_issues), Target::Event(event), flags & VALIDATE_ONLY == 0)
}

/// Reads a webhook body. See `to_js_json` for the result.
#[wasm_bindgen]
pub fn webhook(input: &[u8], flags: u32, max_bytes: u32, max_issues: u32) -> String {
    to_js_json(input, &options(flags, max_bytes, max_issues), Target::Webhook, flags & VALIDATE_ONLY == 0)
}

/// Verifies a signature: 0 when it verifies, else the error's number (see
/// `signature_error_number`).
#[wasm_bindgen]
pub fn verify_signature(body: &[u8], signature: &str, keys: &[u8], key_lengths: &[u32]) -> u32 {
    match signature::verify(body, header(signature), &split_keys(keys, key_lengths)) {
        Ok(()) => 0,
        Err(e) => signature_error_number(&e),
    }
}

/// Verifies, then reads a webhook body. See `construct_event_to_js_json`.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)] // Flat numbers cross the boundary for free; an options object would not.
pub fn construct_event(
    body: &[u8],
    signature: &str,
    keys: &[u8],
    key_lengths: &[u32],
    flags: u32,
    max_bytes: u32,
    max_issues: u32,
) -> String {
    construct_event_to_js_json(body, header(signature), &split_keys(keys, key_lengths), &options(flags, max_bytes, max_issues))
}

/// The `x-periskope-signature` value for `body` signed with `key`.
#[wasm_bindgen]
pub fn sign_payload(body: &[u8], key: &[u8]) -> String {
    signature::sign(body, key)
}

/// A valid sample payload of `event` (JSON text), or `"null"`.
#[wasm_bindgen]
pub fn sample_payload(event: &str) -> String {
    sample(event).unwrap_or("null").to_string()
}

/// The size of the instance's linear memory in bytes, for diagnostics and
/// the memory test.
#[wasm_bindgen]
pub fn memory_bytes() -> f64 {
    core::arch::wasm32::memory_size(0) as f64 * 65536.0
}
