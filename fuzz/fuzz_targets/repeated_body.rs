//! The bodies of the `repeated` fuzz target, shared with the seed replay in
//! tests/fuzz_seeds.rs: `[place, times (2 bytes, big-endian), fragment...]`
//! becomes a ticket.created payload (or a webhook) holding the fragment
//! `times` times in the place `place % 8` picks, each `#` in it replaced by
//! the repetition's number.

use periskope_events::{Options, Target};

const TICKET: &str =
    r#""ticket_id":"T","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13","subject":"S","created_at":"2025-01-26 13:46:55+00""#;

/// The limits the bodies are read with: large enough for every body.
pub fn options() -> Options {
    Options { max_bytes: 4 << 20, ..Options::default() }
}

/// The body and the entry point it is read by, or `None` for data that
/// does not describe one.
pub fn body(data: &[u8]) -> Option<(String, Target<'static>)> {
    let (&[place, times_high, times_low], fragment) = data.split_first_chunk::<3>()?;
    let fragment = std::str::from_utf8(fragment).ok().filter(|f| f.len() <= 64)?;
    let times = usize::from(u16::from_be_bytes([times_high, times_low]));
    // A `#` in the fragment becomes the repetition's number, so that the
    // repeats can differ (distinct labels, distinct keys), which is what the
    // quadratic paths needed.
    let many: String = if fragment.contains('#') {
        (0..times).map(|i| fragment.replace('#', &i.to_string())).collect()
    } else {
        fragment.repeat(times)
    };
    let ticket = Target::Event("ticket.created");
    Some(match place % 8 {
        0 => (format!(r#"{{"ticket":{{{TICKET},"ticket_labels":"{many}"}}}}"#), ticket),
        1 => (format!(r#"{{"ticket":{{{TICKET},"ticket_labels":[{many}""]}}}}"#), ticket),
        2 => (format!(r#"{{"ticket":{{{TICKET}}},"chat":{{"chat_id":"1@g.us","members":{{{many}"x":{{}}}}}}}}"#), ticket),
        3 => (format!(r#"{{"ticket":{{{TICKET},{many}"x":1}}}}"#), ticket),
        4 => (format!(r#"{{"ticket":{{{TICKET},"v":[{many}0]}}}}"#), ticket),
        5 => (format!(r#"{{"ticket":{{{TICKET},"v":{many}}}}}"#), ticket),
        6 => (format!(r#"{{"ticket":{{{TICKET},"ticket_custom_properties":"{many}"}}}}"#), ticket),
        _ => (
            format!(
                r#"{{"event":"ticket.created","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13","timestamp":"2025-01-26T13:46:55Z","data":{{"ticket":{{{TICKET}}}}},{many}"x":1}}"#
            ),
            Target::Webhook,
        ),
    })
}
