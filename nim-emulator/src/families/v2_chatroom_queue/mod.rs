//! v2 `chatroom_queue` (5 operations, `/im/v2/room_queues/{room_id}`): initialize, query,
//! update, delete and poll the room's queue, the same queue the v1 `chatroom/queue*` actions
//! change ([`crate::chatrooms`] has the rules and the codes, which v2 answers as v1 does: no
//! v2 chatroom page lists codes of its own; see `ChatroomError::v2`).
//!
//! Where the sources disagree, every form is served:
//! - update: PATCH (the official API list, the Apifox page, the Java SDK) and PUT (a stored Go
//!   SDK version);
//! - poll: PATCH (the official API list, the Java SDK) and POST (the Go SDK);
//! - `element_key_list` of query: absent, `null` (the Go SDK) and `[]` all mean every element.
//!
//! Emulator choices: initialize without `queue_size_limit` sets 100 (the Java SDK's v2
//! Javadoc; its v1 default is 50); at most 100 elements per update (the client SDK's batch
//! limit; no server page gives one); an element refused by the rules goes to
//! `failed_element_list` with the code it would answer alone (417 add-only key exists, 404
//! update-only key missing, 419 full queue, 403 transient owner offline, 404 unknown owner)
//! while the others are written. `notification_config` and `route_config` are checked and have
//! no other effect. Query answers elements in queue order.
//!
//! Locks are taken in one order: accounts, chatrooms.

mod ops;

use std::sync::{Arc, Mutex, MutexGuard};

use crate::accounts::Accounts;
use crate::call::Call;
use crate::chatrooms::Chatrooms;
use crate::json_body::JsonBody;
use crate::lock;
use crate::reply::ApiError;
use crate::router::{Registry, Route};

/// `notification_config.notification_extension`: at most 2048 characters.
const NOTIFICATION_EXTENSION_MAX: usize = 2048;

/// What the handlers borrow.
struct State {
    accounts: Arc<Mutex<Accounts>>,
    chatrooms: Arc<Mutex<Chatrooms>>,
}

const ROUTES: &[Route<State>] = &[
    Route::v2("POST", "/im/v2/room_queues/{room_id}", ops::initialize),
    Route::v2(
        "POST",
        "/im/v2/room_queues/{room_id}/actions/query",
        ops::query,
    ),
    Route::v2("PATCH", "/im/v2/room_queues/{room_id}", ops::update),
    Route::v2("PUT", "/im/v2/room_queues/{room_id}", ops::update),
    Route::v2("DELETE", "/im/v2/room_queues/{room_id}", ops::delete),
    Route::v2(
        "PATCH",
        "/im/v2/room_queues/{room_id}/actions/poll",
        ops::poll,
    ),
    Route::v2(
        "POST",
        "/im/v2/room_queues/{room_id}/actions/poll",
        ops::poll,
    ),
];

/// Registers the `chatroom_queue` family.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        chatrooms: registry.shared::<Chatrooms>(),
    };
    registry.routes(state, ROUTES);
}

/// The store, with the rooms whose delay-close deadline passed closed.
fn rooms<'a>(call: &Call<'_>, state: &'a State) -> MutexGuard<'a, Chatrooms> {
    let mut rooms = lock(&state.chatrooms);
    rooms.settle(call.now.saturating_mul(1000));
    rooms
}

/// The `{room_id}` of the path: a decimal id (414 otherwise).
fn room_id(call: &Call<'_>) -> Result<u64, ApiError> {
    let text = call.path_param("room_id");
    text.parse()
        .map_err(|_| ApiError::param(format!("room_id must be a room id, not {text:?}")))
}

/// `notification_config`, checked; answers its `high_priority` (0 or 1, default 0) and
/// whether notifications are on (default true).
fn notification(body: &JsonBody) -> Result<(i64, bool), ApiError> {
    let Some(config) = body.object("notification_config")? else {
        return Ok((0, true));
    };
    let enabled = config.bool("notification_enabled")?.unwrap_or(true);
    config.string("notification_extension", NOTIFICATION_EXTENSION_MAX)?;
    let high = config.int("high_priority", &[0, 1])?.unwrap_or(0);
    config.int("high_priority_policy", &[0, 1])?;
    Ok((high, enabled))
}

/// `route_config`, checked (`route_enabled` a boolean, `route_environment` a text).
fn route(body: &JsonBody) -> Result<(), ApiError> {
    if let Some(config) = body.object("route_config")? {
        config.bool("route_enabled")?;
        config.string("route_environment", usize::MAX)?;
    }
    Ok(())
}
