//! v2 chatroom messages (`chatroom_message`): send, batch send, recall or delete, and the
//! history pages, on the chatroom store the v1 actions use ([`crate::chatrooms`]): a
//! message sent with v1 `chatroom/sendMsg` is read, recalled or deleted here, and the other
//! way round. Refusals answer the v1 chatroom codes (404, 13002, 13003, 13004, 403, 414):
//! no v2 chatroom error table was found; an unregistered sender is the v2 account code.
//!
//! Where the sources disagree, every form is served:
//! - the history at `/im/v2.1/` (current) and `/im/v2/` (older SDKs; the changelog says it
//!   still answers); its type filter as `message_type` (Java SDK, Apifox) or
//!   `message_types` (Go SDK);
//! - the batch's `room_id` as a number or a numeric string.
//!
//! Emulator choices where no source fixes the behaviour:
//! - a message's `text` and `attachment` follow the one-to-one rules (text at most 5000
//!   characters, the attachment an object or text holding one);
//! - a batch message that breaks a rule refuses the whole batch (414), as a repeated client
//!   id does; `failed_list` is empty then;
//! - a message's `location_x`/`_y`/`_z` are checked (numbers, not in a directed message)
//!   and not kept;
//! - a directed message's receivers that are not online in the room are listed in
//!   `failed_list` with both keys the SDKs read (`account_id`, `receiver_id`) and 404;
//! - recall without `notification_enabled` deletes silently (the Java SDK always sends it);
//!   a recall that matches no message is 404 (v1 answers 200, as production did);
//! - `page_token` is the last item's `create_time` (times are unique per room); an
//!   unreadable token is 414.

mod history;
mod send;
mod view;

use std::sync::{Arc, Mutex, MutexGuard};

use crate::accounts::Accounts;
use crate::call::Call;
use crate::chatrooms::Chatrooms;
use crate::lock;
use crate::reply::ApiError;
use crate::router::{Registry, Route};

/// What the handlers borrow.
struct State {
    accounts: Arc<Mutex<Accounts>>,
    chatrooms: Arc<Mutex<Chatrooms>>,
}

const ROUTES: &[Route<State>] = &[
    Route::v2("POST", "/im/v2/chatrooms/{room_id}/messages", send::send),
    Route::v2("POST", "/im/v2/chatrooms/messages", send::batch),
    Route::v2(
        "DELETE",
        "/im/v2/chatrooms/{room_id}/messages/{message_client_id}",
        history::recall,
    ),
    Route::v2(
        "GET",
        "/im/v2.1/chatrooms/{room_id}/messages",
        history::query,
    ),
    Route::v2("GET", "/im/v2/chatrooms/{room_id}/messages", history::query),
];

/// Registers the v2 chatroom message operations.
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
    rooms.settle(now_ms(call));
    rooms
}

/// The call's state-clock time in Unix ms.
fn now_ms(call: &Call<'_>) -> u64 {
    call.now.saturating_mul(1000)
}

/// The `{room_id}` path parameter.
fn path_room(call: &Call<'_>) -> Result<u64, ApiError> {
    room_number(call.path_param("room_id"))
}

/// A room id written as decimal text.
fn room_number(text: &str) -> Result<u64, ApiError> {
    text.trim()
        .parse()
        .map_err(|_| ApiError::param(format!("room_id `{text}` is not a room id")))
}

/// Account id `id` of field `field`, lowercased: well-formed (414) and registered (the v2
/// account code).
fn account(state: &State, field: &str, id: &str) -> Result<String, ApiError> {
    crate::params::check_accid(field, id)?;
    let id = id.to_ascii_lowercase();
    super::message_common::known(&lock(&state.accounts), field, &id).map_err(|r| r.v2())?;
    Ok(id)
}
