//! Replays every committed fuzz seed (the fixtures plus each minimized find)
//! through every entry point, so that a crash once found stays fixed even
//! where cargo fuzz does not run.
#![cfg(not(target_arch = "wasm32"))]

use periskope_events::{json, to_js_json, Options, Target};

#[test]
fn every_fuzz_seed_gets_a_structured_answer() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds"));
    let mut count = 0;
    for target in std::fs::read_dir(root).expect("fuzz/seeds") {
        for seed in std::fs::read_dir(target.unwrap().path()).unwrap() {
            let input = std::fs::read(seed.unwrap().path()).unwrap();
            for strict in [false, true] {
                let options = Options { strict, ..Options::default() };
                for target in [Target::Event("ticket.created"), Target::Event("message.created"), Target::Webhook] {
                    let out = to_js_json(&input, &options, target, true);
                    assert!(json::parse(&out, 512).is_ok(), "{out}");
                }
            }
            count += 1;
        }
    }
    assert!(count >= 20, "the seed corpus is there ({count} seeds)");
}
