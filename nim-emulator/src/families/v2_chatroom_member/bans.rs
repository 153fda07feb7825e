//! The blacklist and chat bans: toggleChatBan, toggleTempChatBan, toggleBlocked,
//! toggleTaggedMembersChatBan, queryChatroomBlacklist, queryChatBanned.

use serde_json::{Value, json};

use super::{State, now_ms, required_bool, required_operator, room_id, rooms, target, temp_ban};
use crate::call::Call;
use crate::chatrooms::{Restriction, RoomMember};
use crate::json_body::JsonBody;
use crate::reply::{ApiError, Reply};

/// `target_tag`: at most 32 characters.
const TAG_MAX: usize = 32;
/// `notification_target_tags`: at most 128 characters.
const TARGET_TAGS_MAX: usize = 128;

/// toggleChatBan: the permanent chat ban on (`chat_banned` true) or off. Answers `{}`.
pub(super) fn toggle_chat_ban(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    restrict(call, state, Restriction::ChatBan, "chat_banned")
}

/// toggleBlocked: the blacklist on (`blocked` true; the member is disconnected) or off.
/// Answers `{}`.
pub(super) fn toggle_blocked(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    restrict(call, state, Restriction::Blacklist, "blocked")
}

/// toggleChatBan and toggleBlocked: `what` on or off as the body's `switch` says.
fn restrict(
    call: &Call<'_>,
    state: &State,
    what: Restriction,
    switch: &str,
) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let id = room_id(call, &body)?;
    let target = target(call, state)?;
    let operator = required_operator(&body, state)?;
    let on = required_bool(&body, switch)?;
    super::notification(&body)?;
    let now = now_ms(call);
    rooms(call, state)
        .restrict(id, Some(&operator), &target, what, on, now)
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(json!({})))
}

/// toggleTempChatBan: a temporary ban of `chat_banned_duration` seconds, or its lift.
/// Answers `{"mute_duration":n}`: the seconds set, 0 for a lift (the Apifox example).
pub(super) fn toggle_temp_chat_ban(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let id = room_id(call, &body)?;
    let target = target(call, state)?;
    let operator = required_operator(&body, state)?;
    let seconds = temp_ban(&body)?;
    super::notification(&body)?;
    let now = now_ms(call);
    rooms(call, state)
        .temp_mute(id, Some(&operator), &target, seconds, now)
        .map_err(|e| e.v2())?;
    Ok(duration(seconds))
}

/// toggleTaggedMembersChatBan: a temporary ban of tag `target_tag`, or its lift. Answers
/// `{"mute_duration":n}` as toggleTempChatBan.
pub(super) fn toggle_tag_ban(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let id = room_id(call, &body)?;
    let operator = required_operator(&body, state)?;
    let tag = body.required_string("target_tag", TAG_MAX)?;
    let seconds = temp_ban(&body)?;
    body.string("notification_target_tags", TARGET_TAGS_MAX)?;
    super::notification(&body)?;
    let now = now_ms(call);
    rooms(call, state)
        .tag_mute(id, Some(&operator), &tag, seconds, now)
        .map_err(|e| e.v2())?;
    Ok(duration(seconds))
}

fn duration(seconds: u64) -> Reply {
    Reply::ok_data(json!({ "mute_duration": seconds }))
}

/// queryChatroomBlacklist: `{"items":[{account_id, room_nick, room_avatar, extension}]}`
/// (the union of both SDKs' items but `block_time`, which the store does not keep: no
/// source says what it counts).
pub(super) fn blacklist(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = room_id(call, &JsonBody::empty())?;
    let rooms = rooms(call, state);
    let members = rooms.blacklist(id).map_err(|e| e.v2())?;
    let items: Vec<Value> = members
        .into_iter()
        .map(|(accid, m)| {
            let mut item = profile(accid, m);
            item["extension"] = json!(m.ext);
            item
        })
        .collect();
    Ok(Reply::ok_data(json!({ "items": items })))
}

/// queryChatBanned: `{"items":[{account_id, room_nick, room_avatar, chat_banned,
/// temp_chat_banned, temp_chat_banned_time}]}`, the time in remaining seconds (the client
/// docs' unit).
pub(super) fn chat_banned(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = room_id(call, &JsonBody::empty())?;
    let now = now_ms(call);
    let rooms = rooms(call, state);
    let members = rooms.chat_banned(id, now).map_err(|e| e.v2())?;
    let items: Vec<Value> = members
        .into_iter()
        .map(|(accid, m)| {
            let left = m.temp_mute_left(now);
            let mut item = profile(accid, m);
            item["chat_banned"] = json!(m.chat_banned);
            item["temp_chat_banned"] = json!(left > 0);
            item["temp_chat_banned_time"] = json!(left);
            item
        })
        .collect();
    Ok(Reply::ok_data(json!({ "items": items })))
}

/// The members both lists carry.
fn profile(accid: &str, m: &RoomMember) -> Value {
    json!({ "account_id": accid, "room_nick": m.nick, "room_avatar": m.avatar })
}
