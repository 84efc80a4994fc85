//! The wasm behaviour suite, run in Node by `wasm-pack test --node`.
#![cfg(all(target_arch = "wasm32", feature = "wasm-bindings"))]

mod wasm_suite;
