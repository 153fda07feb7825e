//! v2 `message` family: send, stream, modify, recall and delete messages, read receipts,
//! queries and search, threads and quick comments (`/im/v2/conversations/...`,
//! `/im/v2/messages/...`, and the `/im/v2.1/` queries).
//!
//! Messages are [`Message`](crate::message::Message) values; conversations are
//! [`ConversationId`](crate::message::ConversationId)s; answers are
//! [`MessageRecord`]s, whose [`body`](MessageRecord::body) is the typed content.

mod comment;
mod modify;
mod options;
mod query;
mod receipt;
mod record;
mod send;
mod withdraw;

pub use comment::*;
pub use modify::*;
pub use options::*;
pub use query::*;
pub use receipt::*;
pub use record::MessageRecord;
pub use send::*;
pub use withdraw::*;

crate::catalogue::family! {
    "v2::message::";
    SendMessage, BatchSendP2PMessage, StreamMessage, ModifyMessage, WithdrawMessage,
    DeleteConversationMessages, SendP2PReadReceipt, SendTeamReadReceipt, QueryTeamReadReceipt,
    QueryMessage, QueryMessagesByPage, BatchQueryMessages, SearchMessages, QueryThreadMessages,
    AddQuickComment, DeleteQuickComment, BatchQueryQuickComments,
}
