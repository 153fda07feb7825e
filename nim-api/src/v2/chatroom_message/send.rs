//! Sending into a room: one message, or up to 20 at once.

use super::{
    ChatroomMessageBatch, ChatroomMessageBody, ChatroomMessageConfig, ChatroomMessageSent,
};
use crate::Accid;
use crate::v2::message::{AiParams, MessageAntispamConfig, RouteConfig};
use crate::validate::ValidationError;

/// `POST /im/v2/chatrooms/{room_id}/messages` (sendChatroomMessage): `sender_id` sends one
/// message into the room; with `receiver_ids` (at most 100, the v1 directed send's limit)
/// only those members get it and it is never kept in the history.
///
/// The message's client id: nim-rs puts a fresh one in each call unless the
/// [`Message`](crate::message::Message) sets its own; the answer carries it, and recall
/// needs it. `resend_flag` 1 resends: the
/// server answers the message it already has with that client id. A directed message
/// takes no `message_config` nor coordinates (the docs): refused before sending.
///
/// Not idempotent: never sent again automatically when an attempt's outcome is unknown.
///
/// ```
/// use nim_api::message::Message;
/// use nim_api::v2::chatroom_message::{ChatroomMessageBody, ChatroomMessageConfig, SendChatroomMessage};
/// # use nim_api::Endpoint as _;
///
/// let request = SendChatroomMessage::new(3000000001u64, "ZhangSan", Message::text("hi").client_id("c-1"))
///     .message_config(ChatroomMessageConfig::new().history_enabled(false));
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/chatrooms/3000000001/messages");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"sender_id":"zhangsan","message":{"message_type":0,"text":"hi","message_client_id":"c-1"},"message_config":{"history_enabled":false}}"#,
/// );
/// let directed = request.receiver_ids(["lisi"]);
/// assert_eq!(directed.validate().unwrap_err().field(), "message_config");
///
/// let spatial = ChatroomMessageBody::from(Message::text("here")).location(1.0, 0.0, 2.0);
/// let directed = SendChatroomMessage::new(7u64, "zhangsan", spatial).receiver_ids(["lisi"]);
/// assert_eq!(directed.validate().unwrap_err().field(), "message.location_x");
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "/im/v2/chatrooms/{room_id}/messages", setters, response = ChatroomMessageSent,
      custom = directed_send_plain)]
pub struct SendChatroomMessage {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// The sender.
    pub sender_id: Accid,
    /// Directed: only these members receive it, at most 100.
    #[nim(max_items = 100, unique)]
    pub receiver_ids: Option<Vec<Accid>>,
    /// `1`: a resend, de-duplicated by the client id; `0` (the default): new.
    #[nim(one_of = [0, 1])]
    pub resend_flag: Option<u8>,
    /// The developer's extension, at most 4096 characters (JSON recommended).
    #[nim(max_len = 4096)]
    pub extension: Option<String>,
    /// The message (and where it is said, in a spatial room).
    pub message: ChatroomMessageBody,
    /// Delivery and storage switches (not with `receiver_ids`).
    pub message_config: Option<ChatroomMessageConfig>,
    /// The copy to the app server.
    pub route_config: Option<RouteConfig>,
    /// Moderation.
    pub antispam_config: Option<MessageAntispamConfig>,
    /// AI digital-human parameters.
    pub ai_params: Option<AiParams>,
}

fn directed_send_plain(request: &SendChatroomMessage) -> Result<(), ValidationError> {
    directed_plain(&request.receiver_ids, &request.message_config)?;
    directed_nowhere(
        &request.receiver_ids,
        std::slice::from_ref(&request.message),
        "message",
    )
}

/// A directed message has no coordinates (the docs).
fn directed_nowhere(
    receivers: &Option<Vec<Accid>>,
    messages: &[ChatroomMessageBody],
    field: &str,
) -> Result<(), ValidationError> {
    if receivers.as_ref().is_none_or(Vec::is_empty) {
        return Ok(());
    }
    match messages.iter().position(ChatroomMessageBody::has_location) {
        Some(i) => Err(ValidationError::custom(
            if field == "message" {
                "message.location_x".to_owned()
            } else {
                format!("{field}[{i}].location_x")
            },
            "a directed message (with receiver_ids) has no location",
        )),
        None => Ok(()),
    }
}

/// A directed message takes no `message_config` (the docs: "定向消息不支持 message_config").
fn directed_plain(
    receivers: &Option<Vec<Accid>>,
    config: &Option<ChatroomMessageConfig>,
) -> Result<(), ValidationError> {
    if receivers.as_ref().is_some_and(|r| !r.is_empty()) && config.is_some() {
        return Err(ValidationError::custom(
            "message_config",
            "a directed message (with receiver_ids) takes no message_config",
        ));
    }
    Ok(())
}

/// `POST /im/v2/chatrooms/messages` (batchSendChatroomMessages): `sender_id` sends 1 to 20
/// messages into room `room_id` (in the body), with one set of switches for all. The limit
/// of 20 is the Java SDK's (its Javadoc, and a check its older versions made); each
/// message's client id must differ (checked before sending). Answers the messages sent and
/// those that failed ([`ChatroomMessageBatch`]). Not idempotent.
///
/// ```
/// use nim_api::message::Message;
/// use nim_api::v2::chatroom_message::BatchSendChatroomMessages;
/// # use nim_api::Endpoint as _;
///
/// let request = BatchSendChatroomMessages::new(
///     7u64, "zhangsan", [Message::text("one").client_id("a"), Message::tip("two").client_id("b")],
/// );
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/chatrooms/messages");
/// let too_many = BatchSendChatroomMessages::new(7u64, "zhangsan", vec![Message::text("x"); 21]);
/// assert_eq!(too_many.validate().unwrap_err().field(), "messages");
/// let twice = BatchSendChatroomMessages::new(
///     7u64, "zhangsan", [Message::text("one").client_id("a"), Message::text("two").client_id("a")],
/// );
/// assert_eq!(twice.validate().unwrap_err().field(), "messages[1].message_client_id");
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "/im/v2/chatrooms/messages", setters, response = ChatroomMessageBatch,
      custom = batch_rules)]
pub struct BatchSendChatroomMessages {
    /// The room.
    pub room_id: u64,
    /// The sender.
    pub sender_id: Accid,
    /// Directed: only these members receive them, at most 100.
    #[nim(max_items = 100, unique)]
    pub receiver_ids: Option<Vec<Accid>>,
    /// `1`: resends, de-duplicated by the client ids.
    #[nim(one_of = [0, 1])]
    pub resend_flag: Option<u8>,
    /// The developer's extension for every message, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub extension: Option<String>,
    /// The messages, 1 to 20.
    #[nim(min_items = 1, max_items = 20)]
    pub messages: Vec<ChatroomMessageBody>,
    /// Delivery and storage switches (not with `receiver_ids`).
    pub message_config: Option<ChatroomMessageConfig>,
    /// The copy to the app server.
    pub route_config: Option<RouteConfig>,
    /// Moderation.
    pub antispam_config: Option<MessageAntispamConfig>,
}

fn batch_rules(request: &BatchSendChatroomMessages) -> Result<(), ValidationError> {
    directed_plain(&request.receiver_ids, &request.message_config)?;
    directed_nowhere(&request.receiver_ids, &request.messages, "messages")?;
    let ids: Vec<_> = request
        .messages
        .iter()
        .map(|m| &m.message.client_id)
        .collect();
    for (i, id) in ids.iter().enumerate() {
        if let Some(id) = id
            && ids[..i].contains(&&Some((*id).clone()))
        {
            return Err(ValidationError::custom(
                format!("messages[{i}].message_client_id"),
                format!("`{id}` is used by an earlier message"),
            ));
        }
    }
    Ok(())
}
