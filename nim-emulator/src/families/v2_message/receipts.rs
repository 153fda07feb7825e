//! Read receipts: `sendP2PReadReceipt`, `sendTeamReadReceipt`, `queryTeamReadReceipt`. Team
//! receipts follow the store's one rule for both protocols
//! ([`mark_read`](crate::teams::mark_read), [`read_state`](crate::teams::read_state)), so a
//! read marked with v1 is counted by v2 and the other way round.

use serde_json::json;

use super::{State, q_bool, q_u64_req};
use crate::call::Call;
use crate::families::message_common::{V2_MESSAGE_NOT_FOUND, known};
use crate::lock;
use crate::messages::ReadPoint;
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};
use crate::teams::{Kind, mark_read, read_state};

/// The most message ids one team receipt takes (documented).
const TEAM_RECEIPT_MAX: usize = 50;

/// `POST /im/v2/messages/actions/p2p_read_receipt`: `from_account_id` (the reader) has read
/// `to_account_id`'s messages up to `message_server_id`. data `{timestamp}`.
pub(super) fn p2p_receipt(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let from = body.required_string("from_account_id", 32)?;
    check_accid("from_account_id", &from)?;
    let to = body.required_string("to_account_id", 32)?;
    check_accid("to_account_id", &to)?;
    let id = body
        .uint("message_server_id")?
        .ok_or_else(|| body.missing("message_server_id"))?;
    let (from, to) = (from.to_ascii_lowercase(), to.to_ascii_lowercase());
    {
        let accounts = lock(&state.accounts);
        known(&accounts, "from_account_id", &from).map_err(|r| r.v2())?;
        known(&accounts, "to_account_id", &to).map_err(|r| r.v2())?;
    }
    let mut messages = lock(&state.messages);
    let client_id = messages
        .get(id)
        .filter(|m| m.sender == to && m.receiver == from && m.conversation_type == 1)
        .map(|m| m.client_id.clone())
        .ok_or_else(|| {
            ApiError::with_code(V2_MESSAGE_NOT_FOUND, format!("message not found: {id}"))
        })?;
    let time = messages.tick(call.now);
    messages.read_points.insert(
        (from, to),
        ReadPoint {
            message: client_id,
            time,
        },
    );
    Ok(Reply::ok_data(json!({ "timestamp": time })))
}

/// `POST /im/v2/messages/actions/team_read_receipt`: `from_account_id`, `team_id` (a number
/// or a string), `message_server_ids` (at most 50). data `{success_list, failed_list}`.
pub(super) fn team_receipt(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let from = body.required_string("from_account_id", 32)?;
    check_accid("from_account_id", &from)?;
    let tid = match body.value("team_id") {
        Some(v) if v.is_u64() => v.to_string(),
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(_) => return Err(ApiError::param("team_id must be a team id (a number)")),
        None => return Err(body.missing("team_id")),
    };
    let ids = match body.value("message_server_ids") {
        Some(serde_json::Value::Array(ids)) => ids.clone(),
        Some(_) => {
            return Err(ApiError::param(
                "message_server_ids must be an array of ids",
            ));
        }
        None => return Err(body.missing("message_server_ids")),
    };
    if ids.is_empty() || ids.len() > TEAM_RECEIPT_MAX || ids.iter().any(|v| !v.is_u64()) {
        return Err(ApiError::param(format!(
            "message_server_ids must hold 1 to {TEAM_RECEIPT_MAX} message ids"
        )));
    }
    let from = from.to_ascii_lowercase();
    known(&lock(&state.accounts), "from_account_id", &from).map_err(|r| r.v2())?;
    let tid = tid
        .trim()
        .parse::<u64>()
        .map_err(|_| ApiError::param("team_id must be a team id (a number)"))?;
    let ids: Vec<u64> = ids.iter().filter_map(serde_json::Value::as_u64).collect();
    let teams = lock(&state.teams);
    let team = teams.get(tid, Kind::Advanced).map_err(|e| e.v2())?;
    let failed = mark_read(team, &mut lock(&state.messages), &from, &ids).map_err(|e| e.v2())?;
    let marked: Vec<u64> = ids.into_iter().filter(|id| !failed.contains(id)).collect();
    Ok(Reply::ok_data(
        json!({ "success_list": marked, "failed_list": failed }),
    ))
}

/// `GET /im/v2/messages/actions/team_read_receipt?team_id&message_server_id...`: data with
/// both SDKs' keys (`read_size`/`read_count`, `read_account_ids`/`read_accounts`, ...).
pub(super) fn query_team_receipt(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let tid = call
        .query_param("team_id")
        .ok_or_else(|| ApiError::param("team_id is required"))?;
    let tid = tid
        .trim()
        .parse::<u64>()
        .map_err(|_| ApiError::param("team_id must be a team id (a number)"))?;
    let id = q_u64_req(call, "message_server_id")?;
    q_bool(call, "snapshot")?;
    q_bool(call, "include_account")?;
    let teams = lock(&state.teams);
    let team = teams.get(tid, Kind::Advanced).map_err(|e| e.v2())?;
    let messages = lock(&state.messages);
    let message = messages
        .get(id)
        .filter(|m| m.conversation_type == 2 && m.receiver == tid.to_string())
        .ok_or_else(|| {
            ApiError::with_code(V2_MESSAGE_NOT_FOUND, format!("message not found: {id}"))
        })?;
    let (read, unread) = read_state(team, message);
    Ok(Reply::ok_data(json!({
        "read_size": read.len(),
        "unread_size": unread.len(),
        "read_account_ids": read,
        "unread_account_ids": unread,
        "read_count": read.len(),
        "unread_count": unread.len(),
        "read_accounts": read,
        "unread_accounts": unread,
    })))
}
