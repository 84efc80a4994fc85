//! The TypeScript declarations of the payload models are generated from the
#![cfg(not(target_arch = "wasm32"))]
//! Rust models' field tables (as tsify does from serde types) and committed in
//! `pkg-template/types/models.d.ts`. This test fails when they drift; run it
//! with `UPDATE_DTS=1` to rewrite the file after changing a model.

use periskope_events::events::ticket::{ChatType, TicketStatus};
use periskope_events::model::kinds::{EnumValues, Priority};
use periskope_events::model::FieldInfo;
use periskope_events::{Chat, ChatMember, Model, Ticket, TicketInfo, TicketMessage};

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

fn model<'a, M: Model<'a>>(out: &mut String) {
    let fields: &[FieldInfo] = M::FIELDS;
    jsdoc(out, &format!("{}\nNormalized: every field is present, `null` when absent.", M::DOC), "");
    out.push_str(&format!("export interface {} {{\n", M::TS_NAME));
    for f in fields {
        jsdoc(out, f.doc, "  ");
        let nullable = f.out_nullable && !f.required;
        out.push_str(&format!("  {}: {}{};\n", f.name, f.ts_out, if nullable { " | null" } else { "" }));
        if let Some((suffix, ts)) = f.derived {
            out.push_str(&format!("  /** Computed from `{}`. */\n", f.name));
            out.push_str(&format!("  {}{}: {} | null;\n", f.name, suffix, ts));
        }
    }
    out.push_str("  /** Fields this version does not know, passed through as sent. */\n");
    out.push_str("  [field: string]: unknown;\n}\n\n");

    jsdoc(out, &format!("{}\nAs accepted: what real senders send, `null` included.", M::DOC), "");
    out.push_str(&format!("export interface {}Input {{\n", M::TS_NAME));
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

fn enum_type<E: EnumValues>(out: &mut String, doc: &str) {
    jsdoc(out, doc, "");
    out.push_str(&format!("export type {} = {} | (string & {{}});\n\n", E::TS, union(E::VALUES)));
}

fn generate() -> String {
    let mut out = String::from(
        "// Generated from the Rust models by tests/typescript.rs. Do not edit:\n// change the model, then run `UPDATE_DTS=1 cargo test --test typescript`.\n\n",
    );
    enum_type::<TicketStatus>(&mut out, "A ticket status; values outside the known ones are kept (with a warning).");
    enum_type::<ChatType>(&mut out, "A chat type; values outside the known ones are kept (with a warning).");
    out.push_str("/** A ticket priority: 0 none, 1 low, 2 medium, 3 high, 4 urgent. */\nexport type PriorityLevel = 0 | 1 | 2 | 3 | 4;\n\n");
    out.push_str(&format!("/** The label of a priority. */\nexport type PriorityLabel = {};\n\n", union(&Priority::LABELS)));
    out.push_str(
        "/** A chat id split into its parts. */\nexport interface ChatIdParts {\n  /** `contact` for `@c.us`, `group` for `@g.us`, `other` for anything else. */\n  kind: 'contact' | 'group' | 'other';\n  /** The part before `@` when it is all digits. */\n  number: string | null;\n  /** The part after `@`. */\n  server: string | null;\n}\n\n",
    );
    out.push_str(
        "/** A serialized message id (`true_<chat>_<id>[_<participant>]`) split into its parts. */\nexport interface MessageIdParts {\n  /** Whether the organisation's phone sent the message. */\n  from_me: boolean;\n  /** The chat's id. */\n  chat_id: string;\n  /** WhatsApp's id of the message. */\n  id: string;\n  /** In groups, the author's id. */\n  participant: string | null;\n}\n\n",
    );
    model::<TicketInfo>(&mut out);
    model::<Ticket>(&mut out);
    model::<Chat>(&mut out);
    model::<ChatMember>(&mut out);
    model::<TicketMessage>(&mut out);
    out.push_str("/** The normalized payload of `ticket.created`. */\nexport type TicketCreated = TicketInfo;\n");
    out.push_str("/** A `ticket.created` payload as accepted. */\nexport type TicketCreatedInput = TicketInfoInput;\n");
    out
}

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
