//! v2 actions (`/im/v2/...`: JSON over REST methods), one module per family of the official
//! SDKs' operations.
//!
//! Answers come as `{code, msg, data}`; each action's response type is what `data` holds.
//! Failures keep HTTP 200 with a six-digit code (102404 account not found, 102405 account
//! exists, ...) in [`Error::api_code`](crate::Error::api_code).

pub mod account;
pub mod ai;
pub mod block;
pub mod broadcast;
pub mod chatroom;
pub mod chatroom_member;
pub mod chatroom_message;
pub mod chatroom_queue;
pub mod conversation;
pub mod conversation_group;
pub mod conversation_unread;
pub mod custom_notification;
pub mod friend;
pub mod message;
pub mod mute;
mod shared;
pub mod signal;
pub mod subscription;
pub mod system_push;
pub mod team;
pub mod team_member;
pub mod tool;
pub mod user;

pub use shared::{
    AccountConfiguration, AntispamBusinessId, AntispamConfiguration, AntispamKind,
    EmailValidationMode, UserInformation, UserProfile,
};
