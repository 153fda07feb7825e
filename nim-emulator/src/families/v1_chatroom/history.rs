//! A room's history (v1): `chatroom/recall`, `chatroom/deleteHistoryMessage`,
//! `history/queryChatroomMsg` and `history/queryTagHistoryMsg` (also served at
//! `chatroom/queryTagHistoryMsg`, the path the docs' API list names; both SDKs call the
//! `history/` one). The rules are the store's ([`crate::chatrooms`]).
//!
//! - Recall and delete answer `{"code":200}` also when no message matches: production did
//!   so for a recall with a wrong time (the Java SDK's live test), and delete is taken to
//!   behave alike. A missing room is still 404 and a recall by someone who may not is 403.
//! - `queryChatroomMsg`: `timetag` is exclusive (the next page starts at the last message's
//!   `sendtime` without repeating it); `timetag` 0 with newest first reads from now. The
//!   querying `accid` must be a registered account; it need not be in the room (no source
//!   says it must). Items: `from`, `msgid` (the client id), `sendtime`, `type`,
//!   `fromclienttype`, `body` (the `attach` as sent), and `ext` when set.
//! - `queryTagHistoryMsg`: messages whose sender had one of `tags` when sending;
//!   `fromTime` and `toTime` inclusive; `limit` 1 to 100 (default 100); `reverse` as for
//!   `queryChatroomMsg` (nim-api's `Order`: 1 oldest first, 2 or absent
//!   newest first, any other value 414).

use serde_json::{Value, json};

use super::{State, registered, rooms};
use crate::call::Call;
use crate::chatrooms::{ChatroomError, HistoryQuery, RoomMessage, Target};
use crate::message_content::CLIENT_ID_MAX;
use crate::params::Params;
use crate::reply::{ApiError, Reply};

/// The message types a history query may name.
const QUERY_TYPES: &[i64] = &[0, 1, 2, 3, 4, 5, 6, 10, 11, 100];

/// `chatroom/recall.action`.
pub(super) fn recall(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let time = p.u64_req("msgTimetag")?;
    let client_id = p
        .text("msgId", CLIENT_ID_MAX)?
        .ok_or_else(|| ApiError::param("msgidclient is null"))?;
    let from = p.account_id("fromAcc")?;
    let operator = p.account_id("operatorAcc")?;
    p.text("notifyExt", 1024)?;
    let target = Target {
        client_id: Some(client_id),
        from: &from,
        time,
    };
    let done = rooms(call, state).recall(id, &target, &operator);
    matched_or_not(done)
}

/// `chatroom/deleteHistoryMessage.action`.
pub(super) fn delete(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let from = p.account_id("fromAcc")?;
    let time = p.u64_req("msgTimetag")?;
    let target = Target {
        client_id: None,
        from: &from,
        time,
    };
    let done = rooms(call, state).delete_message(id, &target);
    matched_or_not(done)
}

/// 200 whether or not a message matched; other refusals as they are.
fn matched_or_not(done: Result<(), ChatroomError>) -> Result<Reply, ApiError> {
    match done {
        Ok(()) | Err(ChatroomError::NoMessage { .. }) => Ok(Reply::ok()),
        Err(e) => Err(e.v1()),
    }
}

/// `history/queryChatroomMsg.action`: top-level `size` and `msgs`.
pub(super) fn query(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    registered(&p, state, "accid")?;
    let timetag = p.u64_req("timetag")?;
    let limit = limit(&p, "limit", 200)?.ok_or_else(|| ApiError::param("limit is missing"))?;
    let ascending = p.int_opt("reverse", &[1, 2])? == Some(1);
    let mut query = HistoryQuery {
        types: types(&p, "type")?,
        descending: !ascending,
        limit,
        ..HistoryQuery::default()
    };
    if ascending {
        query.after = Some(timetag);
    } else if timetag > 0 {
        query.before = Some(timetag);
    }
    answer(call, state, id, &query)
}

/// `history/queryTagHistoryMsg.action` (and `chatroom/queryTagHistoryMsg.action`).
pub(super) fn query_tagged(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomId")?;
    let tags = p.json_list("tags", 100)?;
    let query = HistoryQuery {
        tags: Some(tags),
        types: types(&p, "types")?,
        after: p.u64_opt("fromTime")?.map(|t| t.saturating_sub(1)),
        before: p.u64_opt("toTime")?.map(|t| t.saturating_add(1)),
        descending: p.int_opt("reverse", &[1, 2])? != Some(1),
        limit: limit(&p, "limit", 100)?.unwrap_or(100),
        ..HistoryQuery::default()
    };
    answer(call, state, id, &query)
}

fn answer(
    call: &Call<'_>,
    state: &State,
    id: u64,
    query: &HistoryQuery,
) -> Result<Reply, ApiError> {
    let rooms = rooms(call, state);
    let (found, _) = rooms.history(id, query).map_err(|e| e.v1())?;
    let msgs: Vec<Value> = found.into_iter().map(history_view).collect();
    Ok(Reply::json(
        &json!({ "code": 200, "size": msgs.len(), "msgs": msgs }),
    ))
}

/// The optional `limit` parameter `name`, 1 to `max`.
fn limit(p: &Params, name: &str, max: u64) -> Result<Option<usize>, ApiError> {
    match p.u64_opt(name)? {
        None => Ok(None),
        Some(n) if (1..=max).contains(&n) => Ok(usize::try_from(n).ok()),
        Some(n) => Err(ApiError::param(format!(
            "{name} is {n}, allowed 1 to {max}"
        ))),
    }
}

/// The optional comma-joined message types `name`, each a type history can hold.
fn types(p: &Params, name: &str) -> Result<Option<Vec<i64>>, ApiError> {
    let Some(text) = p.get(name) else {
        return Ok(None);
    };
    text.split(',')
        .map(|t| {
            t.trim()
                .parse::<i64>()
                .ok()
                .filter(|n| QUERY_TYPES.contains(n))
                .ok_or_else(|| ApiError::param(format!("{name}: `{t}` is not a message type")))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// One message of a v1 history answer.
fn history_view(m: &RoomMessage) -> Value {
    let mut view = json!({
        "from": m.from,
        "msgid": m.client_id,
        "sendtime": m.time,
        "type": m.msg_type,
        "fromclienttype": m.client_type,
        "body": m.body,
    });
    if let Some(ext) = &m.ext {
        view["ext"] = json!(ext);
    }
    view
}
