//! v2 `conversation_group` family (`/im/v2/conversation_groups`): an account's named groups
//! of its conversations (会话分组): create, update (rename, add or remove conversations),
//! delete, read one, several or all.
//!
//! Facts: the official page of createConversationGroup, both official SDKs. Documented
//! limits: at most 100 conversation ids per create, and a conversation belongs to at most 5
//! groups (a conversation over it is listed in the answer's `failed_list`). The most groups
//! per account depends on the IM package (not a fixed documented number). Not documented:
//! the length of `name` and `server_extension`, and the code of an unknown group (the
//! emulator answers 414, as for an unknown conversation).
//!
//! Where the SDKs differ:
//! - create and update answer `{conversation_group, success_list, failed_list}` per the Java
//!   SDK (and the inventory of the official answers); the Go SDK reads the group's keys at
//!   the top level. nim-rs follows the Java SDK.
//! - batchGet lists failures under `fail_list` with `code`/`msg` (Java SDK) or `failed_list`
//!   with `error_code`/`error_msg` (Go SDK): [`ConversationGroups`] reads either.
//! - listAll answers `conversation_groups` (Java SDK) or `items` (Go SDK): read either.

mod answers;
mod ops;

pub use answers::{
    ConversationGroup, ConversationGroupChange, ConversationGroupFailure, ConversationGroupList,
    ConversationGroups,
};
pub use ops::*;

use crate::message::ConversationId;
use crate::wire::int_enum;

int_enum! {
    /// What an update does with its conversations (`conversations.type`). The numbers are
    /// not documented on a page found; 1 add and 2 remove is nim-rs's reading.
    pub enum GroupChange: u8 {
        /// Add the conversations to the group (`1`).
        Add = 1,
        /// Remove them from it (`2`).
        Remove = 2,
    }
}

/// The conversations an update adds or removes (`conversations`): 1 to 100 ids (create's
/// documented maximum, assumed for update), each owned by the group's account.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::conversation_group::{GroupChange, GroupConversations};
/// use nim_api::validate::Validate;
///
/// let change = GroupConversations::new(GroupChange::Add, [ConversationId::p2p("zhangsan", "lisi")]);
/// assert_eq!(serde_json::to_string(&change).unwrap(), r#"{"type":1,"conversation_ids":["zhangsan|1|lisi"]}"#);
/// let none = GroupConversations::new(GroupChange::Remove, Vec::<ConversationId>::new());
/// assert_eq!(none.validate().unwrap_err().field(), "conversation_ids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Params)]
#[nim(setters)]
pub struct GroupConversations {
    /// Add or remove (`type`).
    #[nim(rename = "type")]
    pub change: GroupChange,
    /// The conversations, 1 to 100.
    #[nim(min_items = 1, max_items = 100)]
    pub conversation_ids: Vec<ConversationId>,
}

crate::catalogue::family! {
    "v2::conversation_group::";
    CreateConversationGroup, UpdateConversationGroup, DeleteConversationGroup,
    GetConversationGroup, BatchGetConversationGroups, ListAllConversationGroups,
}
