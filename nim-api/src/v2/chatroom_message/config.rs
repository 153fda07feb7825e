//! [`ChatroomMessageConfig`]: how a chatroom message is delivered and kept.

/// `message_config` of a chatroom send: the v1 delivery switches under their v2 names
/// (`ignore_chat_banned` is v1 `ignoreMute`, `history_enabled: false` is `skipHistory=1`).
/// A directed message (with `receiver_ids`) takes none (the docs): refused before sending.
///
/// ```
/// use nim_api::v2::chatroom_message::ChatroomMessageConfig;
/// use nim_api::validate::Validate;
///
/// let config = ChatroomMessageConfig::new().history_enabled(false).high_priority(true);
/// assert_eq!(
///     serde_json::to_string(&config).unwrap(),
///     r#"{"history_enabled":false,"high_priority":true}"#
/// );
/// assert_eq!(config.chat_msg_priority(4u8).validate().unwrap_err().field(), "chat_msg_priority");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct ChatroomMessageConfig {
    /// Send although the sender is temporarily muted (a permanent chat ban still refuses;
    /// default `false`).
    pub ignore_chat_banned: Option<bool>,
    /// Keep it in the cloud history (default `true`).
    pub history_enabled: Option<bool>,
    /// High-priority delivery: at most 10 per second and room, the excess sent as normal
    /// (default `false`).
    pub high_priority: Option<bool>,
    /// Deliver a high-priority message again to members entering within its validity.
    pub need_high_priority_msg_resend: Option<bool>,
    /// The chance, in ten-thousandths (0 to 9999), that the server drops the message.
    #[nim(max = 9999)]
    pub abandon_ratio: Option<u16>,
    /// Only online members whose tags match this expression receive it, e.g.
    /// `{"tag":"t1"} AND {"tag":"t2"}`; at most 128 characters (the v1 limit).
    #[nim(max_len = 128)]
    pub notify_target_tags: Option<String>,
    /// The message's priority on the CDN message channel, 0 to 3.
    #[nim(max = 3)]
    pub chat_msg_priority: Option<u8>,
    /// `1`: a high-priority message over the rate is refused (403) instead of sent as
    /// normal; `0` (the default): sent as normal.
    #[nim(one_of = [0, 1])]
    pub forbidden_if_high_priority_msg_freq: Option<u8>,
}
