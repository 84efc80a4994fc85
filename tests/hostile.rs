//! Hostile input through the public Rust API: each defect of the second
//! hostile-input round has its regression test here (the JavaScript
//! entry points have theirs in tests/js/hostile.test.mjs). Nothing here
//! measures time: costs are bounded by construction (see the operation-count
//! tests in src/normalize/labels.rs and src/json/read.rs) and the budget is
//! counted, not timed.
#![cfg(not(target_arch = "wasm32"))]

use periskope_events::signature::{sign, ReplayWindow, SignatureError};
use periskope_events::{
    construct_event, construct_event_with_tolerance, memory_budget, parse_event, parse_webhook, sample_payload, to_js_json,
    validate_event, ConstructEventError, IssueCode, Options, Target,
};

const ORG: &str = "5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13";
const KEY: &[u8] = b"peri_key";
/// The fields a ticket requires, for building bodies around one hostile field.
const TICKET: &str =
    r#""ticket_id":"T","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13","subject":"S","created_at":"2025-01-26 13:46:55+00""#;

fn envelope(event: &str, timestamp: &str, data: &str) -> String {
    format!(r#"{{"event":"{event}","org_id":"{ORG}","timestamp":{timestamp},"data":{data}}}"#)
}

fn error_codes(report: &periskope_events::Report) -> Vec<(String, IssueCode)> {
    report.errors().map(|i| (i.path.clone(), i.code)).collect()
}

#[test]
fn many_labels_are_deduplicated_keeping_first_spellings() {
    // 180,000 labels (the 53-second body), half of them repeats in another case.
    let labels: Vec<String> =
        (0..180_000).map(|i| if i % 2 == 0 { format!("l{}", i / 2) } else { format!("L{}", i / 2) }).collect();
    let as_string = labels.join(",");
    let body = format!(r#"{{"ticket":{{{TICKET},"ticket_labels":"{as_string}"}}}}"#);
    let options = Options { max_bytes: 4 << 20, ..Options::default() };
    let parsed = periskope_events::parse_ticket_created(body.as_bytes(), &options).unwrap();
    let kept = parsed.value.ticket.ticket_labels.unwrap().0;
    assert_eq!(kept.len(), 90_000);
    assert!(kept.iter().all(|l| l.starts_with('l')));
    let as_array = serde_like_array(&labels);
    let body = format!(r#"{{"ticket":{{{TICKET},"ticket_labels":{as_array}}}}}"#);
    let parsed = periskope_events::parse_ticket_created(body.as_bytes(), &options).unwrap();
    assert_eq!(parsed.value.ticket.ticket_labels.unwrap().0.len(), 90_000);
}

fn serde_like_array(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(","))
}

#[test]
fn duplicate_keys_after_many_items_get_their_own_pointers() {
    let mut body = format!(r#"{{"ticket":{{{TICKET},"ticket_custom_properties":{{"list":["#);
    body.push_str(&"0,".repeat(200_000));
    body.push_str(&r#"{"k":1,"k":2},"#.repeat(5));
    body.push_str("0]}}}");
    let report = validate_event("ticket.created", body.as_bytes(), &Options::default());
    let paths: Vec<String> = report.errors().filter(|i| i.code == IssueCode::DuplicateKey).map(|i| i.path.clone()).collect();
    let want: Vec<String> = (0..5).map(|i| format!("/ticket/ticket_custom_properties/list/{}/k", 200_000 + i)).collect();
    assert_eq!(paths, want);
}

#[test]
fn many_empty_members_are_too_large_not_an_allocation_failure() {
    // 840,000 empty members, each written back with every field null: 208 MB
    // of output and 865 MB of wasm memory before the budget.
    let members: Vec<String> = (0..400_000).map(|i| format!(r#""9198{i:08}@c.us":{{}}"#)).collect();
    let body = format!(
        r#"{{"ticket":{{{TICKET}}},"chat":{{"chat_id":"1@g.us","org_id":"{ORG}","members":{{{}}}}}}}"#,
        members.join(",")
    );
    let options = Options { max_bytes: 32 << 20, ..Options::default() };
    let report = validate_event("ticket.created", body.as_bytes(), &options);
    assert!(report.errors().any(|i| i.code == IssueCode::TooLarge), "{:?}", error_codes(&report));
    let out = to_js_json(body.as_bytes(), &options, Target::Event("ticket.created"), true);
    assert!(out.len() < 4096, "{} bytes of output", out.len());
    assert!(out.starts_with(r#"{"data":null,"issues":[{"path":"#), "{}", &out[..200.min(out.len())]);
}

#[test]
fn millions_of_tiny_values_are_too_large_within_the_budget() {
    let body = format!(r#"{{"ticket":{{{TICKET},"ticket_custom_properties":{{"v":[{}0]}}}}}}"#, "0,".repeat(3_000_000));
    let options = Options { max_bytes: 8 << 20, ..Options::default() };
    assert!(memory_budget(body.len()) < 3_000_000 * 24 * 2);
    let report = validate_event("ticket.created", body.as_bytes(), &options);
    assert_eq!(error_codes(&report), [(String::new(), IssueCode::TooLarge)]);
    assert!(report.issues()[0].message.contains("memory"));
}

#[test]
fn real_payloads_stay_far_below_the_budget() {
    // Every event's sample, as an SDK object and as a webhook: accepted, and
    // a hundred of its members in one list are too.
    for event in periskope_events::KNOWN_EVENTS {
        let data = sample_payload(event).unwrap();
        assert!(parse_event(event, data.as_bytes(), &Options::default()).is_ok(), "{event}");
        let body = envelope(event, r#""2025-01-26T13:46:55.758Z""#, data);
        assert!(parse_webhook(body.as_bytes(), &Options::default()).is_ok(), "{event}");
    }
}

#[test]
fn ids_written_twice_get_the_same_verdict_from_validation_and_parsing() {
    // A chat id or message id is written as sent and again in its `_parsed`
    // parts, and a non-ASCII character comes out as a `\u` escape: 6 output
    // bytes per input byte, where the output was counted at 4. A 38 KB body
    // was valid to validation and `too_large` to parsing (found by review).
    let sample = sample_payload("message.created").unwrap();
    for (field, id) in
        [("chat_id", format!("1@{}", "é".repeat(18_359))), ("message_id", format!("true_1@c.us_{}", "é".repeat(18_359)))]
    {
        let data = sample.replacen(&format!(r#""{field}": ""#), &format!(r#""{field}": "{id}", "x_{field}": ""#), 1);
        assert_ne!(data, sample, "{field}");
        for options in [Options::default(), Options { max_issues: 0, ..Options::default() }] {
            let valid = validate_event("message.created", data.as_bytes(), &options).is_valid();
            let parsed = parse_event("message.created", data.as_bytes(), &options).is_ok();
            let js = to_js_json(data.as_bytes(), &options, Target::Event("message.created"), true);
            assert!(valid && parsed, "{field}: validate {valid}, parse {parsed}");
            assert!(
                !js.starts_with(r#"{"data":null"#) && !js.contains("too_large"),
                "{field}: {}",
                js.get(js.len().saturating_sub(300)..).unwrap_or(&js)
            );
        }
    }
}

#[test]
fn json_inside_strings_follows_the_body_rules() {
    // A duplicate key in a JSON object sent as a string is found, with its path.
    let message = sample_payload("message.created").unwrap();
    let with_poll = |value: &str| message.replacen(r#""poll_info": null"#, &format!(r#""poll_info":"{value}""#), 1);
    let with_media = with_poll(r#"{\"path\":\"a\",\"path\":\"b\"}"#);
    assert_ne!(with_media, message);
    let report = validate_event("message.created", with_media.as_bytes(), &Options::default());
    assert_eq!(error_codes(&report), [("/poll_info/path".to_owned(), IssueCode::DuplicateKey)]);
    // Nesting counts from the body's root: the string sits at depth 1, so an
    // object nested 64 deep inside it is 65 deep in all.
    let deep = format!("{}1{}", r#"{\"a\":"#.repeat(64), "}".repeat(64));
    let with_deep = with_poll(&deep);
    let report = validate_event("message.created", with_deep.as_bytes(), &Options::default());
    assert_eq!(error_codes(&report), [("/poll_info".to_owned(), IssueCode::TooDeep)]);
    let shallow = format!("{}1{}", r#"{\"a\":"#.repeat(63), "}".repeat(63));
    let with_shallow = with_poll(&shallow);
    assert!(validate_event("message.created", with_shallow.as_bytes(), &Options::default()).is_valid());
}

#[test]
fn dedup_keys_do_not_collide() {
    let ticket = |org_extra: &str, id: &str| {
        let data =
            sample_payload("ticket.created").unwrap().replacen(r#""ticket_id":"#, &format!(r#""ticket_id":"{id}","was":"#), 1);
        let body = format!(
            r#"{{"event":"ticket.created","org_id":"{ORG}{org_extra}","timestamp":"2025-01-26T13:46:55.758Z","data":{data}}}"#
        );
        let parsed = parse_webhook(body.as_bytes(), &Options::default());
        parsed.map(|p| p.value.dedup_key()).unwrap_or_else(|r| panic!("{r}"))
    };
    // The org id is a UUID, so a colon cannot appear in a valid one; the
    // entity id can hold one, and is escaped.
    let plain = ticket("", "a");
    let colon = ticket("", "a:b");
    assert!(colon.contains("a%3Ab"), "{colon}");
    assert_ne!(plain, colon);
    // Two different updates of one ticket in the same millisecond.
    let update = |priority: u8| {
        let data = sample_payload("ticket.updated").unwrap().replacen(
            r#""priority":"#,
            &format!(r#""priority":{priority},"old_priority":"#),
            1,
        );
        let body = envelope("ticket.updated", r#""2025-01-26T13:46:55.758Z""#, &data);
        parse_webhook(body.as_bytes(), &Options::default()).unwrap().value.dedup_key()
    };
    assert_ne!(update(1), update(2));
    assert_eq!(update(1), update(1), "a redelivery of the same bytes has the same key");
    assert_eq!(update(1).matches(':').count(), 4);
}

#[test]
fn a_caller_max_depth_is_capped_so_deep_input_cannot_overflow_the_stack() {
    let options = Options { max_depth: u32::MAX, ..Options::default() };
    assert_eq!(options.depth_limit(), Options::MAX_DEPTH_LIMIT);
    let depth = 200_000;
    let body = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    // A spawned thread's stack (2 MiB), the smallest a Rust caller is likely to run on.
    let capped = options.clone();
    let report = std::thread::spawn(move || validate_event("ticket.created", body.as_bytes(), &capped)).join().unwrap();
    assert_eq!(error_codes(&report), [(String::new(), IssueCode::TooDeep)]);
    let at_limit = format!(r#"{{"ticket":{{{TICKET},"nested":{}1{}}}}}"#, "[".repeat(250), "]".repeat(250));
    let report = std::thread::spawn(move || validate_event("ticket.created", at_limit.as_bytes(), &options)).join().unwrap();
    assert!(report.is_valid(), "{:?}", error_codes(&report));
}

fn signed(body: &str) -> (Vec<u8>, String) {
    (body.as_bytes().to_vec(), sign(body.as_bytes(), KEY))
}

const SENT: i64 = 1_737_899_215_758; // 2025-01-26T13:46:55.758Z

fn within(body: &[u8], header: &str, now_millis: i64) -> Result<(), ConstructEventError> {
    let window = ReplayWindow { tolerance_seconds: 300, now_millis };
    construct_event_with_tolerance(body, Some(header), &[KEY], &Options::default(), window).map(|_| ())
}

const REFUSED: Result<(), ConstructEventError> = Err(ConstructEventError::Signature(SignatureError::TimestampOutOfTolerance));

#[test]
fn the_replay_window_refuses_old_future_missing_and_unreadable_timestamps() {
    let data = sample_payload("org.phone.qr").unwrap();
    let (body, header) = signed(&envelope("org.phone.qr", r#""2025-01-26T13:46:55.758Z""#, data));
    assert_eq!(within(&body, &header, SENT), Ok(()));
    assert_eq!(within(&body, &header, SENT + 300_000), Ok(()));
    assert_eq!(within(&body, &header, SENT - 300_000), Ok(()));
    assert_eq!(within(&body, &header, SENT + 300_001), REFUSED);
    assert_eq!(within(&body, &header, SENT - 300_001), REFUSED);
    // Without a window, the same old body is accepted.
    assert!(construct_event(&body, Some(&header), &[KEY], &Options::default()).is_ok());
    // A bad signature is reported as such, before the window.
    let wrong = sign(&body, b"other");
    assert_eq!(within(&body, &wrong, SENT + 10_000_000), Err(ConstructEventError::Signature(SignatureError::SignatureMismatch)));
    // Missing and unreadable timestamps, and epoch milliseconds.
    let missing = format!(r#"{{"event":"org.phone.qr","org_id":"{ORG}","data":{data}}}"#);
    let (body, header) = signed(&missing);
    assert_eq!(within(&body, &header, SENT), REFUSED);
    let (body, header) = signed(&envelope("org.phone.qr", r#""yesterday""#, data));
    assert_eq!(within(&body, &header, SENT), REFUSED);
    let (body, header) = signed(&envelope("org.phone.qr", &SENT.to_string(), data));
    assert_eq!(within(&body, &header, SENT), Ok(()));
    // A timestamp in the window with an envelope too broken to read
    // (no data) is a payload error, not a replay.
    let no_data = format!(r#"{{"event":"org.phone.qr","org_id":"{ORG}","timestamp":"2025-01-26T13:46:55.758Z"}}"#);
    let (body, header) = signed(&no_data);
    assert!(matches!(within(&body, &header, SENT), Err(ConstructEventError::Payload(_))));
    // Out of the window and invalid: refused as a replay first.
    let invalid = envelope("org.phone.qr", r#""2025-01-26T13:46:55.758Z""#, r#"{"phone_id":7}"#);
    let (body, header) = signed(&invalid);
    assert_eq!(within(&body, &header, SENT + 10_000_000), REFUSED);
    assert!(matches!(within(&body, &header, SENT), Err(ConstructEventError::Payload(_))));
}

#[test]
fn errors_convert_into_box_dyn_error_with_sources() {
    fn run(body: &[u8]) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        construct_event(body, Some("00"), &[KEY], &Options::default())?;
        Ok(())
    }
    let error = run(b"{}").unwrap_err();
    assert!(error.to_string().contains("malformed_signature"), "{error}");
    let source = std::error::Error::source(&*error).expect("a source");
    assert_eq!(source.to_string(), SignatureError::MalformedSignature.to_string());
}
