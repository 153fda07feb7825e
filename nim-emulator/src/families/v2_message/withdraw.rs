//! Taking messages back: `withdrawMessage` (type 1 one-way recall, 2 two-way recall, 3 silent
//! delete) and `deleteConversationMessages` (type 1 roaming, 2 history, 3 both).

use std::time::Duration;

use serde_json::json;

use super::{State, path_conversation, path_message_id, q_bool, q_u64};
use crate::call::Call;
use crate::callbacks::copies;
use crate::families::message_common::{V2_MESSAGE_NOT_FOUND, V2_RECALL_TIMEOUT, team};
use crate::lock;
use crate::messages::LONG_WINDOW;
use crate::reply::{ApiError, Reply};

/// `DELETE /im/v2/conversations/{sender|type|receiver}/messages/{message_server_id}?type=N`.
/// Type 2 within the recall window (default 2 minutes; `ignore_revoke_time` allows 30 days),
/// types 1 and 3 within 30 days; outside it 107508. An unknown message, or one not in this
/// conversation from its owner, is 107404. data `{}`.
pub(super) fn withdraw(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let conversation = path_conversation(call)?;
    let id = path_message_id(call)?;
    let kind = call
        .query_int_in("type", &[1, 2, 3])?
        .ok_or_else(|| ApiError::param("type is required (1 one-way, 2 two-way, 3 delete)"))?;
    q_u64(call, "message_time")?;
    q_bool(call, "check_team_member_valid")?;
    let ignore_time = q_bool(call, "ignore_revoke_time")?.unwrap_or(false);
    if let Some(d) = call.query_param("description")
        && d.chars().count() > 128
    {
        return Err(ApiError::param(
            "description is too long: at most 128 characters",
        ));
    }
    if conversation.kind != 1 {
        team(&lock(&state.teams), &conversation.peer).map_err(|r| r.v2())?;
    }
    let mut messages = lock(&state.messages);
    let window = if kind == 2 && !ignore_time {
        messages.recall_window()
    } else {
        LONG_WINDOW
    };
    let not_found =
        || ApiError::with_code(V2_MESSAGE_NOT_FOUND, format!("message not found: {id}"));
    let m = messages.get_mut(id).ok_or_else(not_found)?;
    if !conversation.contains(m) || m.sender != conversation.owner || m.recalled || m.deleted {
        return Err(not_found());
    }
    check_window(m.create_time, call.now.saturating_mul(1000), window)?;
    match kind {
        1 => {
            let receiver = m.receiver.clone();
            m.no_sense_for.insert(receiver);
        }
        2 => {
            m.recalled = true;
            let description = call.query_param("description");
            let now_ms = call.now.saturating_mul(1000);
            state
                .callbacks
                .enqueue(|| copies::recall(m, now_ms, description.as_deref(), None));
        }
        _ => m.deleted = true,
    }
    Ok(Reply::ok_data(json!({})))
}

/// 107508 when a message created at `created` (ms) is older than `window` at `now_ms`.
fn check_window(created: u64, now_ms: u64, window: Duration) -> Result<(), ApiError> {
    let age = now_ms.saturating_sub(created);
    if u128::from(age) > window.as_millis() {
        return Err(ApiError::with_code(
            V2_RECALL_TIMEOUT,
            format!(
                "the recall time window has passed: the message is {} s old, at most {} s allowed",
                age / 1000,
                window.as_secs()
            ),
        ));
    }
    Ok(())
}

/// `DELETE /im/v2/conversations/{owner|type|peer}/messages?type=N`: 1 deletes the owner's
/// roaming copies (history queries still list them), 2 clears the owner's history (the
/// messages sent so far no longer show in the owner's queries), 3 both. data `{}`.
pub(super) fn delete_conversation_messages(
    call: &Call<'_>,
    state: &State,
) -> Result<Reply, ApiError> {
    let conversation = path_conversation(call)?;
    let kind = call
        .query_int_in("type", &[1, 2, 3])?
        .ok_or_else(|| ApiError::param("type is required (1 roaming, 2 history, 3 both)"))?;
    if !lock(&state.accounts).contains(&conversation.owner) {
        return Err(crate::families::message_common::Refusal::Unknown {
            field: "conversation_id".into(),
            id: conversation.owner.clone(),
        }
        .v2());
    }
    if conversation.kind != 1 {
        team(&lock(&state.teams), &conversation.peer).map_err(|r| r.v2())?;
    }
    let mut messages = lock(&state.messages);
    let time = messages.tick(call.now);
    if kind != 2 {
        messages
            .roaming_cleared
            .insert((conversation.owner.clone(), conversation.id()), time);
    }
    if kind != 1 {
        let owner = conversation.owner.clone();
        messages.each_mut(|m| {
            if conversation.contains(m) {
                m.cleared_for.insert(owner.clone());
            }
        });
    }
    Ok(Reply::ok_data(json!({})))
}
