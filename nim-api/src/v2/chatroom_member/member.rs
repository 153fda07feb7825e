//! The member object of the v2 chatroom answers (`chatroom_member` and the member lists of
//! `chatroom`), and its page.

use serde::Deserialize;

use crate::chatroom::MemberRole;
use crate::message::number_or_string;
use crate::wire::json_or_text;

/// One member of a room as the v2 operations answer it (the Java SDK's full member; the Go
/// SDK declares subsets, which read the same). The server sends every member, `false` and
/// `0` included (the official list-members example); all default when absent.
///
/// `tags` comes as JSON text (`"[\"a\"]"`, both SDKs) and is read as text or array.
/// `member_level` is the SDKs' name (the official example once calls it `level`; both are
/// read). `temp_chat_banned_time` is the seconds left of a temporary ban.
///
/// ```
/// use nim_api::chatroom::MemberRole;
/// use nim_api::v2::chatroom_member::ChatroomMemberInfo;
///
/// let member: ChatroomMemberInfo = serde_json::from_str(
///     r#"{"account_id":"zhangsan","room_id":66,"room_nick":"Z","member_role":2,"level":3,
///         "is_online":true,"enter_time":1700000000000,"tags":"[\"vip\"]",
///         "online_info_list":[{"client_type":16,"enter_time":1700000000000}],"online_count":1}"#,
/// ).unwrap();
/// assert_eq!(member.member_role, Some(MemberRole::Manager));
/// assert_eq!((member.member_level, member.tags.as_slice()), (3, ["vip".to_owned()].as_slice()));
/// assert_eq!(member.online_info_list[0].client_type, 16);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomMemberInfo {
    /// The account.
    #[serde(default)]
    pub account_id: String,
    /// The room (tagged-member and updateOnlineMemberInfo answers; 0 when absent).
    #[serde(default, deserialize_with = "number_or_string")]
    pub room_id: u64,
    /// The nickname in the room.
    #[serde(default)]
    pub room_nick: Option<String>,
    /// The avatar in the room.
    #[serde(default)]
    pub room_avatar: Option<String>,
    /// The member's extension in the room.
    #[serde(default)]
    pub extension: Option<String>,
    /// The role.
    #[serde(default)]
    pub member_role: Option<MemberRole>,
    /// The developer-defined level.
    #[serde(default, alias = "level")]
    pub member_level: i64,
    /// Online now.
    #[serde(default)]
    pub is_online: bool,
    /// When it entered (Unix ms).
    #[serde(default)]
    pub enter_time: u64,
    /// On the room's blacklist.
    #[serde(default)]
    pub blocked: bool,
    /// Permanently chat-banned.
    #[serde(default)]
    pub chat_banned: bool,
    /// Temporarily chat-banned.
    #[serde(default)]
    pub temp_chat_banned: bool,
    /// The seconds left of the temporary ban.
    #[serde(default)]
    pub temp_chat_banned_time: u64,
    /// Its tags.
    #[serde(default, deserialize_with = "json_or_text")]
    pub tags: Vec<String>,
    /// Who is told of its tag changes and leaving: a tag expression.
    #[serde(default)]
    pub notify_target_tags: Option<String>,
    /// One entry per online connection.
    #[serde(default)]
    pub online_info_list: Vec<OnlineInfo>,
    /// How many connections are online.
    #[serde(default)]
    pub online_count: u32,
}

/// One online connection of a member (`online_info_list` item).
///
/// ```
/// use nim_api::v2::chatroom_member::OnlineInfo;
///
/// let info: OnlineInfo = serde_json::from_str(r#"{"client_type":1,"robot":false}"#).unwrap();
/// assert_eq!(info.client_type, 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct OnlineInfo {
    /// The nickname on this connection.
    #[serde(default)]
    pub room_nick: Option<String>,
    /// The avatar on this connection.
    #[serde(default)]
    pub room_avatar: Option<String>,
    /// When it entered (Unix ms).
    #[serde(default)]
    pub enter_time: u64,
    /// The client type (1 Android, 2 iOS, 4 PC, 16 web, ...).
    #[serde(default)]
    pub client_type: u8,
    /// A server-added robot connection.
    #[serde(default)]
    pub robot: bool,
}

/// A page of members cut by offset (listOnlineMembers, listTaggedMembers): ask again with
/// [`offset`](Self::offset) while [`has_more`](Self::has_more).
///
/// ```
/// use nim_api::v2::chatroom_member::ChatroomMemberPage;
///
/// let page: ChatroomMemberPage =
///     serde_json::from_str(r#"{"offset":2,"has_more":true,"items":[{"account_id":"a"}]}"#).unwrap();
/// assert_eq!((page.offset, page.has_more, page.items.len()), (2, true, 1));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomMemberPage {
    /// The offset of the next page.
    #[serde(default)]
    pub offset: u64,
    /// Whether more members follow.
    #[serde(default)]
    pub has_more: bool,
    /// The members.
    #[serde(default)]
    pub items: Vec<ChatroomMemberInfo>,
}
