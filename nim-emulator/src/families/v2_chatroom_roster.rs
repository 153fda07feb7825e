//! What the v2 member operations of the `chatroom` and `chatroom_member` families share:
//! the store borrowed, `{room_id}`, the `member_roles` filter, and offset pages of member
//! objects.
//!
//! Codes: no v2 chatroom page's error table was found, so refusals answer the v1 chatroom
//! codes (404 no room or not online, 403 no permission, 414 bad parameters), as the client
//! SDK's chatroom error codes also number them.

use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::{Value, json};

use crate::call::Call;
use crate::chatrooms::{Chatrooms, MemberView, RoomRole, page_at};
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::router::Registry;

/// The longest page of the offset-paged lists: 100 (the v1 twin's maximum, and the client
/// SDK's default; the v2 maximum is undocumented).
pub(super) const PAGE_MAX: usize = 100;

/// What the v2 member handlers borrow.
pub(super) struct State {
    chatrooms: Arc<Mutex<Chatrooms>>,
}

impl State {
    /// The shared chatroom store.
    pub(super) fn new(registry: &mut Registry) -> State {
        State {
            chatrooms: registry.shared::<Chatrooms>(),
        }
    }

    /// The store, with the rooms whose delay-close deadline passed closed.
    pub(super) fn rooms(&self, call: &Call<'_>) -> MutexGuard<'_, Chatrooms> {
        let mut rooms = lock(&self.chatrooms);
        rooms.settle(now_ms(call));
        rooms
    }
}

/// The call's state-clock time in Unix ms, the store's unit.
pub(super) fn now_ms(call: &Call<'_>) -> u64 {
    call.now.saturating_mul(1000)
}

/// `{room_id}` of the path: a decimal room id.
pub(super) fn path_room_id(call: &Call<'_>) -> Result<u64, ApiError> {
    call.path_param("room_id")
        .parse()
        .map_err(|_| ApiError::param("room_id must be a room id"))
}

/// The optional non-negative `offset` query parameter (0 when absent).
pub(super) fn offset(call: &Call<'_>) -> Result<usize, ApiError> {
    match call.query_param("offset") {
        None => Ok(0),
        Some(text) => text
            .trim()
            .parse()
            .map_err(|_| ApiError::param("offset must be a non-negative integer")),
    }
}

/// The `member_roles` query filter: comma-joined role numbers 0 to 5 (`1,2,0`); `None`
/// when absent (every role).
pub(super) fn member_roles(call: &Call<'_>) -> Result<Option<Vec<RoomRole>>, ApiError> {
    let Some(text) = call.query_param("member_roles") else {
        return Ok(None);
    };
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|n| {
            n.parse().ok().and_then(RoomRole::from_v2).ok_or_else(|| {
                ApiError::param(format!(
                    "member_roles must list role numbers 0 to 5, not {n}"
                ))
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// `data` `{offset, has_more, items}` of the page of `views` at `offset`.
pub(super) fn page_reply(views: Vec<MemberView<'_>>, offset: usize, limit: usize) -> Reply {
    let (page, has_more, next) = page_at(views, offset, limit);
    let items: Vec<Value> = page.iter().map(MemberView::v2).collect();
    Reply::ok_data(json!({ "offset": next, "has_more": has_more, "items": items }))
}
