//! The two unread operations: the total, and marking one conversation read.

use serde_json::json;

use super::{State, known_account, no_conversation, path_conversation};
use crate::call::Call;
use crate::conversations::view::{all_of, view};
use crate::families::v2_common::path_account_id;
use crate::lock;
use crate::reply::{ApiError, Reply};

/// `GET /im/v2/conversation_overviews/{account_id}`: data `{account_id, unread_count}`, the
/// sum over the account's conversations.
pub(super) fn overview(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let owner = path_account_id(call)?;
    known_account(&lock(&state.accounts), &owner)?;
    let teams = lock(&state.teams);
    let messages = lock(&state.messages);
    let conversations = lock(&state.conversations);
    let total: u64 = all_of(&owner, &conversations, &messages, &teams)
        .iter()
        .map(|v| v.unread)
        .sum();
    Ok(Reply::ok_data(
        json!({ "account_id": owner, "unread_count": total }),
    ))
}

/// `PATCH /im/v2/conversations/{id}/actions/clear_conversation_unread`: everything up to
/// now is read (`last_read_time`); data `{}`. 414 when the owner has no such conversation.
pub(super) fn clear(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_conversation(call)?;
    let teams = lock(&state.teams);
    let mut messages = lock(&state.messages);
    let mut conversations = lock(&state.conversations);
    if view(&id, &conversations, &messages, &teams).is_none() {
        return Err(no_conversation(&id.id()));
    }
    let time = messages.tick(call.now);
    conversations.record_mut(&id.id()).last_read = time;
    Ok(Reply::ok_data(json!({})))
}
