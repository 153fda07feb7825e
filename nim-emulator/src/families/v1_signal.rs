//! v1 `signal/*.action` (8 actions) on the signalling store v2 `/im/v2/signalling_room`
//! shares ([`signalling`](crate::signalling) has the rules and codes: rooms live 2 hours,
//! invitations 90 s, 100 members, 10404-10419).
//!
//! Every account named (`from`, `to`) must exist: 414 `accid X not register`, as the other
//! v1 families answer. Yes/no parameters (`isRoute`, `isSave`, `needPush`, `needBadge`) are
//! 0 or 1 (else 414). A room answer is `{"code":200,"data":{channelName, type: "AUDIO" |
//! "VIDEO" | "CUSTOM", channelId, channelCreateTime, channelExpireTime, creator, ext,
//! members[{accid, uid, deviceId, createTime, expireTime}]}}` (the official `delayRoom` and
//! `getRoomInfo` pages); the others answer `{"code":200}`.

use serde_json::json;

use super::signal_common::{
    ATTACH_EXT_MAX, CHANNEL_ID_MAX, CHANNEL_NAME_MAX, PUSH_CONTENT_MAX, PUSH_PAYLOAD_MAX,
    PUSH_TITLE_MAX, REQUEST_ID_MAX, State, check_json, now,
};
use crate::call::Call;
use crate::lock;
use crate::params::Params;
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};
use crate::signalling::{NewRoom, RoomType};

const ROUTES: &[Route<State>] = &[
    Route::v1("signal/createRoom.action", create),
    Route::v1("signal/closeRoom.action", close),
    Route::v1("signal/delayRoom.action", delay),
    Route::v1("signal/getRoomInfo.action", get_info),
    Route::v1("signal/invite.action", invite),
    Route::v1("signal/cancelInvite.action", cancel_invite),
    Route::v1("signal/kick.action", kick),
    Route::v1("signal/ctrlRoom.action", control),
];

/// Registers the 8 v1 signalling actions.
pub(super) fn register(registry: &mut Registry) {
    let state = State::shared(registry);
    registry.routes(state, ROUTES);
}

/// 414 `accid X not register` for the first of `accids` that is not an account.
fn known(state: &State, accids: &[&str]) -> Result<(), ApiError> {
    let mut accounts = lock(&state.accounts);
    for accid in accids {
        accounts.existing(accid)?;
    }
    Ok(())
}

/// The required `channelId`.
fn channel_id(params: &Params) -> Result<&str, ApiError> {
    params.text_req("channelId", CHANNEL_ID_MAX)
}

/// An optional 0/1 parameter.
fn switch(params: &Params, name: &str) -> Result<(), ApiError> {
    params.int_opt(name, &[0, 1]).map(drop)
}

/// `attachExt` (at most 4096 characters) and the 0/1 switches in `switches`.
fn notice(params: &Params, switches: &[&str]) -> Result<(), ApiError> {
    params.text("attachExt", ATTACH_EXT_MAX)?;
    for name in switches {
        switch(params, name)?;
    }
    Ok(())
}

/// `{"code":200,"data":room}`.
fn room_reply(data: serde_json::Value) -> Reply {
    Reply::json(&json!({ "code": 200, "data": data }))
}

/// `signal/createRoom.action` `type` (1, 2, 3), `from`, `channelName`? (at most 128
/// characters, unique among open rooms: 10405), `ext`? (at most 4096), `isRoute`?.
fn create(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let kind = params.int_in("type", RoomType::NUMBERS)?;
    let kind = RoomType::from_number(kind)
        .ok_or_else(|| ApiError::param("type must be one of 1, 2, 3"))?;
    let from = params.account_id("from")?;
    let name = params.text("channelName", CHANNEL_NAME_MAX)?;
    let ext = params.text("ext", ATTACH_EXT_MAX)?;
    switch(&params, "isRoute")?;
    known(state, &[&from])?;
    let new = NewRoom {
        name: name.map(str::to_owned),
        kind,
        creator: from,
        ext: ext.map(str::to_owned),
    };
    let mut store = state.store();
    let room = store.create(new, now(call))?;
    Ok(room_reply(room.v1()))
}

/// `signal/closeRoom.action` `channelId`, `from` (creator or member), `isSave`?,
/// `attachExt`?, `isRoute`?.
fn close(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let id = channel_id(&params)?;
    let from = params.account_id("from")?;
    notice(&params, &["isSave", "isRoute"])?;
    known(state, &[&from])?;
    state.store().close(id, &from, now(call))?;
    Ok(Reply::ok())
}

/// `signal/delayRoom.action` `channelId`: the room, ending 2 hours from now.
fn delay(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let id = channel_id(&params)?;
    let mut store = state.store();
    let room = store.delay(id, now(call))?;
    Ok(room_reply(room.v1()))
}

/// `signal/getRoomInfo.action` `channelId`? or `channelName`? (the id wins).
fn get_info(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let id = params.text("channelId", CHANNEL_ID_MAX)?;
    let name = params.text("channelName", CHANNEL_NAME_MAX)?;
    let mut store = state.store();
    let room = store.find(id, name, now(call))?;
    Ok(room_reply(room.v1()))
}

/// What `invite` and `cancelInvite` both take: `channelId`, `from`, `to`, `requestId` (at
/// most 128 characters), `attachExt`?, the push (`needPush`?, `pushTitle`? at most 32,
/// `pushContent`? at most 500, `pushPayload`? JSON at most 4096, `needBadge`?), `isSave`?,
/// `isRoute`?. The room, inviter, invitee and request id.
fn invitation(params: &Params) -> Result<(&str, String, String, &str), ApiError> {
    let id = channel_id(params)?;
    let from = params.account_id("from")?;
    let to = params.account_id("to")?;
    let request_id = params.text_req("requestId", REQUEST_ID_MAX)?;
    notice(params, &["isSave", "isRoute", "needPush", "needBadge"])?;
    params.text("pushTitle", PUSH_TITLE_MAX)?;
    params.text("pushContent", PUSH_CONTENT_MAX)?;
    if let Some(payload) = params.text("pushPayload", PUSH_PAYLOAD_MAX)? {
        check_json("pushPayload", payload)?;
    }
    Ok((id, from, to, request_id))
}

/// `signal/invite.action`: records the invitation (nothing is delivered).
fn invite(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let (id, from, to, request_id) = invitation(&params)?;
    known(state, &[&from, &to])?;
    state
        .store()
        .invite(id, &from, &to, request_id, now(call))?;
    Ok(Reply::ok())
}

/// `signal/cancelInvite.action`: removes the pending invitation (10408 if none).
fn cancel_invite(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let (id, from, to, request_id) = invitation(&params)?;
    known(state, &[&from, &to])?;
    state
        .store()
        .cancel_invite(id, &from, &to, request_id, now(call))?;
    Ok(Reply::ok())
}

/// `signal/kick.action` `channelId`, `from` (the creator), `to` (a member), `attachExt`?,
/// `isSave`?, `isRoute`?.
fn kick(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let id = channel_id(&params)?;
    let from = params.account_id("from")?;
    let to = params.account_id("to")?;
    notice(&params, &["isSave", "isRoute"])?;
    known(state, &[&from, &to])?;
    state.store().kick(id, &from, &to, now(call))?;
    Ok(Reply::ok())
}

/// `signal/ctrlRoom.action` `channelId`, `from` (creator or member), `to`? (a member),
/// `attachExt`?, `isRoute`?: checked, nothing delivered.
fn control(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let id = channel_id(&params)?;
    let from = params.account_id("from")?;
    let to = match params.get("to") {
        Some(_) => Some(params.account_id("to")?),
        None => None,
    };
    notice(&params, &["isRoute"])?;
    let mut named = vec![from.as_str()];
    named.extend(to.as_deref());
    known(state, &named)?;
    state.store().control(id, &from, to.as_deref(), now(call))?;
    Ok(Reply::ok())
}
