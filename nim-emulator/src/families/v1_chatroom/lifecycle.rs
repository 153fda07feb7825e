//! Making and editing a room: `chatroom/create`, `chatroom/update`.

use serde_json::{Value, json};

use super::{
    NAME_MAX, State, TEXT_MAX, URL_MAX, answers, bid, delay, now_ms, queue_level, registered, rooms,
};
use crate::call::Call;
use crate::chatrooms::{DelayPolicy, Info, NewRoom, RoomChanges};
use crate::reply::{ApiError, Reply};

/// `notifyExt` of update: at most 2048 characters.
const NOTIFY_EXT_MAX: usize = 2048;

/// `chatroom/create.action`: `creator` (registered) makes room `name`. Answers
/// `{"code":200,"chatroom":{roomid, valid, creator, name, announcement?, broadcasturl?,
/// ext?, queuelevel, muted, delayInfo}}`. `inOutNotification` 1 (the default) or 0.
pub(super) fn create(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let creator = registered(&p, state, "creator")?;
    let info = Info {
        name: p.text_req("name", NAME_MAX)?.to_owned(),
        announcement: p.text("announcement", TEXT_MAX)?.map(str::to_owned),
        broadcast_url: p.text("broadcasturl", URL_MAX)?.map(str::to_owned),
        ext: p.text("ext", TEXT_MAX)?.map(str::to_owned),
    };
    let queue_level = queue_level(&p)?.unwrap_or(0);
    bid(&p)?;
    let (policy, seconds) = delay(&p)?;
    let in_out_notify = p.switch("inOutNotification")?.unwrap_or(true);
    let new = NewRoom {
        creator,
        info,
        queue_level,
        delay: match (policy, seconds) {
            (None, None) => None,
            (policy, seconds) => Some((policy.unwrap_or(DelayPolicy::None), seconds)),
        },
        in_out_notify,
    };
    let now = now_ms(call);
    let mut rooms = rooms(call, state);
    let id = rooms.create(new, now).map_err(|e| e.v1())?;
    let room = rooms.get(id).map_err(|e| e.v1())?;
    Ok(Reply::json(
        &json!({ "code": 200, "chatroom": answers::with_delay(room) }),
    ))
}

/// `chatroom/update.action`: changes what the form sets (an empty text clears it; the name
/// cannot be empty). No operator: anyone with the app's credentials; closed rooms too.
/// Answers `{"code":200,"chatroom":{roomid, valid, creator, name, announcement?,
/// broadcasturl?, ext?}}`.
pub(super) fn update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let name = p.text_or_empty("name", NAME_MAX)?;
    if name.is_some_and(|n| n.trim().is_empty()) {
        return Err(ApiError::param("name cannot be empty"));
    }
    let changes = RoomChanges {
        name: name.map(str::to_owned),
        announcement: p
            .text_or_empty("announcement", TEXT_MAX)?
            .map(str::to_owned),
        broadcast_url: p.text_or_empty("broadcasturl", URL_MAX)?.map(str::to_owned),
        ext: p.text_or_empty("ext", TEXT_MAX)?.map(str::to_owned),
        queue_level: queue_level(&p)?,
    };
    p.switch("needNotify")?;
    p.text("notifyExt", NOTIFY_EXT_MAX)?;
    bid(&p)?;
    let mut rooms = rooms(call, state);
    let room = rooms.update(id, changes).map_err(|e| e.v1())?;
    let answer: Value = answers::basic(room).into();
    Ok(Reply::json(&json!({ "code": 200, "chatroom": answer })))
}
