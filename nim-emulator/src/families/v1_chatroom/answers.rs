//! The room objects of the v1 answers. Each action answers its own subset, as both SDKs
//! and production samples have them: `create` and `toggleCloseStat` /
//! `updateDelayClosePolicy` the room with `delayInfo`, `get` / `getBatch` the room with
//! `ionotify` (and `onlineusercount` when asked), `update` seven fields. Unset texts are left
//! out.

use serde_json::{Map, Value, json};

use crate::chatrooms::Room;

/// The seven members every room answer has (`update`'s whole answer).
pub(super) fn basic(room: &Room) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("roomid".into(), json!(room.id));
    map.insert("valid".into(), json!(room.valid));
    map.insert("creator".into(), json!(room.creator));
    map.insert("name".into(), json!(room.info.name));
    for (key, value) in [
        ("announcement", &room.info.announcement),
        ("broadcasturl", &room.info.broadcast_url),
        ("ext", &room.info.ext),
    ] {
        if let Some(value) = value {
            map.insert(key.into(), json!(value));
        }
    }
    map
}

/// The room with `queuelevel`, `muted` and `delayInfo` (create, toggleCloseStat,
/// updateDelayClosePolicy).
pub(super) fn with_delay(room: &Room) -> Value {
    let mut map = basic(room);
    map.insert("queuelevel".into(), json!(room.queue_level));
    map.insert("muted".into(), json!(room.muted));
    let delay = &room.delay;
    map.insert(
        "delayInfo".into(),
        json!({
            "delayCloseEnable": delay.policy.number() != 0,
            "delayClosePolicy": delay.policy.number(),
            "delaySeconds": delay.seconds,
            // Undocumented: 1 while a countdown runs (the emulator's reading).
            "status": u8::from(delay.deadline.is_some()),
            "startTime": delay.start,
        }),
    );
    Value::Object(map)
}

/// The room as `get` and `getBatch` answer it: with `queuelevel`, `muted`, `ionotify`, and
/// `onlineusercount` when `online_count` asks for it.
pub(super) fn info(room: &Room, online_count: bool) -> Value {
    let mut map = basic(room);
    map.insert("queuelevel".into(), json!(room.queue_level));
    map.insert("muted".into(), json!(room.muted));
    map.insert("ionotify".into(), json!(room.in_out_notify));
    if online_count {
        map.insert("onlineusercount".into(), json!(room.present_count()));
    }
    Value::Object(map)
}
