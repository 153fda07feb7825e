//! A message's content in both protocols, and the one mapping between them:
//!
//! - v1 `type` + `body` (a JSON object in a form field): text (0) and tip (10) carry
//!   `{"msg": text}`; every other type's body object is the v2 `attachment` as it is (same
//!   keys, e.g. image `{name, md5, url, ext, w, h, size}`); `msgDesc` is the v2 `text` of
//!   those types.
//! - v2 `message{message_type, sub_type, text, attachment}`: text and tip carry `text`, the
//!   others `attachment` (an object, or a string holding one) and an optional `text`.
//!
//! The JSON values are stored as they arrived and written back unchanged, so a message sent
//! with one protocol reads the same through the other.

use serde_json::{Map, Value, json};

use crate::json_body::{JsonBody, check_len};
use crate::messages::Message;
use crate::reply::ApiError;

/// The message types a send accepts: text, image, audio, video, location, file, tip, custom.
pub(crate) const SENDABLE_TYPES: &[i64] = &[0, 1, 2, 3, 4, 6, 10, 100];
/// The longest v1 `body`, in characters.
pub(crate) const BODY_MAX: usize = 5000;
/// The longest text of a text or tip message.
pub(crate) const TEXT_MAX: usize = 5000;
/// The longest description (v1 `msgDesc`, v2 `text` of other types).
pub(crate) const DESC_MAX: usize = 500;
/// The longest extension (v1 `ext`, v2 `extension`), per the older docs.
pub(crate) const EXT_MAX: usize = 1024;
/// The longest client message id: undocumented; the emulator allows 128 characters.
pub(crate) const CLIENT_ID_MAX: usize = 128;

/// Whether `message_type` carries text rather than an attachment.
pub(crate) fn is_text(message_type: u32) -> bool {
    matches!(message_type, 0 | 10)
}

/// The content part of a message, before it is stored.
#[derive(Debug, Clone, Default)]
pub(crate) struct Content {
    pub(crate) message_type: u32,
    pub(crate) sub_type: Option<u64>,
    pub(crate) text: Option<String>,
    pub(crate) attachment: Option<Value>,
}

impl Content {
    /// Writes the content into `m`.
    pub(crate) fn apply(self, m: &mut Message) {
        m.message_type = self.message_type;
        m.sub_type = self.sub_type;
        m.text = self.text;
        m.attachment = self.attachment;
    }
}

/// v1 `type` + `body` (+ `msgDesc`): `body` must be a JSON object of at most 5000 characters;
/// a text or tip body needs a string `msg`.
pub(crate) fn from_v1(
    message_type: u32,
    body: &str,
    desc: Option<&str>,
) -> Result<Content, ApiError> {
    check_len("body", body, BODY_MAX)?;
    let Ok(Value::Object(object)) = serde_json::from_str::<Value>(body) else {
        return Err(ApiError::param(
            "body must be a JSON object, e.g. {\"msg\":\"hello\"} for a text message",
        ));
    };
    if is_text(message_type) {
        let Some(Value::String(text)) = object.get("msg") else {
            return Err(ApiError::param(
                "body.msg is missing: a text or tip body is {\"msg\":\"...\"}",
            ));
        };
        return Ok(Content {
            message_type,
            text: Some(text.clone()),
            ..Content::default()
        });
    }
    if let Some(desc) = desc {
        check_len("msgDesc", desc, DESC_MAX)?;
    }
    Ok(Content {
        message_type,
        text: desc.map(str::to_owned),
        attachment: Some(Value::Object(object)),
        ..Content::default()
    })
}

/// v2 `message{message_type, sub_type, text, attachment}`, of `allowed` types.
pub(crate) fn from_v2(message: &JsonBody, allowed: &[i64]) -> Result<Content, ApiError> {
    let message_type = message
        .int("message_type", allowed)?
        .ok_or_else(|| message.missing("message_type"))?;
    let message_type = u32::try_from(message_type).unwrap_or_default();
    let sub_type = message.uint("sub_type")?;
    if is_text(message_type) {
        let text = message.required_string("text", TEXT_MAX)?;
        return Ok(Content {
            message_type,
            sub_type,
            text: Some(text),
            attachment: None,
        });
    }
    let text = message.string("text", DESC_MAX)?;
    let attachment = attachment(message)?.ok_or_else(|| {
        ApiError::param(format!(
            "{} is required for message_type {message_type}",
            message.field("attachment")
        ))
    })?;
    Ok(Content {
        message_type,
        sub_type,
        text,
        attachment: Some(attachment),
    })
}

/// `attachment`: a JSON object, or a string holding one (some callers send it encoded).
pub(crate) fn attachment(message: &JsonBody) -> Result<Option<Value>, ApiError> {
    let field = message.field("attachment");
    match message.value("attachment") {
        None => Ok(None),
        Some(Value::Object(map)) => Ok(Some(Value::Object(map.clone()))),
        Some(Value::String(text)) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => Ok(Some(Value::Object(map))),
            _ => Err(ApiError::param(format!(
                "{field} must be a JSON object (or a string holding one)"
            ))),
        },
        Some(_) => Err(ApiError::param(format!("{field} must be a JSON object"))),
    }
}

/// The v1 `body` object of a stored message.
pub(crate) fn v1_body(m: &Message) -> Value {
    if is_text(m.message_type) {
        return json!({ "msg": m.text.clone().unwrap_or_default() });
    }
    m.attachment.clone().unwrap_or_else(|| json!({}))
}

/// A message as v1 history answers list it: `from, to, msgid, msgidclient, sendtime, type,
/// fromclienttype, body`, plus `ext`, `msgDesc` and `subType` when set.
pub(crate) fn v1_view(m: &Message) -> Value {
    let mut map = Map::new();
    map.insert("from".into(), json!(m.sender));
    map.insert("to".into(), json!(m.receiver));
    map.insert("msgid".into(), json!(m.server_id));
    map.insert("msgidclient".into(), json!(m.client_id));
    map.insert("sendtime".into(), json!(m.create_time));
    map.insert("type".into(), json!(m.message_type));
    map.insert("fromclienttype".into(), json!(m.sender_client_type));
    map.insert("body".into(), v1_body(m));
    if let Some(ext) = &m.extension {
        map.insert("ext".into(), json!(ext));
    }
    if !is_text(m.message_type)
        && let Some(desc) = &m.text
    {
        map.insert("msgDesc".into(), json!(desc));
    }
    if let Some(sub_type) = m.sub_type {
        map.insert("subType".into(), json!(sub_type));
    }
    Value::Object(map)
}

/// A message as v2 answers show it (sendMessage, queries): the common fields, and the
/// optional ones when set.
pub(crate) fn v2_view(m: &Message) -> Value {
    let mut map = Map::new();
    map.insert("message_server_id".into(), json!(m.server_id));
    map.insert("message_client_id".into(), json!(m.client_id));
    map.insert("sender_id".into(), json!(m.sender));
    map.insert("conversation_type".into(), json!(m.conversation_type));
    map.insert("receiver_id".into(), json!(m.receiver));
    if m.conversation_type != 1
        && let Ok(tid) = m.receiver.parse::<u64>()
    {
        map.insert("team_id".into(), json!(tid));
    }
    map.insert("create_time".into(), json!(m.create_time));
    map.insert("message_type".into(), json!(m.message_type));
    map.insert("sub_type".into(), json!(m.sub_type.unwrap_or(0)));
    if let Some(text) = &m.text {
        map.insert("text".into(), json!(text));
    }
    if let Some(attachment) = &m.attachment {
        map.insert("attachment".into(), attachment.clone());
    }
    if let Some(ext) = &m.extension {
        map.insert("extension".into(), json!(ext));
    }
    map.insert("sender_client_type".into(), json!(m.sender_client_type));
    if let Some((who, when)) = &m.modified {
        map.insert("modify_account_id".into(), json!(who));
        map.insert("modify_time".into(), json!(when));
    }
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v1_bodies_map_to_v2_content_exactly() {
        let body =
            r#"{"title":"here","lng":120.123456789012345,"lat":30.1,"size":18446744073709551615}"#;
        let content = from_v1(4, body, Some("a place")).unwrap();
        let mut m = Message::default();
        content.apply(&mut m);
        let back: Value = serde_json::from_str(&v1_body(&m).to_string()).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(body).unwrap());
        assert_eq!(m.text.as_deref(), Some("a place"));
        let text = from_v1(0, r#"{"msg":"hi"}"#, None).unwrap();
        assert_eq!(text.text.as_deref(), Some("hi"));
        assert!(from_v1(0, r#"{"m":"hi"}"#, None).is_err());
        assert!(from_v1(1, "[1]", None).is_err());
    }
}
