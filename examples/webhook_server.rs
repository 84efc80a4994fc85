//! A Periskope webhook receiver with nothing but the standard library: it
//! reads the raw body (capped at `maxBytes` before reading), verifies the
//! signature, parses and normalizes the event, hands the owned result to a
//! worker thread that serializes it with serde_json, and answers 200, 401,
//! 400 or 413. Every error travels with `?` as `Box<dyn Error>`.
//!
//! ```text
//! PERISKOPE_SIGNING_KEY=... cargo run --example webhook_server --features serde -- 127.0.0.1:8080
//! cargo run --example webhook_server --features serde -- --self-test
//! ```
//!
//! `--self-test` listens on 127.0.0.1 (a free port), posts a signed
//! `ticket.created`, a tampered copy and an oversized body to itself, checks
//! the answers and exits: the test command runs it. With axum or actix the
//! shape is the same: take the body as bytes (`axum::body::Bytes`), never as
//! parsed JSON, and call `construct_event` on them.

use std::error::Error;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;

use periskope_events::{construct_event, ConstructEventError, Options, Parsed, Webhook};

type BoxError = Box<dyn Error + Send + Sync>;

/// What the worker thread receives: the delivery, owned, so it outlives the
/// request's buffer.
type Delivery = Parsed<Webhook<'static>>;

fn main() -> Result<(), BoxError> {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:8080".into());
    if arg == "--self-test" {
        return self_test();
    }
    let key = std::env::var("PERISKOPE_SIGNING_KEY")?;
    let listener = TcpListener::bind(&arg)?;
    println!("listening on {arg}");
    let worker = spawn_worker();
    for stream in listener.incoming() {
        if let Err(e) = handle(stream?, key.as_bytes(), &worker) {
            eprintln!("request failed: {e}");
        }
    }
    Ok(())
}

/// A thread that serializes each delivery (a stand-in for a queue or a
/// database): it gets owned values, which is what `into_owned` is for.
fn spawn_worker() -> mpsc::Sender<(Delivery, mpsc::Sender<String>)> {
    let (send, receive) = mpsc::channel::<(Delivery, mpsc::Sender<String>)>();
    thread::spawn(move || {
        for (delivery, reply) in receive {
            let json = serde_json::to_string(&delivery.value).unwrap_or_else(|e| format!("serialization failed: {e}"));
            let _ = reply.send(json);
        }
    });
    send
}

/// One request: the status line and body sent back.
fn handle(mut stream: TcpStream, key: &[u8], worker: &mpsc::Sender<(Delivery, mpsc::Sender<String>)>) -> Result<(), BoxError> {
    let options = Options::default();
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let (mut length, mut signature) = (None, None);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "content-length" => length = value.trim().parse::<usize>().ok(),
                "x-periskope-signature" => signature = Some(value.trim().to_owned()),
                _ => {}
            }
        }
    }
    let answer = |stream: &mut TcpStream, status: &str, body: &str| -> Result<(), BoxError> {
        write!(
            stream,
            "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )?;
        Ok(())
    };
    if !request_line.starts_with("POST ") {
        return answer(&mut stream, "405 Method Not Allowed", r#"{"code":"method_not_allowed"}"#);
    }
    // The size is decided before reading: a body over the limit is never read.
    let Some(length) = length.filter(|n| *n <= options.max_bytes) else {
        return answer(&mut stream, "413 Payload Too Large", r#"{"code":"too_large"}"#);
    };
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    match construct_event(&body, signature.as_deref(), &[key], &options) {
        Ok(delivery) => {
            let (reply, response) = mpsc::channel();
            worker.send((delivery.into_owned(), reply))?;
            drop(body); // the worker's copy owns everything it needs
            answer(&mut stream, "200 OK", &response.recv()?)
        }
        Err(ConstructEventError::Signature(e)) => {
            answer(&mut stream, "401 Unauthorized", &format!(r#"{{"code":"{}"}}"#, e.code()))
        }
        Err(ConstructEventError::Payload(report)) => {
            let codes: Vec<String> = report.errors().map(|i| format!(r#""{}""#, i.code)).collect();
            answer(&mut stream, "400 Bad Request", &format!(r#"{{"issues":[{}]}}"#, codes.join(",")))
        }
        Err(other) => Err(other.into()),
    }
}

fn post(address: &str, body: &[u8], signature: Option<&str>) -> Result<String, BoxError> {
    let mut stream = TcpStream::connect(address)?;
    let header = signature.map(|s| format!("x-periskope-signature: {s}\r\n")).unwrap_or_default();
    write!(stream, "POST /webhook HTTP/1.1\r\nhost: {address}\r\ncontent-length: {}\r\n{header}\r\n", body.len())?;
    stream.write_all(body)?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    Ok(response)
}

fn self_test() -> Result<(), BoxError> {
    let key = b"peri_self_test_key";
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let address = listener.local_addr()?.to_string();
    let server = thread::spawn(move || -> Result<(), BoxError> {
        let worker = spawn_worker();
        for stream in listener.incoming().take(3) {
            handle(stream?, key, &worker)?;
        }
        Ok(())
    });
    let data = periskope_events::sample_payload("ticket.created").ok_or("no sample")?;
    let body = format!(
        r#"{{"event":"ticket.created","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13","timestamp":"2025-01-26T13:46:55.758Z","data":{data}}}"#
    );
    let signature = periskope_events::signature::sign(body.as_bytes(), key);

    let valid = post(&address, body.as_bytes(), Some(&signature))?;
    let json = valid.split("\r\n\r\n").nth(1).ok_or("no body")?;
    let value: serde_json::Value = serde_json::from_str(json)?;
    check(
        valid.starts_with("HTTP/1.1 200") && value["known"] == true && value["dedup_key"].is_string(),
        "a signed event: 200 with the normalized webhook",
    )?;

    let tampered = post(&address, body.replace("BKT", "XKT").as_bytes(), Some(&signature))?;
    check(
        tampered.starts_with("HTTP/1.1 401") && tampered.contains("signature_mismatch"),
        "a tampered body: 401 signature_mismatch",
    )?;

    // Declared over the limit: refused from the header alone.
    let mut stream = TcpStream::connect(&address)?;
    write!(stream, "POST /webhook HTTP/1.1\r\ncontent-length: {}\r\n\r\n", Options::DEFAULT_MAX_BYTES + 1)?;
    let mut oversized = String::new();
    stream.read_to_string(&mut oversized)?;
    check(oversized.starts_with("HTTP/1.1 413"), "an oversized body: 413 before reading")?;

    server.join().map_err(|_| "the server thread panicked")??;
    println!("self-test passed: 200, 401, 413");
    Ok(())
}

fn check(ok: bool, what: &str) -> Result<(), BoxError> {
    if ok {
        println!("ok: {what}");
        Ok(())
    } else {
        Err(format!("failed: {what}").into())
    }
}
