//! v2 chatroom members (`/im/v2/room_members...`) on the shared chatroom store: so far the
//! virtual members (addVirtualMembers, deleteVirtualMembers, clearVirtualMembers,
//! queryVirtualMembers). The rules are the store's ([`crate::chatrooms`]).
//!
//! queryVirtualMembers is at `/im/v2.1/` (both SDKs and the API list) and, for older SDKs,
//! `/im/v2/` too.
//!
//! Locks are taken in one order: accounts, chatrooms.

mod virtual_members;

use std::sync::{Arc, Mutex};

use crate::accounts::Accounts;
use crate::chatrooms::Chatrooms;
use crate::router::{Registry, Route};

/// What the v2 chatroom member handlers borrow.
struct State {
    accounts: Arc<Mutex<Accounts>>,
    chatrooms: Arc<Mutex<Chatrooms>>,
}

const ROUTES: &[Route<State>] = &[
    Route::v2(
        "POST",
        "/im/v2/room_members/actions/virtual_members",
        virtual_members::add,
    ),
    Route::v2(
        "DELETE",
        "/im/v2/room_members/actions/virtual_members",
        virtual_members::delete,
    ),
    Route::v2(
        "DELETE",
        "/im/v2/room_members/actions/clear_virtual_members",
        virtual_members::clear,
    ),
    Route::v2(
        "GET",
        "/im/v2.1/room_members/actions/virtual_members",
        virtual_members::query,
    ),
    Route::v2(
        "GET",
        "/im/v2/room_members/actions/virtual_members",
        virtual_members::query,
    ),
];

/// Registers the v2 chatroom member operations.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        chatrooms: registry.shared::<Chatrooms>(),
    };
    registry.routes(state, ROUTES);
}
