//! The six conversation-group operations.

use super::GroupConversations;
use super::answers::{
    ConversationGroup, ConversationGroupChange, ConversationGroupList, ConversationGroups,
};
use crate::Accid;
use crate::message::ConversationId;

/// `POST /im/v2/conversation_groups` (createConversationGroup): `account_id` creates a group
/// called `name`, with up to 100 of its conversations (documented). Answers the group and,
/// per conversation, whether it went in (one already in 5 groups, or unknown, fails).
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::conversation_group::CreateConversationGroup;
/// # use nim_api::Endpoint as _;
///
/// let request = CreateConversationGroup::new("ZhangSan", "work")
///     .conversation_ids([ConversationId::p2p("zhangsan", "lisi")]);
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     r#"{"account_id":"zhangsan","name":"work","conversation_ids":["zhangsan|1|lisi"]}"#
/// );
/// let unnamed = CreateConversationGroup::new("zhangsan", "");
/// assert_eq!(unnamed.validate().unwrap_err().field(), "name");
/// let many = CreateConversationGroup::new("zhangsan", "work")
///     .conversation_ids((0..101).map(|i| ConversationId::team("zhangsan", i)));
/// assert_eq!(many.validate().unwrap_err().field(), "conversation_ids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/conversation_groups", setters, response = ConversationGroupChange)]
pub struct CreateConversationGroup {
    /// The owner.
    pub account_id: Accid,
    /// The group's name (length limit not documented).
    #[nim(required)]
    pub name: String,
    /// The app's extension (length limit not documented).
    pub server_extension: Option<String>,
    /// Its first conversations, at most 100 (documented).
    #[nim(max_items = 100)]
    pub conversation_ids: Option<Vec<ConversationId>>,
}

/// `PATCH /im/v2/conversation_groups/{group_id}` (updateConversationGroup): renames the
/// group, sets its extension, and adds or removes conversations. Answers as create does
/// (`success_list`: the conversations added or removed). Unknown group: 414 (not
/// documented; the emulator's choice). Idempotent: adding or removing twice leaves the
/// same group.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::conversation_group::{GroupChange, GroupConversations, UpdateConversationGroup};
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateConversationGroup::new(7u64, "zhangsan")
///     .name("home")
///     .conversations(GroupConversations::new(GroupChange::Remove, [ConversationId::p2p("zhangsan", "lisi")]));
/// let encoded = request.encode().unwrap();
/// assert_eq!((encoded.method, encoded.path.as_str()), (nim_api::Method::Patch, "/im/v2/conversation_groups/7"));
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"account_id":"zhangsan","name":"home","conversations":{"type":2,"conversation_ids":["zhangsan|1|lisi"]}}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/conversation_groups/{group_id}", method = "PATCH", idempotent, setters,
      response = ConversationGroupChange)]
pub struct UpdateConversationGroup {
    /// The group.
    #[nim(path)]
    pub group_id: u64,
    /// The owner.
    pub account_id: Accid,
    /// A new name.
    pub name: Option<String>,
    /// A new extension.
    pub server_extension: Option<String>,
    /// Conversations to add or remove.
    pub conversations: Option<GroupConversations>,
}

/// `DELETE /im/v2/conversation_groups/{group_id}?account_id=...` (deleteConversationGroup):
/// deletes the group; its conversations stay, out of it. Answers nothing beyond success.
/// Unknown group: 414 (not documented). Idempotent in effect.
///
/// ```
/// use nim_api::v2::conversation_group::DeleteConversationGroup;
/// # use nim_api::Endpoint as _;
///
/// let encoded = DeleteConversationGroup::new(7u64, "zhangsan").encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/conversation_groups/7?account_id=zhangsan");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2/conversation_groups/{group_id}",
    method = "DELETE",
    idempotent,
    setters
)]
pub struct DeleteConversationGroup {
    /// The group.
    #[nim(path)]
    pub group_id: u64,
    /// The owner.
    #[nim(query)]
    pub account_id: Accid,
}

/// `GET /im/v2/conversation_groups/{group_id}?account_id=...` (getConversationGroup): the
/// group with its conversations. Unknown group: 414 (not documented). Idempotent.
///
/// ```
/// use nim_api::v2::conversation_group::GetConversationGroup;
/// # use nim_api::Endpoint as _;
///
/// let encoded = GetConversationGroup::new(7u64, "ZhangSan").encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/conversation_groups/7?account_id=zhangsan");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/conversation_groups/{group_id}", method = "GET", idempotent, setters,
      response = ConversationGroup)]
pub struct GetConversationGroup {
    /// The group.
    #[nim(path)]
    pub group_id: u64,
    /// The owner.
    #[nim(query)]
    pub account_id: Accid,
}

/// `GET /im/v2/conversation_groups/actions/group_ids?account_id=...&group_ids=...`
/// (batchGetConversationGroups): the groups found and the ids that failed. The most ids per
/// call is not documented. Idempotent.
///
/// ```
/// use nim_api::v2::conversation_group::BatchGetConversationGroups;
/// # use nim_api::Endpoint as _;
///
/// let request = BatchGetConversationGroups::new("zhangsan", [7u64, 8]);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2/conversation_groups/actions/group_ids?account_id=zhangsan&group_ids=7%2C8"
/// );
/// assert!(BatchGetConversationGroups::new("zhangsan", Vec::<u64>::new()).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/conversation_groups/actions/group_ids", method = "GET", idempotent,
      setters, response = ConversationGroups)]
pub struct BatchGetConversationGroups {
    /// The owner.
    #[nim(query)]
    pub account_id: Accid,
    /// The groups, comma-joined; at least one.
    #[nim(query, min_items = 1)]
    pub group_ids: Vec<u64>,
}

/// `GET /im/v2/conversation_groups?account_id=...` (listAllConversationGroups): every group
/// of the account, oldest first. Idempotent.
///
/// ```
/// use nim_api::v2::conversation_group::ListAllConversationGroups;
/// # use nim_api::Endpoint as _;
///
/// let encoded = ListAllConversationGroups::new("zhangsan").encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/conversation_groups?account_id=zhangsan");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/conversation_groups", method = "GET", idempotent, setters,
      response = ConversationGroupList)]
pub struct ListAllConversationGroups {
    /// The owner.
    #[nim(query)]
    pub account_id: Accid,
}
