//! Times the core's phases on a payload, natively: `cargo run --release --example phases -- <file> [event]`.
//! A profiling aid for the README's performance notes, not a benchmark of record.
use std::time::Instant;

use periskope_events::{json, to_js_json, Options, Target};

fn time(label: &str, iterations: u32, mut f: impl FnMut()) {
    for _ in 0..iterations / 10 {
        f();
    }
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    println!("{label:<28} {:>8.2} µs", start.elapsed().as_secs_f64() * 1e6 / f64::from(iterations));
}

fn main() {
    let path = std::env::args().nth(1).expect("a payload file");
    let event = std::env::args().nth(2).unwrap_or_else(|| "ticket.created".into());
    let input = std::fs::read(&path).expect("read the payload");
    let text = std::str::from_utf8(&input).expect("UTF-8");
    let options = Options::default();
    println!("{path}: {} bytes", input.len());
    time("utf-8 check", 20000, || assert!(std::str::from_utf8(std::hint::black_box(&input)).is_ok()));
    time("json::parse", 20000, || assert!(json::parse(std::hint::black_box(text), 64).is_ok()));
    time("validate (to_js_json)", 20000, || {
        std::hint::black_box(to_js_json(&input, &options, Target::Event(&event), false));
    });
    time("parse (to_js_json)", 20000, || {
        std::hint::black_box(to_js_json(&input, &options, Target::Event(&event), true));
    });
}
