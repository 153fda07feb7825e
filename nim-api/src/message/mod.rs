//! Messages, version-neutral: what a message says ([`Message`], [`MessageBody`] and the
//! media types) and the ids of conversations and messages. The actions that send and read
//! messages are in the v1 and v2 message families.
//!
//! ```
//! use nim_api::message::{ConversationId, Location, Message};
//!
//! let to_lisi = ConversationId::p2p("zhangsan", "lisi");
//! let hello = Message::text("hi");
//! let here = Message::location(Location::new(120.15, 30.28).title("West Lake"));
//! # let _ = (to_lisi, hello, here);
//! ```

mod body;
mod ids;
mod outgoing;

pub use body::{Audio, FileAttachment, Image, Location, MAX_TEXT_CHARS, MessageBody, Video};
#[allow(unused_imports)] // for the message families' answers
pub(crate) use ids::number_or_string;
pub use ids::{
    ConversationId, ConversationType, MessageClientId, MessageServerId, ParseConversationIdError,
};
pub use outgoing::{MAX_DESCRIPTION_CHARS, MAX_V1_BODY_CHARS, Message, v1_message_rules};
