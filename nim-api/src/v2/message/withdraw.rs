//! Recalling or deleting one message, and clearing a conversation's stored messages.

use crate::message::{ConversationId, MessageServerId};
use crate::wire::int_enum;

int_enum! {
    /// How [`WithdrawMessage`] removes a message (`type`).
    pub enum WithdrawType: u8 {
        /// One-way recall (`1`): the receiver is notified and loses its copies; the sender
        /// keeps the message. One-to-one and advanced teams, within 30 days.
        OneWay = 1,
        /// Two-way recall (`2`): both sides are notified, stored copies are deleted.
        /// One-to-one, advanced and super teams, within 2 minutes by default (configurable up
        /// to 7 days).
        TwoWay = 2,
        /// Silent delete (`3`): deleted without a notification. One-to-one and advanced
        /// teams, within 30 days.
        Delete = 3,
    }
}

/// `DELETE /im/v2/conversations/{conversation_id}/messages/{message_server_id}`
/// (withdrawMessage): recalls or deletes one message; parameters in the query, no body. The
/// conversation id's first part is the message's sender. Notification messages (type 5)
/// cannot be recalled, nor other members' team messages.
///
/// The SDKs send different query parameters besides `type`: the Java SDK `description`,
/// `check_team_member_valid`, `message_time`, `ignore_revoke_time` and, for two-way recall
/// only, `push_content`, `push_payload`, `route_environment` and `attach`; the Go SDK
/// `server_extension` and `notify`. The union is declared; no limits are documented.
///
/// Idempotent: recalling twice leaves the same state.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::message::{WithdrawMessage, WithdrawType};
/// # use nim_api::Endpoint as _;
/// let request = WithdrawMessage::new(ConversationId::p2p("zhangsan", "lisi"), 123u64, WithdrawType::TwoWay)
///     .message_time(1700000000000u64)
///     .push_content("recalled");
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.method.as_str(), "DELETE");
/// assert_eq!(
///     encoded.path,
///     "/im/v2/conversations/zhangsan|1|lisi/messages/123?type=2&push_content=recalled&message_time=1700000000000",
/// );
/// assert!(encoded.body.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2/conversations/{conversation_id}/messages/{message_server_id}",
    method = "DELETE",
    idempotent,
    setters
)]
pub struct WithdrawMessage {
    /// The conversation, `<sender>|<type>|<peer>`.
    #[nim(path)]
    pub conversation_id: ConversationId,
    /// The message.
    #[nim(path)]
    pub message_server_id: MessageServerId,
    /// How (`type`).
    #[nim(query, rename = "type")]
    pub withdraw_type: WithdrawType,
    /// A description of the recall (Java SDK).
    #[nim(query)]
    pub description: Option<String>,
    /// Push text of the recall notice (two-way recall; Java SDK).
    #[nim(query)]
    pub push_content: Option<String>,
    /// Push payload of the recall notice (two-way recall; Java SDK).
    #[nim(query)]
    pub push_payload: Option<String>,
    /// The environment of the app server's copy (two-way recall; Java SDK).
    #[nim(query)]
    pub route_environment: Option<String>,
    /// Extension carried by the recall notice (two-way recall; Java SDK).
    #[nim(query)]
    pub attach: Option<String>,
    /// Check that the sender is still a team member (Java SDK).
    #[nim(query)]
    pub check_team_member_valid: Option<bool>,
    /// The message's send time (ms; Java SDK).
    #[nim(query)]
    pub message_time: Option<u64>,
    /// `1`: ignore the recall time window (Java SDK, an integer flag).
    #[nim(query, one_of = [0, 1])]
    pub ignore_revoke_time: Option<u8>,
    /// Server extension (Go SDK).
    #[nim(query)]
    pub server_extension: Option<String>,
    /// Notification text (Go SDK).
    #[nim(query)]
    pub notify: Option<String>,
}

int_enum! {
    /// What [`DeleteConversationMessages`] deletes (`type`).
    pub enum DeleteScope: u8 {
        /// The roaming messages (`1`).
        Roaming = 1,
        /// The cloud history (`2`).
        History = 2,
        /// Both (`3`; per the Java SDK, not on the official pages).
        Both = 3,
    }
}

/// `DELETE /im/v2/conversations/{conversation_id}/messages` (deleteConversationMessages):
/// deletes a conversation's roaming messages, cloud history, or both. No body.
///
/// The pages document `type` 1 and 2; the Java SDK (and a Go SDK comment) add 3 for both.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::message::{DeleteConversationMessages, DeleteScope};
/// # use nim_api::Endpoint as _;
/// let request = DeleteConversationMessages::new(ConversationId::team("zhangsan", 42), DeleteScope::History);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2/conversations/zhangsan|2|42/messages?type=2",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2/conversations/{conversation_id}/messages",
    method = "DELETE",
    idempotent,
    setters
)]
pub struct DeleteConversationMessages {
    /// The conversation.
    #[nim(path)]
    pub conversation_id: ConversationId,
    /// What to delete (`type`).
    #[nim(query, rename = "type")]
    pub scope: DeleteScope,
}
