//! v2 `conversation_unread` family: an account's total unread count, and marking one
//! conversation read.
//!
//! The unread count of a conversation grows by one with every message its owner receives in
//! it (not the owner's own). The Go SDK calls the overview operation
//! `OverViewsConversation`; the Java SDK `getConversationOverview` (same call).

use serde::Deserialize;

use crate::Accid;
use crate::message::ConversationId;

/// An account's unread total.
///
/// ```
/// use nim_api::v2::conversation_unread::ConversationOverview;
///
/// let overview: ConversationOverview =
///     serde_json::from_str(r#"{"account_id":"zhangsan","unread_count":3}"#).unwrap();
/// assert_eq!(overview.unread_count, 3);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ConversationOverview {
    /// The account.
    #[serde(default)]
    pub account_id: String,
    /// The sum of its conversations' unread counts.
    #[serde(default, deserialize_with = "crate::wire::number")]
    pub unread_count: u64,
}

/// `GET /im/v2/conversation_overviews/{account_id}` (getConversationOverview): the sum of
/// the account's unread counts. Unknown account: 102404. Idempotent.
///
/// ```
/// use nim_api::v2::conversation_unread::GetConversationOverview;
/// # use nim_api::Endpoint as _;
///
/// let encoded = GetConversationOverview::new("ZhangSan").encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/conversation_overviews/zhangsan");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/conversation_overviews/{account_id}", method = "GET", idempotent,
      setters, response = ConversationOverview)]
pub struct GetConversationOverview {
    /// The account.
    #[nim(path)]
    pub account_id: Accid,
}

/// `PATCH /im/v2/conversations/{conversation_id}/actions/clear_conversation_unread`
/// (clearConversationUnread): sets the conversation's unread count to 0 and its
/// `last_read_time` to now. No body; answers nothing beyond success. Unknown conversation:
/// 414. Idempotent.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::conversation_unread::ClearConversationUnread;
/// # use nim_api::Endpoint as _;
///
/// let encoded = ClearConversationUnread::new(ConversationId::p2p("zhangsan", "lisi")).encode().unwrap();
/// assert_eq!(encoded.method, nim_api::Method::Patch);
/// assert_eq!(encoded.path, "/im/v2/conversations/zhangsan|1|lisi/actions/clear_conversation_unread");
/// assert!(encoded.body.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2/conversations/{conversation_id}/actions/clear_conversation_unread",
    method = "PATCH",
    idempotent,
    setters
)]
pub struct ClearConversationUnread {
    /// The conversation.
    #[nim(path)]
    pub conversation_id: ConversationId,
}

crate::catalogue::family! {
    "v2::conversation_unread::";
    GetConversationOverview, ClearConversationUnread,
}
