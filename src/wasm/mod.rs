//! The WebAssembly bindings: the only module that sees wasm-bindgen.
//!
//! Each export takes its input as bytes (the JavaScript wrapper encodes
//! strings with `TextEncoder`, far cheaper than wasm-bindgen's string
//! passing). The reading exports write the whole outcome as a tape
//! (`crate::json::tape`), kept here until `release_answer`, and return
//! where it lies in memory; the wrapper builds its objects from it in
//! place. The others return JSON text. All policy lives in the core.

use std::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;

use crate::api::{signature_error_number, write_answer, write_construct_event_answer, write_verified_answer, Options, Target};
use crate::events::{sample_payload as sample, KNOWN_EVENTS};
use crate::json::tape::Tape;
use crate::json::{JsonWriter, Sink, TapeWriter};
use crate::options::UnknownEvents;
use crate::signature::{self, ReplayWindow, SignatureError};

#[allow(unsafe_code)]
mod allocator;

/// The module's allocator: a bump arena for a call's first 2 MiB, which
/// starts over between calls, and talc past it (see [`allocator`]).
#[global_allocator]
static ALLOCATOR: allocator::RegionThenTalc = allocator::RegionThenTalc::new();

/// Bit 0 of `flags`: strict mode.
const STRICT: u32 = 1;
/// Bit 1 of `flags`: validation only, no normalized data.
const VALIDATE_ONLY: u32 = 2;
/// Bits 2 and 3 of `flags`: unknown events are errors, or ignored.
const UNKNOWN_EVENTS_ERROR: u32 = 4;
const UNKNOWN_EVENTS_IGNORE: u32 = 8;

/// The error the JavaScript wrapper raises when it is handed a parsed object
/// where the raw body belongs: the core never sees it, but its words live
/// here with the others.
const BODY_WAS_PARSED: (&str, &str) = (
    "body_was_parsed",
    "the body was already parsed into an object: the signature covers the exact bytes received, so pass the raw body (a string, Buffer, Uint8Array or ArrayBuffer) as your framework gives it before any JSON parsing",
);

/// Everything the JavaScript wrapper would otherwise copy by hand: option
/// defaults, the depth limit, the flag bits, and the verification errors in
/// their numbering (error `n` is `verificationErrors[n - 1]`). Read from the
/// shipped module by scripts/build-pkg.mjs when it writes the package, and
/// embedded in every entry, so that starting the package runs no wasm code.
#[wasm_bindgen]
pub fn contract() -> String {
    let mut w = JsonWriter::default();
    w.begin_object();
    w.name("defaults");
    w.begin_object();
    for (key, value) in [
        ("maxBytes", Options::DEFAULT_MAX_BYTES),
        ("maxIssues", Options::DEFAULT_MAX_ISSUES),
        ("maxDepth", Options::DEFAULT_MAX_DEPTH as usize),
    ] {
        w.key(key);
        w.int(value as i64);
    }
    w.end_object();
    w.name("flags");
    w.begin_object();
    for (key, bit) in [
        ("strict", STRICT),
        ("validateOnly", VALIDATE_ONLY),
        ("unknownEventsError", UNKNOWN_EVENTS_ERROR),
        ("unknownEventsIgnore", UNKNOWN_EVENTS_IGNORE),
    ] {
        w.key(key);
        w.int(i64::from(bit));
    }
    w.end_object();
    w.name("verificationErrors");
    w.begin_array();
    let errors = SignatureError::ALL.iter().map(|e| (e.code(), e.message())).chain([BODY_WAS_PARSED]);
    for (code, message) in errors {
        w.begin_object();
        w.name("code");
        w.string(code);
        w.name("message");
        w.string(message);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.finish()
}

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

/// The known event names, as a JSON array; read with [`contract`].
#[wasm_bindgen]
pub fn known_events() -> String {
    let mut w = JsonWriter::default();
    w.begin_array();
    KNOWN_EVENTS.iter().for_each(|e| w.string(e));
    w.end_array();
    w.finish()
}

/// The last answer, until the wrapper has read it: its tape, and where the
/// tape's three parts lie in memory (`[words, words length, ascii, ascii
/// length, wide, wide length]`, in bytes but the words' length).
#[derive(Default)]
struct Answer {
    tape: Tape,
    header: [u32; 6],
}

thread_local! {
    static ANSWER: RefCell<Answer> = RefCell::new(Answer::default());
}

/// Writes an answer with `write` and keeps it: returns the address of its
/// header (see [`Answer`]). The memory stays valid until the next call.
fn answer(write: impl FnOnce(&mut TapeWriter)) -> u32 {
    let mut w = TapeWriter::with_capacity(256);
    write(&mut w);
    let tape = w.finish();
    // wasm32: addresses and lengths are 32 bits.
    let at = |p: *const u8| p as usize as u32;
    ANSWER.with(|answer| {
        let mut answer = answer.borrow_mut();
        answer.header = [
            at(tape.words.as_ptr().cast()),
            tape.words.len() as u32,
            at(tape.ascii.as_ptr()),
            tape.ascii.len() as u32,
            at(tape.wide.as_ptr()),
            tape.wide.len() as u32,
        ];
        answer.tape = tape;
        at(answer.header.as_ptr().cast())
    })
}

/// The last answer read back as JSON text, as the wrapper reads its tape
/// (`header` is what the export returned): for the tests that run inside
/// WebAssembly (tests/wasm_suite). Not exported.
pub fn answer_as_json(header: u32) -> String {
    ANSWER.with(|answer| {
        let answer = answer.borrow();
        if header != answer.header.as_ptr() as usize as u32 {
            return "not the header of the last answer".to_string();
        }
        answer.tape.to_json(&crate::events::shape_keys()).unwrap_or_else(|e| format!("a malformed tape: {e}"))
    })
}

/// The bytes the allocator has handed out and not taken back: zero between
/// calls, once the answer is released, since nothing the bindings allocate
/// outlives a call (see [`allocator`]; tests/js/memory-bound.test.mjs
/// checks it after every export).
#[wasm_bindgen]
pub fn heap_bytes_in_use() -> u32 {
    ALLOCATOR.bytes_in_use() as u32
}

/// Frees the last answer, once the wrapper has built its objects.
#[wasm_bindgen]
pub fn release_answer() {
    ANSWER.with(|answer| *answer.borrow_mut() = Answer::default());
}

/// Reads the payload of `event`; the answer is `write_answer`'s, as a tape
/// (see [`answer`]).
#[wasm_bindgen]
pub fn event_payload(event: &str, input: &[u8], flags: u32, max_bytes: u32, max_issues: u32) -> u32 {
    let options = options(flags, max_bytes, max_issues);
    answer(|w| write_answer(input, &options, Target::Event(event), flags & VALIDATE_ONLY == 0, w))
}

/// Reads a webhook body; the answer is `write_answer`'s, as a tape (see
/// [`answer`]).
#[wasm_bindgen]
pub fn webhook(input: &[u8], flags: u32, max_bytes: u32, max_issues: u32) -> u32 {
    let options = options(flags, max_bytes, max_issues);
    answer(|w| write_answer(input, &options, Target::Webhook, flags & VALIDATE_ONLY == 0, w))
}

/// Verifies a signature: 0 when it verifies, else the error's number (see
/// `contract`).
#[wasm_bindgen]
pub fn verify_signature(body: &[u8], signature: &str, keys: &[u8], key_lengths: &[u32]) -> u32 {
    match signature::verify(body, header(signature), &split_keys(keys, key_lengths)) {
        Ok(()) => 0,
        Err(e) => signature_error_number(e),
    }
}

/// Checks the signing keys alone: 0 when they are usable, else the error's
/// number (`missing_key`, `malformed_key`).
#[wasm_bindgen]
pub fn check_keys(keys: &[u8], key_lengths: &[u32]) -> u32 {
    match signature::check_keys(&split_keys(keys, key_lengths)) {
        Ok(()) => 0,
        Err(e) => signature_error_number(e),
    }
}

/// Verifies, then reads a webhook body: `write_construct_event_answer`'s
/// answer, as a tape (see [`answer`]).
/// A negative `tolerance_seconds` means no replay window; `now_ms` is the
/// current time in milliseconds since 1970-01-01 UTC.
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
    tolerance_seconds: f64,
    now_ms: f64,
) -> u32 {
    let options = options(flags, max_bytes, max_issues);
    let keys = split_keys(keys, key_lengths);
    answer(|w| write_construct_event_answer(body, header(signature), &keys, &options, window(tolerance_seconds, now_ms), w))
}

/// The replay window the wrapper's numbers say: none when
/// `tolerance_seconds` is negative.
fn window(tolerance_seconds: f64, now_ms: f64) -> Option<ReplayWindow> {
    // `as` saturates from f64: a huge tolerance is a window as wide as time.
    (tolerance_seconds >= 0.0).then_some(ReplayWindow { tolerance_seconds: tolerance_seconds as u64, now_millis: now_ms as i64 })
}

/// The 32 bytes of the MAC a signature header carries, by the core's rules;
/// or one byte, the error's number (missing or malformed signature). For the
/// Node entry, which computes the MAC with `node:crypto`.
#[wasm_bindgen]
pub fn signature_bytes(signature: &str) -> Vec<u8> {
    match signature::read_header(header(signature)) {
        Ok(mac) => mac.to_vec(),
        Err(e) => vec![u8::try_from(signature_error_number(e)).unwrap_or(u8::MAX)],
    }
}

/// `construct_event` once the host verified the signature (the Node entry,
/// with `node:crypto`, on these bytes): the replay window, then the webhook.
#[wasm_bindgen]
pub fn read_verified(body: &[u8], flags: u32, max_bytes: u32, max_issues: u32, tolerance_seconds: f64, now_ms: f64) -> u32 {
    let options = options(flags, max_bytes, max_issues);
    answer(|w| write_verified_answer(body, &options, window(tolerance_seconds, now_ms), w))
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
