//! The copy (抄送) bodies, one small function per event, built from what the emulator
//! stored. Field names, and the habit of sending numbers as strings, follow the copy docs
//! (spec §2.1); only what the emulator knows is included.

use serde_json::{Map, Value, json};

use crate::messages::Message;
use crate::notifications::{Notification, UserEvent};

/// Client type numbers and the names copies use for them.
const CLIENT_TYPES: [(u32, &str); 7] = [
    (1, "AOS"),
    (2, "IOS"),
    (4, "PC"),
    (16, "WEB"),
    (32, "REST"),
    (64, "MAC"),
    (65, "HARMONY"),
];

/// The copy name of client type `n` (`"REST"` for messages sent through the API).
pub(crate) fn client_type_name(n: u32) -> &'static str {
    CLIENT_TYPES
        .iter()
        .find(|(k, _)| *k == n)
        .map_or("REST", |(_, name)| name)
}

/// The number of the client type named `name` (case-insensitive), if known.
pub(crate) fn client_type_number(name: &str) -> Option<u32> {
    CLIENT_TYPES
        .iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(name))
        .map(|(k, _)| *k)
}

/// The `convType` of conversation type 1/2/3.
fn conv_type(kind: u8) -> &'static str {
    match kind {
        2 => "TEAM",
        3 => "SUPER_TEAM",
        _ => "PERSON",
    }
}

/// The `msgType` of a stored message type.
fn msg_type(t: u32) -> &'static str {
    match t {
        0 => "TEXT",
        1 => "PICTURE",
        2 => "AUDIO",
        3 => "VIDEO",
        4 => "LOCATION",
        5 => "NOTIFICATION",
        6 => "FILE",
        10 => "TIPS",
        _ => "CUSTOM",
    }
}

/// Adds `key: value` when `value` is set.
fn put(map: &mut Map<String, Value>, key: &str, value: Option<impl Into<Value>>) {
    if let Some(value) = value {
        map.insert(key.to_owned(), value.into());
    }
}

/// eventType 1 for a stored message: PERSON, TEAM or SUPER_TEAM. `body` is the text (of a
/// text or tip message; the description of others), `attach` the content of the other
/// types as JSON text.
pub(crate) fn conversation(m: &Message) -> Value {
    let mut copy = json!({
        "eventType": "1",
        "convType": conv_type(m.conversation_type),
        "to": m.receiver,
        "fromAccount": m.sender,
        "fromClientType": client_type_name(m.sender_client_type),
        "msgTimestamp": m.create_time.to_string(),
        "msgType": msg_type(m.message_type),
        "msgidClient": m.client_id,
        "msgidServer": m.server_id.to_string(),
        "resendFlag": "0",
    });
    if let Some(map) = copy.as_object_mut() {
        put(map, "body", m.text.clone());
        put(map, "attach", m.attachment.as_ref().map(Value::to_string));
        put(map, "ext", m.extension.clone());
    }
    copy
}

/// eventType 1 for a custom system notification: CUSTOM_PERSON (CUSTOM_P2P_MSG) or
/// CUSTOM_TEAM (CUSTOM_TEAM_MSG, or CUSTOM_SUPERTEAM_MSG for a super team), the content in
/// `attach`, numbered `server_id`. Like the official examples, no client id.
pub(crate) fn notification(n: &Notification, server_id: u64) -> Value {
    let (conv, kind) = match n.conversation_type {
        1 => ("CUSTOM_PERSON", "CUSTOM_P2P_MSG"),
        3 => ("CUSTOM_TEAM", "CUSTOM_SUPERTEAM_MSG"),
        _ => ("CUSTOM_TEAM", "CUSTOM_TEAM_MSG"),
    };
    json!({
        "eventType": "1",
        "convType": conv,
        "to": n.receiver,
        "fromAccount": n.sender,
        "fromClientType": "REST",
        "msgTimestamp": n.time.to_string(),
        "msgType": kind,
        "attach": n.content,
        "msgidServer": server_id.to_string(),
        "customSafeFlag": if n.offline { "1" } else { "0" },
    })
}

/// eventType 7 (1:1), 8 (team) or 25 (super team): `m` recalled at `delete_ms`, with the
/// recall's postscript (`selfMsg`) and, for 7 and 8, its `attach`.
pub(crate) fn recall(
    m: &Message,
    delete_ms: u64,
    postscript: Option<&str>,
    attach: Option<&str>,
) -> Value {
    let event = match m.conversation_type {
        2 => "8",
        3 => "25",
        _ => "7",
    };
    let mut copy = json!({
        "eventType": event,
        "clientId": m.client_id,
        "deleteTime": delete_ms.to_string(),
        "from": m.sender,
        "fromClientType": client_type_name(m.sender_client_type),
        "msgId": m.server_id.to_string(),
        "sendTime": m.create_time.to_string(),
        "to": m.receiver,
    });
    if let Some(map) = copy.as_object_mut() {
        put(map, "selfMsg", postscript);
        if m.conversation_type != 3 {
            put(map, "attach", attach);
        }
    }
    copy
}

/// eventType 89 (1:1), 90 (team) or 91 (super team): `m` after a modification. The docs
/// type `msgId`, `modifyTime` (Long) and `subType` (Integer) as numbers.
pub(crate) fn updated(m: &Message) -> Value {
    let event = match m.conversation_type {
        2 => "90",
        3 => "91",
        _ => "89",
    };
    let (by, when) = m.modified.clone().unwrap_or_default();
    let mut copy = json!({
        "eventType": event,
        "from": m.sender,
        "to": m.receiver,
        "msgId": m.server_id,
        "clientId": m.client_id,
        "fromClientType": client_type_name(m.sender_client_type),
        "modifyAccountId": by,
        "modifyTime": when,
    });
    if let Some(map) = copy.as_object_mut() {
        put(map, "text", m.text.clone());
        put(map, "extension", m.extension.clone());
        put(map, "subType", m.sub_type);
        put(
            map,
            "attachment",
            m.attachment.as_ref().map(Value::to_string),
        );
    }
    copy
}

/// eventType 2 (login) or 3 (logout, with `logOutReason`, an Integer in the docs) of
/// `event`; `code` and `timestamp` are strings as the field table says.
pub(crate) fn login_or_logout(
    event: &UserEvent,
    custom_tag: Option<&str>,
    logout_reason: Option<u8>,
) -> Value {
    let mut copy = json!({
        "eventType": event.event_type.to_string(),
        "accid": event.accid,
        "clientIp": event.client_ip,
        "clientType": event.client_type,
        "code": "200",
        "timestamp": event.timestamp.to_string(),
        "deviceId": event.device_id,
    });
    if let Some(map) = copy.as_object_mut() {
        put(map, "customTag", custom_tag);
        put(map, "logOutReason", logout_reason);
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_message_copy_carries_the_documented_fields() {
        let m = Message {
            server_id: 7,
            client_id: "c".into(),
            sender: "a".into(),
            receiver: "b".into(),
            conversation_type: 1,
            text: Some("hi".into()),
            create_time: 1_700_000_000_123,
            sender_client_type: 32,
            ..Message::default()
        };
        let copy = conversation(&m);
        assert_eq!(copy["eventType"], "1");
        assert_eq!(copy["convType"], "PERSON");
        assert_eq!(copy["msgType"], "TEXT");
        assert_eq!(copy["msgidServer"], "7");
        assert_eq!(copy["msgTimestamp"], "1700000000123");
        assert_eq!(copy["fromClientType"], "REST");
        assert_eq!(copy["body"], "hi");
        assert!(copy.get("attach").is_none());
    }

    #[test]
    fn client_types_map_both_ways() {
        assert_eq!(client_type_number("ios"), Some(2));
        assert_eq!(client_type_name(2), "IOS");
        assert_eq!(client_type_number("x"), None);
    }
}
