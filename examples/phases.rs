//! Times the core's phases on a payload, natively: `cargo run --release --example phases -- <file> [webhook|event] [json|validate|parse]`
//! (`validate` and `parse` write the tape, as the bindings do).
//! A profiling aid for the README's performance notes, not a benchmark of record.
use std::time::Instant;

use periskope_events::json::{self, tape::Tape, TapeWriter};
use periskope_events::{to_js_json, write_answer, Options, Target};

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
    // `webhook` (the default) reads the file as a webhook body; an event name, as that event's payload.
    let event = std::env::args().nth(2).unwrap_or_else(|| "webhook".into());
    let target = if event == "webhook" { Target::Webhook } else { Target::Event(&event) };
    let input = std::fs::read(&path).expect("read the payload");
    let text = std::str::from_utf8(&input).expect("UTF-8");
    let max_issues = std::env::var("MAX_ISSUES").ok().and_then(|v| v.parse().ok()).unwrap_or(Options::DEFAULT_MAX_ISSUES);
    let options = Options { max_bytes: usize::MAX, max_issues, ..Options::default() };
    // A third argument (`json`, `validate` or `parse`) repeats that phase alone, 50 times longer: for `perf record`.
    let only = std::env::args().nth(3);
    println!("{path}: {} bytes", input.len());
    // About 20 MB read per phase, whatever the payload's size.
    let iterations = u32::try_from((20_000_000 / input.len().max(1)).clamp(10, 20_000)).unwrap_or(10);
    if let Some(phase) = only {
        if phase == "json" {
            time("json::parse", iterations * 50, || assert!(json::parse(std::hint::black_box(text), 64).is_ok()));
            return;
        }
        let write = phase == "parse";
        time(&phase, iterations * 50, || {
            std::hint::black_box(tape(&input, &options, target, write));
        });
        return;
    }
    time("utf-8 check", iterations, || assert!(std::str::from_utf8(std::hint::black_box(&input)).is_ok()));
    time("json::parse", iterations, || assert!(json::parse(std::hint::black_box(text), 64).is_ok()));
    time("validate (tape)", iterations, || {
        std::hint::black_box(tape(&input, &options, target, false));
    });
    time("parse (tape, as the bindings)", iterations, || {
        std::hint::black_box(tape(&input, &options, target, true));
    });
    time("parse (JSON text)", iterations, || {
        std::hint::black_box(to_js_json(&input, &options, target, true));
    });
}

/// The answer as the bindings write it.
fn tape(input: &[u8], options: &Options, target: Target<'_>, with_data: bool) -> Tape {
    let mut w = TapeWriter::with_capacity(256);
    write_answer(input, options, target, with_data, &mut w);
    w.finish()
}
