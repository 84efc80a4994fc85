//! The wasm behaviour suite, run in a headless browser by
//! `wasm-pack test --headless --chrome` (scripts/test-runtimes.sh): the same
//! tests as `wasm_node.rs`, another host.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod wasm_suite;
