//! The room object of the v2 answers (the Java SDK's room info): every member present,
//! unset texts as `""` (the Apifox examples send every member). getChatroomInfo adds
//! `in_out_notification` (a number), `cdn_message_enable` and, when asked, the counts.

use serde_json::{Map, Value, json};

use crate::chatrooms::Room;

/// The room as create, update and update_status answer it.
pub(super) fn room_info(room: &Room) -> Map<String, Value> {
    let info = &room.info;
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    let delay = &room.delay;
    let mut map = Map::new();
    for (key, value) in [
        ("room_id", json!(room.id)),
        ("valid", json!(room.valid)),
        ("creator", json!(room.creator)),
        ("room_name", json!(info.name)),
        ("announcement", json!(text(&info.announcement))),
        ("live_url", json!(text(&info.broadcast_url))),
        ("extension", json!(text(&info.ext))),
        ("chat_banned", json!(room.muted)),
        ("queue_level", json!(room.queue_level)),
        (
            "delay_info",
            json!({
                "delay_close_enable": delay.policy.number() != 0,
                "delay_close_policy": delay.policy.number(),
                "delay_seconds": delay.seconds,
                // Undocumented: 1 while a countdown runs (the emulator's reading, as v1).
                "status": u8::from(delay.deadline.is_some()),
                "start_time": delay.start,
            }),
        ),
    ] {
        map.insert(key.into(), value);
    }
    map
}

/// The client types counted per type by getChatroomInfo: `(member, client type)`.
const BY_TYPE: [(&str, u8); 6] = [
    ("android_online_user_count", 1),
    ("ios_online_user_count", 2),
    ("pc_online_user_count", 4),
    ("web_online_user_count", 16),
    ("mac_online_user_count", 64),
    ("harmony_online_user_count", 65),
];

/// The room as getChatroomInfo answers it.
pub(super) fn full_info(room: &Room, count: bool, by_type: bool) -> Value {
    let mut map = room_info(room);
    map.insert(
        "in_out_notification".into(),
        json!(u8::from(room.in_out_notify)),
    );
    map.insert("cdn_message_enable".into(), json!(false));
    if count {
        map.insert("online_user_count".into(), json!(room.present_count()));
    }
    if by_type {
        for (key, client_type) in BY_TYPE {
            let n = room
                .members
                .values()
                .flat_map(|m| &m.connections)
                .filter(|c| c.client_type == client_type)
                .count();
            map.insert(key.into(), json!(n));
        }
    }
    Value::Object(map)
}
