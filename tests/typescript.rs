//! The TypeScript declarations of the payload models are generated from the
//! Rust models' field tables (as tsify does from serde types) and committed in
//! `pkg-template/types/models.d.ts`. This test fails when they drift; run it
//! with `UPDATE_DTS=1` to rewrite the file after changing a model.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use periskope_events::events::{EventFamily, KNOWN_EVENTS};
use periskope_events::model::kinds::Priority;
use periskope_events::model::{EnumInfo, FieldInfo, ModelInfo};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-template/types/models.d.ts");

fn jsdoc(out: &mut String, doc: &str, indent: &str) {
    let lines: Vec<&str> = doc.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    match lines.as_slice() {
        [] => {}
        [one] => out.push_str(&format!("{indent}/** {one} */\n")),
        many => {
            out.push_str(&format!("{indent}/**\n"));
            for line in many {
                out.push_str(&format!("{indent} * {line}\n"));
            }
            out.push_str(&format!("{indent} */\n"));
        }
    }
}

fn model(out: &mut String, m: &ModelInfo) {
    let fields: &[FieldInfo] = m.fields;
    jsdoc(out, &format!("{}\nNormalized: every field is present, `null` when absent.", m.doc), "");
    out.push_str(&format!("export interface {} {{\n", m.ts_name));
    for f in fields {
        jsdoc(out, f.doc, "  ");
        let nullable = f.out_nullable && !f.required;
        out.push_str(&format!("  {}: {}{};\n", f.name, f.ts_out, if nullable { " | null" } else { "" }));
        if let Some((suffix, ts)) = f.derived {
            out.push_str(&format!("  /** Computed from `{}`. */\n", f.name));
            out.push_str(&format!("  {}{}: {} | null;\n", f.name, suffix, ts));
        }
    }
    // No index signature on outputs: a misspelled field is a type error.
    // Fields this version does not know are still there, through `WithExtra`.
    out.push_str("}\n\n");

    jsdoc(out, &format!("{}\nAs accepted: what real senders send, `null` included.", m.doc), "");
    out.push_str(&format!("export interface {}Input {{\n", m.ts_name));
    for f in fields {
        if f.required {
            out.push_str(&format!("  {}: {};\n", f.name, f.ts_in));
        } else {
            out.push_str(&format!("  {}?: {} | null;\n", f.name, f.ts_in));
        }
    }
    out.push_str("  [field: string]: unknown;\n}\n\n");
}

fn union(values: &[&str]) -> String {
    values.iter().map(|v| format!("'{v}'")).collect::<Vec<_>>().join(" | ")
}

fn enum_type(out: &mut String, e: &EnumInfo) {
    jsdoc(out, &format!("A {}; values outside the known ones are kept (with a warning).", e.what), "");
    out.push_str(&format!("export type {} = {} | (string & {{}});\n\n", e.ts_name, union(e.values)));
}

/// Every model reachable from the registry (`events::all_models`), and every
/// closed set of values their fields use, each once: nothing here lists a
/// model or an enum by hand, so a new event or field is declared as soon as
/// it is in the registry.
fn reachable() -> (Vec<&'static ModelInfo>, Vec<&'static EnumInfo>) {
    let models = periskope_events::events::all_models();
    let mut enums: Vec<&'static EnumInfo> = Vec::new();
    for e in models.iter().flat_map(|m| m.fields).filter_map(|f| f.values).filter(|e| e.ts_name != "string") {
        if !enums.iter().any(|seen| seen.ts_name == e.ts_name) {
            enums.push(e);
        }
    }
    (models, enums)
}

fn generate() -> String {
    let mut out = String::from(
        "// Generated from the Rust models by tests/typescript.rs. Do not edit:\n// change the model, then run `UPDATE_DTS=1 cargo test --test typescript`.\n\n",
    );
    let codes: Vec<String> = periskope_events::IssueCode::ALL.iter().map(|c| format!("  | '{}'", c.as_str())).collect();
    out.push_str(&format!(
        "/** The stable codes of every issue (from the core's IssueCode). Programs match on these; messages may change. */\nexport type IssueCode =\n{};\n\n",
        codes.join("\n")
    ));
    let (models, enums) = reachable();
    for e in &enums {
        enum_type(&mut out, e);
    }
    out.push_str("/** A ticket priority: 0 none, 1 low, 2 medium, 3 high, 4 urgent. */\nexport type PriorityLevel = 0 | 1 | 2 | 3 | 4;\n\n");
    out.push_str(&format!("/** The label of a priority. */\nexport type PriorityLabel = {};\n\n", union(&Priority::LABELS)));
    out.push_str(
        "/** A chat id split into its parts. */\nexport interface ChatIdParts {\n  /** `contact` for `@c.us`, `group` for `@g.us`, `other` for anything else. */\n  kind: 'contact' | 'group' | 'other';\n  /** The part before `@` when it is all digits. */\n  number: string | null;\n  /** The part after `@`. */\n  server: string | null;\n}\n\n",
    );
    out.push_str(
        "/** A serialized message id (`true_<chat>_<id>[_<participant>]`) split into its parts. */\nexport interface MessageIdParts {\n  /** Whether the organisation's phone sent the message. */\n  from_me: boolean;\n  /** The chat's id. */\n  chat_id: string;\n  /** WhatsApp's id of the message. */\n  id: string;\n  /** In groups, the author's id. */\n  participant: string | null;\n}\n\n",
    );
    out.push_str(
        "/**\n * A normalized object with the fields this version does not know, which are\n * passed through as sent: `(data as WithExtra<Ticket>).some_new_field`.\n */\nexport type WithExtra<T> = T & { [field: string]: unknown };\n\n",
    );
    out.push_str(WA_ID);
    for m in &models {
        model(&mut out, m);
    }
    out.push_str("/** The normalized payload of `ticket.created`. */\nexport type TicketCreated = TicketInfo;\n");
    out.push_str("/** A `ticket.created` payload as accepted. */\nexport type TicketCreatedInput = TicketInfoInput;\n\n");
    event_map(&mut out, "EventDataMap", "The normalized payload of each known event.", "");
    event_map(&mut out, "EventDataInputMap", "The payload of each known event as accepted.", "Input");
    out.push_str("/** The name of an event this version knows. */\nexport type KnownEvent = keyof EventDataMap;\n");
    out
}

/// An interface from each known event's name to its payload type.
fn event_map(out: &mut String, name: &str, doc: &str, suffix: &str) {
    out.push_str(&format!("/** {doc} */\nexport interface {name} {{\n"));
    for event in KNOWN_EVENTS {
        let family = EventFamily::of(event).expect("a known event has a family");
        out.push_str(&format!("  '{event}': {}{suffix};\n", family.ts_name()));
    }
    out.push_str("}\n\n");
}

/// WhatsApp's id object, written by hand because its input accepts two
/// spellings of two keys, which a field table cannot say.
const WA_ID: &str = "/**
 * WhatsApp's id object of a message, reaction or notification, always with snake_case keys
 * (`fromMe` and `_serialized` are read as `from_me` and `serialized`).
 */
export interface WaId {
  /** WhatsApp's id of the message (`3EB0...`). */
  id: string | null;
  /** Whether the organisation's phone sent it. */
  from_me: boolean | null;
  /** The chat's id. */
  remote: string | null;
  /** The serialized id: `<from_me>_<remote>_<id>`, then `_<participant>` in groups. */
  serialized: string | null;
}

/** WhatsApp's id object as accepted: either spelling of `from_me` and `serialized`. */
export interface WaIdInput {
  id?: string | null;
  from_me?: boolean | null;
  fromMe?: boolean | null;
  remote?: string | null;
  serialized?: string | null;
  _serialized?: string | null;
  [field: string]: unknown;
}

";

#[test]
fn models_d_ts_matches_the_rust_models() {
    let generated = generate();
    if std::env::var_os("UPDATE_DTS").is_some() {
        std::fs::write(PATH, &generated).expect("write models.d.ts");
        return;
    }
    let committed = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        committed == generated,
        "pkg-template/types/models.d.ts is out of date: run `UPDATE_DTS=1 cargo test --test typescript`"
    );
}

#[test]
fn every_model_and_enum_is_reached_from_the_registry() {
    let (models, enums) = reachable();
    let names: BTreeSet<&str> = models.iter().map(|m| m.ts_name).collect();
    for want in [
        "TicketInfo",
        "Ticket",
        "Chat",
        "ChatMember",
        "TicketMessage",
        "Message",
        "ChatObject",
        "ChatNotification",
        "Reaction",
        "Note",
        "PhoneInfo",
    ] {
        assert!(names.contains(want), "{want} is not reachable from the registry");
    }
    let enums: BTreeSet<&str> = enums.iter().map(|e| e.ts_name).collect();
    for want in ["TicketStatus", "ChatType", "MessageType", "NotificationType", "WaState"] {
        assert!(enums.contains(want), "{want} is not reachable from the registry");
    }
    assert_eq!(KNOWN_EVENTS.len(), 20);
}
