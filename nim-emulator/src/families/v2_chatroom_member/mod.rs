//! v2 chatroom members (`/im/v2/room_members/...`): so far roles and bans (setMemberRole,
//! toggleChatBan, toggleTempChatBan, toggleBlocked, toggleTaggedMembersChatBan,
//! queryChatroomBlacklist, queryChatBanned) and the virtual members (addVirtualMembers,
//! deleteVirtualMembers, clearVirtualMembers, queryVirtualMembers) on the shared chatroom store, so a member
//! blacklisted here cannot enter through v1 either. The rules are the store's
//! ([`crate::chatrooms`]); this family reads the path and the JSON body, checks the
//! documented limits and writes the v2 answers. The member operations themselves
//! (updateOnlineMemberInfo, batchQueryChatroomMembers, kickMember) are in `members.rs`
//! and the tag operations (modifyMemberTags, queryTaggedMembersCount, listTaggedMembers)
//! in `tags.rs`, each registering its own routes; their rules are the store's roster.
//!
//! Where the sources leave a choice open, the emulator's choices:
//!
//! - **Codes.** The v1 chatroom codes ([`ChatroomError::v2`](crate::chatrooms::ChatroomError)):
//!   403, 404, 414, 419, 13003. An unregistered operator or target is 102404 (the v2
//!   account code).
//! - **Paths.** queryChatroomBlacklist and queryChatBanned at `/im/v2.1/` (both SDKs now)
//!   and `/im/v2/` (older Java SDK versions); so is queryVirtualMembers.
//! - **`room_id`** in a body is a number (both SDKs) or a string holding one.
//! - **`operator_account_id`** of setMemberRole is optional (both SDKs): without it the app
//!   acts. It is required by every ban (the Go SDK checks it).
//! - **Durations** are seconds (the Apifox pages; the Go SDK's comments say ms), 1 to 30
//!   days when banning; without one a ban is 414. A duration sent with a lift is checked
//!   all the same (0 to 30 days).
//! - **Numbers** (`member_role`, `member_level`, `chat_banned_duration`) are JSON numbers
//!   or strings holding one.
//! - **Notifications** (`notification_enabled`, `notification_extension` ≤ 2048,
//!   `notification_target_tags` ≤ 128) are checked and kept nowhere: no clients to notify.
//! - setMemberRole's `room_nick`, `room_avatar`, `extension` (≤ 4096) and `member_level`
//!   are kept on the member when the role set is normal (0) or manager (2): a fixed
//!   member's profile. Nickname and avatar have no documented limit and get none here.
//!
//! Locks are taken in one order: accounts, chatrooms.

mod bans;
mod members;
mod roles;
mod tags;
mod virtual_members;

use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::Value;

use super::message_common::known;
use crate::accounts::Accounts;
use crate::call::Call;
use crate::chatrooms::{Chatrooms, MUTE_SECONDS_MAX, NOTIFY_EXT_MAX, check_mute_seconds};
use crate::json_body::JsonBody;
use crate::lock;
use crate::params::check_accid;
use crate::reply::ApiError;
use crate::router::{Registry, Route};

/// What the v2 chatroom member handlers borrow.
struct State {
    accounts: Arc<Mutex<Accounts>>,
    chatrooms: Arc<Mutex<Chatrooms>>,
}

const ROUTES: &[Route<State>] = &[
    Route::v2(
        "POST",
        "/im/v2/room_members/{account_id}",
        roles::set_member_role,
    ),
    Route::v2(
        "PATCH",
        "/im/v2/room_members/{account_id}/actions/chat_banned",
        bans::toggle_chat_ban,
    ),
    Route::v2(
        "PATCH",
        "/im/v2/room_members/{account_id}/actions/temp_chat_banned",
        bans::toggle_temp_chat_ban,
    ),
    Route::v2(
        "PATCH",
        "/im/v2/room_members/{account_id}/actions/blocked",
        bans::toggle_blocked,
    ),
    Route::v2(
        "PATCH",
        "/im/v2/room_members/actions/chat_banned_tagged_members",
        bans::toggle_tag_ban,
    ),
    Route::v2(
        "GET",
        "/im/v2.1/room_members/{room_id}/actions/blocked",
        bans::blacklist,
    ),
    Route::v2(
        "GET",
        "/im/v2/room_members/{room_id}/actions/blocked",
        bans::blacklist,
    ),
    Route::v2(
        "GET",
        "/im/v2.1/room_members/{room_id}/actions/chat_banned",
        bans::chat_banned,
    ),
    Route::v2(
        "GET",
        "/im/v2/room_members/{room_id}/actions/chat_banned",
        bans::chat_banned,
    ),
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
    members::register(registry);
    tags::register(registry);
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

/// The room: the path's `{room_id}`, else the body's `room_id` (a number, or a string
/// holding one).
fn room_id(call: &Call<'_>, body: &JsonBody) -> Result<u64, ApiError> {
    let bad = || ApiError::param("room_id must be a positive integer");
    let text = match call.path_param("room_id") {
        "" => match body.value("room_id") {
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::String(s)) => s.trim().to_owned(),
            Some(_) => return Err(bad()),
            None => return Err(body.missing("room_id")),
        },
        path => path.to_owned(),
    };
    text.parse().map_err(|_| bad())
}

/// The path's `{account_id}`, lowercased; a registered account (102404 otherwise).
fn target(call: &Call<'_>, state: &State) -> Result<String, ApiError> {
    let id = call.path_param("account_id");
    check_accid("account_id", id)?;
    let id = id.to_ascii_lowercase();
    known(&lock(&state.accounts), "account_id", &id).map_err(|r| r.v2())?;
    Ok(id)
}

/// The body's `operator_account_id`, lowercased, registered; `None` when absent.
fn operator(body: &JsonBody, state: &State) -> Result<Option<String>, ApiError> {
    let name = "operator_account_id";
    let Some(id) = body.string(name, usize::MAX)? else {
        return Ok(None);
    };
    check_accid(name, &id)?;
    let id = id.to_ascii_lowercase();
    known(&lock(&state.accounts), name, &id).map_err(|r| r.v2())?;
    Ok(Some(id))
}

/// The required `operator_account_id`.
fn required_operator(body: &JsonBody, state: &State) -> Result<String, ApiError> {
    operator(body, state)?.ok_or_else(|| body.missing("operator_account_id"))
}

/// A required boolean.
fn required_bool(body: &JsonBody, name: &str) -> Result<bool, ApiError> {
    body.bool(name)?.ok_or_else(|| body.missing(name))
}

/// `notification_enabled` and `notification_extension`: checked, not kept.
fn notification(body: &JsonBody) -> Result<(), ApiError> {
    body.bool("notification_enabled")?;
    body.string("notification_extension", NOTIFY_EXT_MAX)?;
    Ok(())
}

/// `chat_banned` and `chat_banned_duration` of a temporary ban: the seconds (0 for a lift);
/// a ban needs 1 to 30 days, and a duration sent with a lift is checked too (0 to 30 days).
fn temp_ban(body: &JsonBody) -> Result<u64, ApiError> {
    let on = required_bool(body, "chat_banned")?;
    let name = "chat_banned_duration";
    let seconds = uint(body, name)?;
    if let Some(s) = seconds {
        check_mute_seconds(name, s).map_err(|e| e.v2())?;
    }
    if !on {
        return Ok(0);
    }
    match seconds {
        None => Err(ApiError::param(format!(
            "{name} is required when chat_banned is true"
        ))),
        Some(0) => Err(ApiError::param(format!(
            "{name} must be 1 to {MUTE_SECONDS_MAX} seconds, not 0"
        ))),
        Some(s) => Ok(s),
    }
}

/// An optional non-negative integer sent as a JSON number or as a string holding one.
fn uint(body: &JsonBody, name: &str) -> Result<Option<u64>, ApiError> {
    match body.value(name) {
        Some(Value::String(text)) => text.trim().parse().map(Some).map_err(|_| {
            ApiError::param(format!(
                "{} must be a non-negative integer, not {text:?}",
                body.field(name)
            ))
        }),
        _ => body.uint(name),
    }
}

/// An optional integer, one of `allowed`, sent as a JSON number or as a string holding
/// one.
fn int(body: &JsonBody, name: &str, allowed: &[i64]) -> Result<Option<i64>, ApiError> {
    let Some(Value::String(text)) = body.value(name) else {
        return body.int(name, allowed);
    };
    match text.trim().parse::<i64>() {
        Ok(n) if allowed.contains(&n) => Ok(Some(n)),
        _ => Err(ApiError::param(format!(
            "{} must be one of {allowed:?}, not {text:?}",
            body.field(name)
        ))),
    }
}
