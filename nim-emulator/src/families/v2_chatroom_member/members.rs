//! The `chatroom_member` operations on members themselves: updateOnlineMemberInfo,
//! batchQueryChatroomMembers, kickMember. The rules are the store's roster.

use serde_json::{Value, json};

use super::super::v2_chatroom_roster::{State, now_ms, path_room_id};
use super::super::v2_common::{body_account_id, path_account_id};
use crate::call::Call;
use crate::chatrooms::{ChatroomError, MemberView, ProfileChange, ProfileOutcome};
use crate::json_body::JsonBody;
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};

/// `room_nick`: at most 64 characters (the v1 twin's documented `nick` limit).
const NICK_MAX: usize = 64;
/// `room_avatar`: the emulator's bound (undocumented).
const AVATAR_MAX: usize = 1024;
/// `extension`: at most 4096 characters (Java SDK comment).
const EXTENSION_MAX: usize = 4096;
/// `notification_extension`: at most 2048 characters (Java SDK comment).
pub(super) const NOTIFICATION_EXTENSION_MAX: usize = 2048;
/// The most accounts one batch query reads: 200, the v1 twin's documented maximum (the v2
/// maximum is undocumented).
const BATCH_MAX: usize = 200;

const ROUTES: &[Route<State>] = &[
    Route::v2("PATCH", "/im/v2/room_members/{account_id}", update_online),
    Route::v2("GET", "/im/v2/room_members/{room_id}/actions/batch", batch),
    Route::v2(
        "PATCH",
        "/im/v2.1/room_members/{account_id}/actions/kicked",
        kick,
    ),
];

/// Registers updateOnlineMemberInfo, batchQueryChatroomMembers and kickMember.
pub(super) fn register(registry: &mut Registry) {
    let state = State::new(registry);
    registry.routes(state, ROUTES);
}

/// The required `room_id` of a body.
pub(super) fn body_room_id(body: &JsonBody) -> Result<u64, ApiError> {
    body.uint("room_id")?.ok_or_else(|| body.missing("room_id"))
}

/// Checks the optional notification switch and extension (kept nowhere: no clients to
/// notify).
pub(super) fn notification(body: &JsonBody, extension: &str) -> Result<(), ApiError> {
    body.bool("notification_enabled")?;
    body.string(extension, NOTIFICATION_EXTENSION_MAX)?;
    Ok(())
}

/// `PATCH /im/v2/room_members/{account_id}`: the member's `room_nick`, `room_avatar` and
/// `extension` in room `room_id`; with `persistence` on a fixed member they are kept,
/// otherwise they apply to its current connections, and a fixed member offline without
/// `persistence` is 404 (Java SDK Javadoc). `antispam_configuration` must be an object;
/// it and the notification are checked and kept nowhere. data: the member object.
fn update_online(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = path_account_id(call)?;
    let body = call.json()?;
    let id = body_room_id(&body)?;
    let change = ProfileChange {
        persist: body.bool("persistence")?.unwrap_or(false),
        nick: body.string("room_nick", NICK_MAX)?,
        avatar: body.string("room_avatar", AVATAR_MAX)?,
        ext: body.string("extension", EXTENSION_MAX)?,
    };
    notification(&body, "notification_extension")?;
    body.object("antispam_configuration")?;
    let now = now_ms(call);
    let mut rooms = state.rooms(call);
    let outcome = rooms
        .update_profile(id, &accid, change)
        .map_err(|e| e.v2())?;
    if outcome == ProfileOutcome::Nothing {
        let offline = ChatroomError::NotOnline { room: id, accid };
        return Err(offline.v2());
    }
    let room = rooms.get(id).map_err(|e| e.v2())?;
    let member = room
        .member_view(&accid, now)
        .map(|v| v.v2())
        .unwrap_or(Value::Null);
    Ok(Reply::ok_data(member))
}

/// `GET /im/v2/room_members/{room_id}/actions/batch?account_ids=a,b`: the members among the
/// accounts (1 to 200, each once): fixed members and online ones in `success_list`, in the
/// order asked; the others in `failed_list` (404).
fn batch(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_room_id(call)?;
    let text = call
        .query_param("account_ids")
        .ok_or_else(|| ApiError::param("account_ids is required"))?;
    let mut accids: Vec<String> = text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut seen = std::collections::HashSet::new();
    accids.retain(|a| seen.insert(a.clone()));
    if accids.is_empty() || accids.len() > BATCH_MAX {
        return Err(ApiError::param(format!(
            "account_ids must list 1 to {BATCH_MAX} accounts"
        )));
    }
    let now = now_ms(call);
    let rooms = state.rooms(call);
    let room = rooms.get(id).map_err(|e| e.v2())?;
    let mut success = Vec::new();
    let mut failed = Vec::new();
    for accid in &accids {
        match room.member_view(accid, now) {
            Some(view) => success.push(MemberView::v2(&view)),
            None => {
                let err = ChatroomError::NotMember {
                    room: id,
                    accid: accid.clone(),
                };
                failed.push(json!({
                    "account_id": accid, "error_code": err.v2().code(),
                    "error_msg": err.describe(),
                }));
            }
        }
    }
    Ok(Reply::ok_data(
        json!({ "success_list": success, "failed_list": failed }),
    ))
}

/// `PATCH /im/v2.1/room_members/{account_id}/actions/kicked`: `operator_account_id` (the
/// creator or a manager) kicks the account out of room `room_id`; it must be online (404).
/// Other body keys are ignored (the Java SDK also writes the target as `accountId`).
/// data: `{}`.
fn kick(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let target = path_account_id(call)?;
    let body = call.json()?;
    let id = body_room_id(&body)?;
    let operator = body_account_id(&body, "operator_account_id")?;
    notification(&body, "notification_extension")?;
    let now = now_ms(call);
    state
        .rooms(call)
        .kick(id, &operator, &target, now)
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(json!({})))
}
