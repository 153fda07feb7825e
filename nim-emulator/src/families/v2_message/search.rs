//! Finding messages across conversations: `searchMessages` (keywords in the text) and
//! `queryThreadMessages` (the replies to a thread's root).

use serde_json::{Value, json};

use super::{State, q_bool, q_limit, q_types, q_u64, q_u64_req};
use crate::call::Call;
use crate::families::message_common::V2_MESSAGE_NOT_FOUND;
use crate::lock;
use crate::message_content::v2_view;
use crate::messages::{Conversation, page, parse_token};
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};

/// The most keywords and sender ids one search takes (documented).
const SEARCH_LIST_MAX: usize = 5;

/// `GET /im/v2.1/messages/actions/search_messages?operator_id=...`: the messages the operator
/// sees (optionally of one `conversation_id`) whose text matches `keyword_list` (a JSON array
/// string; `keyword_match_type` 0 any, 1 all), filtered by `sender_account_ids`,
/// `message_types`, `message_sub_types`, `start_time` + `time_period`. `direction` 0 (default)
/// newest first, 1 oldest first. data `{count, has_more, next_token, items}`.
pub(super) fn search(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let operator = call
        .query_param("operator_id")
        .ok_or_else(|| ApiError::param("operator_id is required"))?;
    check_accid("operator_id", &operator)?;
    let operator = operator.to_ascii_lowercase();
    let conversation = match call.query_param("conversation_id") {
        Some(id) => Some(Conversation::parse("conversation_id", &id)?),
        None => None,
    };
    let keywords: Vec<String> = match call.query_param("keyword_list") {
        None => Vec::new(),
        Some(text) => serde_json::from_str(&text).map_err(|_| {
            ApiError::param("keyword_list must be a JSON array of strings, e.g. [\"a\",\"b\"]")
        })?,
    };
    if keywords.len() > SEARCH_LIST_MAX {
        return Err(ApiError::param(format!(
            "keyword_list has {} items, at most {SEARCH_LIST_MAX} allowed",
            keywords.len()
        )));
    }
    let match_all = call.query_int_in("keyword_match_type", &[0, 1])? == Some(1);
    let senders: Option<Vec<String>> = call.query_param("sender_account_ids").map(|s| {
        s.split(',')
            .map(|a| a.trim().to_ascii_lowercase())
            .filter(|a| !a.is_empty())
            .collect()
    });
    if let Some(s) = &senders
        && s.len() > SEARCH_LIST_MAX
    {
        return Err(ApiError::param(format!(
            "sender_account_ids has {} items, at most {SEARCH_LIST_MAX} allowed",
            s.len()
        )));
    }
    let types = q_types(call, "message_types")?;
    let sub_types = q_types(call, "message_sub_types")?;
    let start = q_u64(call, "start_time")?;
    let period = q_u64(call, "time_period")?;
    let limit = q_limit(call, Some(100))?;
    let token = parse_token("page_token", call.query_param("page_token").as_deref())?;
    let oldest_first = call.query_int_in("direction", &[0, 1])? == Some(1);
    let messages = lock(&state.messages);
    let found = messages.select(|m| {
        let text = m.text.as_deref().unwrap_or_default();
        let hit = |k: &String| text.contains(k.as_str());
        let keyword_ok = keywords.is_empty()
            || if match_all {
                keywords.iter().all(hit)
            } else {
                keywords.iter().any(hit)
            };
        let in_time = match (start, period) {
            (Some(s), Some(p)) => s <= m.create_time && m.create_time <= s.saturating_add(p),
            (Some(s), None) => s <= m.create_time,
            _ => true,
        };
        conversation.as_ref().map_or(m.involves(&operator), |c| {
            c.owner == operator && c.contains(m)
        }) && m.visible_to(&operator, false)
            && keyword_ok
            && in_time
            && senders.as_ref().is_none_or(|s| s.contains(&m.sender))
            && types.as_ref().is_none_or(|t| t.contains(&m.message_type))
            && sub_types.as_ref().is_none_or(|t| {
                m.sub_type
                    .is_some_and(|st| t.iter().any(|x| u64::from(*x) == st))
            })
    });
    let count = found.len();
    let (items, has_more, next) = page(found, oldest_first, token, limit);
    let items: Vec<Value> = items.into_iter().map(v2_view).collect();
    Ok(Reply::ok_data(json!({
        "count": count,
        "has_more": has_more,
        "next_token": next,
        "items": items,
    })))
}

/// `GET /im/v2.1/messages/actions/thread_messages`: the replies to a root message (named by
/// the Java SDK's `message_server_id` / `message_client_id` / `create_time` or the Go SDK's
/// `root_message_id` / `root_message_client_id` / `root_message_time`) in
/// `begin_time..=end_time`. `descending=true` lists the oldest first, as for the page query.
/// data `{has_more, next_token, thread_root, total, timestamp, messages}`; 107404 for an
/// unknown root.
pub(super) fn thread(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let begin = q_u64_req(call, "begin_time")?;
    let end = q_u64_req(call, "end_time")?;
    let limit = q_limit(call, None)?;
    let token = parse_token("page_token", call.query_param("page_token").as_deref())?;
    let oldest_first = q_bool(call, "descending")?.unwrap_or(false);
    let root_id = match q_u64(call, "message_server_id")? {
        Some(id) => id,
        None => q_u64(call, "root_message_id")?
            .ok_or_else(|| ApiError::param("message_server_id (or root_message_id) is required"))?,
    };
    call.query_int_in("conversation_type", &[1, 2, 3])?;
    q_bool(call, "exclude_root")?;
    let messages = lock(&state.messages);
    let root = messages
        .get(root_id)
        .filter(|m| !m.recalled && !m.deleted)
        .ok_or_else(|| {
            ApiError::with_code(
                V2_MESSAGE_NOT_FOUND,
                format!("thread root not found: {root_id}"),
            )
        })?;
    let replies = messages.select(|m| m.thread_root == Some(root_id) && !m.recalled && !m.deleted);
    let total = replies.len();
    let in_window: Vec<_> = replies
        .into_iter()
        .filter(|m| begin <= m.create_time && m.create_time <= end)
        .collect();
    let (items, has_more, next) = page(in_window, oldest_first, token, limit);
    let items: Vec<Value> = items.into_iter().map(v2_view).collect();
    let root_view = v2_view(root);
    Ok(Reply::ok_data(json!({
        "has_more": has_more,
        "next_token": next,
        "thread_root": root_view,
        "total": total,
        "timestamp": call.now.saturating_mul(1000),
        "messages": items,
    })))
}
