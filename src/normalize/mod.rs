//! Normalization rules as plain functions, one module per kind of value.
//!
//! Each function is pure and documented with its rule; the models call them,
//! and the README lists the same rules for JavaScript users.

pub mod email;
pub mod labels;
pub mod number;
pub mod placeholder;
pub mod time;
pub mod whatsapp_id;

pub use email::{is_email, normalize_email};
pub use labels::split_labels;
pub use number::integer_value;
pub use time::{format_iso_millis, parse_timestamp, ParsedTimestamp};
pub use whatsapp_id::{parse_chat_id, parse_message_id, ChatId, ChatKind, MessageId};
