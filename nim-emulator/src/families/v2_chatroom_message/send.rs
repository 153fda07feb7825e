//! sendChatroomMessage and batchSendChatroomMessages.

use serde_json::{Value, json};

use super::{State, account, now_ms, path_room, room_number, rooms, view};
use crate::call::Call;
use crate::chatrooms::Outgoing;
use crate::json_body::JsonBody;
use crate::message_content::{self, CLIENT_ID_MAX, SENDABLE_TYPES, is_text};
use crate::reply::{ApiError, Reply};

/// `extension`: at most 4096 characters.
const EXTENSION_MAX: usize = 4096;
/// The most receivers of a directed message (the v1 limit).
const RECEIVERS_MAX: usize = 100;
/// The most messages of a batch (the Java SDK).
const BATCH_MAX: usize = 20;

/// What a send's body says besides its messages.
struct Envelope {
    receivers: Vec<String>,
    /// A template for each message: the switches, sender, extension.
    template: Outgoing,
}

/// `POST /im/v2/chatrooms/{room_id}/messages`: data `{message, failed_list}`.
pub(super) fn send(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_room(call)?;
    let body = call.json()?;
    let envelope = envelope(&body, state)?;
    let message = body
        .object("message")?
        .ok_or_else(|| body.missing("message"))?;
    let out = outgoing(&message, &envelope)?;
    let mut rooms = rooms(call, state);
    let sent = rooms.send(id, out, now_ms(call)).map_err(|e| e.v1())?;
    let room = rooms.get(id).map_err(|e| e.v1())?;
    let failed: Vec<Value> = envelope
        .receivers
        .iter()
        .filter(|r| room.members.get(r.as_str()).is_none_or(|m| !m.online()))
        .map(|r| {
            json!({
                "account_id": r,
                "receiver_id": r,
                "error_code": 404,
                "error_msg": format!("{r} is not online in chatroom {id}"),
            })
        })
        .collect();
    Ok(Reply::ok_data(json!({
        "message": view::message(&sent, id),
        "failed_list": failed,
    })))
}

/// `POST /im/v2/chatrooms/messages`: data `{success_list, failed_list}`.
pub(super) fn batch(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let id = match body.value("room_id") {
        Some(Value::Number(n)) => room_number(&n.to_string())?,
        Some(Value::String(text)) => room_number(text)?,
        Some(_) => return Err(ApiError::param("room_id must be a room id")),
        None => return Err(body.missing("room_id")),
    };
    let envelope = envelope(&body, state)?;
    let messages = body
        .objects("messages")?
        .ok_or_else(|| body.missing("messages"))?;
    if messages.is_empty() || messages.len() > BATCH_MAX {
        return Err(ApiError::param(format!(
            "messages has {} items, 1 to {BATCH_MAX} allowed",
            messages.len()
        )));
    }
    let mut outs: Vec<Outgoing> = Vec::with_capacity(messages.len());
    for message in &messages {
        let out = outgoing(message, &envelope)?;
        if outs.iter().any(|o| o.client_id == out.client_id) {
            return Err(ApiError::param(format!(
                "{} is used by an earlier message",
                message.field("message_client_id")
            )));
        }
        outs.push(out);
    }
    let now = now_ms(call);
    let mut rooms = rooms(call, state);
    let mut success = Vec::with_capacity(outs.len());
    for out in outs {
        let sent = rooms.send(id, out, now).map_err(|e| e.v1())?;
        success.push(view::message(&sent, id));
    }
    Ok(Reply::ok_data(json!({
        "success_list": success,
        "failed_list": [],
    })))
}

/// The sender, receivers, resend flag, extension and the switches of `message_config`.
fn envelope(body: &JsonBody, state: &State) -> Result<Envelope, ApiError> {
    let sender = body.required_string("sender_id", 32)?;
    let sender = account(state, &body.field("sender_id"), &sender)?;
    let receivers = body
        .strings("receiver_ids", RECEIVERS_MAX, 32)?
        .unwrap_or_default();
    for r in &receivers {
        crate::params::check_accid("receiver_ids", r)?;
    }
    let receivers: Vec<String> = receivers.iter().map(|r| r.to_ascii_lowercase()).collect();
    let config = body.object("message_config")?;
    if !receivers.is_empty() && config.is_some() {
        return Err(ApiError::param(
            "a directed message (with receiver_ids) takes no message_config",
        ));
    }
    for name in ["route_config", "antispam_config", "ai_params"] {
        body.object(name)?;
    }
    let mut template = Outgoing {
        from: sender,
        ext: body.string("extension", EXTENSION_MAX)?,
        resend: body.int("resend_flag", &[0, 1])? == Some(1),
        store: receivers.is_empty(),
        ..Outgoing::default()
    };
    if let Some(config) = config {
        template.ignore_temp_mute = config.bool("ignore_chat_banned")?.unwrap_or(false);
        template.store = config.bool("history_enabled")?.unwrap_or(true);
        template.high_priority = config.bool("high_priority")?.unwrap_or(false);
        template.notify_target_tags = config.string("notify_target_tags", 128)?;
        config.bool("need_high_priority_msg_resend")?;
        if config.uint("abandon_ratio")?.is_some_and(|r| r > 9999) {
            return Err(ApiError::param(format!(
                "{} must be 0 to 9999",
                config.field("abandon_ratio")
            )));
        }
        config.int("chat_msg_priority", &[0, 1, 2, 3])?;
        config.int("forbidden_if_high_priority_msg_freq", &[0, 1])?;
    }
    Ok(Envelope {
        receivers,
        template,
    })
}

/// One `message` object, on top of the envelope's template. Its coordinates
/// (`location_x`, `_y`, `_z`) must be numbers, and are refused in a directed message (the
/// docs); they are not kept.
fn outgoing(message: &JsonBody, envelope: &Envelope) -> Result<Outgoing, ApiError> {
    for name in ["location_x", "location_y", "location_z"] {
        match message.value(name) {
            None | Some(Value::Null) => {}
            Some(Value::Number(_)) if envelope.receivers.is_empty() => {}
            Some(Value::Number(_)) => {
                return Err(ApiError::param(format!(
                    "{}: a directed message (with receiver_ids) has no location",
                    message.field(name)
                )));
            }
            Some(_) => {
                return Err(ApiError::param(format!(
                    "{} must be a number",
                    message.field(name)
                )));
            }
        }
    }
    let template = &envelope.template;
    let content = message_content::from_v2(message, SENDABLE_TYPES)?;
    let client_id = message.required_string("message_client_id", CLIENT_ID_MAX)?;
    let sub_type = content
        .sub_type
        .map(|n| u32::try_from(n).map_err(|_| ApiError::param("sub_type is too large")))
        .transpose()?;
    let (body, description) = if is_text(content.message_type) {
        (content.text.unwrap_or_default(), None)
    } else {
        let attachment = content.attachment.unwrap_or(Value::Null);
        (attachment.to_string(), content.text)
    };
    Ok(Outgoing {
        client_id,
        msg_type: i64::from(content.message_type),
        body,
        sub_type,
        description,
        ..template.clone()
    })
}
