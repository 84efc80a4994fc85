//! The tape the bindings answer with (src/json/tape.rs) against the JSON
//! answer it replaced: read back the way the JavaScript wrapper reads it,
//! every fixture's tape gives exactly the JSON text, under every option
//! set; and `pkg-template/src/shapes.js`, the wrapper's object literals, is
//! generated from the same shapes (run with `UPDATE_SHAPES=1` to rewrite it
//! after changing a model).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use periskope_events::events::{all_models, shape_keys};
use periskope_events::json::{JsonWriter, TapeWriter};
use periskope_events::model::shape::SHAPES;
use periskope_events::signature::{sign, ReplayWindow};
use periskope_events::{
    signature_error_number, to_js_json, write_answer, write_construct_event_answer, write_verified_answer, Options, Target,
    UnknownEvents, KNOWN_EVENTS,
};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const SHAPES_JS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-template/src/shapes.js");

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

fn option_sets() -> Vec<Options> {
    vec![
        Options::default(),
        Options { strict: true, ..Options::default() },
        Options { max_issues: 1, ..Options::default() },
        Options { unknown_events: UnknownEvents::Error, ..Options::default() },
        // Every body but the smallest refused before reading (`too_large`).
        Options { max_bytes: 64, ..Options::default() },
    ]
}

/// The tape of `write_answer` read back, against `to_js_json`.
fn check(input: &[u8], options: &Options, target: Target<'_>, with_data: bool, keys: &[(&str, Vec<String>)], what: &str) {
    let json = to_js_json(input, options, target, with_data);
    let mut w = TapeWriter::with_capacity(256);
    write_answer(input, options, target, with_data, &mut w);
    let tape = w.finish();
    let back = tape.to_json(keys).unwrap_or_else(|e| panic!("{what}: the tape is not well formed: {e}"));
    assert_eq!(back, json, "{what}: the tape reads back differently");
}

#[test]
fn every_model_has_a_shape_and_every_shape_its_keys() {
    let keys = shape_keys();
    for model in all_models() {
        assert!(
            SHAPES.iter().any(|(name, keys)| *name == model.ts_name && keys.is_none()),
            "the model {} is missing from src/model/shape.rs's SHAPES",
            model.ts_name
        );
    }
    for (name, keys) in &keys {
        assert!(!keys.is_empty(), "the shape {name} has no keys (a model that is not in the registry?)");
        // An object literal's `__proto__:` sets the prototype instead.
        assert!(!keys.iter().any(|k| k == "__proto__"), "{name}");
    }
}

#[test]
fn every_fixture_reads_back_the_same_from_the_tape() {
    let keys = shape_keys();
    let mut paths = Vec::new();
    files(Path::new(FIXTURES), &mut paths);
    assert!(paths.len() > 100, "only {} fixtures found", paths.len());
    for path in &paths {
        let input = std::fs::read(path).unwrap();
        let event = path.strip_prefix(FIXTURES).unwrap().components().next().unwrap().as_os_str().to_string_lossy().to_string();
        for options in option_sets() {
            for with_data in [true, false] {
                let what = format!("{} ({options:?}, data {with_data})", path.display());
                check(&input, &options, Target::Webhook, with_data, &keys, &what);
                if KNOWN_EVENTS.contains(&event.as_str()) {
                    check(&input, &options, Target::Event(&event), with_data, &keys, &what);
                }
            }
        }
    }
}

#[test]
fn values_passed_through_read_back_the_same() {
    // Unknown fields and JSON fields carry whatever the sender wrote: every
    // short form of the tape and its JSON text, non-ASCII in keys and
    // values, escapes, numbers that are not integers to JavaScript, and a
    // key that an assignment would take for the prototype.
    let keys = shape_keys();
    let values = [
        "null",
        "true",
        "false",
        "0",
        "-0",
        "7",
        "-12345678",
        "123456789",
        "1e400",
        "-1.50",
        "12345678901234567890",
        "\"\"",
        "\"plain\"",
        "\"caf\u{e9}\"",
        "\"\u{1F600}\"",
        "\"a\\\"b\"",
        "\"\\u00e9\\ud83d\\ude00\"",
        "\"\\ud800\"",
        "[]",
        "{}",
        "[1, \"\u{e9}\", {\"__proto__\": 1}]",
        "{\"\u{e9}\": [null]}",
        "{ \"a\" : { \"b\" : [ ] } }",
    ];
    for value in values {
        for key in ["extra", "__proto__", "\u{e9}t\u{e9}", "constructor", "12"] {
            let body = format!(
                r#"{{"event":"note.created","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13","timestamp":"2025-01-26T13:46:55.758Z","{key}":{value},"data":{{"note_id":"n-1","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13","{key}":{value},"metadata":{value}}}}}"#
            );
            for options in option_sets() {
                check(body.as_bytes(), &options, Target::Webhook, true, &keys, &format!("{key}: {value}"));
            }
        }
    }
}

#[test]
fn refused_signatures_and_the_replay_window_read_back_the_same() {
    let keys = shape_keys();
    let body = std::fs::read(Path::new(FIXTURES).join("note.created/valid/sample.json")).unwrap();
    let header = sign(&body, b"peri_key");
    let windows = [None, Some(ReplayWindow { tolerance_seconds: 300, now_millis: 0 })];
    for (signature, window) in
        [(Some(header.as_str()), None), (Some("nope"), None), (None, None), (Some(header.as_str()), windows[1])]
    {
        let mut json = JsonWriter::default();
        write_construct_event_answer(&body, signature, &[b"peri_key"], &Options::default(), window, &mut json);
        let mut tape = TapeWriter::default();
        write_construct_event_answer(&body, signature, &[b"peri_key"], &Options::default(), window, &mut tape);
        assert_eq!(tape.finish().to_json(&keys).unwrap(), json.finish(), "{signature:?} {window:?}");
    }
}

#[test]
fn a_replay_window_answers_what_the_webhook_reader_answers_or_refuses() {
    // The window's verdict and the answer come from one reading: inside the
    // window the answer is exactly `write_answer`'s, whatever the body's
    // issues; outside it, or without a readable timestamp, the refusal.
    let sent = 1_737_899_215_758; // 2025-01-26T13:46:55.758Z
    let inside = ReplayWindow { tolerance_seconds: 300, now_millis: sent + 60_000 };
    let outside = ReplayWindow { tolerance_seconds: 300, now_millis: sent + 301_000 };
    let refusal = format!(
        r#"{{"signature_error":{}}}"#,
        signature_error_number(periskope_events::signature::SignatureError::TimestampOutOfTolerance)
    );
    let mut paths = Vec::new();
    files(Path::new(FIXTURES), &mut paths);
    let org = r#""org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13""#;
    let time = r#""timestamp":"2025-01-26T13:46:55.758Z""#;
    // Each body, and whether it is read at all (JSON, within `maxBytes`).
    let mut bodies: Vec<(String, String, bool)> = Vec::new();
    for path in &paths {
        let event = path.strip_prefix(FIXTURES).unwrap().components().next().unwrap().as_os_str().to_str().unwrap().to_owned();
        let Ok(data) = String::from_utf8(std::fs::read(path).unwrap()) else { continue };
        if !KNOWN_EVENTS.contains(&event.as_str()) || periskope_events::json::parse(&data, 64).is_err() {
            continue;
        }
        let what = path.display().to_string();
        let mut add = |body: String, json: bool| bodies.push((what.clone(), body, json));
        add(format!(r#"{{"event":"{event}",{org},{time},"data":{data}}}"#), true);
        // Broken envelopes whose timestamp reads: answered, with their
        // errors (or a BOM's warning).
        add(format!(r#"{{"event":"{event}",{time},"data":{data}}}"#), true);
        add(format!(r#"{{"event":"{event}",{org},{time},"data":{data},"org_id":"x"}}"#), true);
        add(format!(r#"{{"event":"{event}.later",{org},{time},"data":{data}}}"#), true);
        add(format!("\u{feff}{{\"event\":\"{event}\",{org},{time},\"data\":{data}}}"), true);
        // Not JSON: refused, as its timestamp cannot be read.
        add(format!(r#"{{"event":"{event}",{org},{time},"data":{data}"#), false);
    }
    assert!(bodies.len() > 500, "{} bodies", bodies.len());
    let keys = shape_keys();
    for (what, body, json) in &bodies {
        for options in option_sets() {
            let answer = |window| {
                let mut w = JsonWriter::default();
                write_verified_answer(body.as_bytes(), &options, Some(window), &mut w);
                let mut tape = TapeWriter::default();
                write_verified_answer(body.as_bytes(), &options, Some(window), &mut tape);
                let text = w.finish();
                assert_eq!(tape.finish().to_json(&keys).unwrap(), text, "{what}: the tape reads back differently");
                text
            };
            let read = *json && options.max_bytes >= body.len();
            let expected = if read { to_js_json(body.as_bytes(), &options, Target::Webhook, true) } else { refusal.clone() };
            assert_eq!(answer(inside), expected, "{what}: {body}");
            assert_eq!(answer(outside), refusal, "{what}: {body}");
        }
    }
    // A timestamp that does not read; two timestamps, the last outside the
    // window, in a whole envelope and in a broken one: the last one counts
    // in both, as it does for the envelope's reader.
    let late = r#""timestamp":"2025-01-26T14:46:55.758Z""#;
    for body in [
        format!(r#"{{"event":"note.created",{org},"timestamp":"yesterday","data":{{}}}}"#),
        format!(r#"{{"event":"org.phone.qr",{org},{time},"data":{{}},{late}}}"#),
        format!(r#"{{"event":"org.phone.qr",{time},"data":{{}},{late}}}"#),
    ] {
        let mut w = JsonWriter::default();
        write_verified_answer(body.as_bytes(), &Options::default(), Some(inside), &mut w);
        assert_eq!(w.finish(), refusal, "{body}");
    }
}

/// The JavaScript wrapper's object literals, one per shape, and the tape's
/// tags.
fn shapes_js() -> String {
    let mut out = String::from(
        "// Generated from the Rust models by tests/tape.rs. Do not edit:\n// change the model, then run `UPDATE_SHAPES=1 cargo test --test tape`.\n\n// The tape's tags and its long-length mark (src/json/tape.rs).\n",
    );
    use periskope_events::json::tape;
    for (name, value) in [
        ("NULL", tape::NULL),
        ("FALSE", tape::FALSE),
        ("TRUE", tape::TRUE),
        ("INT", tape::INT),
        ("NUMBER", tape::NUMBER),
        ("STRING", tape::STRING),
        ("WIDE_STRING", tape::WIDE_STRING),
        ("ARRAY", tape::ARRAY),
        ("OBJECT", tape::OBJECT),
        ("MODEL", tape::MODEL),
        ("END", tape::END),
        ("JSON", tape::JSON),
        ("WIDE_JSON", tape::WIDE_JSON),
        ("NEW_STATIC", tape::NEW_STATIC),
        ("STATIC", tape::STATIC),
        ("LONG", tape::LONG),
    ] {
        out.push_str(&format!("const TAPE_{name} = {value};\n"));
    }
    out.push_str(
        "\n// One object literal per shape of src/model/shape.rs, in its order: the\n// tape names an object's shape and gives its values in this order; `v`\n// reads the next one.\nconst TAPE_SHAPES = [\n",
    );
    for (name, keys) in shape_keys() {
        let fields: Vec<String> = keys
            .iter()
            .map(|k| {
                let plain = k.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                    && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if plain {
                    format!("{k}: v()")
                } else {
                    format!("{k:?}: v()")
                }
            })
            .collect();
        out.push_str(&format!("  // {name}\n  (v) => ({{ {} }}),\n", fields.join(", ")));
    }
    out.push_str("];\n");
    out
}

#[test]
fn shapes_js_is_generated_from_the_models() {
    let want = shapes_js();
    if std::env::var_os("UPDATE_SHAPES").is_some() {
        std::fs::write(SHAPES_JS, &want).unwrap();
    }
    let have = std::fs::read_to_string(SHAPES_JS).unwrap_or_default();
    assert!(have == want, "pkg-template/src/shapes.js is out of date: run `UPDATE_SHAPES=1 cargo test --test tape`");
}
