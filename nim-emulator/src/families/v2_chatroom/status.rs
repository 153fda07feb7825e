//! Opening, closing and the room's switches: updateChatroomStatus, toggleChatroomMute,
//! toggleInOutNotification; and where clients connect: getChatroomAddress.

use serde_json::{Value, json};

use super::{
    State, delay, notification, now_ms, path_room, query_bool, registered, required_bool, rooms,
    view,
};
use crate::call::Call;
use crate::chatrooms::ChatroomError;
use crate::lock;
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};

/// `client_ip`: the emulator's bound (an IPv6 address is at most 45 characters).
const CLIENT_IP_MAX: usize = 64;

/// `PATCH /im/v2/chatrooms/{room_id}/actions/update_status`: `operator_account_id`, the
/// creator, opens (`valid` true) or closes the room, with a delay-close policy to keep.
/// 403 for another operator, 417 for the state the room is in (the store's rules). data:
/// the room info.
pub(super) fn update_status(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_room(call)?;
    let body = call.json()?;
    let operator = registered(&body, state, "operator_account_id")?;
    let valid = required_bool(&body, "valid")?;
    let delay = delay(&body)?;
    let now = now_ms(call);
    let mut rooms = rooms(call, state);
    let room = rooms
        .set_valid(id, &operator, valid, delay, now)
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(Value::Object(view::room_info(room))))
}

/// `PATCH /im/v2/chatrooms/{room_id}/actions/chat_banned`: `operator_account_id`, the
/// creator or a manager, sets the room-wide chat ban to `chat_banned`. 403 for another
/// operator. data `{}`.
pub(super) fn mute(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_room(call)?;
    let body = call.json()?;
    let operator = registered(&body, state, "operator_account_id")?;
    let muted = required_bool(&body, "chat_banned")?;
    notification(&body)?;
    rooms(call, state)
        .set_muted(id, &operator, muted)
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(json!({})))
}

/// `PATCH /im/v2/chatrooms/{room_id}/actions/in_out_notification?in_out_notification=`:
/// the switch is in the query (both SDKs; no body). data `{}`.
pub(super) fn in_out_notification(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_room(call)?;
    let on = query_bool(call, "in_out_notification")?
        .ok_or_else(|| ApiError::param("in_out_notification is required"))?;
    rooms(call, state)
        .set_in_out_notify(id, on)
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(json!({})))
}

/// `GET /im/v2/chatrooms/{room_id}/actions/address?account_id=&client_ip=&client_type=&
/// ip_type=`: data `{"items":["host:port", ...]}`, the same fake hosts as v1 requestAddr.
/// `client_ip` is required (the Go SDK's check); `ip_type` (undocumented) is read as a
/// number and ignored; an unregistered account is 102404, a closed room 13002, a
/// blacklisted account 13003 (as v1).
pub(super) fn address(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_room(call)?;
    let accid = call
        .query_param("account_id")
        .ok_or_else(|| ApiError::param("account_id is required"))?;
    check_accid("account_id", &accid)?;
    let accid = accid.to_ascii_lowercase();
    let ip = call
        .query_param("client_ip")
        .ok_or_else(|| ApiError::param("client_ip is required"))?;
    crate::json_body::check_len("client_ip", &ip, CLIENT_IP_MAX)?;
    let client_type = call.query_int_in("client_type", &[1, 2, 3])?.unwrap_or(1);
    // `ip_type` is documented nowhere: any non-negative integer is taken and ignored.
    if let Some(text) = call.query_param("ip_type")
        && text.trim().parse::<u8>().is_err()
    {
        return Err(ApiError::param(
            "ip_type must be a small non-negative integer",
        ));
    }
    super::super::message_common::known(&lock(&state.accounts), "account_id", &accid)
        .map_err(|r| r.v2())?;
    let rooms = rooms(call, state);
    let room = rooms.get(id).map_err(|e| e.v2())?;
    if !room.valid {
        return Err(ChatroomError::Closed { room: id }.v2());
    }
    if room.members.get(&accid).is_some_and(|m| m.blocked) {
        return Err(ChatroomError::Blocked { room: id, accid }.v2());
    }
    let link = match client_type {
        2 => "commonlink",
        3 => "wechatlink",
        _ => "weblink",
    };
    let items = [
        format!("chat{link}01.emulator.invalid:443"),
        format!("chat{link}02.emulator.invalid:443"),
    ];
    Ok(Reply::ok_data(json!({ "items": items })))
}
