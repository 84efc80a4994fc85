//! What a Rust user of the crate writes first: verify and parse a signed
//! webhook, hand the owned result to another thread, serialize it there.
use std::error::Error;

use periskope_events::signature::sign;
use periskope_events::{construct_event, sample_payload, EventData, Options, WebhookData};

fn main() -> Result<(), Box<dyn Error + Send + Sync>> {
    let data = sample_payload("ticket.created").ok_or("no sample")?;
    let body = format!(
        r#"{{"event":"ticket.created","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13","timestamp":"2025-01-26T13:46:55.758Z","data":{data}}}"#
    );
    let header = sign(body.as_bytes(), b"peri_key");

    let delivery = construct_event(body.as_bytes(), Some(&header), &[b"peri_key"], &Options::default())?.into_owned();
    drop(body);
    let json = std::thread::spawn(move || -> Result<String, serde_json::Error> {
        if let WebhookData::Known(EventData::Ticket(info)) = &delivery.value.data {
            println!("ticket {} ({})", info.ticket.ticket_id, info.ticket.subject);
        }
        serde_json::to_string(&delivery.value)
    })
    .join()
    .map_err(|_| "the thread panicked")??;
    let value: serde_json::Value = serde_json::from_str(&json)?;
    if value["event"] != "ticket.created" || !value["dedup_key"].is_string() {
        return Err(format!("unexpected output: {json}").into());
    }

    // A refusal travels with `?` too, its code in the message.
    let refused = construct_event(b"{}", Some(&header), &[b"peri_key"], &Options::default());
    let error: Box<dyn Error + Send + Sync> = refused.map(|_| ()).expect_err("a tampered body is refused").into();
    if !error.to_string().contains("signature_mismatch") {
        return Err(format!("unexpected error: {error}").into());
    }
    println!("scratch crate: ok");
    Ok(())
}
