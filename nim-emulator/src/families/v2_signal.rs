//! v2 `/im/v2/signalling_room` (8 operations) on the signalling store the v1 `signal/*`
//! actions share ([`signalling`](crate::signalling) has the rules and codes).
//!
//! - `POST` creates (`channel_type` 1, 2 or 3; `channel_name` at most 128 characters,
//!   unique among open rooms), `PUT ?channel_id=` delays, `GET ?channel_id=|channel_name=`
//!   queries (the id wins), `DELETE ?channel_id=&operator_account_id=` closes (every
//!   parameter in the query, as both SDKs send it). Create, delay and query answer the room
//!   as data `{channel_name, channel_id, creator_account_id, channel_extension,
//!   channel_type, create_time, expire_time, member_list[{account_id, uid, device_id,
//!   join_time, expire_time}]}`.
//! - `POST /actions/invite`, `/actions/cancel_invite`, `/actions/kick`, `/actions/control`
//!   answer data `{}`.
//!
//! Every account named must exist (102404). The optional objects `route_config` and
//! `push_config` are checked for their members' types and limits.

use serde_json::json;

use super::signal_common::{
    ATTACH_EXT_MAX, CHANNEL_ID_MAX, CHANNEL_NAME_MAX, PUSH_CONTENT_MAX, PUSH_PAYLOAD_MAX,
    PUSH_TITLE_MAX, REQUEST_ID_MAX, State, check_json, now,
};
use super::v2_common::{body_account_id, not_found, query_account_id};
use crate::call::Call;
use crate::json_body::{JsonBody, check_len};
use crate::lock;
use crate::params::{ACCID_MAX, check_accid};
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};
use crate::signalling::{NewRoom, RoomType};

const ROOM: &str = "/im/v2/signalling_room";

const ROUTES: &[Route<State>] = &[
    Route::v2("POST", ROOM, create),
    Route::v2("DELETE", ROOM, close),
    Route::v2("PUT", ROOM, delay),
    Route::v2("GET", ROOM, query),
    Route::v2("POST", "/im/v2/signalling_room/actions/invite", invite),
    Route::v2(
        "POST",
        "/im/v2/signalling_room/actions/cancel_invite",
        cancel_invite,
    ),
    Route::v2("POST", "/im/v2/signalling_room/actions/kick", kick),
    Route::v2("POST", "/im/v2/signalling_room/actions/control", control),
];

/// Registers the 8 v2 signalling operations.
pub(super) fn register(registry: &mut Registry) {
    let state = State::shared(registry);
    registry.routes(state, ROUTES);
}

/// 102404 for the first of `accids` that is not an account.
fn known(state: &State, accids: &[&str]) -> Result<(), ApiError> {
    let accounts = lock(&state.accounts);
    match accids.iter().find(|a| !accounts.contains(a)) {
        Some(missing) => Err(not_found(missing)),
        None => Ok(()),
    }
}

/// A query text parameter of at most `max` characters.
fn query_text(call: &Call<'_>, name: &str, max: usize) -> Result<Option<String>, ApiError> {
    let value = call.query_param(name);
    if let Some(text) = &value {
        check_len(name, text, max)?;
    }
    Ok(value)
}

/// The required `channel_id` query parameter.
fn query_channel_id(call: &Call<'_>) -> Result<String, ApiError> {
    query_text(call, "channel_id", CHANNEL_ID_MAX)?
        .ok_or_else(|| ApiError::param("channel_id is required"))
}

/// A query boolean `name`: `true`/`false` (or `1`/`0`).
fn query_bool(call: &Call<'_>, name: &str) -> Result<Option<bool>, ApiError> {
    match call.query_param(name).as_deref() {
        None => Ok(None),
        Some("true" | "1") => Ok(Some(true)),
        Some("false" | "0") => Ok(Some(false)),
        Some(_) => Err(ApiError::param(format!("{name} must be true or false"))),
    }
}

/// `route_config{route_enabled}`, checked.
fn route_config(body: &JsonBody) -> Result<(), ApiError> {
    if let Some(config) = body.object("route_config")? {
        config.bool("route_enabled")?;
    }
    Ok(())
}

/// `push_config{push_enabled, push_title, push_content, push_payload}`, checked.
fn push_config(body: &JsonBody) -> Result<(), ApiError> {
    if let Some(push) = body.object("push_config")? {
        push.bool("push_enabled")?;
        push.string("push_title", PUSH_TITLE_MAX)?;
        push.string("push_content", PUSH_CONTENT_MAX)?;
        // The Go SDK sends an unset payload as "" (no omitempty): that is no payload.
        let payload = push.string("push_payload", PUSH_PAYLOAD_MAX)?;
        if let Some(payload) = payload.filter(|p| !p.is_empty()) {
            check_json(&push.field("push_payload"), &payload)?;
        }
    }
    Ok(())
}

/// The required `channel_id` body member.
fn body_channel_id(body: &JsonBody) -> Result<String, ApiError> {
    body.required_string("channel_id", CHANNEL_ID_MAX)
}

/// `POST`: `creator_account_id`, `channel_type`, `channel_name`?, `channel_extension`?,
/// `route_config`?.
fn create(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let name = body.string("channel_name", CHANNEL_NAME_MAX)?;
    let creator = body_account_id(&body, "creator_account_id")?;
    let kind = body
        .int("channel_type", RoomType::NUMBERS)?
        .and_then(RoomType::from_number)
        .ok_or_else(|| body.missing("channel_type"))?;
    let ext = body.string("channel_extension", ATTACH_EXT_MAX)?;
    route_config(&body)?;
    known(state, &[&creator])?;
    let new = NewRoom {
        name,
        kind,
        creator,
        ext,
    };
    let mut store = state.store();
    let room = store.create(new, now(call))?;
    Ok(Reply::ok_data(room.v2()))
}

/// `DELETE ?channel_id=&operator_account_id=&server_extension=&offline_enabled=&route_enabled=`.
fn close(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = query_channel_id(call)?;
    let operator = query_account_id(call, "operator_account_id")?;
    query_text(call, "server_extension", ATTACH_EXT_MAX)?;
    query_bool(call, "offline_enabled")?;
    query_bool(call, "route_enabled")?;
    known(state, &[&operator])?;
    state.store().close(&id, &operator, now(call))?;
    Ok(Reply::ok_data(json!({})))
}

/// `PUT ?channel_id=`: the room, ending 2 hours from now.
fn delay(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = query_channel_id(call)?;
    let mut store = state.store();
    let room = store.delay(&id, now(call))?;
    Ok(Reply::ok_data(room.v2()))
}

/// `GET ?channel_id=` or `?channel_name=` (the id wins).
fn query(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = query_text(call, "channel_id", CHANNEL_ID_MAX)?;
    let name = query_text(call, "channel_name", CHANNEL_NAME_MAX)?;
    if id.is_none() && name.is_none() {
        return Err(ApiError::param("channel_id or channel_name is required"));
    }
    let mut store = state.store();
    let room = store.find(id.as_deref(), name.as_deref(), now(call))?;
    Ok(Reply::ok_data(room.v2()))
}

/// What invite and cancel_invite both take: `channel_id`, `inviter_account_id`,
/// `invitee_account_id`, `request_id` (at most 128 characters), `server_extension`?,
/// `route_config`?, `offline_enabled`?, `unread_enabled`?, `push_config`?.
fn invitation(body: &JsonBody) -> Result<(String, String, String, String), ApiError> {
    let id = body_channel_id(body)?;
    let inviter = body_account_id(body, "inviter_account_id")?;
    let invitee = body_account_id(body, "invitee_account_id")?;
    let request_id = body.required_string("request_id", REQUEST_ID_MAX)?;
    body.string("server_extension", ATTACH_EXT_MAX)?;
    route_config(body)?;
    body.bool("offline_enabled")?;
    body.bool("unread_enabled")?;
    push_config(body)?;
    Ok((id, inviter, invitee, request_id))
}

/// `POST /actions/invite`: records the invitation (nothing is delivered).
fn invite(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let (id, inviter, invitee, request_id) = invitation(&body)?;
    known(state, &[&inviter, &invitee])?;
    state
        .store()
        .invite(&id, &inviter, &invitee, &request_id, now(call))?;
    Ok(Reply::ok_data(json!({})))
}

/// `POST /actions/cancel_invite`: removes the pending invitation (10408 if none).
fn cancel_invite(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let (id, inviter, invitee, request_id) = invitation(&body)?;
    known(state, &[&inviter, &invitee])?;
    state
        .store()
        .cancel_invite(&id, &inviter, &invitee, &request_id, now(call))?;
    Ok(Reply::ok_data(json!({})))
}

/// `POST /actions/kick`: `channel_id`, `operator_account_id` (the creator),
/// `target_account_id` (a member), `server_extension`?, `offline_enabled`?, `route_config`?.
fn kick(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let id = body_channel_id(&body)?;
    let operator = body_account_id(&body, "operator_account_id")?;
    let target = body_account_id(&body, "target_account_id")?;
    body.string("server_extension", ATTACH_EXT_MAX)?;
    body.bool("offline_enabled")?;
    route_config(&body)?;
    known(state, &[&operator, &target])?;
    state.store().kick(&id, &operator, &target, now(call))?;
    Ok(Reply::ok_data(json!({})))
}

/// `POST /actions/control`: `channel_id`, `operator_account_id` (creator or member),
/// `target_account_id`? (a member), `server_extension`?, `route_config`?: checked, nothing
/// delivered.
fn control(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let id = body_channel_id(&body)?;
    let operator = body_account_id(&body, "operator_account_id")?;
    let target = match body.string("target_account_id", ACCID_MAX)? {
        Some(target) if !target.is_empty() => {
            check_accid(&body.field("target_account_id"), &target)?;
            Some(target.to_ascii_lowercase())
        }
        _ => None,
    };
    body.string("server_extension", ATTACH_EXT_MAX)?;
    route_config(&body)?;
    let mut named = vec![operator.as_str()];
    named.extend(target.as_deref());
    known(state, &named)?;
    state
        .store()
        .control(&id, &operator, target.as_deref(), now(call))?;
    Ok(Reply::ok_data(json!({})))
}
