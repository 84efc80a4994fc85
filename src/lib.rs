//! Typed models, validators and normalizers for Periskope's webhook and SDK
//! events.
//!
//! The core is pure Rust with no dependencies: a JSON reader that reports
//! duplicate keys and positions ([`json`]), payload models that collect every
//! issue in one pass ([`events`], [`issue`]), and normalization rules as plain
//! functions ([`normalize`]). The WebAssembly bindings (compiled only for
//! `wasm32`) are a thin layer over [`to_js_json`].
//!
//! ```
//! use periskope_events::{validate_ticket_created, IssueCode, Options};
//! let report = validate_ticket_created(br#"{"ticket":{"priority":9}}"#, &Options::default());
//! assert!(!report.is_valid());
//! let codes: Vec<_> = report.errors().map(|i| (i.path.as_str(), i.code)).collect();
//! assert!(codes.contains(&("/ticket/priority", IssueCode::OutOfRange)));
//! assert!(codes.contains(&("/ticket", IssueCode::MissingField)));
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]
// No input-driven panics: outside tests the core never unwraps, expects,
// panics or indexes without a check (a panic in wasm is a trap); the two
// reviewed exceptions (heapsort, SHA-256) say why their indices are bounded.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::todo, clippy::unimplemented, clippy::indexing_slicing)
)]

mod api;
pub mod events;
pub mod issue;
pub mod json;
pub mod model;
pub mod normalize;
mod options;
pub mod signature;
mod sort;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use api::{
    construct_event, construct_event_to_js_json, construct_event_with_tolerance, memory_budget, parse_event,
    parse_ticket_created, parse_webhook, signature_error_number, to_js_json, validate_event, validate_ticket_created,
    ConstructEventError, Options, Parsed, Target,
};
pub use events::common::{ChatMember, Members};
pub use events::envelope::{Webhook, WebhookData};
pub use events::ticket::{Chat, Ticket, TicketCreated, TicketInfo, TicketMessage};
pub use events::{is_known_event, sample_payload, EventData, KNOWN_EVENTS};
pub use issue::{Issue, IssueCode, Position, Report, Severity};
pub use model::{IntoOwned, Model};
pub use options::UnknownEvents;
