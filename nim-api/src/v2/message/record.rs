//! The message object the message actions answer: [`MessageRecord`].

use serde::Deserialize;
use serde_json::Value;

use super::ThreadConfig;
use crate::message::{ConversationType, MessageBody, MessageServerId};

/// A message as the v2 message actions answer it (send, stream, query, search, thread, batch
/// query, and batch send with `need_message_detail`).
///
/// Only `message_server_id` is always present; the answers of different actions (and of the
/// two official SDKs) carry different subsets of the other keys, so each is read when given
/// and defaulted otherwise. [`body`](Self::body) reads the content as a typed
/// [`MessageBody`].
///
/// About `message_client_id`: the server generates one when a send omits it and no
/// de-duplication by it is documented. nim-rs sends a fresh one per call unless the
/// [`Message`](crate::message::Message) sets its own, so the id answered is the one used.
///
/// ```
/// use nim_api::message::MessageBody;
/// use nim_api::v2::message::MessageRecord;
///
/// let record: MessageRecord = serde_json::from_str(
///     r#"{"message_server_id":158844553334358020,"message_client_id":"c1","sender_id":"a",
///         "conversation_type":1,"receiver_id":"b","create_time":1700000000000,
///         "message_type":0,"text":"hi"}"#,
/// ).unwrap();
/// assert_eq!(record.message_server_id.get(), 158844553334358020);
/// assert_eq!(record.body(), MessageBody::Text("hi".into()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct MessageRecord {
    /// The server id (a number above 2^53: kept as `u64`).
    pub message_server_id: MessageServerId,
    /// The client id.
    #[serde(default)]
    pub message_client_id: Option<String>,
    /// The sender.
    #[serde(default)]
    pub sender_id: String,
    /// The conversation's kind (Java SDK; the Go SDK reads `conversation_id` instead).
    #[serde(default)]
    pub conversation_type: Option<ConversationType>,
    /// The receiver: an account, or a team id.
    #[serde(default)]
    pub receiver_id: String,
    /// The conversation id `<account>|<type>|<peer>` (Go SDK).
    #[serde(default)]
    pub conversation_id: Option<String>,
    /// The team of a team message.
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub team_id: Option<u64>,
    /// When it was sent (ms; 0 when not answered).
    #[serde(default)]
    pub create_time: u64,
    /// The message type (0 text, 1 image, 2 audio, 3 video, 4 location, 5 notification,
    /// 6 file, 10 tip, 11 robot, 12 call record, 100 custom; 0 when not answered).
    #[serde(default)]
    pub message_type: u32,
    /// The app's sub-type.
    #[serde(default)]
    pub sub_type: Option<u32>,
    /// The text, or the description of a non-text message.
    #[serde(default)]
    pub text: Option<String>,
    /// The attachment of a non-text message (an object; a string holding one is read too by
    /// [`body`](Self::body)).
    #[serde(default)]
    pub attachment: Option<Value>,
    /// The extension.
    #[serde(default)]
    pub extension: Option<String>,
    /// The server extension (Go SDK).
    #[serde(default)]
    pub server_extension: Option<String>,
    /// Who last modified it.
    #[serde(default)]
    pub modify_account_id: Option<String>,
    /// When it was last modified (ms).
    #[serde(default)]
    pub modify_time: Option<u64>,
    /// The sender's client kind (1 Android, 2 iOS, 4 PC, 16 Web, 32 REST, 64 macOS).
    #[serde(default)]
    pub sender_client_type: Option<u32>,
    /// The accounts a directed team message names.
    #[serde(default)]
    pub receiver_account_ids: Option<Vec<String>>,
    /// Whether only those accounts see it (`true`) or everyone but them.
    #[serde(default)]
    pub inclusive: Option<bool>,
    /// Whether members who joined later see it.
    #[serde(default)]
    pub new_member_visible: Option<bool>,
    /// Where it sits in a thread.
    #[serde(default)]
    pub thread_config: Option<ThreadConfig>,
}

impl MessageRecord {
    /// The content as a typed body ([`MessageBody::Other`] when it has no known shape).
    pub fn body(&self) -> MessageBody {
        MessageBody::from_v2(
            self.message_type,
            self.text.as_deref(),
            self.attachment.as_ref(),
        )
    }
}
