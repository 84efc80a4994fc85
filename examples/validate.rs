//! Reads a payload from a file (or stdin) and prints the normalized JSON or the
//! issues: `cargo run --example validate -- tests/fixtures/ticket.created/valid/docs-sample-commas-fixed.json`.
use std::io::Read;

fn main() {
    let mut input = Vec::new();
    match std::env::args().nth(1).as_deref() {
        None | Some("-") => std::io::stdin().read_to_end(&mut input).map(drop),
        Some(path) => std::fs::read(path).map(|bytes| input = bytes),
    }
    .expect("read input");
    let options = periskope_events::Options::default();
    match periskope_events::parse_ticket_created(&input, &options) {
        Ok(parsed) => {
            println!("{}", periskope_events::Model::to_json(&parsed.value));
            parsed.warnings.iter().for_each(|w| eprintln!("warning: {w}"));
        }
        Err(report) => {
            println!("{report}");
            std::process::exit(1);
        }
    }
}
