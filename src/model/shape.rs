//! The fixed-shape objects of the answer, each built in JavaScript by one
//! object literal (see [`crate::json::Sink::begin_model`]): every model,
//! the parts of a parsed id, the webhook envelope, the answer and its
//! issues. This list is their numbering, shared by the writers and by the
//! generated `pkg-template/src/shapes.js` (`tests/tape.rs` checks that every
//! model is in it and that the file is current).

use crate::json::Shape;

/// Every shape, by its TypeScript name (the answer's and the issues' are
/// the wire format's own), with its keys in the order they are written;
/// a model's (`None`) are its fields' ([`crate::model::ModelInfo`]), each
/// followed by its derived value's.
pub const SHAPES: &[(&str, Option<&[&str]>)] = &[
    ("Answer", Some(&["data", "issues"])),
    ("Issue", Some(&["path", "code", "message", "severity", "segments"])),
    ("PositionedIssue", Some(&["path", "code", "message", "severity", "segments", "line", "column"])),
    ("Webhook", Some(&["event", "known", "org_id", "timestamp", "data", "previous_attributes", "dedup_key"])),
    ("WaId", Some(&["id", "from_me", "remote", "serialized"])),
    ("ChatIdParts", Some(&["kind", "number", "server"])),
    ("MessageIdParts", Some(&["from_me", "chat_id", "id", "participant"])),
    ("TicketInfo", None),
    ("Ticket", None),
    ("Chat", None),
    ("ChatMember", None),
    ("TicketMessage", None),
    ("Message", None),
    ("ChatObject", None),
    ("ChatNotification", None),
    ("Reaction", None),
    ("Note", None),
    ("PhoneInfo", None),
];

/// The shape named `name`. Used in constants only: there, a name missing
/// from [`SHAPES`] stops the build.
pub const fn shape(name: &str) -> Shape {
    let mut rest = SHAPES;
    let mut index = 0;
    while let [first, tail @ ..] = rest {
        if same(first.0.as_bytes(), name.as_bytes()) {
            return Shape(index);
        }
        rest = tail;
        index += 1;
    }
    // Only ever evaluated in a constant: this stops the build, never a call.
    #[allow(clippy::panic)]
    {
        panic!("a shape missing from model::shape::SHAPES")
    }
}

const fn same(mut a: &[u8], mut b: &[u8]) -> bool {
    while let ([x, a_tail @ ..], [y, b_tail @ ..]) = (a, b) {
        if *x != *y {
            return false;
        }
        a = a_tail;
        b = b_tail;
    }
    a.is_empty() && b.is_empty()
}
