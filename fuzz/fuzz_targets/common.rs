//! Checks shared by the fuzz targets.
#![allow(dead_code)] // each target uses part of it

use periskope_events::events::shape_keys;
use periskope_events::json::{self, TapeWriter};
use periskope_events::{to_js_json, write_answer, Options, Target};

/// Runs `input` through every entry point and checks the result's shape:
/// always a JSON document `{data, issues}`; `data` present only without
/// errors; every issue with a code and a valid JSON Pointer.
pub fn check_all_targets(input: &[u8]) {
    for target in [Target::Event("ticket.created"), Target::Event("message.created"), Target::Webhook] {
        check_target(input, target);
    }
}

/// [`check_all_targets`] for one entry point, strict and not.
pub fn check_target(input: &[u8], target: Target<'_>) {
    for strict in [false, true] {
        let options = Options { strict, max_issues: 50, ..Options::default() };
        {
            let out = to_js_json(input, &options, target, true);
            let (root, duplicates) = json::parse(&out, 512).expect("the result is JSON");
            assert!(duplicates.is_empty(), "the result has no duplicate keys");
            let issues = root.get("issues").and_then(|v| match &v.kind {
                json::Kind::Array(items) => Some(items),
                _ => None,
            });
            let issues = issues.expect("issues is an array");
            assert!(issues.len() <= 51, "maxIssues holds");
            let has_error = issues.iter().any(|i| i.get("severity").and_then(|s| s.as_str()) == Some("error"));
            let data_is_null = matches!(root.get("data").map(|d| &d.kind), Some(json::Kind::Null));
            assert_eq!(has_error, data_is_null, "data is null exactly when an issue is an error");
            for issue in issues {
                let path = issue.get("path").and_then(|p| p.as_str()).expect("path");
                assert!(path.is_empty() || path.starts_with('/'), "a JSON Pointer");
                assert!(issue.get("code").and_then(|c| c.as_str()).is_some_and(|c| !c.is_empty()));
            }
            // Validation only agrees with parsing on the verdict.
            let check = to_js_json(input, &options, target, false);
            assert_eq!(check.contains("\"severity\":\"error\""), has_error);
            // The tape the bindings answer with reads back as the JSON answer.
            let mut tape = TapeWriter::default();
            write_answer(input, &options, target, true, &mut tape);
            assert_eq!(tape.finish().to_json(&shape_keys()).as_deref(), Ok(out.as_str()), "the tape reads back as the JSON");
        }
    }
}
