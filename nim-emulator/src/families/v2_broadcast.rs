//! v2 broadcasts (`broadcast`, 5 operations) on the broadcast store v1 `msg/broadcastMsg`
//! shares: an id from either protocol works with the other. `broadcast_id` is a JSON number
//! in answers (as v1's `broadcastId` and the newer Go SDK read it).

use std::sync::{Arc, Mutex};

use nim_core::Code;
use serde_json::{Value, json};

use super::message_common::known;
use crate::accounts::Accounts;
use crate::broadcasts::{
    Broadcast, Broadcasts, ChatroomBroadcast, DEFAULT_TTL_HOURS, TARGET_OS, check_target_os,
};
use crate::call::Call;
use crate::lock;
use crate::message_content::{self, DESC_MAX};
use crate::messages::CLIENT_TYPE_REST;
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};

/// The longest `content`.
const CONTENT_MAX: usize = 4096;

struct State {
    accounts: Arc<Mutex<Accounts>>,
    broadcasts: Arc<Mutex<Broadcasts>>,
}

const ONE: &str = "/im/v2/broadcast_notification/{broadcast_id}";

const ROUTES: &[Route<State>] = &[
    Route::v2("POST", "/im/v2/broadcast_notification", send),
    Route::v2("DELETE", ONE, delete),
    Route::v2("GET", ONE, query),
    Route::v2("GET", "/im/v2/broadcast_notification", list),
    Route::v2(
        "POST",
        "/im/v2.1/broadcast_notification/actions/chatroom",
        chatroom,
    ),
];

/// Registers the 5 v2 broadcast operations.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        broadcasts: registry.shared::<Broadcasts>(),
    };
    registry.routes(state, ROUTES);
}

/// A broadcast under its v2 keys.
fn view(b: &Broadcast) -> Value {
    json!({
        "broadcast_id": b.id,
        "from_account_id": b.from.clone().unwrap_or_default(),
        "content": b.body,
        "offline_enabled": b.offline,
        "target_os": b.target_os,
        "create_time": b.create_time,
        "expire_time": b.expire_time,
    })
}

/// The `{broadcast_id}` path parameter.
fn path_id(call: &Call<'_>) -> Result<u64, ApiError> {
    call.path_param("broadcast_id")
        .parse()
        .map_err(|_| ApiError::param("broadcast_id must be a non-negative integer"))
}

/// 404 for a broadcast that does not exist or has expired.
fn not_found(id: u64) -> ApiError {
    ApiError::new(Code::NotFound, format!("broadcast not found: {id}"))
}

/// `POST /im/v2/broadcast_notification`: `content`, `from_account_id`?, `offline_enabled`?,
/// `ttl`? (hours, default 168), `target_os`?. data: the broadcast.
fn send(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let content = body.required_string("content", CONTENT_MAX)?;
    let from = body
        .string("from_account_id", 32)?
        .filter(|f| !f.is_empty());
    if let Some(from) = &from {
        check_accid("from_account_id", from)?;
    }
    let offline = body.bool("offline_enabled")?.unwrap_or(false);
    let ttl = body.uint("ttl")?.unwrap_or(DEFAULT_TTL_HOURS);
    if ttl == 0 {
        return Err(ApiError::param("ttl must be at least 1 (hours)"));
    }
    let target_os = body
        .strings("target_os", TARGET_OS.len(), 8)?
        .unwrap_or_default();
    check_target_os("target_os", &target_os)?;
    let from = from.map(|f| f.to_ascii_lowercase());
    if let Some(from) = &from {
        known(&lock(&state.accounts), "from_account_id", from).map_err(|r| r.v2())?;
    }
    let now_ms = call.now.saturating_mul(1000);
    let b = lock(&state.broadcasts).insert(Broadcast {
        from,
        body: content,
        offline,
        target_os,
        create_time: now_ms,
        expire_time: now_ms.saturating_add(ttl.saturating_mul(3_600_000)),
        ..Broadcast::default()
    });
    Ok(Reply::ok_data(view(&b)))
}

/// `DELETE /im/v2/broadcast_notification/{broadcast_id}`: data `{}`; 404 if unknown.
fn delete(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_id(call)?;
    if !lock(&state.broadcasts).remove(id, call.now.saturating_mul(1000)) {
        return Err(not_found(id));
    }
    Ok(Reply::ok_data(json!({})))
}

/// `GET /im/v2/broadcast_notification/{broadcast_id}`: data: the broadcast; 404 if unknown
/// or expired.
fn query(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_id(call)?;
    let broadcasts = lock(&state.broadcasts);
    let b = broadcasts
        .get(id, call.now.saturating_mul(1000))
        .ok_or_else(|| not_found(id))?;
    Ok(Reply::ok_data(view(b)))
}

/// `GET /im/v2/broadcast_notification?page_token&limit&type`: newest first, `limit` 1..100
/// (default 100). `type` keeps v1's meaning (1 all, 2 stored offline, 3 not stored; the Go
/// SDK's comment says otherwise, unconfirmed). data `{has_more, next_token, items}`.
fn list(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let limit = call.page_limit(100)?;
    let kind = match call.query_param("type").as_deref() {
        None | Some("1") => 1,
        Some("2") => 2,
        Some("3") => 3,
        Some(_) => return Err(ApiError::param("type must be one of 1, 2, 3")),
    };
    let after = match call.query_param("page_token") {
        None => None,
        Some(t) => Some(t.parse::<u64>().map_err(|_| {
            ApiError::param("page_token is not a token this server gave out: use next_token")
        })?),
    };
    let broadcasts = lock(&state.broadcasts);
    let rest: Vec<&Broadcast> = broadcasts
        .live(call.now.saturating_mul(1000), kind)
        .into_iter()
        .filter(|b| after.is_none_or(|a| b.id < a))
        .collect();
    let has_more = rest.len() > limit;
    let items: Vec<&Broadcast> = rest.into_iter().take(limit).collect();
    let next = match items.last() {
        Some(b) if has_more => b.id.to_string(),
        _ => String::new(),
    };
    let items: Vec<Value> = items.into_iter().map(view).collect();
    Ok(Reply::ok_data(
        json!({ "has_more": has_more, "next_token": next, "items": items }),
    ))
}

/// `POST /im/v2.1/broadcast_notification/actions/chatroom`: to every chat room. There is no
/// chat-room store yet, so it is checked and recorded (`GET /_emulator/state/broadcasts`).
/// data `{create_time, client_broadcast_id, sender_id, from_nick, from_avatar, message_type,
/// text, attachment, sender_client_type, high_priority, sub_type}`.
fn chatroom(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let client_id = body.required_string("client_broadcast_id", 128)?;
    let sender = body.required_string("sender_id", 32)?;
    check_accid("sender_id", &sender)?;
    let sender = sender.to_ascii_lowercase();
    body.string("extension", 1024)?;
    body.int("resend_flag", &[0, 1])?;
    let message = body
        .object("message")?
        .ok_or_else(|| body.missing("message"))?;
    let message_type = message
        .uint("message_type")?
        .ok_or_else(|| message.missing("message_type"))?;
    let sub_type = message.uint("sub_type")?;
    let text = message.string("text", DESC_MAX)?;
    let attachment = message_content::attachment(&message)?;
    let high_priority = match body.object("message_config")? {
        Some(config) => {
            config.string("notify_target_tags", 1024)?;
            config.bool("high_priority")?.unwrap_or(false)
        }
        None => false,
    };
    let (nick, avatar) = {
        let accounts = lock(&state.accounts);
        known(&accounts, "sender_id", &sender).map_err(|r| r.v2())?;
        let a = accounts.find(&sender);
        (
            a.and_then(|a| a.name.clone()).unwrap_or_default(),
            a.and_then(|a| a.icon.clone()).unwrap_or_default(),
        )
    };
    let now_ms = call.now.saturating_mul(1000);
    lock(&state.broadcasts).chatroom.push(ChatroomBroadcast {
        client_broadcast_id: client_id.clone(),
        sender_id: sender.clone(),
        message: body.value("message").cloned().unwrap_or(Value::Null),
        create_time: now_ms,
    });
    Ok(Reply::ok_data(json!({
        "create_time": now_ms,
        "client_broadcast_id": client_id,
        "sender_id": sender,
        "from_nick": nick,
        "from_avatar": avatar,
        "message_type": message_type,
        "text": text.unwrap_or_default(),
        "attachment": attachment.unwrap_or_else(|| json!({})),
        "sender_client_type": CLIENT_TYPE_REST,
        "high_priority": high_priority,
        "sub_type": sub_type.unwrap_or(0),
    })))
}
