//! The WebAssembly bindings: the only module that sees wasm-bindgen.
//!
//! Each export takes the input as bytes (the JavaScript wrapper encodes
//! strings with `TextEncoder`, far cheaper than wasm-bindgen's string
//! passing) and returns the whole outcome as one JSON text, which the wrapper
//! turns into objects with `JSON.parse`. All policy lives in the core.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::api::{to_js_json, Options, Target};

/// Bit 0 of `flags`: strict mode.
const STRICT: u32 = 1;
/// Bit 1 of `flags`: validation only, no normalized data.
const VALIDATE_ONLY: u32 = 2;

fn options(flags: u32, max_bytes: u32, max_issues: u32) -> Options {
    Options { strict: flags & STRICT != 0, max_bytes: max_bytes as usize, max_issues: max_issues as usize, ..Options::default() }
}

/// Reads a `ticket.created` payload. See `to_js_json` for the result.
#[wasm_bindgen]
pub fn ticket_created(input: &[u8], flags: u32, max_bytes: u32, max_issues: u32) -> String {
    to_js_json(input, &options(flags, max_bytes, max_issues), Target::TicketCreated, flags & VALIDATE_ONLY == 0)
}

/// Reads a webhook body. See `to_js_json` for the result.
#[wasm_bindgen]
pub fn webhook(input: &[u8], flags: u32, max_bytes: u32, max_issues: u32) -> String {
    to_js_json(input, &options(flags, max_bytes, max_issues), Target::Webhook, flags & VALIDATE_ONLY == 0)
}
