// Generated from the Rust models by tests/tape.rs. Do not edit:
// change the model, then run `UPDATE_SHAPES=1 cargo test --test tape`.

// The tape's tags and its long-length mark (src/json/tape.rs).
const TAPE_NULL = 0;
const TAPE_FALSE = 1;
const TAPE_TRUE = 2;
const TAPE_INT = 3;
const TAPE_NUMBER = 4;
const TAPE_STRING = 5;
const TAPE_WIDE_STRING = 6;
const TAPE_ARRAY = 7;
const TAPE_OBJECT = 8;
const TAPE_MODEL = 9;
const TAPE_END = 10;
const TAPE_JSON = 11;
const TAPE_WIDE_JSON = 12;
const TAPE_NEW_STATIC = 13;
const TAPE_STATIC = 14;
const TAPE_LONG = 268435455;

// One object literal per shape of src/model/shape.rs, in its order: the
// tape names an object's shape and gives its values in this order; `v`
// reads the next one.
const TAPE_SHAPES = [
  // Answer
  (v) => ({ data: v(), issues: v() }),
  // Issue
  (v) => ({ path: v(), code: v(), message: v(), severity: v(), segments: v() }),
  // PositionedIssue
  (v) => ({ path: v(), code: v(), message: v(), severity: v(), segments: v(), line: v(), column: v() }),
  // Webhook
  (v) => ({ event: v(), known: v(), org_id: v(), timestamp: v(), data: v(), previous_attributes: v(), dedup_key: v() }),
  // WaId
  (v) => ({ id: v(), from_me: v(), remote: v(), serialized: v() }),
  // ChatIdParts
  (v) => ({ kind: v(), number: v(), server: v() }),
  // MessageIdParts
  (v) => ({ from_me: v(), chat_id: v(), id: v(), participant: v() }),
  // TicketInfo
  (v) => ({ ticket: v(), chat: v(), message: v(), attached_messages: v() }),
  // Ticket
  (v) => ({ org_id: v(), ticket_id: v(), status: v(), subject: v(), assignee: v(), assigned_by: v(), raised_by: v(), due_date: v(), priority: v(), priority_label: v(), created_at: v(), ticket_labels: v(), quoted_message_id: v(), ticket_custom_properties: v(), closed_at: v(), closed_by: v(), closed_message: v(), first_assigned_at: v(), is_deleted: v() }),
  // Chat
  (v) => ({ org_id: v(), org_phone: v(), chat_id: v(), chat_id_parsed: v(), members: v(), is_muted: v(), chat_name: v(), chat_type: v(), chat_image: v(), created_at: v(), chat_labels: v(), invite_link: v(), custom_properties: v(), group_description: v(), updated_at: v(), label_ids: v(), member_count: v(), assigned_to: v(), initiated_by: v(), chat_access: v(), is_exited: v(), is_archived: v(), is_pinned: v(), info_admins_only: v(), messages_admins_only: v(), add_members_admins_only: v(), active_phone: v(), chat_org_phones: v(), latest_message: v(), latest_message_timestamp: v(), latest_message_timestamp_map: v(), latest_mention_at: v(), message_unread_count: v(), unread_count: v(), flag_count: v(), flag_count_map: v(), closed_at: v(), snooze_metadata: v(), pinned_messages: v(), parent_community_id: v(), override_chat_access: v(), ai_metadata: v(), group_metadata: v(), member_unread_count: v(), member_closed_at: v(), common_chats: v(), hubspot_metadata: v(), freshdesk_metadata: v(), zohodesk_metadata: v(), zohocrm_metadata: v() }),
  // ChatMember
  (v) => ({ org_id: v(), chat_id: v(), chat_id_parsed: v(), contact_id: v(), contact_id_parsed: v(), org_phone: v(), is_admin: v(), is_super_admin: v(), is_internal: v(), contact_name: v(), contact_color: v(), contact_image: v(), contact_labels: v(), id: v(), contact_lid: v(), contact_type: v(), number: v(), name: v(), pushname: v(), short_name: v(), periskope_name: v(), verified_name: v(), verified_level: v(), business_profile: v(), label_ids: v(), is_blocked: v(), is_business: v(), is_enterprise: v(), is_group: v(), is_me: v(), is_my_contact: v(), is_user: v(), is_wa_contact: v(), is_imported: v(), updated_at: v() }),
  // TicketMessage
  (v) => ({ body: v(), chat_id: v(), chat_id_parsed: v(), org_phone: v(), timestamp: v(), media_path: v(), message_id: v(), message_id_parsed: v(), sender_name: v(), performed_by: v(), sender_phone: v() }),
  // Message
  (v) => ({ message_id: v(), message_id_parsed: v(), org_id: v(), org_phone: v(), chat_id: v(), chat_id_parsed: v(), id: v(), message_type: v(), body: v(), timestamp: v(), from_me: v(), from: v(), to: v(), author: v(), sender_phone: v(), performed_by: v(), ack: v(), is_deleted: v(), prev_body: v(), updated_at: v(), has_media: v(), media: v(), media_key: v(), quoted_message_id: v(), has_quoted_msg: v(), mentioned_ids: v(), has_reaction: v(), reactions: v(), is_forwarded: v(), forwarding_score: v(), is_starred: v(), is_ephemeral: v(), is_gif: v(), is_status: v(), broadcast: v(), broadcast_id: v(), device_type: v(), duration: v(), flag_status: v(), flag_metadata: v(), flag_response_time: v(), message_ticket_id: v(), order_id: v(), sent_message_id: v(), unique_id: v(), token: v(), links: v(), location: v(), invite_v4: v(), vcards: v(), poll_info: v(), poll_results: v(), delivery_info: v(), raw_data: v(), is_private_note: v(), message_payload: v(), highlight: v(), fts: v() }),
  // ChatObject
  (v) => ({ chat_id: v(), chat_id_parsed: v(), org_id: v(), org_phone: v(), chat_type: v(), chat_name: v(), chat_image: v(), group_description: v(), invite_link: v(), created_at: v(), updated_at: v(), labels: v(), label_ids: v(), custom_properties: v(), members: v(), member_count: v(), assigned_to: v(), initiated_by: v(), chat_access: v(), is_muted: v(), is_exited: v(), is_archived: v(), is_pinned: v(), info_admins_only: v(), messages_admins_only: v(), add_members_admins_only: v(), active_phone: v(), chat_org_phones: v(), latest_message: v(), latest_message_timestamp: v(), latest_message_timestamp_map: v(), latest_mention_at: v(), message_unread_count: v(), unread_count: v(), flag_count: v(), flag_count_map: v(), closed_at: v(), snooze_metadata: v(), pinned_messages: v(), parent_community_id: v(), override_chat_access: v(), ai_metadata: v(), group_metadata: v(), member_unread_count: v(), member_closed_at: v(), common_chats: v(), hubspot_metadata: v(), freshdesk_metadata: v(), zohodesk_metadata: v(), zohocrm_metadata: v() }),
  // ChatNotification
  (v) => ({ notification_id: v(), org_id: v(), org_phone: v(), chat_id: v(), chat_id_parsed: v(), id: v(), type: v(), author: v(), body: v(), recipientids: v(), timestamp: v(), unique_id: v(), metadata: v() }),
  // Reaction
  (v) => ({ reaction_id: v(), message_id: v(), message_id_parsed: v(), org_id: v(), org_phone: v(), sender_id: v(), chat_id: v(), chat_id_parsed: v(), id: v(), msg_id: v(), reaction: v(), ack: v(), orphan: v(), orphan_reason: v(), read: v(), timestamp: v(), unique_id: v() }),
  // Note
  (v) => ({ message_id: v(), org_id: v(), org_phone: v(), chat_id: v(), chat_id_parsed: v(), message_type: v(), body: v(), timestamp: v(), performed_by: v(), sender_phone: v(), from_me: v(), ack: v(), media: v(), mentioned_ids: v(), quoted_message_id: v(), prev_body: v(), sent_message_id: v(), unique_id: v(), updated_at: v(), is_deleted: v(), is_private_note: v() }),
  // PhoneInfo
  (v) => ({ phone_id: v(), org_id: v(), created_at: v(), org_phone: v(), phone_name: v(), phone_image: v(), wa_state: v(), is_ready: v(), qr_code: v(), first_connected_at: v(), updated_at: v(), labels: v(), label_ids: v() }),
];
