//! v2 chatrooms: the `chatroom` family's room operations (createChatroom, getChatroomInfo,
//! updateChatroomInfo, updateChatroomStatus, toggleChatroomMute, toggleInOutNotification,
//! getChatroomAddress, queryOpenChatrooms) and member lists (listOnlineMembers,
//! listFixedMembers, registered by `members`) on the shared chatroom store, so a room made here
//! is the room v1 `chatroom/*` sees and the other way round. The rules and codes are the
//! store's ([`crate::chatrooms`]): the v1 codes (404, 403, 414, 417, 13002), answered as
//! `{"code":N,"msg":"..."}`; no v2 chatroom page's error table was reached.
//!
//! Where the sources leave a choice open, the emulator's choices:
//!
//! - **Accounts.** `creator` and `operator_account_id` must be registered: 102404, the code
//!   every v2 family answers for an unknown account (v1 answers 414 for the same). An
//!   unknown `creator_account_id` of queryOpenChatrooms has no rooms: an empty list.
//! - **Room ids** in the path are decimal integers (else 414).
//! - **Switches.** Body booleans are JSON booleans; query booleans `true`/`false` (also
//!   `1`/`0`). A required one absent is 414 (the Go SDK drops `false`).
//! - **Numbers** in a body may be numbers or text holding one (`queue_level`,
//!   `delay_close_policy`, `delay_seconds`).
//! - **`in_out_notification`** is answered as `1`/`0` by getChatroomInfo (the Apifox example)
//!   and read on create as a boolean or `1`/`0`.
//! - **Online counts** (getChatroomInfo): `online_user_count` counts each account online or
//!   present as a virtual member once; the per-type counts count connections by client type
//!   (1 Android, 2 iOS, 4 PC, 16 web, 64 macOS, 65 HarmonyOS, as the client types are
//!   numbered elsewhere), virtual members in none.
//! - **updateChatroomInfo** ignores a `room_id` in the body (the Java SDK sends it); an
//!   empty text clears the announcement, URL or extension; an empty name is 414.
//!
//! Locks are taken in one order: accounts, chatrooms.

mod members;
mod rooms;
mod status;
mod view;

use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::Value;

use super::message_common::known;
use crate::accounts::Accounts;
use crate::call::Call;
use crate::chatrooms::{Chatrooms, DelayPolicy};
use crate::json_body::JsonBody;
use crate::lock;
use crate::params::{ACCID_MAX, check_accid};
use crate::reply::ApiError;
use crate::router::{Registry, Route};

/// `room_name`: at most 128 characters.
const NAME_MAX: usize = 128;
/// `announcement` and `extension`: at most 4096 characters.
const TEXT_MAX: usize = 4096;
/// `live_url`: at most 1024 characters.
const URL_MAX: usize = 1024;
/// `notification_extension`: at most 2048 characters.
const NOTIFY_EXT_MAX: usize = 2048;

/// What the v2 chatroom handlers borrow.
struct State {
    accounts: Arc<Mutex<Accounts>>,
    chatrooms: Arc<Mutex<Chatrooms>>,
}

const ROUTES: &[Route<State>] = &[
    Route::v2("POST", "/im/v2/chatrooms", rooms::create),
    Route::v2("GET", "/im/v2/chatrooms/{room_id}", rooms::get),
    Route::v2("PATCH", "/im/v2/chatrooms/{room_id}", rooms::update),
    Route::v2(
        "GET",
        "/im/v2/chatrooms/actions/opend_chatrooms",
        rooms::open_rooms,
    ),
    Route::v2(
        "PATCH",
        "/im/v2/chatrooms/{room_id}/actions/update_status",
        status::update_status,
    ),
    Route::v2(
        "PATCH",
        "/im/v2/chatrooms/{room_id}/actions/chat_banned",
        status::mute,
    ),
    Route::v2(
        "PATCH",
        "/im/v2/chatrooms/{room_id}/actions/in_out_notification",
        status::in_out_notification,
    ),
    Route::v2(
        "GET",
        "/im/v2/chatrooms/{room_id}/actions/address",
        status::address,
    ),
];

/// Registers the v2 chatroom room operations.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        chatrooms: registry.shared::<Chatrooms>(),
    };
    registry.routes(state, ROUTES);
    members::register(registry);
}

/// The store, with the rooms whose delay-close deadline passed closed.
fn rooms<'a>(call: &Call<'_>, state: &'a State) -> MutexGuard<'a, Chatrooms> {
    let mut rooms = lock(&state.chatrooms);
    rooms.settle(now_ms(call));
    rooms
}

/// The call's state-clock time in Unix ms, the store's unit.
fn now_ms(call: &Call<'_>) -> u64 {
    call.now.saturating_mul(1000)
}

/// The `{room_id}` of the path.
fn path_room(call: &Call<'_>) -> Result<u64, ApiError> {
    let text = call.path_param("room_id");
    text.parse()
        .map_err(|_| ApiError::param(format!("room_id must be a room id, not `{text}`")))
}

/// A required account id member `name` of `body`, registered (102404 otherwise),
/// lowercased.
fn registered(body: &JsonBody, state: &State, name: &str) -> Result<String, ApiError> {
    let id = body.required_string(name, ACCID_MAX)?;
    check_accid(name, &id)?;
    let id = id.to_ascii_lowercase();
    known(&lock(&state.accounts), name, &id).map_err(|r| r.v2())?;
    Ok(id)
}

/// A required body boolean `name`.
fn required_bool(body: &JsonBody, name: &str) -> Result<bool, ApiError> {
    body.bool(name)?.ok_or_else(|| body.missing(name))
}

/// An optional body integer among `allowed`, sent as a number or as text holding one.
fn int_among(body: &JsonBody, name: &str, allowed: &[i64]) -> Result<Option<i64>, ApiError> {
    match body.value(name) {
        Some(Value::String(text)) => {
            let n = text
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|n| allowed.contains(n));
            n.map(Some).ok_or_else(|| {
                ApiError::param(format!("{} must be one of {allowed:?}", body.field(name)))
            })
        }
        _ => body.int(name, allowed),
    }
}

/// An optional body non-negative integer, sent as a number or as text holding one.
fn uint(body: &JsonBody, name: &str) -> Result<Option<u64>, ApiError> {
    match body.value(name) {
        Some(Value::String(text)) => text.trim().parse().map(Some).map_err(|_| {
            ApiError::param(format!(
                "{} must be a non-negative integer",
                body.field(name)
            ))
        }),
        _ => body.uint(name),
    }
}

/// The optional `delay_close_policy` (0, 1 or 2) and `delay_seconds`.
fn delay(body: &JsonBody) -> Result<(Option<DelayPolicy>, Option<u64>), ApiError> {
    let policy =
        int_among(body, "delay_close_policy", &[0, 1, 2])?.and_then(DelayPolicy::from_number);
    Ok((policy, uint(body, "delay_seconds")?))
}

/// The optional `queue_level` (0 or 1).
fn queue_level(body: &JsonBody) -> Result<Option<u8>, ApiError> {
    Ok(int_among(body, "queue_level", &[0, 1])?.and_then(|n| u8::try_from(n).ok()))
}

/// The optional `notification_enabled` and `notification_extension`: checked, kept nowhere
/// (the emulator has no clients to notify).
fn notification(body: &JsonBody) -> Result<(), ApiError> {
    body.bool("notification_enabled")?;
    body.string("notification_extension", NOTIFY_EXT_MAX)?;
    Ok(())
}

/// A query boolean `name`: `true`/`false` or `1`/`0`.
fn query_bool(call: &Call<'_>, name: &str) -> Result<Option<bool>, ApiError> {
    match call.query_param(name).as_deref() {
        None => Ok(None),
        Some("true" | "1") => Ok(Some(true)),
        Some("false" | "0") => Ok(Some(false)),
        Some(_) => Err(ApiError::param(format!("{name} must be true or false"))),
    }
}
