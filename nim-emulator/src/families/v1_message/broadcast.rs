//! Broadcasts to every user: `msg/broadcastMsg.action`, `history/queryBroadcastMsg.action`,
//! `history/queryBroadcastMsgById.action`, `history/delBroadcastMsgById.action`, on the
//! broadcast store v2 `broadcast_notification` shares. Answers carry the broadcast under a
//! top-level `msg` (one) or `msgs` (a list), as documented.

use nim_core::Code;
use serde_json::{Value, json};

use super::State;
use crate::broadcasts::{Broadcast, DEFAULT_TTL_HOURS, check_target_os};
use crate::call::Call;
use crate::families::message_common::known;
use crate::lock;
use crate::params::Params;
use crate::reply::{ApiError, Reply};

/// The longest broadcast body.
const BODY_MAX: usize = 4096;

/// A broadcast under its v1 keys.
fn view(b: &Broadcast) -> Value {
    let mut v = json!({
        "broadcastId": b.id,
        "body": b.body,
        "targetOs": b.target_os,
        "isOffline": b.offline,
        "createTime": b.create_time,
        "expireTime": b.expire_time,
    });
    if let (Some(from), Some(map)) = (&b.from, v.as_object_mut()) {
        map.insert("from".into(), json!(from));
    }
    v
}

/// 404 for a broadcast that does not exist or has expired.
pub(super) fn not_found(id: u64) -> ApiError {
    ApiError::new(Code::NotFound, format!("broadcast {id} does not exist"))
}

/// `targetOs`: a JSON array of `ios`, `aos`, `pc`, `web`, `mac`.
fn target_os(p: &Params) -> Result<Vec<String>, ApiError> {
    let Some(text) = p.get("targetOs") else {
        return Ok(Vec::new());
    };
    let list: Vec<String> = serde_json::from_str(text)
        .map_err(|_| ApiError::param("targetOs must be a JSON array, e.g. [\"ios\",\"aos\"]"))?;
    check_target_os("targetOs", &list)?;
    Ok(list)
}

/// `msg/broadcastMsg.action`: `body`, `from`?, `isOffline`?, `ttl`? (hours, default 168),
/// `targetOs`?. Answers `{"code":200,"msg":{...}}`.
pub(super) fn broadcast_msg(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let body = p.text_req("body", BODY_MAX)?.to_owned();
    let from = match p.get("from") {
        Some(_) => Some(p.account_id("from")?),
        None => None,
    };
    let offline = p.flag("isOffline")?.unwrap_or(false);
    let ttl = p.u64_opt("ttl")?.unwrap_or(DEFAULT_TTL_HOURS);
    if ttl == 0 {
        return Err(ApiError::param("ttl must be at least 1 (hours)"));
    }
    let target_os = target_os(&p)?;
    if let Some(from) = &from {
        known(&lock(&state.accounts), "from", from).map_err(|r| r.v1())?;
    }
    let now_ms = call.now.saturating_mul(1000);
    let b = lock(&state.broadcasts).insert(Broadcast {
        from,
        body,
        offline,
        target_os,
        create_time: now_ms,
        expire_time: now_ms.saturating_add(ttl.saturating_mul(3_600_000)),
        ..Broadcast::default()
    });
    Ok(Reply::json(&json!({ "code": 200, "msg": view(&b) })))
}

/// `history/queryBroadcastMsgById.action`: `{"code":200,"msg":{...}}`; 404 if unknown or
/// expired.
pub(super) fn query_by_id(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = call.form()?.u64_req("broadcastId")?;
    let broadcasts = lock(&state.broadcasts);
    let b = broadcasts
        .get(id, call.now.saturating_mul(1000))
        .ok_or_else(|| not_found(id))?;
    Ok(Reply::json(&json!({ "code": 200, "msg": view(b) })))
}

/// `history/queryBroadcastMsg.action`: `broadcastId` (0 = the newest; otherwise that one and
/// older ones: the docs leave the direction open), `limit` 1..100 (default 100), `type` 1 all /
/// 2 stored offline / 3 not stored (default 1). Answers `{"code":200,"msgs":[...]}`, newest
/// first.
pub(super) fn query_list(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let start = p.u64_opt("broadcastId")?.unwrap_or(0);
    let limit = p.u64_opt("limit")?.unwrap_or(100);
    if limit == 0 || limit > 100 {
        return Err(ApiError::param("limit must be 1 to 100"));
    }
    let kind = p.int_opt("type", &[1, 2, 3])?.unwrap_or(1);
    let broadcasts = lock(&state.broadcasts);
    let msgs: Vec<Value> = broadcasts
        .live(call.now.saturating_mul(1000), kind)
        .into_iter()
        .filter(|b| start == 0 || b.id <= start)
        .take(usize::try_from(limit).unwrap_or(100))
        .map(view)
        .collect();
    Ok(Reply::json(&json!({ "code": 200, "msgs": msgs })))
}

/// `history/delBroadcastMsgById.action`: `{"code":200}`; 404 if unknown or expired.
pub(super) fn delete_by_id(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = call.form()?.u64_req("broadcastId")?;
    if !lock(&state.broadcasts).remove(id, call.now.saturating_mul(1000)) {
        return Err(not_found(id));
    }
    Ok(Reply::ok())
}
