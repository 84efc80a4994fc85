//! `org.phone.updated`, `org.phone.connected`, `org.phone.disconnected` and
//! `org.phone.qr`: the organisation's WhatsApp phone (Periskope's
//! `PhoneInfoType`, chosen columns of `tbl_org_phones` and `labels`).
//!
//! Required (present and not `null`): `phone_id`, `org_id` and `created_at`,
//! the picked columns that are non-null in the table.
//!
//! What is normalized beyond the shared kinds: `labels` is split and
//! deduplicated as ticket labels are; `wa_state` is checked against
//! WhatsApp Web's states, with a warning for other values. `qr_code` is kept
//! as sent: it is `null` unless the phone waits to be paired.

use std::borrow::Cow;

use crate::model::kinds::{EnumText, EnumValues, JsonObject, Labels, PhoneId, Timestamp, Uuid};
use crate::model::model;

/// WhatsApp Web's connection states (whatsapp-web.js's `WAState`, which
/// Periskope's phone service runs on) and `DISCONNECTED`, the state the
/// SDK's QR-code docs name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WaState;

impl EnumValues for WaState {
    const VALUES: &'static [&'static str] = &[
        "CONNECTED",
        "DISCONNECTED",
        "OPENING",
        "PAIRING",
        "UNPAIRED",
        "UNPAIRED_IDLE",
        "CONFLICT",
        "TIMEOUT",
        "UNLAUNCHED",
        "PROXYBLOCK",
        "TOS_BLOCK",
        "SMB_TOS_BLOCK",
        "DEPRECATED_VERSION",
    ];
    const WHAT: &'static str = "WhatsApp state";
    const TS: &'static str = "WaState";
}

model! {
    /// The organisation's phone: the payload of every `org.phone.*` event
    /// (Periskope's `PhoneInfoType`).
    pub struct PhoneInfo<'a> as "PhoneInfo", draft PhoneInfoDraft {
        /// The phone's id (`phone-` and 16 letters).
        phone_id: Cow<'a, str> [required],
        /// The organisation's id (a UUID).
        org_id: Uuid<'a> [required],
        /// When the phone was added, as UTC ISO 8601 with milliseconds.
        created_at: Timestamp [required],
        /// The phone's WhatsApp id (`<number>@c.us`), once paired.
        org_phone: PhoneId<'a>,
        /// The phone's name in Periskope.
        phone_name: Cow<'a, str>,
        /// The phone's profile picture URL.
        phone_image: Cow<'a, str>,
        /// WhatsApp Web's state (`CONNECTED`...); other values are kept with a warning.
        wa_state: EnumText<'a, WaState>,
        /// Whether the phone is ready to send and receive.
        is_ready: bool,
        /// The QR code to pair the phone, while it is not paired.
        qr_code: Cow<'a, str>,
        /// When the phone was first connected, as UTC ISO 8601 with milliseconds.
        first_connected_at: Timestamp,
        /// When the phone was last changed, as UTC ISO 8601 with milliseconds.
        updated_at: Timestamp,
        /// Labels, trimmed and deduplicated (from an array or `"label1, label2"`).
        labels: Labels<'a>,
        /// Label ids (`{ "label-...": true }`), as sent.
        label_ids: JsonObject<'a>,
    }
}
