//! The room-wide chat ban: `chatroom/muteRoom`.

use serde_json::json;

use super::{State, registered, rooms};
use crate::call::Call;
use crate::reply::{ApiError, Reply};

/// `notifyExt`: at most 2048 characters.
const NOTIFY_EXT_MAX: usize = 2048;

/// `chatroom/muteRoom.action`: `operator` (registered), the creator or a manager, sets the
/// room-wide chat ban to `mute` (required: 414 when absent, as the Go SDK drops `false`).
/// 403 for another operator (the store's rules). `needNotify` and `notifyExt` are checked
/// and kept nowhere. Answers `{"code":200,"desc":{"success":true}}` (a production sample).
pub(super) fn mute_room(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let operator = registered(&p, state, "operator")?;
    let mute = p.required_switch("mute")?;
    p.switch("needNotify")?;
    p.text("notifyExt", NOTIFY_EXT_MAX)?;
    rooms(call, state)
        .set_muted(id, &operator, mute)
        .map_err(|e| e.v1())?;
    Ok(Reply::json(
        &json!({ "code": 200, "desc": { "success": true } }),
    ))
}
