//! Admin views and knobs of the chatroom store, the language-neutral side of
//! [`Emulator::chatroom`](crate::Emulator::chatroom), `enter_chatroom` and `leave_chatroom`:
//! `GET /_emulator/state/chatrooms`, `POST /_emulator/state/chatroom_enter` and
//! `POST /_emulator/state/chatroom_leave`. Entering and leaving are what a client SDK does
//! (no server action does it). Refusals are admin errors (`{"error"}`, HTTP 404 for a
//! missing room or connection, 400 otherwise) whose text ends with the code the client
//! would get, e.g. `"chatroom 3000000001 is closed (13002)"`.

use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::{Value, json};

use crate::accounts::Accounts;
use crate::call::Call;
use crate::chatrooms::{ChatroomError, ChatroomRecord, ChatroomRole, Chatrooms, Entry, entrant};
use crate::json_body::JsonBody;
use crate::lock;
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};

/// The most tags one entering client carries: 10 (the official member-tag docs, the limit
/// v2 `modifyMemberTags` also has).
const TAGS_MAX: usize = 10;
/// A tag's length bound, in characters: 32 (the same source).
const TAG_MAX: usize = 32;
/// A nickname's length bound, in characters: 64 (v1 `updateMyRoomRole` `nick`).
const NICK_MAX: usize = 64;
/// An avatar's length bound, in characters (undocumented: the emulator's bound).
const AVATAR_MAX: usize = 1024;
/// An extension's length bound, in characters (v1 member `ext`: 4096).
const EXT_MAX: usize = 4096;

struct State {
    accounts: Arc<Mutex<Accounts>>,
    chatrooms: Arc<Mutex<Chatrooms>>,
}

const ROUTES: &[Route<State>] = &[
    Route::admin("GET", "/_emulator/state/chatrooms", chatrooms),
    Route::admin("POST", "/_emulator/state/chatroom_enter", enter),
    Route::admin("POST", "/_emulator/state/chatroom_leave", leave),
];

/// Registers the chatroom admin routes.
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

fn role_name(role: ChatroomRole) -> &'static str {
    match role {
        ChatroomRole::Creator => "creator",
        ChatroomRole::Manager => "manager",
        ChatroomRole::Normal => "normal",
        ChatroomRole::Guest => "guest",
        ChatroomRole::Anonymous => "anonymous",
        ChatroomRole::Virtual => "virtual",
    }
}

fn room_view(r: &ChatroomRecord) -> Value {
    let members: Vec<Value> = r
        .members
        .iter()
        .map(|m| {
            json!({
                "accid": m.accid, "role": role_name(m.role), "nick": m.nick,
                "avatar": m.avatar, "ext": m.ext, "level": m.level, "blocked": m.blocked,
                "chat_banned": m.chat_banned, "temp_mute_until": m.temp_mute_until,
                "tags": m.tags, "online": m.online(), "connections": m.connections,
            })
        })
        .collect();
    json!({
        "roomid": r.id, "creator": r.creator, "name": r.name,
        "announcement": r.announcement, "broadcasturl": r.broadcast_url, "ext": r.ext,
        "valid": r.valid, "muted": r.muted, "queuelevel": r.queue_level,
        "in_out_notification": r.in_out_notification,
        "delay_close_policy": r.delay_close_policy, "delay_seconds": r.delay_seconds,
        "close_deadline": r.close_deadline, "online_count": r.online_count(),
        "members": members, "queue_len": r.queue_len, "message_count": r.message_count,
        "create_time": r.create_time,
    })
}

/// `?roomid=N`: that room (404 if there is none); `?creator=a`: `{"creator","rooms":[...]}`,
/// every room it made (open or closed), ordered by id. A room is `{roomid, creator, name,
/// announcement, broadcasturl, ext, valid, muted, queuelevel, in_out_notification,
/// delay_close_policy, delay_seconds, close_deadline, online_count, members:[{accid, role,
/// nick, avatar, ext, level, blocked, chat_banned, temp_mute_until, tags, online,
/// connections}], queue_len, message_count, create_time}`.
fn chatrooms(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let rooms = rooms(call, state);
    if let Some(id) = call.query_param("roomid") {
        let id: u64 = id
            .trim()
            .parse()
            .map_err(|_| ApiError::param("roomid must be a room id"))?;
        let room = rooms.get(id).map_err(|e| e.v1())?;
        return Ok(Reply::json(&room_view(&ChatroomRecord::from(room))));
    }
    let creator = call
        .query_param("creator")
        .ok_or_else(|| ApiError::param("roomid or creator is required"))?
        .to_ascii_lowercase();
    let list: Vec<Value> = rooms
        .all()
        .filter(|r| r.creator == creator)
        .map(|r| room_view(&ChatroomRecord::from(r)))
        .collect();
    Ok(Reply::json(&json!({ "creator": creator, "rooms": list })))
}

/// The required `roomid` and `accid` of an enter or leave body.
fn room_and_account(body: &JsonBody) -> Result<(u64, String), ApiError> {
    let id = body.uint("roomid")?.ok_or_else(|| body.missing("roomid"))?;
    let accid = body.required_string("accid", 32)?;
    check_accid("accid", &accid)?;
    Ok((id, accid.to_ascii_lowercase()))
}

/// An optional `client_type` (0 to 255).
fn client_type(body: &JsonBody) -> Result<Option<u8>, ApiError> {
    body.uint("client_type")?
        .map(|t| u8::try_from(t).map_err(|_| ApiError::param("client_type must be 0 to 255")))
        .transpose()
}

/// `{"roomid","accid","client_type"?,"tags"?,"nick"?,"avatar"?,"ext"?,"anonymous"?}`: the
/// account's client enters the room with one more connection (`client_type` 16, web, by
/// default; `tags`, at most 10 of at most 32 characters, replace its tags; `nick` at most 64
/// characters). A registered account unless `anonymous` is true (an unknown account without
/// it: 400), the same checks as [`Emulator::enter_chatroom`](crate::Emulator::enter_chatroom)
/// makes. Refused (see the module's docs): no room (404), the room closed (13002); a
/// blacklisted account would get 13003 (nothing blacklists yet).
fn enter(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = JsonBody::parse(call.body)?;
    let (id, accid) = room_and_account(&body)?;
    let anonymous = body.bool("anonymous")?.unwrap_or(false);
    let entry = Entry {
        client_type: client_type(&body)?.unwrap_or(16),
        tags: body.strings("tags", TAGS_MAX, TAG_MAX)?,
        nick: body.string("nick", NICK_MAX)?,
        avatar: body.string("avatar", AVATAR_MAX)?,
        ext: body.string("ext", EXT_MAX)?,
        anonymous,
    };
    let accid = entrant(&lock(&state.accounts), &accid, anonymous)?;
    let now = call.now.saturating_mul(1000);
    rooms(call, state)
        .enter(id, &accid, entry, now)
        .map_err(refusal)?;
    Ok(Reply::ok())
}

/// `{"roomid","accid","client_type"?}`: the account's connections of that client type (all
/// when absent) leave the room. 404 when the room does not exist or the account has no such
/// connection in it.
fn leave(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = JsonBody::parse(call.body)?;
    let (id, accid) = room_and_account(&body)?;
    let client_type = client_type(&body)?;
    let now = call.now.saturating_mul(1000);
    rooms(call, state)
        .leave(id, &accid, client_type, now)
        .map_err(refusal)?;
    Ok(Reply::ok())
}

/// A store refusal as an admin error: the reason, then the code in parentheses.
fn refusal(e: ChatroomError) -> ApiError {
    let code = e.v1().code();
    ApiError::with_code(code, format!("{} ({code})", e.describe()))
}
