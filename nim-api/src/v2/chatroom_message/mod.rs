//! v2 `chatroom_message` family: send one message into a room, up to 20 at once, recall or
//! delete one, and page through a sender's messages (`/im/v2/chatrooms/...`, the history at
//! `/im/v2.1/`).
//!
//! The same rooms and the same history as the v1 chatroom actions
//! ([`crate::chatroom`]): a message sent with v1 `chatroom/sendMsg` is read here, and one
//! recalled here is gone from v1 `history/queryChatroomMsg`. A chatroom message has no
//! server id: it is named by its client id, its sender and its `create_time`.
//!
//! Messages are [`Message`](crate::message::Message) values, the same as for one-to-one
//! and team messages; chatrooms take text, image, audio, video, location, file, tip and
//! custom messages. Codes: 404 no room (or no such message), 13002 the room is closed,
//! 13003 the sender is on the room's blacklist, 13004 the sender is chat-banned or muted,
//! 414 bad parameters (the v1 codes: no v2 chatroom error table was found).

mod body;
mod config;
mod history;
mod record;
mod send;

pub use body::ChatroomMessageBody;
pub use config::ChatroomMessageConfig;
pub use history::{QueryChatroomHistoryMessages, RecallChatroomMessage};
pub use record::{ChatroomMessageBatch, ChatroomMessageRecord, ChatroomMessageSent};
pub use send::{BatchSendChatroomMessages, SendChatroomMessage};

crate::catalogue::family! {
    "v2::chatroom_message::";
    SendChatroomMessage, BatchSendChatroomMessages, RecallChatroomMessage,
    QueryChatroomHistoryMessages,
}
