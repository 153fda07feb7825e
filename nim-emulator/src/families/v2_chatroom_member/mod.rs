//! v2 chatroom members: the `chatroom_member` family (`/im/v2/room_members/...`,
//! `/im/v2.1/room_members/...`) on the shared chatroom store. The rules and codes are the
//! store's ([`crate::chatrooms`]). Each area registers its own routes; the router tells
//! `{account_id}` and `{room_id}` segments apart by method and suffix.

mod members;
mod tags;

use crate::router::Registry;

/// Registers the v2 chatroom member operations.
pub(super) fn register(registry: &mut Registry) {
    members::register(registry);
    tags::register(registry);
}
