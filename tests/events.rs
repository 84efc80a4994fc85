//! The one fixture runner: data-driven tests of every event's payload over
//! `tests/fixtures/<event>/{valid,invalid}` (tests that only concern one
//! event, such as `ticket_created.rs`, use its fixtures but run no corpus of
//! their own).
//!
//! Every `valid/*.json` must be accepted; its normalized output is compared
//! with `*.expected.json` and its warnings with `*.issues.txt`. Every
//! `invalid/*.json` must be rejected with exactly the issues in its
//! `*.issues.txt` (one `path: message [code] (severity) @line:column` line
//! per issue). Files named `*.strict.json` are read with `strict: true`.
//! On every fixture the validator reports exactly the parser's issues.
//! Rewrite the snapshots with `UPDATE_FIXTURES=1 cargo test --test events`
//! and review the diff. `tests/js/fixtures.test.mjs` replays the same corpus
//! and snapshots through the built npm package.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};

use common::{check_fixture, json_files};
use periskope_events::events::{is_known_event, sample_payload, EventData, EventFamily, KNOWN_EVENTS};
use periskope_events::{parse_event, validate_event, IssueCode, Options};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn options_for(path: &Path) -> Options {
    Options { strict: path.to_string_lossy().ends_with(".strict.json"), ..Options::default() }
}

/// `(event, fixture)` for every file in `<event>/<kind>/` of every known
/// event.
fn fixtures(kind: &str) -> Vec<(&'static str, PathBuf)> {
    let mut out = Vec::new();
    for event in KNOWN_EVENTS {
        let dir = Path::new(DIR).join(event).join(kind);
        if dir.is_dir() {
            out.extend(json_files(&dir).into_iter().map(|path| (*event, path)));
        }
    }
    out
}

/// A fixture's bytes (some are not UTF-8 on purpose).
fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_known_event_has_fixtures() {
    for event in KNOWN_EVENTS {
        let sample = Path::new(DIR).join(event).join("valid/sample.json");
        assert!(sample.is_file(), "{} is missing", sample.display());
    }
}

/// Every family's model is rejected by at least one fixture, so a family
/// whose required fields stopped being required fails a snapshot.
#[test]
fn every_event_family_has_an_invalid_fixture() {
    let invalid = fixtures("invalid");
    let lacking: Vec<_> = EventFamily::ALL
        .iter()
        .filter(|family| !invalid.iter().any(|(event, _)| EventFamily::of(event) == Some(**family)))
        .collect();
    assert!(lacking.is_empty(), "no invalid fixture for the families {lacking:?}: add one under tests/fixtures/<event>/invalid/");
}

/// Nothing in `tests/fixtures` is silently skipped: every folder is a known
/// event with only `valid/` and `invalid/`, and every snapshot belongs to a
/// fixture (a renamed fixture leaves none behind).
#[test]
fn every_fixture_file_is_read() {
    let mut seen = 0;
    for entry in std::fs::read_dir(DIR).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_file() {
            assert_eq!(name, "README.md", "tests/fixtures/{name}: fixtures go in tests/fixtures/<event>/{{valid,invalid}}/");
            continue;
        }
        assert!(is_known_event(&name), "tests/fixtures/{name} is not a known event, so no test reads it");
        for kind in std::fs::read_dir(&path).unwrap() {
            let kind = kind.unwrap().path();
            let kind_name = kind.file_name().unwrap().to_string_lossy().into_owned();
            assert!(kind_name == "valid" || kind_name == "invalid", "{}: only valid/ and invalid/ are read", kind.display());
            let inputs = json_files(&kind);
            for file in std::fs::read_dir(&kind).unwrap() {
                let file = file.unwrap().path();
                let file_name = file.file_name().unwrap().to_string_lossy().into_owned();
                let owner = file_name.strip_suffix(".expected.json").or_else(|| file_name.strip_suffix(".issues.txt"));
                match owner {
                    Some(stem) => assert!(
                        inputs.iter().any(|input| input.file_name().unwrap().to_string_lossy() == format!("{stem}.json")),
                        "{}: a snapshot of no fixture",
                        file.display()
                    ),
                    None => assert!(file_name.ends_with(".json"), "{}: neither a fixture nor a snapshot", file.display()),
                }
                assert!(
                    !(kind_name == "invalid" && file_name.ends_with(".expected.json")),
                    "{}: an invalid fixture has no output",
                    file.display()
                );
                seen += 1;
            }
        }
    }
    assert!(seen >= 3 * KNOWN_EVENTS.len(), "{seen} fixture files");
}

/// The fixture corpus against its snapshots, and the validator against the
/// parser, on every fixture of every event.
#[test]
fn fixtures_match_their_snapshots() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (folder, expect_valid) in [("valid", true), ("invalid", false)] {
        for (event, path) in fixtures(folder) {
            let input = read(&path);
            let options = options_for(&path);
            let outcome = parse_event(event, &input, &options).map(|p| (p.value.to_json(), p.warnings));
            let parsed_issues = match &outcome {
                Ok((_, warnings)) => &warnings[..],
                Err(report) => report.issues(),
            };
            let validated = validate_event(event, &input, &options);
            if validated.issues() != parsed_issues || validated.is_valid() != outcome.is_ok() {
                failures.push(format!(
                    "{}: the validator disagrees with the parser:\n--- parse\n{}--- validate\n{}",
                    path.display(),
                    common::issue_lines(parsed_issues),
                    common::issue_lines(validated.issues())
                ));
            }
            failures.extend(check_fixture(&path, expect_valid, outcome));
            count += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(count >= 3 * KNOWN_EVENTS.len(), "{count} fixtures");
}

/// Normalizing the normalized output again changes nothing, and coerces
/// nothing (our own forms, `from_me`, derived values and numbers included,
/// are canonical).
#[test]
fn normalization_is_idempotent() {
    let valid = fixtures("valid");
    assert!(valid.len() >= 2 * KNOWN_EVENTS.len(), "{} valid fixtures", valid.len());
    for (event, path) in valid {
        let input = read(&path);
        let options = Options::default();
        let once = parse_event(event, &input, &options).unwrap_or_else(|r| panic!("{}: {r}", path.display())).value.to_json();
        let again = parse_event(event, once.as_bytes(), &options).unwrap_or_else(|r| panic!("{}: {r}", path.display()));
        assert_eq!(again.value.to_json(), once, "{}", path.display());
        let coerced: Vec<_> = again
            .warnings
            .iter()
            .filter(|w| matches!(w.code, IssueCode::DerivedFieldReplaced | IssueCode::CoercedValue))
            .collect();
        assert!(coerced.is_empty(), "{}: {coerced:?}", path.display());
    }
}

/// Each sample is valid without a warning, even in strict mode (so it has no
/// field the model does not know), and names its entity.
#[test]
fn samples_are_valid_without_warnings() {
    for event in KNOWN_EVENTS {
        let sample = sample_payload(event).unwrap_or_else(|| panic!("no sample for {event}"));
        let file = read(&Path::new(DIR).join(event).join("valid/sample.json"));
        assert_eq!(sample.as_bytes(), file, "{event}");
        let strict = Options { strict: true, ..Options::default() };
        let parsed = parse_event(event, sample.as_bytes(), &strict).unwrap_or_else(|r| panic!("{event}:\n{r}"));
        assert!(parsed.warnings.is_empty(), "{event}: {:?}", parsed.warnings);
        assert_eq!(parsed.value.family(), EventFamily::of(event).unwrap(), "{event}");
        assert!(parsed.value.entity_id().is_some_and(|id| !id.is_empty()), "{event}");
    }
    assert_eq!(sample_payload("chat.updated"), None);
}

#[test]
fn entity_ids_come_from_each_familys_id_field() {
    let id = |event: &str| {
        let parsed = parse_event(event, sample_payload(event).unwrap().as_bytes(), &Options::default()).unwrap();
        parsed.value.entity_id().unwrap().to_string()
    };
    assert_eq!(id("ticket.updated"), "BKT-042");
    assert_eq!(id("message.created"), "false_919537851844@c.us_3A5F0C9B7E21D4C86B1E");
    assert_eq!(id("chat.created"), "919537851844@c.us");
    assert_eq!(id("chat.notification.created"), "8d3f6b21-94ce-4a07-b5e2-71c0f9d48a36");
    assert_eq!(id("reaction.updated"), "reaction-0c8e2f7a5b1d4e93");
    assert_eq!(id("note.created"), "true_c2e7a9f4-3b18-4d6e-a5c0-8f1b2d7e9a34_api");
    assert_eq!(id("org.phone.qr"), "phone-kqzmrtwbxhvnpdcl");
    // The registry's entity field is the one the id is read from: the
    // sample's value at that path, read by the JSON reader, is the id.
    for event in KNOWN_EVENTS {
        let family = EventFamily::of(event).unwrap();
        let sample = sample_payload(event).unwrap();
        let (root, _) = periskope_events::json::parse(sample, 64).unwrap();
        let at_path = family.entity_id_field().split('.').try_fold(&root, |node, key| node.get(key)).and_then(|v| v.as_str());
        if *event == "note.created" && at_path.is_none() {
            continue; // a note without message_id falls back to unique_id
        }
        assert_eq!(at_path, Some(id(event).as_str()), "{event}: {}", family.entity_id_field());
    }
}

/// The SDK's spelling and the REST docs' spelling of a message id give the
/// same normalized message, without a warning for either: the SDK's is what
/// the official types declare, so strict mode accepts it too.
#[test]
fn id_spellings_normalize_to_one_form() {
    let snake = r#"{"message_id":"true_919537851844@c.us_3EB0AB","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13","org_phone":"918527184400@c.us",
        "id":{"id":"3EB0AB","from_me":true,"remote":"919537851844@c.us","serialized":"true_919537851844@c.us_3EB0AB"}}"#;
    let camel = snake.replace("\"from_me\"", "\"fromMe\"").replace("\"serialized\"", "\"_serialized\"");
    let options = Options::default();
    let a = parse_event("message.updated", snake.as_bytes(), &options).unwrap();
    let b = parse_event("message.updated", camel.as_bytes(), &options).unwrap();
    assert_eq!(a.value.to_json(), b.value.to_json());
    assert!(a.warnings.is_empty());
    assert!(b.warnings.is_empty(), "{:?}", b.warnings);
    let strict = Options { strict: true, ..Options::default() };
    assert!(parse_event("message.updated", camel.as_bytes(), &strict).is_ok());
    let EventData::Message(message) = b.value else { panic!() };
    let id = message.id.unwrap();
    assert_eq!((id.from_me, id.serialized.as_deref()), (Some(true), Some("true_919537851844@c.us_3EB0AB")));
}

#[test]
fn numbers_sent_as_strings_become_numbers() {
    let body = r#"{"reaction_id":"r1","message_id":"true_919537851844@c.us_3EB0AB","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13",
        "org_phone":"918527184400@c.us","sender_id":"919537851844@c.us","ack":"0","orphan":" 1 "}"#;
    let parsed = parse_event("reaction.created", body.as_bytes(), &Options::default()).unwrap();
    let codes: Vec<_> = parsed.warnings.iter().map(|w| (w.path.as_str(), w.code)).collect();
    assert_eq!(codes, [("/ack", IssueCode::CoercedValue), ("/orphan", IssueCode::CoercedValue)]);
    let EventData::Reaction(reaction) = &parsed.value else { panic!() };
    assert_eq!(reaction.ack.as_ref().unwrap().level(), Some(0));
    assert_eq!(reaction.orphan.as_ref().unwrap().as_i64(), Some(1));
    assert!(parsed.value.to_json().contains(r#""ack":0,"orphan":1,"#));
    // A message's ack is text in Periskope's database: no warning for it.
    let message =
        r#"{"message_id":"m","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13","org_phone":"918527184400@c.us","ack":"3"}"#;
    let parsed = parse_event("message.ack.updated", message.as_bytes(), &Options::default()).unwrap();
    assert!(parsed.warnings.iter().all(|w| w.path != "/ack"), "{:?}", parsed.warnings);
    assert!(parsed.value.to_json().contains(r#""ack":3,"#));
}

#[test]
fn unknown_events_and_non_objects_are_errors() {
    let report = parse_event("chat.updated", "{}".as_bytes(), &Options::default()).unwrap_err();
    assert_eq!(report.issues()[0].code, IssueCode::UnknownEvent);
    assert!(!is_known_event("chat.updated"));
    for event in KNOWN_EVENTS {
        let report = parse_event(event, "[]".as_bytes(), &Options::default()).unwrap_err();
        assert_eq!(report.issues()[0].code, IssueCode::InvalidType, "{event}");
    }
    let report = parse_event("note.created", "{}".as_bytes(), &Options { max_bytes: 1, ..Options::default() }).unwrap_err();
    assert_eq!(report.issues()[0].code, IssueCode::TooLarge);
}

/// Every field of every model set to each of a few hostile values at once:
/// an answer, never a panic; an accepted payload writes JSON that reads back
/// as an object, a rejected one says why; and no model accepts every field
/// being the same nonsense (an array of a number and an object).
#[test]
fn hostile_payloads_never_panic() {
    let values = ["null", "true", "-1", "1e400", "\"\"", "\"x\"", "[]", "[1,{}]", "{}", "{\"a\":[null]}"];
    for event in KNOWN_EVENTS {
        let sample = sample_payload(event).unwrap();
        let (root, _) = periskope_events::json::parse(sample, 64).unwrap();
        let keys: Vec<String> = root.as_object().unwrap().iter().map(|m| m.key.to_string()).collect();
        for value in values {
            let body = format!("{{{}}}", keys.iter().map(|k| format!("\"{k}\":{value}")).collect::<Vec<_>>().join(","));
            match parse_event(event, body.as_bytes(), &Options::default()) {
                Ok(parsed) => {
                    let out = parsed.value.to_json();
                    let read_back = periskope_events::json::parse(&out, 512);
                    assert!(read_back.is_ok_and(|(v, _)| v.as_object().is_some()), "{event} with {value}: {out}");
                    assert_ne!(value, "[1,{}]", "{event}: every field an array was accepted");
                }
                Err(report) => assert!(report.errors().count() > 0, "{event} with {value}: rejected without an error"),
            }
        }
    }
}

/// The dedup key of every valid fixture, sent as a webhook, against
/// `tests/dedup-keys.txt`. Keys already given out must not change
/// (a redelivery after an upgrade would not be recognized), so this pins the
/// digest of update events to the byte: the canonical form's escapes, key
/// order (UTF-16, here with keys past U+FFFF and in U+E000 to U+FFFF) and
/// number text. `previous_attributes` carries a value the sender wrote, with
/// keys out of order and escapes in other spellings.
#[test]
fn dedup_keys_are_stable() {
    const PREVIOUS: &str =
        r#"{"z":1,"\u00E9":{"b":[{"y":"\ud83d\ude00","x":"é"}],"a":-0.50e+3},"\uffff":"","😀":null,"A":"\u0041\/"}"#;
    let mut lines = String::new();
    // A fixture that is a whole envelope is already a webhook body.
    for (event, path) in fixtures("valid").into_iter().filter(|(_, path)| !path.ends_with("webhook-envelope.json")) {
        let data = String::from_utf8(read(&path)).expect("UTF-8 fixture");
        for previous in ["", PREVIOUS] {
            let extra = if previous.is_empty() { String::new() } else { format!(r#","previous_attributes":{previous}"#) };
            let body = format!(
                r#"{{"event":"{event}","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13","timestamp":"2025-01-26T13:46:55.758Z","data":{data}{extra}}}"#
            );
            let name = path.strip_prefix(DIR).unwrap_or(&path).display().to_string();
            match periskope_events::parse_webhook(body.as_bytes(), &options_for(&path)) {
                Ok(parsed) => lines.push_str(&format!(
                    "{name}{}: {}\n",
                    if previous.is_empty() { "" } else { " +previous" },
                    parsed.value.dedup_key()
                )),
                Err(report) => panic!("{name} as a webhook: {report}"),
            }
        }
    }
    if let Some(mismatch) = common::check_snapshot(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dedup-keys.txt"), &lines) {
        panic!("{mismatch}");
    }
}
