//! The JSON Schemas of the payloads (draft 2020-12) are generated from the
//! Rust models' field tables, as the TypeScript declarations are
//! (tests/typescript.rs), and committed in `pkg-template/schemas/`: one file
//! per known event and direction (`ticket.created.input.json`,
//! `ticket.created.output.json`) and the webhook envelope's
//! (`webhook.input.json`, `webhook.output.json`). This test fails when they
//! drift; run it with `UPDATE_DTS=1` to rewrite them after changing a model.
//!
//! Each kind of field gives its schema as JSON text (`FieldKind::SCHEMA_IN`,
//! `SCHEMA_OUT`); this file adds what a field table says: `null` for
//! optional fields, `required`, the known values as `examples`, the derived
//! values written beside a field, and the `$defs` every file needs. What a
//! field table cannot say is written here by hand, as in typescript.rs:
//! WhatsApp's id object (two spellings of two keys), the parts of a chat and
//! of a message id, a bare ticket read as a ticket-info payload, and the
//! envelope.
//!
//! The schemas describe the default options: in strict mode, unknown fields
//! and warnings are errors, which a schema does not describe.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

mod common;

use common::value::J;
use periskope_events::events::{EventFamily, KNOWN_EVENTS};
use periskope_events::model::kinds::Priority;
use periskope_events::model::{FieldInfo, ModelInfo};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-template/schemas");
const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

fn s(text: &str) -> J {
    J::Str(text.to_owned())
}

fn obj(members: Vec<(&str, J)>) -> J {
    J::Obj(members.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn strs<'a>(items: impl IntoIterator<Item = &'a str>) -> J {
    J::Arr(items.into_iter().map(s).collect())
}

fn reference(def: &str) -> J {
    obj(vec![("$ref", s(&format!("#/$defs/{def}")))])
}

impl J {
    /// A kind's fragment (JSON text) as a value: serde_json's map sorts its
    /// keys, which keeps the output stable.
    fn parse(text: &str) -> J {
        fn from(v: serde_json::Value) -> J {
            match v {
                serde_json::Value::Null => J::Null,
                serde_json::Value::Bool(b) => J::Bool(b),
                serde_json::Value::Number(n) => J::Num(n.to_string()),
                serde_json::Value::String(s) => J::Str(s),
                serde_json::Value::Array(items) => J::Arr(items.into_iter().map(from).collect()),
                serde_json::Value::Object(map) => J::Obj(map.into_iter().map(|(k, v)| (k, from(v))).collect()),
            }
        }
        from(serde_json::from_str(text).unwrap_or_else(|e| panic!("a kind's schema is not JSON ({e}): {text}")))
    }

    fn get(&self, key: &str) -> Option<&J> {
        match self {
            J::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn set(&mut self, key: &str, value: J) {
        if let J::Obj(members) = self {
            match members.iter_mut().find(|(k, _)| k == key) {
                Some(slot) => slot.1 = value,
                None => members.push((key.to_owned(), value)),
            }
        }
    }

    /// Every `#/$defs/...` this value refers to.
    fn refs(&self, out: &mut BTreeSet<String>) {
        match self {
            J::Obj(members) => {
                for (k, v) in members {
                    match (k.as_str(), v) {
                        ("$ref", J::Str(r)) => {
                            out.insert(r.strip_prefix("#/$defs/").expect("a local reference").to_owned());
                        }
                        _ => v.refs(out),
                    }
                }
            }
            J::Arr(items) => items.iter().for_each(|v| v.refs(out)),
            _ => {}
        }
    }

    fn write(&self, out: &mut String, indent: usize) {
        let pad = |n: usize| "  ".repeat(n);
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Num(n) => out.push_str(n),
            J::Str(text) => out.push_str(&serde_json::to_string(text).expect("a string")),
            J::Arr(items) if items.is_empty() => out.push_str("[]"),
            // Short arrays of scalars on one line (`"type": ["string", "null"]`).
            J::Arr(items)
                if items.iter().all(|i| matches!(i, J::Str(_) | J::Num(_) | J::Bool(_) | J::Null)) && items.len() <= 4 =>
            {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write(out, indent);
                }
                out.push(']');
            }
            J::Arr(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    item.write(out, indent + 1);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push(']');
            }
            J::Obj(members) if members.is_empty() => out.push_str("{}"),
            J::Obj(members) => {
                out.push_str("{\n");
                for (i, (k, v)) in members.iter().enumerate() {
                    let _ = write!(out, "{}{}: ", pad(indent + 1), serde_json::to_string(k).expect("a key"));
                    v.write(out, indent + 1);
                    out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push('}');
            }
        }
    }
}

/// `schema` or `null`: `null` added to its `type` when it has one (and no
/// `enum` or `const`), else `anyOf` the two. `{}` already allows `null`.
fn nullable(schema: J) -> J {
    if schema == J::Obj(Vec::new()) {
        return schema;
    }
    if let (Some(J::Arr(options)), J::Obj(members)) = (schema.get("anyOf"), &schema) {
        if members.len() == 1 {
            let mut options = options.clone();
            options.push(obj(vec![("type", s("null"))]));
            return obj(vec![("anyOf", J::Arr(options))]);
        }
    }
    let plain = schema.get("enum").is_none() && schema.get("const").is_none() && schema.get("anyOf").is_none();
    match schema.get("type").cloned() {
        Some(J::Str(t)) if plain => {
            let mut out = schema;
            out.set("type", strs([t.as_str(), "null"]));
            out
        }
        Some(J::Arr(mut types)) if plain => {
            let mut out = schema;
            types.push(s("null"));
            out.set("type", J::Arr(types));
            out
        }
        _ => obj(vec![("anyOf", J::Arr(vec![schema, obj(vec![("type", s("null"))])]))]),
    }
}

/// One line of documentation, for `description`.
fn description(doc: &str) -> Option<J> {
    let text = doc.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(J::Str(text))
}

/// A field's schema: its kind's fragment, with its description and, for a
/// closed set of strings, the known values as `examples` (values outside it
/// are kept, so they are not an `enum`).
fn field_schema(f: &FieldInfo, fragment: &str, allow_null: bool) -> J {
    let mut schema = J::parse(fragment);
    if allow_null {
        schema = nullable(schema);
    }
    if let Some(values) = f.values {
        schema.set("examples", strs(values.values.iter().copied()));
    }
    if let Some(doc) = description(f.doc) {
        schema.set("description", doc);
    }
    schema
}

/// A model as accepted: optional fields may be `null`, required ones must be
/// there and not `null`, unknown fields are kept.
fn model_input(m: &ModelInfo) -> J {
    let properties = m.fields.iter().map(|f| (f.name.to_owned(), field_schema(f, f.schema_in, !f.required))).collect();
    let required = m.fields.iter().filter(|f| f.required).map(|f| f.name);
    let mut schema = obj(vec![("type", s("object"))]);
    if let Some(doc) = description(&format!("{} As accepted: what real senders send, `null` included.", m.doc)) {
        schema.set("description", doc);
    }
    schema.set("properties", J::Obj(properties));
    let required: Vec<&str> = required.collect();
    if !required.is_empty() {
        schema.set("required", strs(required));
    }
    schema.set("additionalProperties", J::Bool(true));
    schema
}

/// A model as normalized: every field present, `null` where the output can
/// be (as in models.d.ts), the derived values beside their fields, unknown
/// fields kept.
fn model_output(m: &ModelInfo) -> J {
    let mut properties = Vec::new();
    let mut names = Vec::new();
    for f in m.fields {
        properties.push((f.name.to_owned(), field_schema(f, f.schema_out, f.out_nullable && !f.required)));
        names.push(f.name.to_owned());
        if let Some((suffix, ts)) = f.derived {
            let name = format!("{}{suffix}", f.name);
            let mut derived = nullable(reference(ts));
            derived.set("description", s(&format!("Computed from `{}`.", f.name)));
            properties.push((name.clone(), derived));
            names.push(name);
        }
    }
    let mut schema = obj(vec![("type", s("object"))]);
    if let Some(doc) = description(&format!("{} Normalized: every field is present, `null` when absent.", m.doc)) {
        schema.set("description", doc);
    }
    schema.set("properties", J::Obj(properties));
    schema.set("required", J::Arr(names.into_iter().map(J::Str).collect()));
    schema.set("additionalProperties", J::Bool(true));
    schema
}

fn object(properties: Vec<(&str, J)>, required: &[&str]) -> J {
    let mut schema = obj(vec![("type", s("object")), ("properties", obj(properties))]);
    schema.set("required", strs(required.iter().copied()));
    schema.set("additionalProperties", J::Bool(true));
    schema
}

/// The definitions written by hand (see the module's documentation).
fn hand_written(name: &str) -> Option<J> {
    let string_or_null = || obj(vec![("type", strs(["string", "null"]))]);
    let bool_or_null = || obj(vec![("type", strs(["boolean", "null"]))]);
    Some(match name {
        "WaIdInput" => {
            let mut schema = object(
                vec![
                    ("id", string_or_null()),
                    ("from_me", bool_or_null()),
                    ("fromMe", bool_or_null()),
                    ("remote", string_or_null()),
                    ("serialized", string_or_null()),
                    ("_serialized", string_or_null()),
                ],
                &[],
            );
            if let J::Obj(members) = &mut schema {
                members.retain(|(k, _)| k != "required");
            }
            schema.set(
                "description",
                s("WhatsApp's id object as accepted: either spelling of `from_me` and `serialized`, or the serialized id as a string."),
            );
            schema
        }
        "WaId" => {
            let mut schema = object(
                vec![
                    ("id", string_or_null()),
                    ("from_me", bool_or_null()),
                    ("remote", string_or_null()),
                    ("serialized", string_or_null()),
                ],
                &["id", "from_me", "remote", "serialized"],
            );
            schema.set(
                "description",
                s("WhatsApp's id object of a message, reaction or notification, always with snake_case keys."),
            );
            schema
        }
        "ChatIdParts" => {
            let mut schema = object(
                vec![
                    ("kind", obj(vec![("type", s("string")), ("enum", strs(["contact", "group", "other"]))])),
                    ("number", string_or_null()),
                    ("server", string_or_null()),
                ],
                &["kind", "number", "server"],
            );
            schema.set("description", s("A chat id split into its parts."));
            schema
        }
        "MessageIdParts" => {
            let mut schema = object(
                vec![
                    ("from_me", obj(vec![("type", s("boolean"))])),
                    ("chat_id", obj(vec![("type", s("string"))])),
                    ("id", obj(vec![("type", s("string"))])),
                    ("participant", string_or_null()),
                ],
                &["from_me", "chat_id", "id", "participant"],
            );
            schema.set("description", s("A serialized message id (`true_<chat>_<id>[_<participant>]`) split into its parts."));
            schema
        }
        "PriorityLabel" => {
            obj(vec![("type", s("string")), ("enum", strs(Priority::LABELS)), ("description", s("The label of a priority."))])
        }
        _ => return None,
    })
}

/// The definition named `name`: a model's (`Ticket`, `TicketInput`) or one
/// written by hand.
fn definition(name: &str, models: &[&'static ModelInfo]) -> J {
    if let Some(def) = hand_written(name) {
        return def;
    }
    if let Some(m) = models.iter().find(|m| m.ts_name == name) {
        return model_output(m);
    }
    if let Some(m) = name.strip_suffix("Input").and_then(|base| models.iter().find(|m| m.ts_name == base)) {
        return model_input(m);
    }
    panic!("a schema refers to #/$defs/{name}, which nothing defines");
}

/// A whole schema file: `root` with the definitions it reaches.
fn document(title: &str, doc: &str, root: Vec<(&str, J)>, models: &[&'static ModelInfo]) -> String {
    let mut schema = obj(vec![("$schema", s(DRAFT)), ("title", s(title)), ("description", s(doc))]);
    for (k, v) in root {
        schema.set(k, v);
    }
    let mut defs: Vec<(String, J)> = Vec::new();
    let mut pending = BTreeSet::new();
    schema.refs(&mut pending);
    while let Some(name) = pending.pop_first() {
        if defs.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let def = definition(&name, models);
        let mut more = BTreeSet::new();
        def.refs(&mut more);
        pending.extend(more.into_iter().filter(|n| !defs.iter().any(|(d, _)| d == n)));
        defs.push((name, def));
    }
    defs.sort_by(|a, b| a.0.cmp(&b.0));
    schema.set("$defs", J::Obj(defs));
    let mut out = String::new();
    schema.write(&mut out, 0);
    out.push('\n');
    out
}

/// A family's payload as accepted: its model, or for tickets a bare ticket
/// too (its fields at the top level, read as `{ ticket, chat: null, ... }`).
fn payload_input(family: EventFamily) -> J {
    let model = reference(&format!("{}Input", family.ts_name()));
    match family {
        EventFamily::Ticket => obj(vec![("anyOf", J::Arr(vec![model, reference("TicketInput")]))]),
        _ => model,
    }
}

/// Whether an object names the event `event` (in `event`, or in
/// `event_type` when `event` is absent).
fn names_event(event: J) -> J {
    obj(vec![(
        "anyOf",
        J::Arr(vec![
            obj(vec![("properties", obj(vec![("event", event.clone())])), ("required", strs(["event"]))]),
            obj(vec![
                ("properties", obj(vec![("event_type", event)])),
                ("required", strs(["event_type"])),
                ("not", obj(vec![("required", strs(["event"]))])),
            ]),
        ]),
    )])
}

/// Whether the value is a webhook body (an object with `data` and `event`
/// or `event_type`), which the event readers unwrap.
fn is_envelope() -> J {
    obj(vec![
        ("type", s("object")),
        ("required", strs(["data"])),
        ("anyOf", J::Arr(vec![obj(vec![("required", strs(["event"]))]), obj(vec![("required", strs(["event_type"]))])])),
    ])
}

fn event_input(event: &str, family: EventFamily, models: &[&'static ModelInfo]) -> String {
    let const_event = obj(vec![("const", s(event))]);
    let mut bare = obj(vec![("allOf", J::Arr(vec![payload_input(family)]))]);
    bare.set("not", is_envelope());
    let envelope = obj(vec![
        ("description", s("A webhook body of this event (its data is read; use the webhook schema for any event).")),
        ("type", s("object")),
        ("properties", obj(vec![("data", payload_input(family))])),
        ("required", strs(["data"])),
        ("allOf", J::Arr(vec![names_event(const_event)])),
    ]);
    document(
        &format!("{event} (input)"),
        &format!("The `{event}` payload as accepted by parseEvent('{event}', ...): the payload, or a webhook body of this event. Generated from the Rust models by tests/json_schema.rs."),
        vec![("anyOf", J::Arr(vec![bare, envelope]))],
        models,
    )
}

fn event_output(event: &str, family: EventFamily, models: &[&'static ModelInfo]) -> String {
    document(
        &format!("{event} (output)"),
        &format!("The normalized `{event}` payload, as parseEvent('{event}', ...) returns it. Generated from the Rust models by tests/json_schema.rs."),
        vec![("allOf", J::Arr(vec![reference(family.ts_name())]))],
        models,
    )
}

fn webhook_input(models: &[&'static ModelInfo]) -> String {
    let string = || obj(vec![("type", s("string"))]);
    let mut dispatch = Vec::new();
    for event in KNOWN_EVENTS {
        let family = EventFamily::of(event).expect("a known event has a family");
        dispatch.push(obj(vec![
            ("if", names_event(obj(vec![("const", s(event))]))),
            ("then", obj(vec![("properties", obj(vec![("data", payload_input(family))]))])),
        ]));
    }
    let name = obj(vec![(
        "anyOf",
        J::Arr(vec![
            obj(vec![("required", strs(["event"]))]),
            obj(vec![("properties", obj(vec![("event_type", string())])), ("required", strs(["event_type"]))]),
        ]),
    )]);
    dispatch.insert(0, name);
    let root = vec![
        ("type", s("object")),
        (
            "properties",
            obj(vec![
                (
                    "event",
                    obj(vec![
                        ("type", s("string")),
                        ("description", s("The event's name.")),
                        ("examples", strs(KNOWN_EVENTS.iter().copied())),
                    ]),
                ),
                ("event_type", obj(vec![("description", s("Read as the event's name when `event` is absent."))])),
                ("org_id", obj(vec![("type", s("string")), ("description", s("The organisation's id (a UUID)."))])),
                ("timestamp", {
                    let mut t =
                        J::parse(<periskope_events::model::kinds::Timestamp as periskope_events::model::FieldKind>::SCHEMA_IN);
                    t.set("description", s("When the event happened."));
                    t
                }),
                (
                    "data",
                    obj(vec![(
                        "description",
                        s("The payload: read by its event's model when the event is known, kept as sent otherwise."),
                    )]),
                ),
                ("previous_attributes", obj(vec![("type", strs(["object", "null"]))])),
            ]),
        ),
        ("required", strs(["data", "org_id", "timestamp"])),
        ("additionalProperties", J::Bool(true)),
        ("allOf", J::Arr(dispatch)),
    ];
    document(
        "webhook (input)",
        "A webhook body as parseWebhook accepts it. Generated from the Rust models by tests/json_schema.rs.",
        root,
        models,
    )
}

fn webhook_output(models: &[&'static ModelInfo]) -> String {
    let mut dispatch = vec![obj(vec![
        ("if", obj(vec![("properties", obj(vec![("event", obj(vec![("enum", strs(KNOWN_EVENTS.iter().copied()))]))]))])),
        ("then", obj(vec![("properties", obj(vec![("known", obj(vec![("const", J::Bool(true))]))]))])),
        ("else", obj(vec![("properties", obj(vec![("known", obj(vec![("const", J::Bool(false))]))]))])),
    ])];
    for event in KNOWN_EVENTS {
        let family = EventFamily::of(event).expect("a known event has a family");
        dispatch.push(obj(vec![
            ("if", obj(vec![("properties", obj(vec![("event", obj(vec![("const", s(event))]))]))])),
            ("then", obj(vec![("properties", obj(vec![("data", reference(family.ts_name()))]))])),
        ]));
    }
    let timestamp = J::parse(<periskope_events::model::kinds::Timestamp as periskope_events::model::FieldKind>::SCHEMA_OUT);
    let root = vec![
        ("type", s("object")),
        (
            "properties",
            obj(vec![
                ("event", obj(vec![("type", s("string")), ("examples", strs(KNOWN_EVENTS.iter().copied()))])),
                (
                    "known",
                    obj(vec![
                        ("type", s("boolean")),
                        ("description", s("Whether this version knows the event (then `data` is normalized).")),
                    ]),
                ),
                ("org_id", obj(vec![("type", s("string"))])),
                ("timestamp", timestamp),
                (
                    "data",
                    obj(vec![("description", s("A known event's normalized payload, or an unknown event's data as sent."))]),
                ),
                ("previous_attributes", obj(vec![("type", strs(["object", "null"]))])),
                (
                    "dedup_key",
                    obj(vec![
                        ("type", s("string")),
                        ("description", s("The same for every delivery of one event; treat it as opaque.")),
                    ]),
                ),
            ]),
        ),
        ("required", strs(["event", "known", "org_id", "timestamp", "data", "previous_attributes", "dedup_key"])),
        ("additionalProperties", J::Bool(true)),
        ("allOf", J::Arr(dispatch)),
    ];
    document(
        "webhook (output)",
        "A webhook delivery as parseWebhook returns it. Generated from the Rust models by tests/json_schema.rs.",
        root,
        models,
    )
}

/// Every file, by name.
fn generate() -> Vec<(String, String)> {
    let models = periskope_events::events::all_models();
    let mut files = Vec::new();
    for event in KNOWN_EVENTS {
        let family = EventFamily::of(event).expect("a known event has a family");
        files.push((format!("{event}.input.json"), event_input(event, family, &models)));
        files.push((format!("{event}.output.json"), event_output(event, family, &models)));
    }
    files.push(("webhook.input.json".to_owned(), webhook_input(&models)));
    files.push(("webhook.output.json".to_owned(), webhook_output(&models)));
    files
}

#[test]
fn schemas_match_the_rust_models() {
    let files = generate();
    let dir = Path::new(DIR);
    if std::env::var_os("UPDATE_DTS").is_some() {
        std::fs::create_dir_all(dir).expect("create pkg-template/schemas");
        for entry in std::fs::read_dir(dir).expect("read pkg-template/schemas") {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                std::fs::remove_file(path).expect("remove an old schema");
            }
        }
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).expect("write a schema");
        }
        return;
    }
    let mut stale = Vec::new();
    for (name, text) in &files {
        if std::fs::read_to_string(dir.join(name)).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.clone());
        }
    }
    let committed: BTreeSet<String> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|n| n.ends_with(".json")).collect())
        .unwrap_or_default();
    let wanted: BTreeSet<String> = files.iter().map(|(n, _)| n.clone()).collect();
    stale.extend(committed.difference(&wanted).map(|n| format!("{n} (no longer generated)")));
    assert!(
        stale.is_empty(),
        "pkg-template/schemas/ is out of date ({}): run `UPDATE_DTS=1 cargo test --test json_schema`",
        stale.join(", ")
    );
}

#[test]
fn every_kind_gives_a_json_fragment_and_every_reference_is_defined() {
    let models = periskope_events::events::all_models();
    for m in &models {
        for f in m.fields {
            for text in [f.schema_in, f.schema_out] {
                assert!(matches!(J::parse(text), J::Obj(_)), "{}.{}: {text} is not a JSON object", m.ts_name, f.name);
            }
        }
    }
    // Every file is JSON with a $defs entry for each reference in it.
    for (name, text) in generate() {
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let defs = value["$defs"].as_object().unwrap_or_else(|| panic!("{name} has no $defs"));
        let mut refs = BTreeSet::new();
        J::parse(&text).refs(&mut refs);
        for r in refs {
            assert!(defs.contains_key(&r), "{name}: #/$defs/{r} is not defined");
        }
    }
}
