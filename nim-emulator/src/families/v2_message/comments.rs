//! Quick comments: add (`PATCH`), delete (`DELETE`, JSON body) and batch query (`POST`) on
//! `/im/v2/messages/actions/quick_comment`.

use serde_json::{Value, json};

use super::State;
use super::send::reference;
use crate::call::Call;
use crate::families::message_common::V2_MESSAGE_NOT_FOUND;
use crate::json_body::JsonBody;
use crate::lock;
use crate::messages::QuickComment;
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};

/// The most messages one batch query names (undocumented; bounds the answer).
const BATCH_MAX: usize = 100;

/// The target `message{conversation_type, sender_id, receiver_id, message_server_id,
/// message_client_id, create_time}`, all required; answers the server id.
fn target(message: &JsonBody) -> Result<u64, ApiError> {
    message
        .int("conversation_type", &[1, 2, 3])?
        .ok_or_else(|| message.missing("conversation_type"))?;
    message.required_string("sender_id", 32)?;
    message.required_string("receiver_id", 32)?;
    message.required_string("message_client_id", 128)?;
    message
        .uint("create_time")?
        .ok_or_else(|| message.missing("create_time"))?;
    message
        .uint("message_server_id")?
        .ok_or_else(|| message.missing("message_server_id"))
}

/// `operator_id`, `index` (> 0), `extension`, and the target message's id.
fn comment(body: &JsonBody) -> Result<(String, u64, Option<String>, u64), ApiError> {
    let operator = body.required_string("operator_id", 32)?;
    check_accid("operator_id", &operator)?;
    let index = body.uint("index")?.ok_or_else(|| body.missing("index"))?;
    if index == 0 {
        return Err(ApiError::param("index must be greater than 0"));
    }
    let extension = body.string("extension", 1024)?;
    if let Some(push) = body.object("push_config")? {
        push.string("push_content", 500)?;
        push.string("push_payload", 2048)?;
    }
    let message = body
        .object("message")?
        .ok_or_else(|| body.missing("message"))?;
    let id = target(&message)?;
    Ok((operator.to_ascii_lowercase(), index, extension, id))
}

fn not_found(id: u64) -> ApiError {
    ApiError::with_code(V2_MESSAGE_NOT_FOUND, format!("message not found: {id}"))
}

/// `PATCH`: adds (or replaces) `operator_id`'s comment `index` on the message. data `{time}`.
pub(super) fn add(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let (operator, index, extension, id) = comment(&body)?;
    if !lock(&state.accounts).contains(&operator) {
        return Err(super::super::v2_common::not_found(&operator));
    }
    let mut messages = lock(&state.messages);
    let time = messages.tick(call.now);
    let m = messages
        .get_mut(id)
        .filter(|m| !m.recalled && !m.deleted)
        .ok_or_else(|| not_found(id))?;
    m.comments
        .retain(|c| !(c.operator_id == operator && c.index == index));
    m.comments.push(QuickComment {
        operator_id: operator,
        index,
        extension,
        time,
    });
    Ok(Reply::ok_data(json!({ "time": time })))
}

/// `DELETE`: removes `operator_id`'s comment `index` (absent: nothing to do). data `{time}`.
pub(super) fn delete(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let (operator, index, _, id) = comment(&body)?;
    let mut messages = lock(&state.messages);
    let time = messages.tick(call.now);
    let m = messages.get_mut(id).ok_or_else(|| not_found(id))?;
    m.comments
        .retain(|c| !(c.operator_id == operator && c.index == index));
    Ok(Reply::ok_data(json!({ "time": time })))
}

/// `POST` with `messages[...]`: data `success_list[{the six message fields, comments[{
/// operator_id, index, extension, time}]}]`, `failed_list[{the six fields, error_code,
/// error_msg}]`.
pub(super) fn batch_query(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
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
    let mut ids = Vec::with_capacity(items.len());
    for item in &items {
        ids.push(target(item)?);
    }
    let messages = lock(&state.messages);
    let mut success = Vec::new();
    let mut failed = Vec::new();
    for id in ids {
        match messages.get(id).filter(|m| !m.recalled && !m.deleted) {
            Some(m) => {
                let mut item = reference(m);
                let comments: Vec<Value> = m
                    .comments
                    .iter()
                    .map(|c| {
                        json!({
                            "operator_id": c.operator_id,
                            "index": c.index,
                            "extension": c.extension.clone().unwrap_or_default(),
                            "time": c.time,
                        })
                    })
                    .collect();
                if let Some(map) = item.as_object_mut() {
                    map.insert("comments".into(), Value::Array(comments));
                }
                success.push(item);
            }
            None => failed.push(json!({
                "message_server_id": id,
                "error_code": V2_MESSAGE_NOT_FOUND,
                "error_msg": "message not found",
            })),
        }
    }
    Ok(Reply::ok_data(
        json!({ "success_list": success, "failed_list": failed }),
    ))
}
