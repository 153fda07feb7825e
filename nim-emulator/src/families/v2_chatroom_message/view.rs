//! A chatroom message as the v2 answers show it.

use serde_json::{Value, json};

use crate::chatrooms::RoomMessage;
use crate::message_content::is_text;

/// The send answers' and the history items' message: `message_client_id`, `create_time`,
/// `message_type`, `sub_type`, `text`, `attachment`, `extension`, the sender's id, nickname,
/// avatar and client type, `room_id`, `high_priority`, `msg_abandon` (the union of what
/// the SDKs read).
pub(super) fn message(m: &RoomMessage, room: u64) -> Value {
    let mut view = json!({
        "message_client_id": m.client_id,
        "create_time": m.time,
        "message_type": m.msg_type,
        "sender_id": m.from,
        "sender_nick": m.sender_nick,
        "sender_avatar": m.sender_avatar,
        "sender_client_type": m.client_type,
        "room_id": room,
        "high_priority": m.high_priority,
        "msg_abandon": false,
    });
    let textual = u32::try_from(m.msg_type).is_ok_and(is_text);
    if textual {
        view["text"] = json!(m.body);
    } else {
        // A v1 custom attach need not be JSON: it is shown as the text it is.
        view["attachment"] =
            serde_json::from_str::<Value>(&m.body).unwrap_or_else(|_| json!(m.body));
        if let Some(description) = &m.description {
            view["text"] = json!(description);
        }
    }
    if let Some(sub_type) = m.sub_type {
        view["sub_type"] = json!(sub_type);
    }
    if let Some(ext) = &m.ext {
        view["extension"] = json!(ext);
    }
    view
}
