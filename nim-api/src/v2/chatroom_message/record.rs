//! What the chatroom message operations answer: a message ([`ChatroomMessageRecord`]), a
//! send's answer ([`ChatroomMessageSent`]) and a batch's ([`ChatroomMessageBatch`]).

use serde::Deserialize;
use serde_json::Value;

use crate::message::{MessageBody, number_or_string};

/// A chatroom message as the v2 answers show it (send, batch send, history items). Each
/// operation sends its own subset: the union is declared, absent members read as their
/// defaults. `sender_client_type` is an integer in both SDKs (32 for the server API; the
/// Apifox example's `"32"` is read too).
///
/// ```
/// use nim_api::message::{Image, MessageBody};
/// use nim_api::v2::chatroom_message::ChatroomMessageRecord;
///
/// let record: ChatroomMessageRecord = serde_json::from_str(
///     r#"{"attachment":{"url":"https://e.com/a.png"},"message_client_id":"c1","create_time":1709175731107,
///         "message_type":1,"sender_id":"yx5","sender_nick":"yx5","sender_avatar":"","room_id":1605537145,
///         "high_priority":false,"sub_type":72,"sender_client_type":"32"}"#,
/// ).unwrap();
/// assert_eq!(record.body(), MessageBody::Image(Image::new("https://e.com/a.png")));
/// assert_eq!((record.room_id, record.sender_client_type), (1605537145, Some(32)));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomMessageRecord {
    /// The client id.
    #[serde(default)]
    pub message_client_id: String,
    /// The server's time for it, in milliseconds (recall needs it).
    #[serde(default, deserialize_with = "number_or_string")]
    pub create_time: u64,
    /// The message type.
    #[serde(default)]
    pub message_type: u32,
    /// The app's sub-type.
    #[serde(default)]
    pub sub_type: Option<u32>,
    /// The text of a text or tip message, or the description of another kind.
    #[serde(default)]
    pub text: Option<String>,
    /// The attachment of a non-text message.
    #[serde(default)]
    pub attachment: Option<Value>,
    /// The extension.
    #[serde(default)]
    pub extension: Option<String>,
    /// The sender.
    #[serde(default)]
    pub sender_id: String,
    /// The sender's nickname in the room.
    #[serde(default)]
    pub sender_nick: Option<String>,
    /// The sender's avatar in the room.
    #[serde(default)]
    pub sender_avatar: Option<String>,
    /// The room (send answers).
    #[serde(default, deserialize_with = "number_or_string")]
    pub room_id: u64,
    /// Sent as a high-priority message.
    #[serde(default)]
    pub high_priority: Option<bool>,
    /// Dropped by `abandon_ratio`.
    #[serde(default)]
    pub msg_abandon: Option<bool>,
    /// The sender's platform: 1 Android, 2 iOS, 4 PC, 16 Web, 32 REST, 64 Mac.
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub sender_client_type: Option<u32>,
}

impl ChatroomMessageRecord {
    /// The content, typed by `message_type`.
    pub fn body(&self) -> MessageBody {
        MessageBody::from_v2(
            self.message_type,
            self.text.as_deref(),
            self.attachment.as_ref(),
        )
    }
}

/// The answer of [`SendChatroomMessage`](super::SendChatroomMessage): the message, and for
/// a directed message the receivers it could not reach. The failure items' shape differs
/// between the SDKs (`account_id` in Java, `receiver_id` in Go, each with `error_code` and
/// `error_msg`) and no page settles it: they are kept as received.
///
/// ```
/// use nim_api::v2::chatroom_message::ChatroomMessageSent;
///
/// let sent: ChatroomMessageSent = serde_json::from_str(
///     r#"{"message":{"message_client_id":"c","create_time":5,"message_type":0,"text":"hi"}}"#,
/// ).unwrap();
/// assert_eq!(sent.message.text.as_deref(), Some("hi"));
/// assert!(sent.failed_list.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomMessageSent {
    /// The message as the room got it.
    #[serde(default)]
    pub message: ChatroomMessageRecord,
    /// The receivers of a directed message it did not reach, as received.
    #[serde(default)]
    pub failed_list: Vec<Value>,
}

/// The answer of [`BatchSendChatroomMessages`](super::BatchSendChatroomMessages): the
/// messages sent, and those not sent as received (three incompatible shapes in the SDKs).
///
/// ```
/// use nim_api::v2::chatroom_message::ChatroomMessageBatch;
///
/// let batch: ChatroomMessageBatch = serde_json::from_str(
///     r#"{"success_list":[{"message_client_id":"a","create_time":5,"message_type":0,"text":"hi"}]}"#,
/// ).unwrap();
/// assert_eq!(batch.success_list[0].message_client_id, "a");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomMessageBatch {
    /// The messages sent, in order.
    #[serde(default)]
    pub success_list: Vec<ChatroomMessageRecord>,
    /// The messages not sent, as received.
    #[serde(default)]
    pub failed_list: Vec<Value>,
}
