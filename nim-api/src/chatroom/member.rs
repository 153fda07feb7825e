//! The member record of the v1 member answers, shared by the member lists and the tag
//! queries.

use serde::Deserialize;

use crate::message::number_or_string;
use crate::wire::optional_number;
use crate::wire::{flag, json_or_text};

/// One member as the v1 member actions answer it (`membersByPage`, `queryMembersByRole`,
/// `queryMembers`, `tagMembersQuery`).
///
/// The legacy official table leaves `level`, the ban and the robot members out when unset
/// (read as `None` / `false`); production has sent them as `false`/`0` too. `queryMembers`
/// may send only `roomid`, `accid`, `nick`, `type` and `onlineStat`. Numbers are read as
/// numbers or text (one copy of the docs types `enterTime` as text), flags as booleans,
/// `0`/`1` or text, and `tags` as an array or as the JSON text production sends.
///
/// ```
/// use nim_api::chatroom::ChatroomMember;
///
/// let member: ChatroomMember = serde_json::from_str(
///     r#"{"roomid":66,"accid":"zhangsan","nick":"Z","avator":"https://a/1.png",
///         "type":"MANAGER","onlineStat":true,"enterTime":"1651824690091",
///         "tempMuted":true,"tempMuteTtl":90,"tags":"[\"vip\"]"}"#,
/// ).unwrap();
/// assert_eq!(member.r#type, "MANAGER");
/// assert_eq!(member.avatar.as_deref(), Some("https://a/1.png"));
/// assert_eq!((member.enter_time, member.temp_mute_ttl), (Some(1651824690091), Some(90)));
/// assert!(member.online_stat && member.temp_muted && !member.muted);
/// assert_eq!(member.tags, ["vip"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomMember {
    /// The room.
    #[serde(default, deserialize_with = "number_or_string")]
    pub roomid: u64,
    /// The account.
    #[serde(default)]
    pub accid: String,
    /// The nickname in the room.
    #[serde(default)]
    pub nick: Option<String>,
    /// The avatar in the room (`avator` on the wire, sic).
    #[serde(default, rename = "avator")]
    pub avatar: Option<String>,
    /// The member's extension in the room.
    #[serde(default)]
    pub ext: Option<String>,
    /// `CREATOR`, `MANAGER`, `COMMON` (a normal fixed member), `TEMPORARY` (a guest),
    /// `ANONYMOUS`, `LIMITED` (blacklisted or chat-banned) or `UNSET`.
    #[serde(default, rename = "type")]
    pub r#type: String,
    /// The developer-defined level.
    #[serde(default, deserialize_with = "optional_number")]
    pub level: Option<i64>,
    /// Online now.
    #[serde(default, rename = "onlineStat", deserialize_with = "flag")]
    pub online_stat: bool,
    /// When it entered (Unix ms).
    #[serde(default, rename = "enterTime", deserialize_with = "optional_number")]
    pub enter_time: Option<u64>,
    /// On the room's blacklist.
    #[serde(default, deserialize_with = "flag")]
    pub blacklisted: bool,
    /// Permanently chat-banned.
    #[serde(default, deserialize_with = "flag")]
    pub muted: bool,
    /// Temporarily chat-banned.
    #[serde(default, rename = "tempMuted", deserialize_with = "flag")]
    pub temp_muted: bool,
    /// The seconds left of the temporary ban.
    #[serde(default, rename = "tempMuteTtl", deserialize_with = "optional_number")]
    pub temp_mute_ttl: Option<u64>,
    /// A robot (virtual member).
    #[serde(default, rename = "isRobot", deserialize_with = "flag")]
    pub is_robot: bool,
    /// When the robot expires (seconds).
    #[serde(default, rename = "robotExpirAt", deserialize_with = "optional_number")]
    pub robot_expir_at: Option<u64>,
    /// Its tags (tag queries only).
    #[serde(default, deserialize_with = "json_or_text")]
    pub tags: Vec<String>,
    /// Who is told of its tag changes and leaving: a tag expression (tag queries only).
    #[serde(default, rename = "notifyTargetTags")]
    pub notify_target_tags: Option<String>,
}

/// The members a v1 member action answers, from `desc` (`{"data":[...]}`, the docs and
/// production; the Go SDK expects `desc` as JSON text and so reads nothing).
///
/// ```
/// use nim_api::chatroom::ChatroomMembers;
///
/// let list: ChatroomMembers =
///     serde_json::from_str(r#"{"data":[{"roomid":"66","accid":"a","type":"CREATOR"}]}"#).unwrap();
/// assert_eq!(list.data[0].accid, "a");
/// let empty: ChatroomMembers = serde_json::from_str(r#"{"data":[]}"#).unwrap();
/// assert!(empty.data.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomMembers {
    /// The members, as the action orders them.
    #[serde(default, deserialize_with = "json_or_text")]
    pub data: Vec<ChatroomMember>,
}
