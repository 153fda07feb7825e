//! The `chatroom_member` tag operations: modifyMemberTags, queryTaggedMembersCount,
//! listTaggedMembers. The rules are the store's roster.

use serde_json::json;

use super::super::v2_chatroom_roster::{PAGE_MAX, State, now_ms, offset, page_reply, path_room_id};
use super::super::v2_common::path_account_id;
use super::members::{NOTIFICATION_EXTENSION_MAX, body_room_id};
use crate::call::Call;
use crate::chatrooms::{EXPRESSION_MAX, TagChange, check_tags};
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};

/// The longest `tag` asked for (the client tag guide's bound on a tag).
const TAG_MAX: usize = 32;

const ROUTES: &[Route<State>] = &[
    Route::v2(
        "PATCH",
        "/im/v2/room_members/{account_id}/actions/tags",
        modify,
    ),
    Route::v2(
        "GET",
        "/im/v2/room_members/{room_id}/actions/tagged_members_count",
        count,
    ),
    Route::v2(
        "GET",
        "/im/v2/room_members/{room_id}/actions/list_tag_members",
        list,
    ),
];

/// Registers the tag operations.
pub(super) fn register(registry: &mut Registry) {
    let state = State::new(registry);
    registry.routes(state, ROUTES);
}

/// The required `tag` query parameter.
fn tag(call: &Call<'_>) -> Result<String, ApiError> {
    let tag = call
        .query_param("tag")
        .ok_or_else(|| ApiError::param("tag is required"))?;
    if tag.chars().count() > TAG_MAX {
        return Err(ApiError::param(format!(
            "tag is too long: at most {TAG_MAX} characters"
        )));
    }
    Ok(tag)
}

/// `PATCH /im/v2/room_members/{account_id}/actions/tags`: replaces the online member's
/// `tags` (an array, at most 10 tags of 1 to 32 characters; `[]` clears them) and
/// `notify_target_tags` (at most 128 characters) in room `room_id`; one of the two must be
/// given (the client tag guide: 414 otherwise). `notify_extension` (at most 2048) is
/// checked and kept nowhere. 404 when the account is not online. data: `{}`.
fn modify(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = path_account_id(call)?;
    let body = call.json()?;
    let id = body_room_id(&body)?;
    let tags = body.strings("tags", usize::MAX, usize::MAX)?;
    if let Some(tags) = &tags {
        check_tags("tags", tags).map_err(|e| e.v2())?;
    }
    let expression = body.string("notify_target_tags", EXPRESSION_MAX)?;
    body.string("notify_extension", NOTIFICATION_EXTENSION_MAX)?;
    if tags.is_none() && expression.is_none() {
        return Err(ApiError::param("tags or notify_target_tags is required"));
    }
    let change = TagChange {
        tags,
        notify_target_tags: expression,
    };
    state
        .rooms(call)
        .set_tags(id, &accid, change)
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(json!({})))
}

/// `GET /im/v2/room_members/{room_id}/actions/tagged_members_count?tag=`: how many online
/// accounts carry the tag (each once). data: `{tag, online_user_count}`.
fn count(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_room_id(call)?;
    let tag = tag(call)?;
    let rooms = state.rooms(call);
    let room = rooms.get(id).map_err(|e| e.v2())?;
    let count = room.tagged_count(&tag);
    Ok(Reply::ok_data(
        json!({ "tag": tag, "online_user_count": count }),
    ))
}

/// `GET /im/v2/room_members/{room_id}/actions/list_tag_members?tag=&offset=&limit=`: the
/// online members carrying the tag, one item per connection, newest first, `limit` (1 to
/// 100, 100 when absent) from `offset`. data: `{offset, has_more, items}`.
fn list(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_room_id(call)?;
    let tag = tag(call)?;
    let offset = offset(call)?;
    let limit = call.page_limit(PAGE_MAX)?;
    let now = now_ms(call);
    let rooms = state.rooms(call);
    let room = rooms.get(id).map_err(|e| e.v2())?;
    Ok(page_reply(
        room.tagged_connections(&tag, now),
        offset,
        limit,
    ))
}
