//! The parameter groups several chatroom operations share.

use crate::chatroom::{DelayClosePolicy, QueueLevel};

/// The room texts and the queue level, written into the body of [`CreateChatroom`] and
/// [`UpdateChatroomInfo`] (`#[nim(flatten)]`); unset members are not sent, so an update
/// keeps them. Limits: the v1 create page's (the v2 pages were not reached).
///
/// [`CreateChatroom`]: super::CreateChatroom
/// [`UpdateChatroomInfo`]: super::UpdateChatroomInfo
///
/// ```
/// use nim_api::chatroom::QueueLevel;
/// use nim_api::v2::chatroom::ChatroomTexts;
/// use nim_api::validate::Validate;
///
/// let texts = ChatroomTexts::new().announcement("hi").queue_level(QueueLevel::Everyone);
/// assert_eq!(serde_json::to_string(&texts).unwrap(), r#"{"announcement":"hi","queue_level":0}"#);
/// assert_eq!(texts.live_url("u".repeat(1025)).validate().unwrap_err().field(), "live_url");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct ChatroomTexts {
    /// The announcement, at most 4096 characters (moderated).
    #[nim(max_len = 4096)]
    pub announcement: Option<String>,
    /// The live-stream URL (v1 `broadcasturl`), at most 1024 characters.
    #[nim(max_len = 1024)]
    pub live_url: Option<String>,
    /// The extension (v1 `ext`), at most 4096 characters.
    #[nim(max_len = 4096)]
    pub extension: Option<String>,
    /// Who may change the queue (the server's default: everyone).
    pub queue_level: Option<QueueLevel>,
}

/// The delay-close policy and its countdown, written into the body of
/// [`CreateChatroom`](super::CreateChatroom) and
/// [`UpdateChatroomStatus`](super::UpdateChatroomStatus). A policy without seconds takes
/// 7 days, the most allowed (the v2 open/close page). Without a policy, the 2025 page says
/// the console's setting applies (the 2024 page: 0, never): the newer page wins.
///
/// ```
/// use nim_api::chatroom::DelayClosePolicy;
/// use nim_api::v2::chatroom::DelayCloseSettings;
/// use nim_api::validate::Validate;
///
/// let delay = DelayCloseSettings::new().delay_close_policy(DelayClosePolicy::AtFixedTime);
/// assert_eq!(serde_json::to_string(&delay).unwrap(), r#"{"delay_close_policy":1}"#);
/// assert_eq!(delay.delay_seconds(604_801u64).validate().unwrap_err().field(), "delay_seconds");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct DelayCloseSettings {
    /// When the room closes on its own.
    pub delay_close_policy: Option<DelayClosePolicy>,
    /// The countdown, in seconds, at most 604 800 (7 days).
    #[nim(max = 604_800)]
    pub delay_seconds: Option<u64>,
}

/// Whether an operation sends the room a notification, and the extension it carries
/// (`notification_enabled`, `notification_extension`), written into the body of
/// [`UpdateChatroomInfo`](super::UpdateChatroomInfo),
/// [`ToggleChatroomMute`](super::ToggleChatroomMute) and
/// [`AddVirtualMembers`](crate::v2::chatroom_member::AddVirtualMembers). The server's
/// default differs by operation (each says which).
///
/// ```
/// use nim_api::v2::chatroom::RoomNotification;
/// use nim_api::validate::Validate;
///
/// let notify = RoomNotification::new().notification_enabled(false);
/// assert_eq!(serde_json::to_string(&notify).unwrap(), r#"{"notification_enabled":false}"#);
/// let long = notify.notification_extension("x".repeat(2049));
/// assert_eq!(long.validate().unwrap_err().field(), "notification_extension");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct RoomNotification {
    /// Whether to send the notification.
    pub notification_enabled: Option<bool>,
    /// Carried in the notification (JSON), at most 2048 characters.
    #[nim(max_len = 2048)]
    pub notification_extension: Option<String>,
}
