//! The payload models of Periskope's events, one module per family.

pub mod envelope;
pub mod ticket;
