//! Quick comments: app-defined reactions (an emoji index) on a message.

use serde::Deserialize;

use super::{MessageRef, PushConfig};
use crate::Accid;
use crate::message::{ConversationType, MessageServerId};

/// `PATCH /im/v2/messages/actions/quick_comment` (addQuickComment): adds a quick comment
/// (`index`, the app's reaction kind, at least 1) to a message.
///
/// The Java SDK's `push_config` has `push_enabled`, `push_content` and `push_payload`; the Go
/// SDK's all eight members. The answer's `time` is the Java SDK's (the Go SDK reads `{}`).
///
/// Not idempotent: each call is a comment event.
///
/// ```
/// use nim_api::message::ConversationType;
/// use nim_api::v2::message::{AddQuickComment, MessageRef};
/// # use nim_api::Endpoint as _;
/// let target = MessageRef::new(ConversationType::P2p, "zhangsan", "lisi", 123u64, "c1", 1500u64);
/// let encoded = AddQuickComment::new("lisi", 3u64, target).encode().unwrap();
/// assert_eq!(encoded.method.as_str(), "PATCH");
/// assert_eq!(encoded.path, "/im/v2/messages/actions/quick_comment");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"operator_id":"lisi","index":3,"message":{"conversation_type":1,"sender_id":"zhangsan","receiver_id":"lisi","message_server_id":123,"message_client_id":"c1","create_time":1500}}"#,
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/messages/actions/quick_comment", method = "PATCH", setters,
      response = QuickCommentTime)]
pub struct AddQuickComment {
    /// Who comments.
    pub operator_id: Accid,
    /// The comment kind, at least 1.
    #[nim(min = 1)]
    pub index: u64,
    /// The message commented on.
    pub message: MessageRef,
    /// Extension: JSON text.
    #[nim(json)]
    pub extension: Option<String>,
    /// Push of the comment.
    pub push_config: Option<PushConfig>,
}

/// `DELETE /im/v2/messages/actions/quick_comment` (deleteQuickComment): removes a quick
/// comment; the same JSON body as [`AddQuickComment`].
///
/// Idempotent: removing it twice leaves the same state.
///
/// ```
/// use nim_api::message::ConversationType;
/// use nim_api::v2::message::{DeleteQuickComment, MessageRef};
/// # use nim_api::Endpoint as _;
/// let target = MessageRef::new(ConversationType::Team, "zhangsan", "42", 123u64, "c1", 1500u64);
/// let encoded = DeleteQuickComment::new("lisi", 3u64, target).encode().unwrap();
/// assert_eq!(encoded.method.as_str(), "DELETE");
/// assert!(encoded.body.unwrap().1.starts_with(r#"{"operator_id":"lisi","index":3,"message":{"conversation_type":2,"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/messages/actions/quick_comment", method = "DELETE", idempotent, setters,
      response = QuickCommentTime)]
pub struct DeleteQuickComment {
    /// Whose comment.
    pub operator_id: Accid,
    /// The comment kind, at least 1.
    #[nim(min = 1)]
    pub index: u64,
    /// The message commented on.
    pub message: MessageRef,
    /// Extension: JSON text.
    #[nim(json)]
    pub extension: Option<String>,
    /// Push of the removal.
    pub push_config: Option<PushConfig>,
}

/// The answer of [`AddQuickComment`] and [`DeleteQuickComment`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct QuickCommentTime {
    /// When (ms; Java SDK only).
    #[serde(default)]
    pub time: Option<u64>,
}

/// `POST /im/v2/messages/actions/quick_comment` (batchQueryQuickComments): the quick
/// comments of several messages. No maximum count is documented.
///
/// The Java SDK and Apifox read `success_list`/`failed_list`, each comment as
/// `operator_id`, `index`, `extension`, `time`; the Go SDK reads `items`, each comment as
/// `type`, `operator_id`, `server_extension`, `timestamp`. Both are accepted.
///
/// A read: idempotent, although sent as a POST.
///
/// ```
/// use nim_api::message::ConversationType;
/// use nim_api::v2::message::{BatchQueryQuickComments, MessageRef, QuickComments};
/// # use nim_api::Endpoint as _;
/// let target = MessageRef::new(ConversationType::P2p, "zhangsan", "lisi", 123u64, "c1", 1500u64);
/// let encoded = BatchQueryQuickComments::new([target]).encode().unwrap();
/// assert!(encoded.body.unwrap().1.starts_with(r#"{"messages":[{"conversation_type":1,"#));
///
/// let go: QuickComments = serde_json::from_str(
///     r#"{"items":[{"conversation_type":1,"sender_id":"a","receiver_id":"b","message_server_id":1,
///        "create_time":2,"comments":[{"type":3,"operator_id":"b","timestamp":9}]}]}"#,
/// ).unwrap();
/// assert_eq!(go.success_list[0].comments[0].index, 3);
/// assert_eq!(go.success_list[0].comments[0].time, Some(9));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/messages/actions/quick_comment", idempotent, setters,
      response = QuickComments)]
pub struct BatchQueryQuickComments {
    /// The messages, at least one.
    #[nim(min_items = 1)]
    pub messages: Vec<MessageRef>,
}

/// [`BatchQueryQuickComments`]'s answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct QuickComments {
    /// The messages read, with their comments (`success_list`, or the Go SDK's `items`).
    #[serde(default, alias = "items")]
    pub success_list: Vec<MessageComments>,
    /// The messages that could not be read.
    #[serde(default)]
    pub failed_list: Vec<MessageCommentsFailure>,
}

/// One message's quick comments.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct MessageComments {
    /// The conversation's kind.
    #[serde(default)]
    pub conversation_type: Option<ConversationType>,
    /// The message's sender.
    #[serde(default)]
    pub sender_id: String,
    /// Its receiver.
    #[serde(default)]
    pub receiver_id: String,
    /// Its server id.
    pub message_server_id: MessageServerId,
    /// Its client id (Java SDK).
    #[serde(default)]
    pub message_client_id: Option<String>,
    /// Its send time (ms).
    #[serde(default)]
    pub create_time: u64,
    /// The comments.
    #[serde(default)]
    pub comments: Vec<QuickComment>,
}

/// One quick comment.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct QuickComment {
    /// Who commented.
    #[serde(default)]
    pub operator_id: String,
    /// The comment kind (`index`, or the Go SDK's `type`).
    #[serde(default, alias = "type")]
    pub index: u64,
    /// Its extension (`extension`, or the Go SDK's `server_extension`).
    #[serde(default, alias = "server_extension")]
    pub extension: Option<String>,
    /// When (ms; `time`, or the Go SDK's `timestamp`).
    #[serde(default, alias = "timestamp")]
    pub time: Option<u64>,
}

/// A message whose comments could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct MessageCommentsFailure {
    /// The conversation's kind.
    #[serde(default)]
    pub conversation_type: Option<ConversationType>,
    /// The message's sender.
    #[serde(default)]
    pub sender_id: String,
    /// Its receiver.
    #[serde(default)]
    pub receiver_id: String,
    /// Its server id.
    #[serde(default)]
    pub message_server_id: MessageServerId,
    /// Its client id.
    #[serde(default)]
    pub message_client_id: Option<String>,
    /// Its send time (ms).
    #[serde(default)]
    pub create_time: u64,
    /// Why.
    #[serde(default)]
    pub error_code: u32,
    /// The server's explanation.
    #[serde(default)]
    pub error_msg: String,
}
