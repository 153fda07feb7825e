//! What the conversation operations answer (`data`): one [`Conversation`] shape for every
//! read and change, and the per-item results of the batch operations.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::message::{ConversationId, ConversationType};
use crate::v2::message::MessageRecord;

/// A conversation as create, get, batchGet and list answer it; update and stickTop answer
/// a subset of the same keys (update: id, sides, type, `server_extension`, `update_time`;
/// stickTop: id, sides, type, `stick_top`, `sort_order`, `update_time`), the rest defaulted.
///
/// `message_state`, `last_message`, `revoke_notification`, `unread_count`, `sort_order`,
/// `create_time` and `last_read_time` are read by the Java SDK only; the Go SDK stops at
/// `update_time`. Times are Unix milliseconds.
///
/// ```
/// use nim_api::message::ConversationType;
/// use nim_api::v2::conversation::Conversation;
///
/// let conversation: Conversation = serde_json::from_str(
///     r#"{"conversation_id":"zhangsan|1|lisi","sender_id":"zhangsan","receiver_id":"lisi",
///         "type":1,"stick_top":true,"group_ids":[7],"unread_count":2,
///         "last_message":{"message_server_id":1000,"sender_id":"lisi","message_type":0,"text":"hi"},
///         "update_time":1700000000000}"#,
/// ).unwrap();
/// assert_eq!(conversation.conversation_id.to_string(), "zhangsan|1|lisi");
/// assert_eq!(conversation.conversation_type, Some(ConversationType::P2p));
/// assert_eq!((conversation.stick_top, conversation.unread_count), (Some(true), Some(2)));
/// assert_eq!(conversation.group_ids, Some(vec![7]));
/// assert_eq!(conversation.last_message.unwrap().text.as_deref(), Some("hi"));
///
/// let other: Conversation =
///     serde_json::from_str(r#"{"conversation_id":"a|1|b","last_message":{"message":{"text":"hi"}}}"#).unwrap();
/// assert!(other.last_message.is_none());
/// // What the answer leaves out is not claimed.
/// assert_eq!((other.stick_top, other.unread_count, other.group_ids), (None, None, None));
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Conversation {
    /// The id, `<owner>|<type>|<peer>`.
    pub conversation_id: ConversationId,
    /// The owner (our side).
    #[serde(default)]
    pub sender_id: String,
    /// The peer: an account, or a team id.
    #[serde(default)]
    pub receiver_id: String,
    /// One-to-one, team or super team (`type`).
    #[serde(default, rename = "type")]
    pub conversation_type: Option<ConversationType>,
    /// Pinned on top. `None` when the answer leaves it out (updateConversation does), so a
    /// missing member never reads as "not pinned".
    #[serde(default, deserialize_with = "crate::wire::optional_flag")]
    pub stick_top: Option<bool>,
    /// The conversation groups it belongs to (at most 5); `None` when the answer leaves
    /// them out (updateConversation and stickTopConversation do).
    #[serde(default)]
    pub group_ids: Option<Vec<u64>>,
    /// The app's extension of the conversation.
    #[serde(default)]
    pub server_extension: Option<String>,
    /// The last message's state: 0 normal, 1 recalled (then `revoke_notification` is set
    /// and `last_message` is absent).
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub message_state: Option<u8>,
    /// The last message, read in the Java SDK's shape (a message record); `None` when
    /// absent or in another shape (the Apifox page sketches a nested one), so an
    /// unexpected shape never fails the whole answer.
    #[serde(default, deserialize_with = "lenient_record")]
    pub last_message: Option<MessageRecord>,
    /// The recall of the last message, when `message_state` is 1.
    #[serde(default)]
    pub revoke_notification: Option<RevokeNotification>,
    /// Messages the owner has not read; `None` when the answer leaves it out (update and
    /// stickTop answers, the Go SDK's reads).
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub unread_count: Option<u64>,
    /// The order key: pinned conversations first, then by time (higher first).
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub sort_order: Option<i64>,
    /// When it was created.
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub create_time: Option<u64>,
    /// When it last changed (a message, an update, a pin).
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub update_time: Option<u64>,
    /// When the owner last read it (cleared its unread count).
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub last_read_time: Option<u64>,
}

/// The recall of a conversation's last message (`revoke_notification`, Java SDK).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RevokeNotification {
    /// The recalled message's server id.
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub server_id: Option<u64>,
    /// The recall's attachment.
    #[serde(default)]
    pub attach: Option<String>,
    /// Who recalled it.
    #[serde(default)]
    pub revoke_id: Option<String>,
    /// The recall's custom information.
    #[serde(default)]
    pub custom_info: Option<String>,
    /// The kind of recall.
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub revoke_type: Option<u32>,
}

/// A conversation a batch operation could not handle, with the code a single call would
/// have answered (e.g. 414 for an unknown conversation).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ConversationFailure {
    /// The conversation id as sent.
    #[serde(default)]
    pub conversation_id: String,
    /// Why (the server's code).
    #[serde(default, deserialize_with = "crate::wire::number")]
    pub error_code: u32,
    /// Why, in words.
    #[serde(default)]
    pub error_msg: String,
}

/// The answer of a batch over conversations: what succeeded (conversations for batchGet,
/// ids for batchDelete and the group changes) and what failed. A partial failure is a
/// successful call: look at `failed_list`.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::conversation::ConversationResults;
///
/// let deleted: ConversationResults<ConversationId> = serde_json::from_str(
///     r#"{"success_list":["a|1|b"],"failed_list":[{"conversation_id":"a|1|c","error_code":414,"error_msg":"not found"}]}"#,
/// ).unwrap();
/// assert_eq!(deleted.success_list[0], ConversationId::p2p("a", "b"));
/// assert_eq!(deleted.failed_list[0].error_code, 414);
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
#[non_exhaustive]
pub struct ConversationResults<T> {
    /// What succeeded.
    #[serde(default)]
    pub success_list: Vec<T>,
    /// What failed, each with its code.
    #[serde(default)]
    pub failed_list: Vec<ConversationFailure>,
}

/// A message record if the value is one; `None` otherwise (see `last_message`).
fn lenient_record<'de, D: Deserializer<'de>>(d: D) -> Result<Option<MessageRecord>, D::Error> {
    Ok(Option::<Value>::deserialize(d)?.and_then(|v| MessageRecord::deserialize(v).ok()))
}
