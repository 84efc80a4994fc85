#![doc = include_str!("../docs/crate.md")]
#![deny(missing_docs)]
// No unsafe code anywhere but the npm package's allocator (src/wasm/allocator.rs,
// wasm32 with the `wasm-bindings` feature only): the crate as every other
// build sees it forbids it.
#![cfg_attr(not(all(target_arch = "wasm32", feature = "wasm-bindings")), forbid(unsafe_code))]
#![cfg_attr(all(target_arch = "wasm32", feature = "wasm-bindings"), deny(unsafe_code))]
// No input-driven panics: outside tests the core never unwraps, expects,
// panics or indexes without a check (a panic in wasm is a trap); the one
// reviewed exception (heapsort, src/sort.rs) says why its indices are bounded.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::todo, clippy::unimplemented, clippy::indexing_slicing)
)]

mod api;
pub mod events;
pub mod issue;
/// The JSON reader and writer the core is built on: public for the fuzz
/// targets and tests, not an API (it may change in any release).
#[doc(hidden)]
pub mod json;
pub mod model;
pub mod normalize;
mod options;
#[cfg(feature = "serde")]
mod serialize;
pub mod signature;
mod sort;

/// The wasm-bindgen exports of the npm package: its wire protocol, not an
/// API (feature `wasm-bindings`, which scripts/build.sh turns on).
#[cfg(all(target_arch = "wasm32", feature = "wasm-bindings"))]
#[doc(hidden)]
pub mod wasm;

pub use api::{
    construct_event, construct_event_with_tolerance, memory_budget, parse_event, parse_ticket_created, parse_webhook,
    signature_error_number, to_js_json, validate_event, validate_ticket_created, write_answer, write_construct_event_answer,
    write_verified_answer, ConstructEventError, Options, Parsed, Target,
};
pub use events::common::{ChatMember, Members};
pub use events::envelope::{Webhook, WebhookData};
pub use events::ticket::{Chat, Ticket, TicketCreated, TicketInfo, TicketMessage};
pub use events::{is_known_event, sample_payload, EventData, KNOWN_EVENTS};
pub use issue::{Issue, IssueCode, PathSegment, Position, Report, Severity};
pub use model::{IntoOwned, Model};
pub use options::UnknownEvents;
