//! v1 deletes: one message on both sides (`msg/delMsg`), a conversation's roaming messages
//! (`msg/delRoamSession`).

use crate::Accid;
use crate::message::{ConversationType, MessageServerId};
use crate::wire::int_enum;

int_enum! {
    /// The kind of message [`DeleteMsg`] deletes (`type`).
    pub enum DeleteType: u8 {
        /// A one-to-one message (`7`).
        P2p = 7,
        /// A team message (`8`).
        Team = 8,
    }
}

/// `msg/delMsg.action`: deletes one message on both sides (删除单条消息).
///
/// The docs mark no parameter as required; all five are required here, as the Java SDK's
/// comments describe them. Rate limit: 100 calls per second per app. Not idempotent.
///
/// ```
/// use nim_api::msg::{DeleteMsg, DeleteType};
/// # use nim_api::Endpoint as _;
///
/// let request = DeleteMsg::new(42u64, 1700000000000u64, DeleteType::P2p, "ZhangSan", "lisi");
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     "deleteMsgid=42&timetag=1700000000000&type=7&from=zhangsan&to=lisi"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "msg/delMsg.action", setters)]
pub struct DeleteMsg {
    /// The server id of the message (`deleteMsgid`).
    #[nim(rename = "deleteMsgid")]
    pub delete_msgid: MessageServerId,
    /// The message's creation time in milliseconds.
    pub timetag: u64,
    /// One-to-one (`7`) or team (`8`) message (`type`).
    #[nim(rename = "type")]
    pub kind: DeleteType,
    /// The message's sender.
    pub from: Accid,
    /// The message's receiver (one-to-one) or team id (team).
    pub to: Accid,
}

/// `msg/delRoamSession.action`: deletes the roaming messages of one conversation of an
/// account.
///
/// `type` is 1 (one-to-one) or 2 (advanced team) per the docs; the Java SDK adds 3 (super
/// team), which [`ConversationType::SuperTeam`] sends, though the server's support for it
/// is unconfirmed. Rate limit: 100 calls per second per app. Not idempotent.
///
/// ```
/// use nim_api::message::ConversationType;
/// use nim_api::msg::DeleteRoamSession;
/// # use nim_api::Endpoint as _;
///
/// let request = DeleteRoamSession::new(ConversationType::Team, "zhangsan", "123456");
/// assert_eq!(request.encode().unwrap().body.unwrap().1, "type=2&from=zhangsan&to=123456");
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "msg/delRoamSession.action", setters)]
pub struct DeleteRoamSession {
    /// The kind of conversation (`type`): one-to-one, team or super team.
    #[nim(rename = "type")]
    pub kind: ConversationType,
    /// The account whose conversation it is.
    pub from: Accid,
    /// The peer account (one-to-one) or the team id.
    pub to: Accid,
}
