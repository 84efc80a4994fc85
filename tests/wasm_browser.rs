//! The wasm behaviour suite, run in a headless browser by
//! `wasm-pack test --headless --chrome` (scripts/test-runtimes.sh): the same
//! tests as `wasm_node.rs`, another host.
#![cfg(all(target_arch = "wasm32", feature = "wasm-bindings"))]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod wasm_suite;
