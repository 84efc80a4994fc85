//! Arbitrary bytes through every entry point (UTF-8 or not).
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::check_all_targets(data));
