//! Replays every committed fuzz seed (the fixtures plus each minimized find)
//! the way its own fuzz target reads it, with the same checks, so that a
//! crash once found stays fixed even where cargo fuzz does not run.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use periskope_events::signature::{check_keys, sign, verify};
use periskope_events::{json, parse_event, to_js_json, Options, Target, KNOWN_EVENTS};

/// `parse_text` and `parse_bytes`: every entry point answers with JSON.
fn replay_parse(input: &[u8]) {
    for strict in [false, true] {
        let options = Options { strict, ..Options::default() };
        for target in [Target::Event("ticket.created"), Target::Event("message.created"), Target::Webhook] {
            let out = to_js_json(input, &options, target, true);
            assert!(json::parse(&out, 512).is_ok(), "{out}");
        }
    }
}

/// `events`: the first byte picks the event; an accepted payload normalizes
/// to itself.
fn replay_event(data: &[u8]) {
    let Some((&pick, payload)) = data.split_first() else { return };
    let event = KNOWN_EVENTS[usize::from(pick) % KNOWN_EVENTS.len()];
    let options = Options::default();
    if let Ok(parsed) = parse_event(event, payload, &options) {
        let once = parsed.value.to_json();
        let again = parse_event(event, once.as_bytes(), &options).unwrap_or_else(|r| panic!("{event}: {r}"));
        assert_eq!(again.value.to_json(), once, "{event}: normalization is idempotent");
    }
}

/// `repeated`: a fragment repeated inside a payload; a bounded answer.
#[path = "../fuzz/fuzz_targets/repeated_body.rs"]
mod repeated_body;

fn replay_repeated(data: &[u8]) {
    let Some((body, target)) = repeated_body::body(data) else { return };
    let out = to_js_json(body.as_bytes(), &repeated_body::options(), target, true);
    assert!(out.len() <= periskope_events::memory_budget(body.len()));
}

/// `signature`: body, header and key split at 0xFF; a fresh signature always
/// verifies and a changed body never does.
fn replay_signature(data: &[u8]) {
    let mut parts = data.splitn(3, |&b| b == 0xFF);
    let body = parts.next().unwrap_or_default();
    let header = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    let key = parts.next().unwrap_or_default();
    let _ = verify(body, Some(&header), &[key]);
    if let Err(e) = check_keys(&[key]) {
        assert_eq!(verify(body, Some(&sign(body, key)), &[key]), Err(e));
        return;
    }
    let good = sign(body, key);
    assert!(verify(body, Some(&good), &[key]).is_ok());
    let mut changed = body.to_vec();
    changed.push(b'x');
    assert!(verify(&changed, Some(&good), &[key]).is_err());
}

#[test]
fn every_fuzz_seed_replays_through_its_target() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds"));
    let mut count = 0;
    for target in std::fs::read_dir(root).expect("fuzz/seeds") {
        let target = target.unwrap().path();
        let name = target.file_name().unwrap().to_string_lossy().into_owned();
        for seed in std::fs::read_dir(&target).unwrap() {
            let input = std::fs::read(seed.unwrap().path()).unwrap();
            match name.as_str() {
                "events" => replay_event(&input),
                "signature" => replay_signature(&input),
                "repeated" => replay_repeated(&input),
                _ => replay_parse(&input),
            }
            count += 1;
        }
    }
    assert!(count >= 100, "the seed corpus is there ({count} seeds)");
}
