//! `modifyMessage`: changes the text, attachment, sub-type or extension of a stored message,
//! as its sender; later queries of either protocol show the change.

use super::State;
use crate::call::Call;
use crate::callbacks::copies;
use crate::families::message_common::{
    V2_MESSAGE_NOT_FOUND, V2_MODIFY_TOO_OFTEN, V2_NOT_SENDER, team,
};
use crate::lock;
use crate::message_content::{self, DESC_MAX, EXT_MAX, TEXT_MAX, is_text, v2_view};
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};

/// How old a message may be to be modified: 7 days (documented).
const MODIFY_WINDOW_MS: u64 = 7 * 86_400_000;

/// `POST /im/v2/messages/actions/modifyMsg`: `operator`, `type` (the conversation type),
/// `extension`?, `message{message_server_id, receiver_id, time, sender_id, message_type,
/// sub_type?, text?, attachment?}`. Only the sender may modify (107403); the message type
/// cannot change (414); the same message twice within a second is 107449. data: the message
/// with `modify_account_id` and `modify_time`.
pub(super) fn modify_message(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let operator = body.required_string("operator", 32)?;
    check_accid("operator", &operator)?;
    let operator = operator.to_ascii_lowercase();
    let kind = body
        .int("type", &[1, 2, 3])?
        .ok_or_else(|| body.missing("type"))?;
    let extension = body.string("extension", EXT_MAX)?;
    let message = body
        .object("message")?
        .ok_or_else(|| body.missing("message"))?;
    let id = message
        .uint("message_server_id")?
        .ok_or_else(|| message.missing("message_server_id"))?;
    let receiver = message.required_string("receiver_id", 32)?;
    message
        .uint("time")?
        .ok_or_else(|| message.missing("time"))?;
    message.required_string("sender_id", 32)?;
    let message_type = message
        .uint("message_type")?
        .ok_or_else(|| message.missing("message_type"))?;
    let sub_type = message.uint("sub_type")?;
    let limit = if message_type == 0 || message_type == 10 {
        TEXT_MAX
    } else {
        DESC_MAX
    };
    let text = message.string("text", limit)?;
    let attachment = message_content::attachment(&message)?;
    if kind != 1 {
        team(&lock(&state.teams), &receiver).map_err(|r| r.v2())?;
    }
    let mut messages = lock(&state.messages);
    let now = messages.tick(call.now);
    let m = messages
        .get_mut(id)
        .filter(|m| !m.recalled && !m.deleted && i64::from(m.conversation_type) == kind)
        .ok_or_else(|| {
            ApiError::with_code(V2_MESSAGE_NOT_FOUND, format!("message not found: {id}"))
        })?;
    if m.sender != operator {
        return Err(ApiError::with_code(
            V2_NOT_SENDER,
            format!("only the sender {} may modify message {id}", m.sender),
        ));
    }
    if u64::from(m.message_type) != message_type {
        return Err(ApiError::param(format!(
            "message.message_type must stay {}: a message's type cannot change",
            m.message_type
        )));
    }
    if now.saturating_sub(m.create_time) > MODIFY_WINDOW_MS {
        return Err(ApiError::param(
            "the message is older than 7 days and can no longer be modified",
        ));
    }
    if let Some((_, last)) = &m.modified
        && now.saturating_sub(*last) < 1000
    {
        return Err(ApiError::with_code(
            V2_MODIFY_TOO_OFTEN,
            format!("message {id} was modified less than 1 s ago"),
        ));
    }
    if is_text(m.message_type) && text.as_deref() == Some("") {
        return Err(ApiError::param(
            "message.text cannot be empty for a text message",
        ));
    }
    if let Some(text) = text {
        m.text = Some(text);
    }
    if let Some(attachment) = attachment
        && !is_text(m.message_type)
    {
        m.attachment = Some(attachment);
    }
    if sub_type.is_some() {
        m.sub_type = sub_type;
    }
    if extension.is_some() {
        m.extension = extension;
    }
    m.modified = Some((operator, now));
    state.callbacks.enqueue(|| copies::updated(m));
    Ok(Reply::ok_data(v2_view(m)))
}
