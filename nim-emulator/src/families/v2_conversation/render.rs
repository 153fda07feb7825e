//! The JSON of a conversation and of a conversation group, as every operation answers them.

use serde_json::{Map, Value, json};

use crate::conversations::view::View;
use crate::conversations::{Conversations, Group};
use crate::message_content::v2_view;

/// Added to a pinned conversation's pin time to make its `sort_order`, so pinned ones sort
/// first (the docs: pinned first, then by time); 2^52 keeps it below 2^53 for JSON readers.
const PINNED: u64 = 1 << 52;

/// A conversation with every key the Java SDK reads (the Go SDK's are a subset).
pub(super) fn conversation(view: &View<'_>, conversations: &Conversations) -> Value {
    let id = &view.id;
    let mut map = Map::new();
    map.insert("conversation_id".into(), json!(id.id()));
    map.insert("sender_id".into(), json!(id.owner));
    map.insert("receiver_id".into(), json!(id.peer));
    map.insert("type".into(), json!(id.kind));
    map.insert("stick_top".into(), json!(view.record.stick_top.is_some()));
    map.insert(
        "group_ids".into(),
        json!(conversations.group_ids_of(&id.owner, &id.id())),
    );
    if let Some(ext) = &view.record.server_extension {
        map.insert("server_extension".into(), json!(ext));
    }
    match view.last {
        Some(m) if m.recalled => {
            map.insert("message_state".into(), json!(1));
            map.insert(
                "revoke_notification".into(),
                json!({ "server_id": m.server_id, "revoke_id": m.sender, "revoke_type": 1 }),
            );
        }
        Some(m) => {
            map.insert("message_state".into(), json!(0));
            map.insert("last_message".into(), v2_view(m));
        }
        None => {}
    }
    map.insert("unread_count".into(), json!(view.unread));
    map.insert("sort_order".into(), json!(sort_order(view)));
    map.insert("create_time".into(), json!(view.create_time));
    map.insert("update_time".into(), json!(view.update_time));
    if view.record.last_read > 0 {
        map.insert("last_read_time".into(), json!(view.record.last_read));
    }
    Value::Object(map)
}

/// Pinned first (by pin time), then by last change: higher sorts first.
pub(super) fn sort_order(view: &View<'_>) -> u64 {
    match view.record.stick_top {
        Some(pinned) => PINNED + pinned,
        None => view.update_time,
    }
}

/// A group with both SDKs' keys (the Go SDK also reads `account_id` and
/// `conversation_ids`).
pub(super) fn group(group: &Group) -> Value {
    let mut map = Map::new();
    map.insert("group_id".into(), json!(group.id));
    map.insert("name".into(), json!(group.name));
    if let Some(ext) = &group.server_extension {
        map.insert("server_extension".into(), json!(ext));
    }
    map.insert("create_time".into(), json!(group.create_time));
    map.insert("update_time".into(), json!(group.update_time));
    map.insert("account_id".into(), json!(group.owner));
    map.insert("conversation_ids".into(), json!(group.conversations));
    Value::Object(map)
}
