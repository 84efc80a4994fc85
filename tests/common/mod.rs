//! Helpers shared by the native fixture tests: a pretty printer for
//! snapshots, and file snapshots rewritten with `UPDATE_FIXTURES=1`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub mod value;

use periskope_events::json::{self, Kind, Value};
use periskope_events::Issue;

/// Pretty-prints JSON text with two-space indents, keys in input order.
pub fn pretty(json_text: &str) -> String {
    let (value, _) = json::parse(json_text, 512).expect("valid JSON");
    let mut out = String::new();
    write(&value, 0, &mut out);
    out.push('\n');
    out
}

fn write(value: &Value<'_>, depth: usize, out: &mut String) {
    let pad = |n: usize| "  ".repeat(n);
    match &value.kind {
        Kind::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad(depth + 1));
                write(item, depth + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(depth));
            out.push(']');
        }
        Kind::Object(members) if !members.is_empty() => {
            out.push_str("{\n");
            for (i, m) in members.iter().enumerate() {
                out.push_str(&pad(depth + 1));
                out.push_str(&quote(&m.key));
                out.push_str(": ");
                write(&m.value, depth + 1, out);
                out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(depth));
            out.push('}');
        }
        Kind::Array(_) => out.push_str("[]"),
        Kind::Object(_) => out.push_str("{}"),
        Kind::Null => out.push_str("null"),
        Kind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Kind::Number(n) => out.push_str(n),
        Kind::String(s) => out.push_str(&quote(s)),
    }
}

/// A JSON string literal that keeps non-ASCII characters as they are, so
/// snapshots read as text (the library's writer escapes them).
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One line per issue: `path: message [code] (severity) @line:column`.
pub fn issue_lines(issues: &[Issue]) -> String {
    issues
        .iter()
        .map(|i| {
            let at = i.position.map(|p| format!(" @{}:{}", p.line, p.column)).unwrap_or_default();
            format!("{i} ({}){at}\n", i.severity.as_str())
        })
        .collect()
}

/// Compares `actual` with the committed file at `path`, or writes it when
/// `UPDATE_FIXTURES` is set. Returns a description of the mismatch.
pub fn check_snapshot(path: &Path, actual: &str) -> Option<String> {
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, actual).expect("write snapshot");
        return None;
    }
    match std::fs::read_to_string(path) {
        Ok(expected) if expected == actual => None,
        Ok(expected) => Some(format!("{} differs:\n--- expected\n{expected}\n--- actual\n{actual}", path.display())),
        Err(_) => Some(format!("{} is missing (run with UPDATE_FIXTURES=1)", path.display())),
    }
}

/// Checks one fixture's outcome against its committed snapshots: a valid
/// fixture's normalized output (`*.expected.json`) and warnings
/// (`*.issues.txt`), an invalid one's issues. Returns what differs.
pub fn check_fixture(
    path: &Path,
    expect_valid: bool,
    outcome: Result<(String, Vec<Issue>), periskope_events::Report>,
) -> Vec<String> {
    match (expect_valid, outcome) {
        (true, Ok((json, warnings))) => [
            check_snapshot(&sibling(path, "expected.json"), &pretty(&json)),
            check_snapshot(&sibling(path, "issues.txt"), &issue_lines(&warnings)),
        ]
        .into_iter()
        .flatten()
        .collect(),
        (true, Err(report)) => vec![format!("{} was rejected:\n{report}", path.display())],
        (false, Ok(_)) => vec![format!("{} was accepted", path.display())],
        (false, Err(report)) => check_snapshot(&sibling(path, "issues.txt"), &issue_lines(report.issues())).into_iter().collect(),
    }
}

/// The `.json` files of a fixture folder, sorted.
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json") && !p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    files.sort();
    files
}

/// `name.json` -> `name.<suffix>`.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let stem = path.file_name().unwrap().to_string_lossy().trim_end_matches(".json").to_string();
    path.with_file_name(format!("{stem}.{suffix}"))
}
