//! Member tags: `chatroom/tagMembersCount`, `chatroom/tagMembersQuery`,
//! `chatroom/updateChatRoomRoleTag`. The rules are the store's roster.

use serde_json::json;

use super::members::{list_reply, page_limit};
use super::{State, now_ms, rooms};
use crate::call::Call;
use crate::chatrooms::{EXPRESSION_MAX, TagChange, check_tags, page_before};
use crate::params::Params;
use crate::reply::{ApiError, Reply};

/// The longest tag asked for (the client tag guide's bound on a tag).
const TAG_MAX: usize = 32;

/// The required `tag`.
fn tag(p: &Params) -> Result<&str, ApiError> {
    p.text_req("tag", TAG_MAX)
}

/// `chatroom/tagMembersCount.action`: how many online accounts carry `tag` (each once).
/// Answers the top-level `data` `{"tag","onlineUserCount"}` (both SDKs, production).
pub(super) fn count(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let tag = tag(&p)?;
    let rooms = rooms(call, state);
    let room = rooms.get(id).map_err(|e| e.v1())?;
    let count = room.tagged_count(tag);
    Ok(Reply::json(&json!({
        "code": 200, "data": { "tag": tag, "onlineUserCount": count },
    })))
}

/// `chatroom/tagMembersQuery.action`: the online members carrying `tag`, one record per
/// connection (the docs), newest first, strictly before `endTime` (camelCase here; 0: now),
/// at most `limit` (1 to 100); each record adds `tags` (JSON text) and `notifyTargetTags`.
pub(super) fn query(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let tag = tag(&p)?;
    let endtime = p.u64_req("endTime")?;
    let limit = page_limit(&p)?;
    let now = now_ms(call);
    let rooms = rooms(call, state);
    let room = rooms.get(id).map_err(|e| e.v1())?;
    let views = page_before(room.tagged_connections(tag, now), endtime, limit);
    Ok(list_reply(&views, true))
}

/// `chatroom/updateChatRoomRoleTag.action`: replaces online member `accid`'s tags in room
/// `roomId` (camelCase, both SDKs) with `tags` (a JSON array, at most 10 tags of 1 to 32
/// characters; `[]` clears them) and its `notifyTargetTags`. 404 when it is not online.
/// Answers `{"code":200}`.
pub(super) fn update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomId")?;
    let accid = p.accid()?;
    let text = p.text_req("tags", 4096)?;
    let tags: Vec<String> = serde_json::from_str(text)
        .map_err(|_| ApiError::param(r#"tags must be a JSON array of strings, e.g. ["a","b"]"#))?;
    check_tags("tags", &tags).map_err(|e| e.v1())?;
    let change = TagChange {
        tags: Some(tags),
        notify_target_tags: p
            .text_or_empty("notifyTargetTags", EXPRESSION_MAX)?
            .map(str::to_owned),
    };
    rooms(call, state)
        .set_tags(id, &accid, change)
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}
