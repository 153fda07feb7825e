//! v2 chatrooms: the `chatroom` family (`/im/v2/chatrooms/...`) on the shared chatroom
//! store, so a room made through v1 is the room v2 sees. The rules and codes are the
//! store's ([`crate::chatrooms`]). Each area registers its own routes.

mod members;

use crate::router::Registry;

/// Registers the v2 chatroom operations.
pub(super) fn register(registry: &mut Registry) {
    members::register(registry);
}
