//! Every issue's path comes twice: as a JSON Pointer (`path`) and as steps
//! (`segments`), which tell an index from a key that looks like one. They
//! must agree on every issue of every fixture.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use periskope_events::{validate_event, IssueCode, Options, PathSegment, KNOWN_EVENTS};

fn pointer(segments: &[PathSegment]) -> String {
    segments
        .iter()
        .map(|s| match s {
            PathSegment::Key(k) => format!("/{}", k.replace('~', "~0").replace('/', "~1")),
            PathSegment::Index(i) => format!("/{i}"),
        })
        .collect()
}

#[test]
fn segments_spell_the_path_on_every_fixture_issue() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"));
    let mut issues = 0;
    for event in KNOWN_EVENTS {
        for folder in ["valid", "invalid"] {
            let Ok(entries) = std::fs::read_dir(root.join(event).join(folder)) else { continue };
            for entry in entries {
                let path = entry.unwrap().path();
                let name = path.to_string_lossy().into_owned();
                if !name.ends_with(".json") || name.ends_with(".expected.json") {
                    continue;
                }
                let input = std::fs::read(&path).unwrap();
                let options = Options { strict: name.ends_with(".strict.json"), ..Options::default() };
                for issue in validate_event(event, &input, &options).issues() {
                    assert_eq!(pointer(&issue.segments), issue.path, "{name}: {issue}");
                    issues += 1;
                }
            }
        }
    }
    assert!(issues > 100, "{issues} issues");
}

#[test]
fn a_key_that_looks_like_an_index_stays_a_key() {
    let body = br#"{"ticket":{"ticket_id":"T","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13","subject":"S","created_at":"2025-01-26 13:46:55+00"},
        "chat":{"chat_id":"1@g.us","members":{"1":{"contact_id":7}}},"attached_messages":[{"chat_id":"1@g.us","message_id":5}]}"#;
    let report = validate_event("ticket.created", body, &Options::default());
    let member = report.errors().find(|i| i.path == "/chat/members/1/contact_id").expect("the member's error");
    assert_eq!(member.code, IssueCode::InvalidType);
    let key = |k: &str| PathSegment::Key(k.into());
    assert_eq!(member.segments, [key("chat"), key("members"), key("1"), key("contact_id")]);
    let item = report.errors().find(|i| i.path == "/attached_messages/0/message_id").expect("the item's error");
    assert_eq!(item.segments, [key("attached_messages"), PathSegment::Index(0), key("message_id")]);
}
