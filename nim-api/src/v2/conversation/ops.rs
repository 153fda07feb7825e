//! The eight conversation operations.

use super::TopType;
use super::record::{Conversation, ConversationResults};
use crate::Accid;
use crate::message::ConversationId;

/// `POST /im/v2.1/conversations` (createConversation): creates the conversation
/// `conversation_id` for its owner (a conversation also appears by itself when a message is
/// sent). Answers the [`Conversation`].
///
/// The owner must exist (102404), and so must the peer account or team. Not idempotent by
/// the catalogue's rule for creates, although creating an existing conversation answers it
/// unchanged (the emulator's behaviour; the docs do not say).
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::conversation::CreateConversation;
/// # use nim_api::Endpoint as _;
///
/// let encoded = CreateConversation::new(ConversationId::p2p("ZhangSan", "lisi")).encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2.1/conversations");
/// assert_eq!(encoded.body.unwrap().1, r#"{"conversation_id":"zhangsan|1|lisi"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/conversations", setters, response = Conversation)]
pub struct CreateConversation {
    /// The conversation, `<owner>|<type>|<peer>`.
    pub conversation_id: ConversationId,
}

/// `PATCH /im/v2/conversations/{conversation_id}` (updateConversation): sets the
/// conversation's `server_extension` (an empty text clears it; its length limit is not
/// documented). Answers the [`Conversation`]'s id, sides, type, extension and update time.
/// Unknown conversation: 414. Idempotent.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::conversation::UpdateConversation;
/// # use nim_api::Endpoint as _;
///
/// let encoded = UpdateConversation::new(ConversationId::team("zhangsan", 42), "{\"pin\":1}").encode().unwrap();
/// assert_eq!(encoded.method, nim_api::Method::Patch);
/// assert_eq!(encoded.path, "/im/v2/conversations/zhangsan|2|42");
/// assert_eq!(encoded.body.unwrap().1, r#"{"server_extension":"{\"pin\":1}"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/conversations/{conversation_id}", method = "PATCH", idempotent, setters,
      response = Conversation)]
pub struct UpdateConversation {
    /// The conversation.
    #[nim(path)]
    pub conversation_id: ConversationId,
    /// The new extension.
    pub server_extension: String,
}

/// `DELETE /im/v2/conversations/{conversation_id}` (deleteConversation): removes the
/// conversation from its owner's list (and from its groups); with `clear_message`, the
/// owner's roaming messages of it go too. A later message brings the conversation back.
/// Answers nothing beyond success; unknown conversation: 414. Idempotent.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::conversation::DeleteConversation;
/// # use nim_api::Endpoint as _;
///
/// let request = DeleteConversation::new(ConversationId::p2p("zhangsan", "lisi")).clear_message(true);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/conversations/zhangsan|1|lisi?clear_message=true");
/// assert!(encoded.body.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2/conversations/{conversation_id}",
    method = "DELETE",
    idempotent,
    setters
)]
pub struct DeleteConversation {
    /// The conversation.
    #[nim(path)]
    pub conversation_id: ConversationId,
    /// Also delete the owner's roaming messages of it (default `false`).
    #[nim(query)]
    pub clear_message: Option<bool>,
}

/// `DELETE /im/v2/conversations/actions/conversation_ids?conversation_ids=...`
/// (batchDeleteConversations): deletes each conversation as [`DeleteConversation`] does.
/// Answers the ids deleted and the ids that failed (unknown: 414). The most ids per call is
/// not documented. Idempotent.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::conversation::BatchDeleteConversations;
/// # use nim_api::Endpoint as _;
///
/// let request = BatchDeleteConversations::new([
///     ConversationId::p2p("zhangsan", "lisi"),
///     ConversationId::team("zhangsan", 42),
/// ]);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2/conversations/actions/conversation_ids?conversation_ids=zhangsan%7C1%7Clisi%2Czhangsan%7C2%7C42"
/// );
/// let none = BatchDeleteConversations::new(Vec::<ConversationId>::new());
/// assert_eq!(none.validate().unwrap_err().field(), "conversation_ids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/conversations/actions/conversation_ids", method = "DELETE", idempotent,
      setters, response = ConversationResults<ConversationId>)]
pub struct BatchDeleteConversations {
    /// The conversations, comma-joined; at least one.
    #[nim(query, min_items = 1)]
    pub conversation_ids: Vec<ConversationId>,
    /// Also delete the owner's roaming messages of them (default `false`).
    #[nim(query)]
    pub clear_message: Option<bool>,
}

/// `GET /im/v2.1/conversations/{conversation_id}` (getConversation): the [`Conversation`],
/// with its last message and unread count. Unknown conversation: 414 (documented).
/// Idempotent.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::conversation::GetConversation;
/// # use nim_api::Endpoint as _;
///
/// let encoded = GetConversation::new(ConversationId::super_team("zhangsan", 9)).encode().unwrap();
/// assert_eq!(encoded.method, nim_api::Method::Get);
/// assert_eq!(encoded.path, "/im/v2.1/conversations/zhangsan|3|9");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/conversations/{conversation_id}", method = "GET", idempotent, setters,
      response = Conversation)]
pub struct GetConversation {
    /// The conversation.
    #[nim(path)]
    pub conversation_id: ConversationId,
}

/// `GET /im/v2.1/conversations/actions/conversation_ids?conversation_ids=...`
/// (batchGetConversations): the conversations found, and the ids that failed (unknown: 414).
///
/// **GET with the ids comma-joined in the query**, as the official API list and the Java
/// SDK send it; the Go SDK sends `POST` to the same path with a JSON body
/// `{"conversation_ids": [...]}` (the docs win). The most ids per call is not documented.
/// Idempotent.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::conversation::BatchGetConversations;
/// # use nim_api::Endpoint as _;
///
/// let encoded = BatchGetConversations::new([ConversationId::p2p("zhangsan", "lisi")]).encode().unwrap();
/// assert_eq!(encoded.method, nim_api::Method::Get);
/// assert_eq!(
///     encoded.path,
///     "/im/v2.1/conversations/actions/conversation_ids?conversation_ids=zhangsan%7C1%7Clisi"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/conversations/actions/conversation_ids", method = "GET", idempotent,
      setters, response = ConversationResults<Conversation>)]
pub struct BatchGetConversations {
    /// The conversations, comma-joined; at least one.
    #[nim(query, min_items = 1)]
    pub conversation_ids: Vec<ConversationId>,
}

/// `GET /im/v2.1/conversations?account_id=...` (listConversations): an account's
/// conversations, page by page (`Client::pages` walks them): pinned ones first, then the
/// most recently changed.
///
/// `limit` is at least 1; its maximum and default are not documented (the emulator gives at
/// most 100 per page). Idempotent.
///
/// ```
/// use nim_api::v2::conversation::ListConversations;
/// # use nim_api::Endpoint as _;
///
/// let request = ListConversations::new("ZhangSan").limit(20u32);
/// assert_eq!(request.encode().unwrap().path, "/im/v2.1/conversations?account_id=zhangsan&limit=20");
/// assert_eq!(request.limit(0u32).validate().unwrap_err().field(), "limit");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/conversations", method = "GET", idempotent, setters,
      response = crate::TokenPage<Conversation>)]
pub struct ListConversations {
    /// The owner.
    #[nim(query)]
    pub account_id: Accid,
    /// The previous page's `next_token`; none for the first page.
    #[nim(query, page_token)]
    pub page_token: Option<String>,
    /// Conversations per page, at least 1.
    #[nim(query, min = 1)]
    pub limit: Option<u32>,
}

/// `POST /im/v2/conversations/{conversation_id}/actions/stick_top_conversation`
/// (stickTopConversation): pins the conversation on top of its owner's list, or unpins it.
/// Answers the [`Conversation`]'s id, sides, type, `stick_top`, `sort_order` and update
/// time. Unknown conversation: 414.
///
/// **POST**, as the official API list gives it and the Go SDK sends it; the Java SDK sends
/// `PATCH` (the docs win). Idempotent: pinning twice leaves it pinned.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::conversation::{StickTopConversation, TopType};
/// # use nim_api::Endpoint as _;
///
/// let encoded = StickTopConversation::new(ConversationId::p2p("zhangsan", "lisi"), TopType::Stick)
///     .encode()
///     .unwrap();
/// assert_eq!(encoded.method, nim_api::Method::Post);
/// assert_eq!(encoded.path, "/im/v2/conversations/zhangsan|1|lisi/actions/stick_top_conversation");
/// assert_eq!(encoded.body.unwrap().1, r#"{"top_type":1}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/conversations/{conversation_id}/actions/stick_top_conversation",
      idempotent, setters, response = Conversation)]
pub struct StickTopConversation {
    /// The conversation.
    #[nim(path)]
    pub conversation_id: ConversationId,
    /// Pin or unpin.
    pub top_type: TopType,
}
