//! v2 `chatroom_member` family (聊天室成员, `/im/v2/room_members/...`): member roles and
//! bans (set a member's role, the blacklist, the permanent and temporary chat bans, the tag
//! chat ban, the lists of blacklisted and banned members), the virtual members, and the
//! members themselves: their profile, batch reads, kicks, and their tags.
//!
//! The segment after `/room_members/` is an account (`{account_id}`: the member acted on)
//! or a room (`{room_id}`: the queries), as both official SDKs send it. Members are
//! answered as [`ChatroomMemberInfo`].
//!
//! The rooms are the v1 [`chatroom`](crate::chatroom) rooms: a member banned here is banned
//! there. Roles are [`MemberRole`](crate::chatroom::MemberRole) numbers.
//!
//! Facts: both official server SDKs (Java and Go: paths, fields, which go in the path, the
//! query or the body), the official Apifox pages of the temporary ban, the tag ban and the
//! blacklist (limits, defaults, example answers), and the client guide (who may do what).
//! Where the SDKs disagree the docs win; where both agree against the docs the SDKs win.
//!
//! - **Who.** The creator or a manager acts; a manager acts neither on the creator nor on
//!   another manager; nobody on itself; the creator is never banned or blacklisted.
//! - **Durations** are seconds, at most 30 days (the Apifox pages; the Go SDK's comments
//!   say milliseconds, the Java SDK says nothing: the docs win).
//! - **Notifications**: `notification_enabled` defaults to false for every member
//!   operation (Apifox, Java comments). The Go SDK cannot send `false` (`omitempty`), which
//!   matters nowhere here since false is the default.
//! - **Codes** (no v2 chatroom page's table was found): the v1 chatroom codes: 403 no
//!   permission, 404 no such room or member, 414 bad parameters, 419 more than 1000 fixed
//!   members, 13003 a blacklisted account entering.
//!
//! ```
//! use nim_api::v2::chatroom_member::{TempChatBan, ToggleTempChatBan};
//! # use nim_api::Endpoint as _;
//!
//! let ban = ToggleTempChatBan::new("lisi", 3000000001u64, "zhangsan", TempChatBan::for_seconds(60));
//! assert_eq!(
//!     ban.encode().unwrap().body.unwrap().1,
//!     r#"{"room_id":3000000001,"operator_account_id":"zhangsan","chat_banned":true,"chat_banned_duration":60}"#
//! );
//! ```

mod bans;
mod member;
mod members;
mod roles;
mod tags;
mod virtual_members;

pub use bans::{
    BannedDuration, QueryChatBanned, QueryChatroomBlacklist, RestrictedMember, RestrictedMembers,
    TempChatBan, ToggleBlocked, ToggleChatBan, ToggleTaggedMembersChatBan, ToggleTempChatBan,
};
pub use member::{ChatroomMemberInfo, ChatroomMemberPage, OnlineInfo};
pub use members::{BatchQueryChatroomMembers, KickMember, UpdateOnlineMemberInfo};
pub use roles::SetMemberRole;
pub use tags::{ListTaggedMembers, ModifyMemberTags, QueryTaggedMembersCount, TaggedMembersCount};
pub use virtual_members::{
    AddVirtualMembers, ClearVirtualMembers, ClearedVirtualMembers, DeleteVirtualMembers,
    QueryVirtualMembers, VirtualMember, VirtualMemberInfo, VirtualMemberList,
};

/// The room notification a member operation may send, written into the body itself
/// (`#[nim(flatten)]`): `notification_enabled` (default: no notification) and
/// `notification_extension` (JSON, at most 2048 characters). Unset members are not sent.
///
/// ```
/// use nim_api::v2::chatroom_member::MemberNotification;
/// use nim_api::validate::Validate;
///
/// let notify = MemberNotification::new().notification_enabled(true);
/// assert_eq!(serde_json::to_string(&notify).unwrap(), r#"{"notification_enabled":true}"#);
/// let long = notify.notification_extension("x".repeat(2049));
/// assert_eq!(long.validate().unwrap_err().field(), "notification_extension");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct MemberNotification {
    /// Whether the room is notified (default: no).
    pub notification_enabled: Option<bool>,
    /// The notification's extension (JSON), at most 2048 characters.
    #[nim(max_len = 2048)]
    pub notification_extension: Option<String>,
}

crate::catalogue::family! {
    "v2::chatroom_member::";
    SetMemberRole, ToggleChatBan, ToggleTempChatBan, ToggleBlocked, ToggleTaggedMembersChatBan,
    QueryChatroomBlacklist, QueryChatBanned,
    AddVirtualMembers, DeleteVirtualMembers, ClearVirtualMembers, QueryVirtualMembers,
    UpdateOnlineMemberInfo, BatchQueryChatroomMembers, KickMember, ModifyMemberTags,
    QueryTaggedMembersCount, ListTaggedMembers,
}
