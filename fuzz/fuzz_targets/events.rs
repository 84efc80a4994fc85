//! Each event's validation and normalization: the first byte picks one of
//! the known events, the rest is its payload. Checks the result's shape, and
//! that an accepted payload normalizes to itself (idempotence).
#![no_main]

#[path = "common.rs"]
mod common;

use periskope_events::{parse_event, Options, KNOWN_EVENTS};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&pick, payload)) = data.split_first() else { return };
    let event = KNOWN_EVENTS[usize::from(pick) % KNOWN_EVENTS.len()];
    common::check_target(payload, periskope_events::Target::Event(event));
    let options = Options::default();
    if let Ok(parsed) = parse_event(event, payload, &options) {
        let once = parsed.value.to_json();
        let again = parse_event(event, once.as_bytes(), &options).expect("normalized output is accepted");
        assert_eq!(again.value.to_json(), once, "normalization is idempotent");
    }
});
