//! Replays the fuzz targets' seeds the way each target reads them, with the
//! same checks (the targets' own `common.rs` and `repeated_body.rs`), so
//! that a crash once found stays fixed even where cargo fuzz does not run.
//!
//! The seeds are the minimized finds committed under `fuzz/seeds/<target>/`
//! and the fixture corpus, which is not copied there: `scripts/fuzz.sh`
//! passes `tests/fixtures` to `parse_text` and `parse_bytes` as a read-only
//! corpus, and gives `events` the fixtures with the byte that picks their
//! event in front, made here (`FUZZ_EVENT_SEEDS=<dir>` writes them to
//! `<dir>` for it).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use periskope_events::json::{self, JsonWriter, Sink};
use periskope_events::signature::{check_keys, sign, verify};
use periskope_events::{parse_event, to_js_json, Options, Target, KNOWN_EVENTS};

#[path = "../fuzz/fuzz_targets/common.rs"]
mod fuzz_common;

/// `repeated`: a fragment repeated inside a payload.
#[path = "../fuzz/fuzz_targets/repeated_body.rs"]
mod repeated_body;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// `parse_text` and `parse_bytes`: every entry point answers with a
/// well-formed result; text the reader accepts, compacted, reads the same.
fn replay_parse(input: &[u8]) {
    fuzz_common::check_all_targets(input);
    let Ok(text) = std::str::from_utf8(input) else { return };
    if let Ok((value, _)) = json::parse(text, 64) {
        let mut w = JsonWriter::default();
        w.raw_compact(text.get(value.start as usize..value.end as usize).unwrap_or("null"));
        let compact = w.finish();
        let (again, _) = json::parse(&compact, 64).expect("compacted JSON reads back");
        assert_eq!(written(&value), written(&again), "compacting changed the value");
    }
}

fn written(value: &json::Value<'_>) -> String {
    let mut w = JsonWriter::default();
    w.value(value);
    w.finish()
}

/// `events`: the first byte picks the event; a well-formed result, and an
/// accepted payload normalizes to itself.
fn replay_event(data: &[u8]) {
    let Some((&pick, payload)) = data.split_first() else { return };
    let event = KNOWN_EVENTS[usize::from(pick) % KNOWN_EVENTS.len()];
    fuzz_common::check_target(payload, Target::Event(event));
    let options = Options::default();
    if let Ok(parsed) = parse_event(event, payload, &options) {
        let once = parsed.value.to_json();
        let again = parse_event(event, once.as_bytes(), &options).unwrap_or_else(|r| panic!("{event}: {r}"));
        assert_eq!(again.value.to_json(), once, "{event}: normalization is idempotent");
    }
}

/// `repeated`: a bounded answer.
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

/// Every file under `dir`, recursively, sorted (libFuzzer reads a corpus
/// directory recursively too).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The `events` target's seeds made from the fixtures: for every fixture
/// input (`tests/fixtures/<event>/{valid,invalid}/*.json`, not the
/// snapshots), the byte that picks its event, then the fixture.
fn event_seeds() -> Vec<(String, Vec<u8>)> {
    assert!(KNOWN_EVENTS.len() <= 256, "one byte picks the event");
    let mut out = Vec::new();
    for (pick, event) in KNOWN_EVENTS.iter().enumerate() {
        for kind in ["valid", "invalid"] {
            let dir = Path::new(FIXTURES).join(event).join(kind);
            if !dir.is_dir() {
                continue;
            }
            for path in files(&dir) {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                if !name.ends_with(".json") || name.ends_with(".expected.json") {
                    continue;
                }
                let mut seed = vec![pick as u8];
                seed.extend(std::fs::read(&path).unwrap());
                out.push((format!("{event}-{kind}-{name}"), seed));
            }
        }
    }
    out
}

#[test]
fn every_committed_seed_replays_through_its_target() {
    let mut count = 0;
    for target in std::fs::read_dir(SEEDS).expect("fuzz/seeds") {
        let target = target.unwrap().path();
        let name = target.file_name().unwrap().to_string_lossy().into_owned();
        for seed in files(&target) {
            let input = std::fs::read(&seed).unwrap();
            match name.as_str() {
                "events" => replay_event(&input),
                "signature" => replay_signature(&input),
                "repeated" => replay_repeated(&input),
                "parse_text" | "parse_bytes" => replay_parse(&input),
                other => panic!("fuzz/seeds/{other}: no such fuzz target"),
            }
            count += 1;
        }
    }
    // The minimized finds and hand-made seeds of `events`, `repeated` and
    // `signature` (the fixtures are replayed by the next test).
    assert!(count >= 10, "the committed seeds are there ({count})");
}

#[test]
fn every_fixture_replays_as_a_seed() {
    // parse_text and parse_bytes: everything under tests/fixtures, snapshots
    // included, as libFuzzer reads the directory.
    let corpus = files(Path::new(FIXTURES));
    for file in &corpus {
        replay_parse(&std::fs::read(file).unwrap());
    }
    // events: each fixture behind the byte that picks its event.
    let seeds = event_seeds();
    for (_, seed) in &seeds {
        replay_event(seed);
    }
    assert!(
        seeds.len() >= 3 * KNOWN_EVENTS.len() && corpus.len() > seeds.len(),
        "{} fixtures, {} files",
        seeds.len(),
        corpus.len()
    );
    if let Some(dir) = std::env::var_os("FUZZ_EVENT_SEEDS") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, seed) in &seeds {
            std::fs::write(dir.join(name), seed).unwrap();
        }
    }
}
