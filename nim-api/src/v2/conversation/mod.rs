//! v2 `conversation` family: an account's server-side conversations (会话), `/im/v2/conversations`
//! and the `/im/v2.1/conversations` reads: create, update, delete, read, list and stick on top.
//!
//! A conversation is named by a [`ConversationId`](crate::message::ConversationId),
//! `<owner>|<type>|<peer>`: the owner's view of a one-to-one chat (`1`), an advanced team
//! (`2`) or a super team (`3`). Sending a message creates or refreshes the conversations of
//! the sender and of every receiver; the receivers' unread counts grow (see
//! [`conversation_unread`](crate::v2::conversation_unread)). Every read answers one shape,
//! [`Conversation`].
//!
//! Facts: both official SDKs, the official API list and its Apifox pages. Where they differ:
//!
//! - **batchGetConversations** is `GET` with the ids comma-joined in the query, as the
//!   official API list and the Java SDK send it; the Go SDK sends `POST` with a JSON body
//!   `{"conversation_ids": [...]}`. The docs win; servers are expected to take both.
//! - **stickTopConversation** is `POST`, as the official API list gives it (and the Go SDK
//!   sends it); the Java SDK sends `PATCH`. The docs win.
//! - create, get, list and batchGet live on `/im/v2.1/`, the rest on `/im/v2/` (both SDKs).
//!
//! Codes: an unknown conversation is 414 (the Apifox page of getConversation); an unknown
//! account 102404. Limits of `limit` and of ids per batch are not documented: nim-rs checks
//! only that a batch is not empty.

mod ops;
mod record;

pub use ops::*;
pub use record::{Conversation, ConversationFailure, ConversationResults, RevokeNotification};

use crate::wire::int_enum;

int_enum! {
    /// Whether stickTopConversation pins or unpins (`top_type`).
    pub enum TopType: u8 {
        /// Unpin (`0`).
        Unstick = 0,
        /// Pin on top (`1`).
        Stick = 1,
    }
}

crate::catalogue::family! {
    "v2::conversation::";
    CreateConversation, UpdateConversation, DeleteConversation, BatchDeleteConversations,
    GetConversation, BatchGetConversations, ListConversations, StickTopConversation,
}
