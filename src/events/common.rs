//! The kinds several event families share: chat types, contact colors, chat
//! members and message types. They sit below the families, so no family
//! imports another: a ticket's chat and a chat object both take their
//! members from here, and a note its message type.

use std::borrow::Cow;

use crate::issue::IssueCode;
use crate::json::{Kind, Sink, Value};
use crate::model::kinds::{ChatIdField, EnumText, EnumValues, Json, Labels, Number, PhoneId, Timestamp, Uuid};
use crate::model::{model, read_model, Cx, FieldKind, Model};

/// Chat types: `user`, `group`, `business`, `unknown`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChatType;

impl EnumValues for ChatType {
    const VALUES: &'static [&'static str] = &["user", "group", "business", "unknown"];
    const WHAT: &'static str = "chat type";
    const TS: &'static str = "ChatType";
}

/// The 15 contact colors of Periskope's palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContactColor;

impl EnumValues for ContactColor {
    const VALUES: &'static [&'static str] = &[
        "#B4876E", "#A5B337", "#06CF9C", "#25D366", "#02A698", "#7D9EF1", "#007BFC", "#5E47DE", "#7F66FF", "#9333EA", "#FA6533",
        "#C4532D", "#DC2626", "#FF2E74", "#DB2777",
    ];
    const WHAT: &'static str = "contact color";
    const TS: &'static str = "string";
}

/// Message types: the SDK's `SUPPORTED_TYPES` (`chat`, `sticker`, `image`,
/// `video`, `document`, `vcard`, `multi_vcard`, `audio`, `ptt`,
/// `poll_creation`, `location`, `ciphertext`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MessageType;

impl EnumValues for MessageType {
    const VALUES: &'static [&'static str] = &[
        "chat",
        "sticker",
        "image",
        "video",
        "document",
        "vcard",
        "multi_vcard",
        "audio",
        "ptt",
        "poll_creation",
        "location",
        "ciphertext",
    ];
    const WHAT: &'static str = "message type";
    const TS: &'static str = "MessageType";
}

model! {
    /// A member of a chat (Periskope's `ChatMemberType`: the participant's
    /// and the contact's fields).
    pub struct ChatMember<'a> as "ChatMember", draft ChatMemberDraft {
        /// The organisation's id (a UUID).
        org_id: Uuid<'a>,
        /// The chat's id; `chat_id_parsed` beside it.
        chat_id: ChatIdField<'a>,
        /// The member's contact id (the key of the `members` map); `contact_id_parsed` beside it.
        contact_id: ChatIdField<'a>,
        /// The organisation's phone.
        org_phone: PhoneId<'a>,
        /// Whether the member is a group admin.
        is_admin: bool,
        /// Whether the member is a group super-admin.
        is_super_admin: bool,
        /// Whether the member belongs to the organisation.
        is_internal: bool,
        /// The contact's name.
        contact_name: Cow<'a, str>,
        /// The contact's color, from Periskope's palette.
        contact_color: EnumText<'a, ContactColor>,
        /// The contact's image URL.
        contact_image: Cow<'a, str>,
        /// Labels, split from `"label1, label2"`.
        contact_labels: Labels<'a>,
        /// WhatsApp's id of the contact, as sent.
        id: Json<'a>,
        /// The contact's linked-device id (LID), as sent.
        contact_lid: Cow<'a, str>,
        /// The contact's kind, as sent.
        contact_type: Cow<'a, str>,
        /// The contact's phone number.
        number: PhoneId<'a>,
        /// The contact's name as saved on the organisation's phone.
        name: Cow<'a, str>,
        /// The name the contact shows on WhatsApp.
        pushname: Cow<'a, str>,
        /// A short form of the contact's name.
        short_name: Cow<'a, str>,
        /// The contact's name in Periskope.
        periskope_name: Cow<'a, str>,
        /// A business's verified name.
        verified_name: Cow<'a, str>,
        /// A business's verification level, as the number sent.
        verified_level: Number<'a>,
        /// The WhatsApp Business profile, as sent.
        business_profile: Json<'a>,
        /// Label ids (`{ "label-...": true }`), as sent: any JSON, as the SDK types it.
        label_ids: Json<'a>,
        /// Whether the organisation's phone blocked the contact.
        is_blocked: bool,
        /// Whether the contact is a WhatsApp Business account.
        is_business: bool,
        /// Whether the contact is an enterprise account.
        is_enterprise: bool,
        /// Whether the contact is a group.
        is_group: bool,
        /// Whether the contact is the organisation's phone itself.
        is_me: bool,
        /// Whether the contact is saved on the organisation's phone.
        is_my_contact: bool,
        /// Whether the contact is a person.
        is_user: bool,
        /// Whether the contact is on WhatsApp.
        is_wa_contact: bool,
        /// Whether the contact was imported into Periskope.
        is_imported: bool,
        /// When the contact was last changed, as UTC ISO 8601 with milliseconds.
        updated_at: Timestamp,
    }
}

/// A chat's members, keyed by contact id, in the order sent.
///
/// A member whose `contact_id` differs from its key gets an
/// `inconsistent_value` warning.
#[derive(Clone, Debug, PartialEq)]
pub struct Members<'a>(pub Vec<(Cow<'a, str>, ChatMember<'a>)>);

impl crate::model::IntoOwned for Members<'_> {
    type Owned = Members<'static>;
    fn into_owned(self) -> Members<'static> {
        Members(crate::model::IntoOwned::into_owned(self.0))
    }
}

impl<'a> FieldKind<'a> for Members<'a> {
    const TS_IN: &'static str = "Record<string, ChatMemberInput>";
    const TS_OUT: &'static str = "Record<string, ChatMember>";
    const SCHEMA_IN: &'static str = r##"{"type":"object","additionalProperties":{"$ref":"#/$defs/ChatMemberInput"}}"##;
    const SCHEMA_OUT: &'static str = r##"{"type":"object","additionalProperties":{"$ref":"#/$defs/ChatMember"}}"##;
    const MODEL: Option<&'static crate::model::ModelInfo> = Some(&<ChatMember<'static> as Model<'static>>::INFO);

    fn read(value: &Value<'a>, cx: &mut Cx<'a>) -> Option<Self> {
        let Kind::Object(entries) = &value.kind else {
            cx.wrong_type("an object of members keyed by contact id", value);
            return None;
        };
        // Grown as members are read, not sized by the input (see `List`).
        let mut members = Vec::new();
        for entry in entries {
            cx.push_key(entry.key.clone());
            if let Some(member) = read_model::<ChatMember<'a>>(&entry.value, cx) {
                if member.contact_id.as_ref().is_some_and(|id| id.0 != entry.key) {
                    let members_of_entry = entry.value.as_object().unwrap_or_default();
                    cx.warn_member(
                        members_of_entry,
                        &entry.value,
                        "contact_id",
                        IssueCode::InconsistentValue,
                        "this member's contact_id differs from its key in members",
                    );
                }
                members.push((entry.key.clone(), member));
            }
            cx.pop();
        }
        Some(Members(members))
    }

    fn write<W: Sink>(&self, w: &mut W) {
        w.begin_object();
        for (key, member) in &self.0 {
            w.key(key);
            member.write_json(w);
        }
        w.end_object();
    }
}
