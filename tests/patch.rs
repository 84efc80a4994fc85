//! The patch the JavaScript wrapper applies to `JSON.parse` of the body
//! (src/model/patch.rs) gives exactly the normalized payload: applied here,
//! by a Rust copy of the wrapper's interpreter over serde_json values, to
//! every valid fixture of every event, as an SDK payload and inside webhook
//! envelopes of every shape, and compared with the normalized JSON.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use periskope_events::{patch_models_json, sample_payload, to_js, JsOutput, Options, Target, KNOWN_EVENTS};
use serde_json::{json, Map, Value};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

enum Step {
    Key(String),
    Index(usize),
}

fn at<'v>(root: &'v mut Value, path: &[Step]) -> &'v mut Value {
    path.iter().fold(root, |node, step| match step {
        Step::Key(k) => node.get_mut(k).unwrap_or_else(|| panic!("no key {k}")),
        Step::Index(i) => node.get_mut(*i).unwrap_or_else(|| panic!("no index {i}")),
    })
}

/// What pkg-template/src/api.js's `applyPatch` does, op for op.
fn apply(mut root: Value, ops: &[Value], models: &Map<String, Value>) -> Value {
    let mut path: Vec<Step> = Vec::new();
    let mut result: Option<String> = None;
    let mut i = 0;
    let text = |v: &Value| v.as_str().expect("a string operand").to_owned();
    while i < ops.len() {
        let op = ops[i].as_i64().expect("an opcode");
        let operand = &ops[i + 1];
        match op {
            1 => path.push(Step::Key(text(operand))),
            2 => path.push(Step::Index(operand.as_u64().unwrap() as usize)),
            3 => path.truncate(path.len() - operand.as_u64().unwrap() as usize),
            4 => {
                // As the wrapper's `rebuild`: every field of the model, its
                // derived field null, then the others.
                let object = at(&mut root, &path).as_object_mut().expect("fill on an object");
                let mut rebuilt = Map::new();
                for field in models[operand.as_str().unwrap()].as_array().unwrap() {
                    let [name, absent, derived] = field.as_array().unwrap().as_slice() else { panic!("field spec") };
                    let name = name.as_str().unwrap();
                    let value = object.remove(name).unwrap_or(if absent == 1 { json!([]) } else { Value::Null });
                    rebuilt.insert(name.to_owned(), value);
                    if let Some(derived) = derived.as_str() {
                        object.remove(derived);
                        rebuilt.insert(derived.to_owned(), Value::Null);
                    }
                }
                rebuilt.append(object);
                *object = rebuilt;
            }
            5 => {
                let value = ops[i + 2].clone();
                at(&mut root, &path).as_object_mut().expect("set on an object").insert(text(operand), value);
                i += 1;
            }
            6 => {
                at(&mut root, &path).as_object_mut().expect("delete on an object").remove(&text(operand));
            }
            7 => {
                root = json!({ text(operand): root });
                assert!(path.is_empty(), "wrap at the root");
            }
            8 => result = Some(text(operand)),
            other => panic!("unknown opcode {other}"),
        }
        i += 2;
    }
    match result {
        Some(key) => root[&key].take(),
        None => root,
    }
}

/// Checks the patch of `input` against the normalized JSON, and returns
/// how many instructions it had.
fn check(input: &str, options: &Options, target: Target<'_>, what: &str) -> usize {
    let models: Map<String, Value> = serde_json::from_str(&patch_models_json()).unwrap();
    let full: Value = serde_json::from_str(&to_js(input.as_bytes(), options, target, JsOutput::Json)).unwrap();
    let patched: Value = serde_json::from_str(&to_js(input.as_bytes(), options, target, JsOutput::Patch)).unwrap();
    assert_eq!(full["issues"], patched["issues"], "{what}: the same issues");
    let want = &full["data"];
    let ops = patched["data"].as_array().unwrap_or_else(|| panic!("{what}: no patch: {}", patched["issues"]));
    let body: Value = serde_json::from_str(input.trim_start_matches('\u{feff}')).unwrap();
    let got = apply(body, ops, &models);
    assert_eq!(&got, want, "{what}: the patched body differs from the normalized payload\nops: {ops:?}");
    ops.len()
}

#[test]
fn the_patch_of_every_valid_fixture_gives_its_normalized_payload() {
    let mut count = 0;
    for event in KNOWN_EVENTS {
        for path in common::json_files(&Path::new(FIXTURES).join(event).join("valid")) {
            let input = std::fs::read_to_string(&path).unwrap();
            let options = Options { strict: path.to_string_lossy().ends_with(".strict.json"), ..Options::default() };
            check(&input, &options, Target::Event(event), &path.display().to_string());
            count += 1;
        }
    }
    assert!(count > 40, "{count} fixtures");
}

#[test]
fn the_patch_of_every_envelope_gives_its_normalized_webhook() {
    let org = "5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13";
    for event in KNOWN_EVENTS {
        let data = sample_payload(event).unwrap();
        let bodies = [
            format!(r#"{{"event":"{event}","org_id":"{org}","timestamp":"2025-01-26T13:46:55.758+00:00","data":{data}}}"#),
            format!(
                r#"{{"event_type":"{event}","org_id":"{org}","timestamp":1737899215758,"data":{data},"previous_attributes":{{"x":1}}}}"#
            ),
            format!(
                r#"{{"event":"{event}","event_type":"{event}","org_id":"{org}","timestamp":"2025-01-26 13:46:55","data":{data},"known":false,"dedup_key":"x","extra":[1]}}"#
            ),
        ];
        for body in &bodies {
            check(body, &Options::default(), Target::Webhook, event);
            // The same body read as the event's payload: the data, out of the envelope.
            check(body, &Options::default(), Target::Event(event), event);
        }
    }
    let unknown = format!(
        r#"{{"event":"ticket.escalated","org_id":"{org}","timestamp":"2025-01-26T13:46:55Z","data":{{"a":[1,{{"b":null}}]}}}}"#
    );
    check(&unknown, &Options::default(), Target::Webhook, "unknown event");
}

#[test]
fn a_patch_holds_only_what_changes() {
    // A payload already in normal form, every field present: only the
    // derived fields are written.
    let data = sample_payload("message.created").unwrap();
    let normalized = to_js(data.as_bytes(), &Options::default(), Target::Event("message.created"), JsOutput::Json);
    let normalized: Value = serde_json::from_str(&normalized).unwrap();
    let again = serde_json::to_string(&normalized["data"]).unwrap();
    let ops = check(&again, &Options::default(), Target::Event("message.created"), "normalized message");
    let patch: Value =
        serde_json::from_str(&to_js(again.as_bytes(), &Options::default(), Target::Event("message.created"), JsOutput::Patch))
            .unwrap();
    let sets: Vec<&str> =
        patch["data"].as_array().unwrap().windows(2).filter(|w| w[0] == 5).filter_map(|w| w[1].as_str()).collect();
    assert!(sets.iter().all(|k| k.ends_with("_parsed")), "{sets:?}");
    assert!(ops < 40, "{ops} instructions");
}
