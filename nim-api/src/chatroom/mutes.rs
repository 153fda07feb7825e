//! Temporary chat bans: `chatroom/temporaryMute` (one member) and
//! `chatroom/tagTemporaryMute` (every member carrying a tag).

use serde::Deserialize;

use super::ChatroomNotify;
use crate::Accid;
use crate::wire::optional_number;

/// The longest temporary chat ban, in seconds (30 days).
pub const MUTE_SECONDS_MAX: u64 = 2_592_000;
// The `max = 2_592_000` bounds of the derives below and of `TempChatBan` are literals (the
// derive takes no path): they must stay equal to the constant.
const _: () = assert!(MUTE_SECONDS_MAX == 2_592_000);

/// `chatroom/temporaryMute.action`: `operator` (the creator or a manager) bans `target` of
/// room `roomid` from sending for `muteDuration` seconds, at most 30 days; `0` lifts the
/// ban. A new ban replaces the expiry (it is not added); the ban is independent of the
/// permanent one of [`SetChatroomMemberRole`](super::SetChatroomMemberRole) (lifting one
/// keeps the other). A manager acts neither on the creator nor on another manager (403).
/// The ban is held per account, online or not: `target` need not be in the room (any
/// existing account; an unknown one is 404).
///
/// Facts from the legacy official page and the Java SDK (the limit, 0 lifts, the
/// `needNotify` default). `muteDuration` is sent as `0` too (the Go SDK drops it, so it
/// cannot lift a ban). Answers [`MuteDuration`] under `desc`: the duration set (production
/// echoes it); for a lift, what the lifted ban still had (the emulator's reading of the tag
/// variant's documented answer). Idempotent only when lifting; a repeat restarts the ban.
///
/// ```
/// use nim_api::chatroom::{ChatroomNotify, TemporaryMute};
/// # use nim_api::Endpoint as _;
///
/// let request = TemporaryMute::new(3000000001u64, "zhangsan", "LiSi", 300u64)
///     .notification(ChatroomNotify::new().need_notify(false));
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=3000000001&operator=zhangsan&target=lisi&muteDuration=300&needNotify=false"
/// );
/// let long = TemporaryMute::new(1u64, "zhangsan", "lisi", 2_592_001u64);
/// assert_eq!(long.validate().unwrap_err().field(), "muteDuration");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/temporaryMute.action", setters, response = MuteDuration,
      response_field = "desc")]
pub struct TemporaryMute {
    /// The room.
    pub roomid: u64,
    /// Who bans: the creator or a manager.
    pub operator: Accid,
    /// Who is banned.
    pub target: Accid,
    /// Seconds, at most 2 592 000 (30 days); `0` lifts the ban.
    #[nim(rename = "muteDuration", max = 2_592_000)]
    pub mute_duration: u64,
    /// The notification.
    #[nim(flatten, default)]
    pub notification: ChatroomNotify,
}

/// `chatroom/tagTemporaryMute.action`: `operator` (the creator or a manager) bans every
/// member of room `roomid` carrying tag `targetTag` from sending for `muteDuration` seconds
/// (at most 30 days; `0` lifts it): a rule of the room on the tag, which covers the members
/// who enter with the tag later too. A tag nobody carries may be banned.
///
/// Facts from the official "Manage tags" page. `notifyTargetTags` is a tag expression
/// choosing who is notified (default: the members with `targetTag`), at most 128 characters
/// (the v2 twin's limit); `targetTag` at most 32 (the client guide's tag limit). Answers
/// [`MuteDuration`] under `desc`: production does (a 2022 answer), as the Go SDK reads it;
/// the Java SDK reads `data` and so reads nothing (the SDKs disagree: production wins). A
/// lift answers what the lifted ban still had (the legacy page).
///
/// ```
/// use nim_api::chatroom::TagTemporaryMute;
/// # use nim_api::Endpoint as _;
///
/// let request = TagTemporaryMute::new(3000000001u64, "zhangsan", "vip", 60u64)
///     .notify_target_tags(r#"{"tag":"vip"}"#);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=3000000001&operator=zhangsan&targetTag=vip&muteDuration=60\
///      &notifyTargetTags=%7B%22tag%22%3A%22vip%22%7D"
/// );
/// let untagged = TagTemporaryMute::new(1u64, "zhangsan", "", 60u64);
/// assert_eq!(untagged.validate().unwrap_err().field(), "targetTag");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/tagTemporaryMute.action", setters, response = MuteDuration,
      response_field = "desc")]
pub struct TagTemporaryMute {
    /// The room.
    pub roomid: u64,
    /// Who bans: the creator or a manager.
    pub operator: Accid,
    /// The tag, 1 to 32 characters.
    #[nim(rename = "targetTag", required, max_len = 32)]
    pub target_tag: String,
    /// Seconds, at most 2 592 000 (30 days); `0` lifts the ban.
    #[nim(rename = "muteDuration", max = 2_592_000)]
    pub mute_duration: u64,
    /// Who is notified: a tag expression, at most 128 characters.
    #[nim(rename = "notifyTargetTags", max_len = 128)]
    pub notify_target_tags: Option<String>,
    /// The notification.
    #[nim(flatten, default)]
    pub notification: ChatroomNotify,
}

/// The answer of [`TemporaryMute`] and [`TagTemporaryMute`] (`desc`): the ban's duration in
/// seconds, read as a number or text.
///
/// ```
/// use nim_api::chatroom::MuteDuration;
///
/// let answer: MuteDuration = serde_json::from_str(r#"{"muteDuration":"300"}"#).unwrap();
/// assert_eq!(answer.mute_duration, Some(300));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct MuteDuration {
    /// Seconds.
    #[serde(default, rename = "muteDuration", deserialize_with = "optional_number")]
    pub mute_duration: Option<u64>,
}
