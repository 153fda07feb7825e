//! The member lists of the `chatroom` family: listOnlineMembers, listFixedMembers. The
//! rules are the store's roster; answers carry the v2 member object.

use serde_json::{Value, json};

use super::super::v2_chatroom_roster::{
    PAGE_MAX, State, member_roles, now_ms, offset, page_reply, path_room_id,
};
use crate::call::Call;
use crate::chatrooms::{MemberFilter, MemberView, Room, RoomRole};
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};

const ROUTES: &[Route<State>] = &[
    Route::v2(
        "GET",
        "/im/v2/chatrooms/{room_id}/actions/list_online_members",
        online,
    ),
    Route::v2(
        "GET",
        "/im/v2/chatrooms/{room_id}/actions/list_members",
        fixed,
    ),
];

/// Registers the member lists.
pub(super) fn register(registry: &mut Registry) {
    let state = State::new(registry);
    registry.routes(state, ROUTES);
}

/// The members of `filter` whose role `roles` lists (all when `None`), newest first.
fn listed<'a>(
    room: &'a Room,
    filter: MemberFilter,
    roles: Option<&[RoomRole]>,
    now: u64,
) -> Vec<MemberView<'a>> {
    room.members_where(filter, |m| roles.is_none_or(|r| r.contains(&m.role)), now)
}

/// `GET /im/v2/chatrooms/{room_id}/actions/list_online_members?offset=&limit=&member_roles=`:
/// the online members (fixed members online, guests, anonymous guests, virtual members),
/// newest first, `limit` (1 to 100, 100 when absent) from `offset`. data: `{offset (the
/// next page's), has_more, items}`.
fn online(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_room_id(call)?;
    let offset = offset(call)?;
    let limit = call.page_limit(PAGE_MAX)?;
    let roles = member_roles(call)?;
    let now = now_ms(call);
    let rooms = state.rooms(call);
    let room = rooms.get(id).map_err(|e| e.v2())?;
    let views = listed(room, MemberFilter::Online, roles.as_deref(), now);
    Ok(page_reply(views, offset, limit))
}

/// `GET /im/v2/chatrooms/{room_id}/actions/list_members?member_roles=`: the fixed members,
/// online or not (at most 1000: no paging), newest first. data: `{items}`.
fn fixed(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_room_id(call)?;
    let roles = member_roles(call)?;
    let now = now_ms(call);
    let rooms = state.rooms(call);
    let room = rooms.get(id).map_err(|e| e.v2())?;
    let items: Vec<Value> = listed(room, MemberFilter::Fixed, roles.as_deref(), now)
        .iter()
        .map(MemberView::v2)
        .collect();
    Ok(Reply::ok_data(json!({ "items": items })))
}
