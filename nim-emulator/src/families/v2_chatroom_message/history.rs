//! recallChatroomMessage and queryChatroomHistoryMessages.

use serde_json::{Value, json};

use super::{State, account, path_room, rooms, view};
use crate::call::Call;
use crate::chatrooms::{HistoryQuery, Target};
use crate::reply::{ApiError, Reply};

/// The message types a history query may name.
const QUERY_TYPES: &[i64] = &[0, 1, 2, 3, 4, 5, 6, 10, 11, 100];

/// `DELETE /im/v2/chatrooms/{room_id}/messages/{message_client_id}?operator_id=&sender_id=&create_time=&notification_enabled=`:
/// data `{}`.
pub(super) fn recall(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_room(call)?;
    let client_id = call.path_param("message_client_id").to_owned();
    let required = |name: &str| {
        call.query_param(name)
            .ok_or_else(|| ApiError::param(format!("{name} is required")))
    };
    let operator = account(state, "operator_id", &required("operator_id")?)?;
    let sender = required("sender_id")?.to_ascii_lowercase();
    crate::params::check_accid("sender_id", &sender)?;
    let time = required("create_time")?
        .trim()
        .parse::<u64>()
        .map_err(|_| ApiError::param("create_time must be a time in milliseconds"))?;
    let notify = match call.query_param("notification_enabled").as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            return Err(ApiError::param(
                "notification_enabled must be true or false",
            ));
        }
    };
    if call
        .query_param("notification_extension")
        .is_some_and(|e| e.chars().count() > 1024)
    {
        return Err(ApiError::param(
            "notification_extension is too long: at most 1024 characters",
        ));
    }
    let target = Target {
        client_id: Some(&client_id),
        from: &sender,
        time,
    };
    let mut rooms = rooms(call, state);
    let done = if notify {
        rooms.recall(id, &target, &operator)
    } else {
        rooms.delete_as(id, &target, &operator)
    };
    done.map_err(|e| e.v1())?;
    Ok(Reply::ok_data(json!({})))
}

/// `GET /im/v2.1/chatrooms/{room_id}/messages?sender_id=&limit=&page_token=&descending=&message_type=`:
/// data `{has_more, next_token, items}`.
pub(super) fn query(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_room(call)?;
    let sender = call
        .query_param("sender_id")
        .ok_or_else(|| ApiError::param("sender_id is required"))?
        .to_ascii_lowercase();
    crate::params::check_accid("sender_id", &sender)?;
    let limit = call
        .query_param("limit")
        .ok_or_else(|| ApiError::param("limit is required"))?;
    let limit = limit
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=100).contains(n))
        .ok_or_else(|| ApiError::param(format!("limit is {limit}, allowed 1 to 100")))?;
    let descending = match call.query_param("descending").as_deref() {
        None | Some("true") => true,
        Some("false") => false,
        Some(_) => return Err(ApiError::param("descending must be true or false")),
    };
    let token = call
        .query_param("page_token")
        .map(|t| {
            t.trim()
                .parse::<u64>()
                .map_err(|_| ApiError::param(format!("page_token `{t}` is not a cursor")))
        })
        .transpose()?;
    let mut query = HistoryQuery {
        sender: Some(sender),
        types: types(call)?,
        descending,
        limit,
        ..HistoryQuery::default()
    };
    if descending {
        query.before = token;
    } else {
        query.after = token;
    }
    let rooms = rooms(call, state);
    let (found, more) = rooms.history(id, &query).map_err(|e| e.v1())?;
    let next = found.last().filter(|_| more).map(|m| m.time.to_string());
    let items: Vec<Value> = found.iter().map(|m| view::message(m, id)).collect();
    let mut data = json!({ "has_more": more, "items": items });
    if let Some(next) = next {
        data["next_token"] = json!(next);
    }
    Ok(Reply::ok_data(data))
}

/// `message_type` (or the Go SDK's `message_types`), comma-joined.
fn types(call: &Call<'_>) -> Result<Option<Vec<i64>>, ApiError> {
    let Some(text) = call
        .query_param("message_type")
        .or_else(|| call.query_param("message_types"))
    else {
        return Ok(None);
    };
    text.split(',')
        .map(|t| {
            t.trim()
                .parse::<i64>()
                .ok()
                .filter(|n| QUERY_TYPES.contains(n))
                .ok_or_else(|| ApiError::param(format!("message_type: `{t}` is not a type")))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}
