//! Making, reading and changing rooms: createChatroom, getChatroomInfo, updateChatroomInfo,
//! queryOpenChatrooms.

use serde_json::{Value, json};

use super::super::v2_common::check_antispam;
use super::{
    NAME_MAX, State, TEXT_MAX, URL_MAX, delay, notification, now_ms, path_room, query_bool,
    queue_level, registered, rooms, view,
};
use crate::call::Call;
use crate::chatrooms::{DelayPolicy, Info, NewRoom, RoomChanges};
use crate::json_body::JsonBody;
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};

/// `POST /im/v2/chatrooms`: `creator` (registered) makes room `room_name`. data: the room
/// info with `delay_info`. `in_out_notification` defaults to true; read as a boolean or
/// `1`/`0`.
pub(super) fn create(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let creator = registered(&body, state, "creator")?;
    let name = body.required_string("room_name", NAME_MAX)?;
    if name.trim().is_empty() {
        return Err(ApiError::param("room_name cannot be empty"));
    }
    let info = Info {
        name,
        announcement: body.string("announcement", TEXT_MAX)?,
        broadcast_url: body.string("live_url", URL_MAX)?,
        ext: body.string("extension", TEXT_MAX)?,
    };
    let queue_level = queue_level(&body)?.unwrap_or(0);
    let (policy, seconds) = delay(&body)?;
    let in_out_notify = in_out(&body)?.unwrap_or(true);
    check_antispam(&body)?;
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
    let id = rooms.create(new, now).map_err(|e| e.v2())?;
    let room = rooms.get(id).map_err(|e| e.v2())?;
    Ok(Reply::ok_data(Value::Object(view::room_info(room))))
}

/// `in_out_notification` of create: a boolean, or `1`/`0` (v1 sends a number).
fn in_out(body: &JsonBody) -> Result<Option<bool>, ApiError> {
    match body.value("in_out_notification") {
        Some(Value::Number(n)) if n.as_u64() == Some(1) => Ok(Some(true)),
        Some(Value::Number(n)) if n.as_u64() == Some(0) => Ok(Some(false)),
        _ => body.bool("in_out_notification"),
    }
}

/// `GET /im/v2/chatrooms/{room_id}?need_online_user_count=&online_user_count_by_type=`:
/// data: the room info with `in_out_notification` (1/0), `cdn_message_enable` and the
/// counts asked for.
pub(super) fn get(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_room(call)?;
    let count = query_bool(call, "need_online_user_count")?.unwrap_or(false);
    let by_type = query_bool(call, "online_user_count_by_type")?.unwrap_or(false);
    let rooms = rooms(call, state);
    let room = rooms.get(id).map_err(|e| e.v2())?;
    Ok(Reply::ok_data(view::full_info(room, count, by_type)))
}

/// `PATCH /im/v2/chatrooms/{room_id}`: changes what the body sets (an empty text clears it;
/// an empty name is 414); a `room_id` in the body is ignored. data: the room info.
pub(super) fn update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_room(call)?;
    let body = call.json()?;
    let name = body.string("room_name", NAME_MAX)?;
    if name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(ApiError::param("room_name cannot be empty"));
    }
    let changes = RoomChanges {
        name,
        announcement: body.string("announcement", TEXT_MAX)?,
        broadcast_url: body.string("live_url", URL_MAX)?,
        ext: body.string("extension", TEXT_MAX)?,
        queue_level: queue_level(&body)?,
    };
    notification(&body)?;
    check_antispam(&body)?;
    let mut rooms = rooms(call, state);
    let room = rooms.update(id, changes).map_err(|e| e.v2())?;
    Ok(Reply::ok_data(Value::Object(view::room_info(room))))
}

/// `GET /im/v2/chatrooms/actions/opend_chatrooms?creator_account_id=`: data `{"items":
/// ["<id>", ...]}`, the open rooms' ids as strings (both SDKs read strings).
pub(super) fn open_rooms(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let creator = call
        .query_param("creator_account_id")
        .ok_or_else(|| ApiError::param("creator_account_id is required"))?;
    check_accid("creator_account_id", &creator)?;
    let ids: Vec<String> = rooms(call, state)
        .open_rooms_of(&creator.to_ascii_lowercase())
        .iter()
        .map(u64::to_string)
        .collect();
    Ok(Reply::ok_data(json!({ "items": ids })))
}
