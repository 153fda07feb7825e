//! The blacklist and chat bans: toggleBlocked, toggleChatBan, toggleTempChatBan,
//! toggleTaggedMembersChatBan, queryChatroomBlacklist, queryChatBanned.

use serde::Deserialize;

use super::MemberNotification;
use crate::chatroom::MUTE_SECONDS_MAX;
use crate::wire::flag;
use crate::{Accid, ValidationError};

/// `PATCH /im/v2/room_members/{account_id}/actions/chat_banned` (toggleChatBan): the
/// creator or a manager bans (`chat_banned` true) or unbans the account from sending in
/// room `room_id`, until unbanned (the v1 `setMemberRole` opt −2). A banned member stays in
/// the room and reads (the Java Javadoc). The creator is never banned; only the creator
/// bans managers; nobody bans itself (403). Banning an account that is not a fixed member
/// keeps it as one (v1 `LIMITED`), within the 1000 fixed members (419). Answers nothing.
/// Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_member::ToggleChatBan;
/// # use nim_api::Endpoint as _;
///
/// let encoded = ToggleChatBan::new("lisi", 3000000001u64, "zhangsan", true).encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/room_members/lisi/actions/chat_banned");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"room_id":3000000001,"operator_account_id":"zhangsan","chat_banned":true}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2/room_members/{account_id}/actions/chat_banned",
    method = "PATCH",
    idempotent,
    setters
)]
pub struct ToggleChatBan {
    /// Who is banned.
    #[nim(path)]
    pub account_id: Accid,
    /// The room.
    pub room_id: u64,
    /// Who bans: the creator or a manager.
    pub operator_account_id: Accid,
    /// `true` bans, `false` lifts.
    pub chat_banned: bool,
    /// The notification.
    #[nim(flatten, default)]
    pub notification: MemberNotification,
}

/// `PATCH /im/v2/room_members/{account_id}/actions/blocked` (toggleBlocked): the creator or
/// a manager puts the account on (`blocked` true) or takes it off room `room_id`'s
/// blacklist. A blacklisted account is disconnected at once and cannot enter (13003) until
/// taken off (the Java Javadoc, the v1 codes). Who may: as [`ToggleChatBan`]. Answers
/// nothing (the Apifox example: `data:{}`). Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_member::{MemberNotification, ToggleBlocked};
/// # use nim_api::Endpoint as _;
///
/// let request = ToggleBlocked::new("LiSi", 3000000001u64, "zhangsan", false)
///     .notification(MemberNotification::new().notification_enabled(true));
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/room_members/lisi/actions/blocked");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"room_id":3000000001,"operator_account_id":"zhangsan","blocked":false,"notification_enabled":true}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2/room_members/{account_id}/actions/blocked",
    method = "PATCH",
    idempotent,
    setters
)]
pub struct ToggleBlocked {
    /// Who is blacklisted.
    #[nim(path)]
    pub account_id: Accid,
    /// The room.
    pub room_id: u64,
    /// Who blacklists: the creator or a manager.
    pub operator_account_id: Accid,
    /// `true` blacklists, `false` takes off.
    pub blocked: bool,
    /// The notification.
    #[nim(flatten, default)]
    pub notification: MemberNotification,
}

/// A temporary ban or its lift, shared by [`ToggleTempChatBan`] and
/// [`ToggleTaggedMembersChatBan`] and written into their bodies (`#[nim(flatten)]`):
/// `chat_banned` and, when banning, `chat_banned_duration` in seconds (1 to 2 592 000, 30
/// days; the Apifox pages. The Go SDK's comments say milliseconds: the docs win). A ban
/// without a duration is refused before sending.
///
/// ```
/// use nim_api::v2::chatroom_member::TempChatBan;
///
/// let ban = TempChatBan::for_seconds(300);
/// assert_eq!(serde_json::to_string(&ban).unwrap(), r#"{"chat_banned":true,"chat_banned_duration":300}"#);
/// assert_eq!(serde_json::to_string(&TempChatBan::lift()).unwrap(), r#"{"chat_banned":false}"#);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct TempChatBan {
    /// `true` bans, `false` lifts.
    pub chat_banned: bool,
    /// Seconds, 1 to 2 592 000; required when banning.
    #[nim(min = 1, max = 2_592_000)]
    pub chat_banned_duration: Option<u64>,
}

impl TempChatBan {
    /// A ban of `seconds`.
    pub fn for_seconds(seconds: u64) -> TempChatBan {
        TempChatBan {
            chat_banned: true,
            chat_banned_duration: Some(seconds),
        }
    }

    /// The lift of a ban.
    pub fn lift() -> TempChatBan {
        TempChatBan::default()
    }

    /// A ban needs its duration (the Apifox pages: required when `chat_banned` is true).
    fn check(&self) -> Result<(), ValidationError> {
        if self.chat_banned && self.chat_banned_duration.is_none() {
            return Err(ValidationError::custom(
                "chat_banned_duration",
                format!("required when chat_banned is true (1 to {MUTE_SECONDS_MAX} seconds)"),
            ));
        }
        Ok(())
    }
}

/// `PATCH /im/v2/room_members/{account_id}/actions/temp_chat_banned` (toggleTempChatBan):
/// the creator or a manager bans the account from sending in room `room_id` for
/// `chat_banned_duration` seconds, or lifts the ban (the v1 `temporaryMute`). A new ban
/// replaces the expiry; it is independent of [`ToggleChatBan`]'s. Who may: as
/// [`ToggleChatBan`]; the account must be in the room (404, the emulator's choice).
/// Answers the duration set ([`BannedDuration`]; the Apifox example answers 0 for a lift).
/// Not idempotent: a repeat restarts the ban.
///
/// ```
/// use nim_api::v2::chatroom_member::{TempChatBan, ToggleTempChatBan};
/// # use nim_api::Endpoint as _;
///
/// let request = ToggleTempChatBan::new("lisi", 3000000001u64, "zhangsan", TempChatBan::lift());
/// assert_eq!(request.encode().unwrap().path, "/im/v2/room_members/lisi/actions/temp_chat_banned");
/// let open = ToggleTempChatBan::new("lisi", 1u64, "zhangsan", TempChatBan::new(true));
/// assert_eq!(open.validate().unwrap_err().field(), "chat_banned_duration");
/// let long = ToggleTempChatBan::new("lisi", 1u64, "zhangsan", TempChatBan::for_seconds(2_592_001));
/// assert_eq!(long.validate().unwrap_err().field(), "chat_banned_duration");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_members/{account_id}/actions/temp_chat_banned", method = "PATCH",
      setters, custom = temp_ban_duration, response = BannedDuration)]
pub struct ToggleTempChatBan {
    /// Who is banned.
    #[nim(path)]
    pub account_id: Accid,
    /// The room.
    pub room_id: u64,
    /// Who bans: the creator or a manager.
    pub operator_account_id: Accid,
    /// The ban or its lift.
    #[nim(flatten)]
    pub ban: TempChatBan,
    /// The notification.
    #[nim(flatten, default)]
    pub notification: MemberNotification,
}

fn temp_ban_duration(request: &ToggleTempChatBan) -> Result<(), ValidationError> {
    request.ban.check()
}

/// `PATCH /im/v2/room_members/actions/chat_banned_tagged_members`
/// (toggleTaggedMembersChatBan): the creator or a manager bans every member of room
/// `room_id` carrying `target_tag` (one tag, at most 32 characters) from sending for
/// `chat_banned_duration` seconds, or lifts it. A rule of the room on the tag: members
/// entering with the tag later are banned too (the client guide); a tag nobody carries may
/// be banned. `notification_target_tags` (a tag expression, at most 128 characters) chooses
/// who is notified; default the members with the tag. Answers [`BannedDuration`] (the
/// Apifox example echoes the duration). Not idempotent: a repeat restarts the ban.
///
/// ```
/// use nim_api::v2::chatroom_member::{TempChatBan, ToggleTaggedMembersChatBan};
/// # use nim_api::Endpoint as _;
///
/// let request = ToggleTaggedMembersChatBan::new(3000000001u64, "zhangsan", "vip",
///     TempChatBan::for_seconds(3000));
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/room_members/actions/chat_banned_tagged_members");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"room_id":3000000001,"operator_account_id":"zhangsan","target_tag":"vip","chat_banned":true,"chat_banned_duration":3000}"#
/// );
/// let long = ToggleTaggedMembersChatBan::new(1u64, "zhangsan", "t".repeat(33), TempChatBan::lift());
/// assert_eq!(long.validate().unwrap_err().field(), "target_tag");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_members/actions/chat_banned_tagged_members", method = "PATCH",
      setters, custom = tag_ban_duration, response = BannedDuration)]
pub struct ToggleTaggedMembersChatBan {
    /// The room.
    pub room_id: u64,
    /// Who bans: the creator or a manager.
    pub operator_account_id: Accid,
    /// The tag, 1 to 32 characters.
    #[nim(required, max_len = 32)]
    pub target_tag: String,
    /// The ban or its lift.
    #[nim(flatten)]
    pub ban: TempChatBan,
    /// Who is notified: a tag expression, at most 128 characters.
    #[nim(max_len = 128)]
    pub notification_target_tags: Option<String>,
    /// The notification.
    #[nim(flatten, default)]
    pub notification: MemberNotification,
}

fn tag_ban_duration(request: &ToggleTaggedMembersChatBan) -> Result<(), ValidationError> {
    request.ban.check()
}

/// The answer of [`ToggleTempChatBan`] and [`ToggleTaggedMembersChatBan`]: the duration in
/// seconds.
///
/// ```
/// use nim_api::v2::chatroom_member::BannedDuration;
///
/// let answer: BannedDuration = serde_json::from_str(r#"{"mute_duration":3000}"#).unwrap();
/// assert_eq!(answer.mute_duration, 3000);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct BannedDuration {
    /// Seconds.
    #[serde(default)]
    pub mute_duration: u64,
}

/// `GET /im/v2.1/room_members/{room_id}/actions/blocked` (queryChatroomBlacklist): room
/// `room_id`'s blacklisted members, all at once. Both SDKs' code uses this path without
/// paging (the Java Javadoc's `.../blacklist` "with pagination" is not what it sends; older
/// Java versions used `/im/v2/`, which the emulator serves too). Answers
/// [`RestrictedMembers`]. Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_member::QueryChatroomBlacklist;
/// # use nim_api::Endpoint as _;
///
/// let encoded = QueryChatroomBlacklist::new(3000000001u64).encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2.1/room_members/3000000001/actions/blocked");
/// assert!(encoded.body.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/room_members/{room_id}/actions/blocked", method = "GET", idempotent,
      setters, response = RestrictedMembers)]
pub struct QueryChatroomBlacklist {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
}

/// `GET /im/v2.1/room_members/{room_id}/actions/chat_banned` (queryChatBanned): room
/// `room_id`'s members banned from sending, permanently or temporarily (not those covered
/// by a tag ban only), all at once. Answers [`RestrictedMembers`]. Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_member::QueryChatBanned;
/// # use nim_api::Endpoint as _;
///
/// let encoded = QueryChatBanned::new(3000000001u64).encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2.1/room_members/3000000001/actions/chat_banned");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/room_members/{room_id}/actions/chat_banned", method = "GET",
      idempotent, setters, response = RestrictedMembers)]
pub struct QueryChatBanned {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
}

/// The answer of [`QueryChatroomBlacklist`] and [`QueryChatBanned`]: `items`.
///
/// ```
/// use nim_api::v2::chatroom_member::RestrictedMembers;
///
/// let answer: RestrictedMembers = serde_json::from_str(
///     r#"{"items":[{"account_id":"lisi","room_nick":"Li","chat_banned":false,
///        "temp_chat_banned":true,"temp_chat_banned_time":30}]}"#,
/// ).unwrap();
/// assert_eq!(answer.items[0].account_id, "lisi");
/// assert_eq!(answer.items[0].temp_chat_banned_time, Some(30));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RestrictedMembers {
    /// The members.
    #[serde(default)]
    pub items: Vec<RestrictedMember>,
}

/// One blacklisted or banned member. The Java SDK reads `account_id`, `room_nick` and
/// `room_avatar` in both lists; the Go SDK adds `extension` and `block_time` to the
/// blacklist and the three ban members to the banned list: the union is read, each member
/// optional.
///
/// ```
/// use nim_api::v2::chatroom_member::RestrictedMember;
///
/// let blocked: RestrictedMember =
///     serde_json::from_str(r#"{"account_id":"lisi","extension":"{}","block_time":1700000000000}"#)
///         .unwrap();
/// assert_eq!(blocked.block_time, Some(1_700_000_000_000));
/// assert!(!blocked.chat_banned);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RestrictedMember {
    /// The account.
    #[serde(default)]
    pub account_id: String,
    /// Its nickname in the room.
    #[serde(default)]
    pub room_nick: Option<String>,
    /// Its avatar in the room.
    #[serde(default)]
    pub room_avatar: Option<String>,
    /// Its extension in the room (blacklist, Go SDK).
    #[serde(default)]
    pub extension: Option<String>,
    /// When it was blacklisted (blacklist, Go SDK; Unix ms presumably: no source says).
    #[serde(default)]
    pub block_time: Option<u64>,
    /// Permanently banned (banned list, Go SDK).
    #[serde(default, deserialize_with = "flag")]
    pub chat_banned: bool,
    /// Temporarily banned (banned list, Go SDK).
    #[serde(default, deserialize_with = "flag")]
    pub temp_chat_banned: bool,
    /// The seconds the temporary ban still runs (banned list, Go SDK; the unit is the
    /// client docs').
    #[serde(default)]
    pub temp_chat_banned_time: Option<u64>,
}
