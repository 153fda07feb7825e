//! Recalling (or silently deleting) a message, and paging through a sender's messages.

use super::ChatroomMessageRecord;
use crate::history::TypeFilter;
use crate::message::MessageClientId;
use crate::{Accid, TokenPage};

/// `DELETE /im/v2/chatrooms/{room_id}/messages/{message_client_id}`
/// (recallChatroomMessage): `operator_id` removes the message that `sender_id` sent at
/// `create_time` from the history; with `notification_enabled` the room gets a recall
/// notification (v1 `chatroom/recall`), without it the message goes silently (v1
/// `deleteHistoryMessage`). Everything in the query, no body.
///
/// `operator_id`, `sender_id` and `create_time` are required as the Java SDK and the v1
/// recall require them (the Go SDK sends what is set). No page gives a recall window; the
/// emulator lets the sender, the creator and the managers recall (403 for others) and
/// answers 404 when no message matches. Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_message::RecallChatroomMessage;
/// # use nim_api::Endpoint as _;
///
/// let request = RecallChatroomMessage::new(7u64, "c-1", "zhangsan", "LiSi", 1700000000000u64)
///     .notification_enabled(true);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.method.as_str(), "DELETE");
/// assert_eq!(
///     encoded.path,
///     "/im/v2/chatrooms/7/messages/c-1?operator_id=zhangsan&sender_id=lisi\
///      &create_time=1700000000000&notification_enabled=true",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2/chatrooms/{room_id}/messages/{message_client_id}",
    method = "DELETE",
    idempotent,
    setters
)]
pub struct RecallChatroomMessage {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// The message's client id.
    #[nim(path)]
    pub message_client_id: MessageClientId,
    /// Who recalls.
    #[nim(query)]
    pub operator_id: Accid,
    /// Who sent it.
    #[nim(query)]
    pub sender_id: Accid,
    /// The message's `create_time`, in milliseconds.
    #[nim(query)]
    pub create_time: u64,
    /// `true`: recall, with a notification to the room; `false`: delete silently.
    #[nim(query)]
    pub notification_enabled: Option<bool>,
    /// The recall notification's extension, at most 1024 characters.
    #[nim(query, max_len = 1024)]
    pub notification_extension: Option<String>,
}

/// `GET /im/v2.1/chatrooms/{room_id}/messages` (queryChatroomHistoryMessages): the messages
/// `sender_id` sent in the room, `limit` (1 to 100) per page, newest first unless
/// `descending` is `false`; `client.pages(request)` walks every page.
///
/// The type filter is `message_type` (the Java SDK and the Apifox page; the Go SDK says
/// `message_types`, which the emulator reads too). The v2.1 path is the current one; the
/// older `/im/v2/` path still answers (the changelog). Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_message::QueryChatroomHistoryMessages;
/// # use nim_api::Endpoint as _;
///
/// let request = QueryChatroomHistoryMessages::new(7u64, "ZhangSan", 50u32)
///     .descending(false)
///     .message_type([0, 1]);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2.1/chatrooms/7/messages?sender_id=zhangsan&limit=50&descending=false&message_type=0%2C1",
/// );
/// let none = QueryChatroomHistoryMessages::new(7u64, "zhangsan", 0u32);
/// assert_eq!(none.validate().unwrap_err().field(), "limit");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/chatrooms/{room_id}/messages", method = "GET", idempotent, setters,
      response = TokenPage<ChatroomMessageRecord>)]
pub struct QueryChatroomHistoryMessages {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// Whose messages.
    #[nim(query)]
    pub sender_id: Accid,
    /// The cursor: the previous page's `next_token`.
    #[nim(query, page_token)]
    pub page_token: Option<String>,
    /// Messages per page, 1 to 100.
    #[nim(query, min = 1, max = 100)]
    pub limit: u32,
    /// Newest first (`true`, the default) or oldest first.
    #[nim(query)]
    pub descending: Option<bool>,
    /// Only these message types, comma-joined.
    #[nim(query)]
    pub message_type: Option<TypeFilter>,
}
