//! Reading a conversation: `queryMessage` (one), `queryMessagesByPage` (a time window, paged)
//! and `batchQueryMessages` (several by id), all as the conversation's owner sees it.

use serde_json::{Value, json};

use super::{
    State, path_conversation, path_message_id, q_bool, q_limit, q_types, q_u64, q_u64_req,
};
use crate::call::Call;
use crate::families::message_common::{V2_MESSAGE_NOT_FOUND, team};
use crate::lock;
use crate::message_content::v2_view;
use crate::messages::{Conversation, Message, page, parse_token};
use crate::reply::{ApiError, Reply};

/// The most messages one batch query names (undocumented; bounds the answer).
const BATCH_MAX: usize = 100;

fn not_found(id: u64) -> ApiError {
    ApiError::with_code(V2_MESSAGE_NOT_FOUND, format!("message not found: {id}"))
}

/// 108404 for a team conversation whose team does not exist.
fn check_team(state: &State, c: &Conversation) -> Result<(), ApiError> {
    if c.kind != 1 {
        team(&lock(&state.teams), &c.peer).map_err(|r| r.v2())?;
    }
    Ok(())
}

/// `GET /im/v2.1/conversations/{owner|type|peer}/messages/{message_server_id}`: data is the
/// message; 107404 if it is unknown, elsewhere, or not visible to the owner. `message_time`
/// is accepted (the id alone finds the message).
pub(super) fn query_message(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let c = path_conversation(call)?;
    let id = path_message_id(call)?;
    q_u64(call, "message_time")?;
    q_bool(call, "check_team_valid")?;
    q_bool(call, "check_team_member_valid")?;
    check_team(state, &c)?;
    let messages = lock(&state.messages);
    let m = messages
        .get(id)
        .filter(|m| c.contains(m) && m.visible_to(&c.owner, false))
        .ok_or_else(|| not_found(id))?;
    Ok(Reply::ok_data(v2_view(m)))
}

/// `GET /im/v2.1/conversations/{owner|type|peer}/messages?begin_time&end_time&limit...`:
/// data `{has_more, next_token, items}`. `descending=true` lists the OLDEST first and
/// `false` (the default) the newest first: the docs and the Java SDK define the flag that way,
/// opposite to its name, and the emulator follows them. `next_token` continues the same
/// order without repeats.
pub(super) fn by_page(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let c = path_conversation(call)?;
    let begin = q_u64_req(call, "begin_time")?;
    let end = q_u64_req(call, "end_time")?;
    if begin > end {
        return Err(ApiError::param("begin_time must not be after end_time"));
    }
    let limit = q_limit(call, None)?;
    let token = parse_token("page_token", call.query_param("page_token").as_deref())?;
    let oldest_first = q_bool(call, "descending")?.unwrap_or(false);
    let types = q_types(call, "message_type")?;
    let include_no_sense = q_bool(call, "include_no_sense_msg")?.unwrap_or(false);
    q_bool(call, "check_team_valid")?;
    check_team(state, &c)?;
    let messages = lock(&state.messages);
    let found = messages.select(|m: &Message| {
        c.contains(m)
            && m.visible_to(&c.owner, include_no_sense)
            && begin <= m.create_time
            && m.create_time <= end
            && types.as_ref().is_none_or(|t| t.contains(&m.message_type))
    });
    let (items, has_more, next) = page(found, oldest_first, token, limit);
    let items: Vec<Value> = items.into_iter().map(v2_view).collect();
    Ok(Reply::ok_data(
        json!({ "has_more": has_more, "next_token": next, "items": items }),
    ))
}

/// `POST /im/v2.1/conversations/{owner|type|peer}/batch_messages` with
/// `messages[{message_server_id, create_time}]`: data `success_list` (messages),
/// `failed_list[{message_server_id, create_time, error_code: 107404, error_msg}]`.
pub(super) fn batch_query(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let c = path_conversation(call)?;
    let body = call.json()?;
    let items = body
        .objects("messages")?
        .ok_or_else(|| body.missing("messages"))?;
    if items.is_empty() || items.len() > BATCH_MAX {
        return Err(ApiError::param(format!(
            "messages must have 1 to {BATCH_MAX} items, not {}",
            items.len()
        )));
    }
    let mut wanted = Vec::with_capacity(items.len());
    for item in &items {
        let id = item
            .uint("message_server_id")?
            .ok_or_else(|| item.missing("message_server_id"))?;
        let time = item
            .uint("create_time")?
            .ok_or_else(|| item.missing("create_time"))?;
        wanted.push((id, time));
    }
    check_team(state, &c)?;
    let messages = lock(&state.messages);
    let mut success = Vec::new();
    let mut failed = Vec::new();
    for (id, time) in wanted {
        match messages
            .get(id)
            .filter(|m| c.contains(m) && m.visible_to(&c.owner, false))
        {
            Some(m) => success.push(v2_view(m)),
            None => failed.push(json!({
                "message_server_id": id,
                "create_time": time,
                "error_code": V2_MESSAGE_NOT_FOUND,
                "error_msg": "message not found",
            })),
        }
    }
    Ok(Reply::ok_data(
        json!({ "success_list": success, "failed_list": failed }),
    ))
}
