//! Data-driven tests of `ticket.created` over `tests/fixtures/ticket.created`.
//!
//! Every `valid/*.json` must parse; its normalized output is compared with
//! `*.expected.json` and its warnings with `*.issues.txt`. Every
//! `invalid/*.json` must be rejected with exactly the issues in its
//! `*.issues.txt`. Files named `*.strict.json` are read with `strict: true`.
//! Rewrite the snapshots with `UPDATE_FIXTURES=1 cargo test --test ticket_created`
//! and review the diff.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use common::{check_fixture, json_files};
use periskope_events::{parse_ticket_created, validate_ticket_created, IssueCode, Model, Options, TicketInfo};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ticket.created");

fn options_for(path: &Path) -> Options {
    Options { strict: path.to_string_lossy().ends_with(".strict.json"), ..Options::default() }
}

#[test]
fn fixtures_match_their_snapshots() {
    let mut failures = Vec::new();
    for (folder, expect_valid) in [("valid", true), ("invalid", false)] {
        for path in json_files(&Path::new(DIR).join(folder)) {
            let input = std::fs::read(&path).unwrap();
            let outcome = parse_ticket_created(&input, &options_for(&path)).map(|p| (p.value.to_json(), p.warnings));
            if let Ok((_, warnings)) = &outcome {
                // The validator agrees with the parser.
                let report = validate_ticket_created(&input, &options_for(&path));
                assert_eq!(report.issues(), &warnings[..], "{}", path.display());
            }
            failures.extend(check_fixture(&path, expect_valid, outcome));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Normalizing the normalized output again changes nothing, and raises no
/// `derived_field_replaced` (our own derived values are recognized).
#[test]
fn normalization_is_idempotent() {
    for path in json_files(&Path::new(DIR).join("valid")) {
        let input = std::fs::read(&path).unwrap();
        let options = Options::default();
        let once = parse_ticket_created(&input, &options).unwrap().value.to_json();
        let again = parse_ticket_created(once.as_bytes(), &options).unwrap_or_else(|r| panic!("{}: {r}", path.display()));
        assert_eq!(again.value.to_json(), once, "{}", path.display());
        assert!(
            again.warnings.iter().all(|w| w.code != IssueCode::DerivedFieldReplaced && w.code != IssueCode::CoercedValue),
            "{}: {:?}",
            path.display(),
            again.warnings
        );
    }
}

/// The docs' own sample: rejected as published (a missing comma on line 39),
/// accepted with warnings once fixed, rejected again with `strict`.
#[test]
fn docs_sample_as_published_and_fixed() {
    let published = std::fs::read(Path::new(DIR).join("invalid/docs-sample-as-published.json")).unwrap();
    let report = validate_ticket_created(&published, &Options::default());
    let issue = &report.issues()[0];
    assert_eq!((issue.code, issue.position.map(|p| (p.line, p.column))), (IssueCode::InvalidJson, Some((39, 1))));

    let fixed = std::fs::read(Path::new(DIR).join("valid/docs-sample-commas-fixed.json")).unwrap();
    let report = validate_ticket_created(&fixed, &Options::default());
    assert!(report.is_valid());
    assert!(report.warnings().count() > 0);
    let strict = validate_ticket_created(&fixed, &Options { strict: true, ..Options::default() });
    assert!(!strict.is_valid());
    assert_eq!(strict.errors().count(), report.warnings().count());
}

#[test]
fn typed_values_are_normalized() {
    let input = std::fs::read(Path::new(DIR).join("valid/realistic.json")).unwrap();
    let parsed = parse_ticket_created(&input, &Options::default()).unwrap();
    let TicketInfo { ticket, chat, message, attached_messages, extra, .. } = parsed.value;
    // Required fields are plain values; optional ones are `Option`s.
    assert_eq!(ticket.ticket_id, "BKT-042");
    assert_eq!(ticket.assignee.unwrap().0, "priya.shah@acme.io");
    assert_eq!(ticket.ticket_labels.unwrap().0, ["refund", "VIP", "Damaged goods"]);
    assert_eq!(ticket.priority.unwrap().label(), "high");
    assert_eq!(ticket.extra.len(), 2);
    let chat = chat.unwrap();
    assert_eq!(chat.members.unwrap().0.len(), 2);
    assert!(message.unwrap().message_id.0.starts_with("false_"));
    assert_eq!(attached_messages.unwrap().0.len(), 1);
    assert_eq!(extra[0].key, "source");
    assert_eq!(extra[0].json, "\"webhook-v2\"");
}

#[test]
fn limits_are_issues() {
    let options = Options { max_bytes: 10, ..Options::default() };
    let report = validate_ticket_created(b"{\"ticket\": {}}", &options);
    assert_eq!(report.issues()[0].code, IssueCode::TooLarge);

    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let report = validate_ticket_created(deep.as_bytes(), &Options::default());
    assert_eq!(report.issues()[0].code, IssueCode::TooDeep);

    let many: String = (0..500).map(|i| format!("\"k{i}\":1,\"k{i}\":2,")).collect();
    let body = format!("{{{many}\"ticket\":{{}}}}");
    let report = validate_ticket_created(body.as_bytes(), &Options { max_issues: 10, ..Options::default() });
    assert_eq!(report.issues().len(), 11);
    assert_eq!(report.issues()[10].code, IssueCode::TooManyIssues);
}
