//! Tests of `ticket.created` alone, through its typed entry points
//! (`parse_ticket_created`, `validate_ticket_created`), on a few of its
//! fixtures. The whole corpus of `tests/fixtures/ticket.created`, snapshots
//! included, is run with every other event's by the one fixture runner,
//! `tests/events.rs`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use periskope_events::{parse_ticket_created, validate_ticket_created, IssueCode, Options, TicketInfo};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ticket.created");

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
