//! Opening, closing and the room's switches: `chatroom/toggleCloseStat`,
//! `chatroom/updateDelayClosePolicy`, `chatroom/updateInOutNotification`.

use serde_json::json;

use super::{State, answers, delay, now_ms, registered, rooms};
use crate::call::Call;
use crate::reply::{ApiError, Reply};

/// `chatroom/toggleCloseStat.action`: `operator`, the creator, opens (`valid=true`) or
/// closes the room; closing drops every connection. 403 for another operator, 417 when the
/// room already is in that state (the Java SDK's live test). Answers `{"code":200,"desc":{
/// roomid, valid, creator, name, ..., queuelevel, muted, delayInfo}}`.
pub(super) fn toggle_close(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let operator = registered(&p, state, "operator")?;
    let valid = p.required_switch("valid")?;
    let delay = delay(&p)?;
    let now = now_ms(call);
    let mut rooms = rooms(call, state);
    let room = rooms
        .set_valid(id, &operator, valid, delay, now)
        .map_err(|e| e.v1())?;
    Ok(Reply::json(
        &json!({ "code": 200, "desc": answers::with_delay(room) }),
    ))
}

/// `chatroom/updateDelayClosePolicy.action`: sets the policy (absent: kept) and seconds and
/// restarts the countdown. Answers `{"code":200,"chatroom":{...,delayInfo}}` (the docs'
/// table shows no nesting; both SDKs read `chatroom`, so the SDKs win).
pub(super) fn delay_close(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let (policy, seconds) = delay(&p)?;
    let now = now_ms(call);
    let mut rooms = rooms(call, state);
    let room = rooms
        .set_delay(id, policy, seconds, now)
        .map_err(|e| e.v1())?;
    Ok(Reply::json(
        &json!({ "code": 200, "chatroom": answers::with_delay(room) }),
    ))
}

/// `chatroom/updateInOutNotification.action`: `close=true` stops the enter/leave
/// notifications, `false` restores them (seen as `ionotify` in `get`). Idempotent. Answers
/// `{"code":200}`.
pub(super) fn in_out_notification(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let close = p.required_switch("close")?;
    rooms(call, state)
        .set_in_out_notify(id, !close)
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}
