//! Member tags: `chatroom/tagMembersCount`, `chatroom/tagMembersQuery`,
//! `chatroom/updateChatRoomRoleTag`. A member's tags come from its client when it enters
//! and are changed by the server; they select who receives tag-targeted messages and
//! notifications (official "Manage tags" page).

use serde::Deserialize;

use super::ChatroomMembers;
use crate::validate::Rule;
use crate::wire::optional_number;
use crate::{Accid, ValidationError};

/// The most tags a member carries (the client tag guide).
pub const TAGS_MAX: usize = 10;
/// The longest tag, in characters (the client tag guide).
pub const TAG_MAX: usize = 32;
/// The longest tag expression (`notifyTargetTags`, v2 `notify_target_tags`), in characters
/// (the v2 Java SDK's comment).
pub const TAG_EXPRESSION_MAX: usize = 128;

/// A tag set: at most [`TAGS_MAX`] tags of 1 to [`TAG_MAX`] characters. Shared by the v1
/// and v2 tag changes.
#[allow(clippy::ptr_arg)] // a field's `custom` check takes the field's own type
pub(crate) fn tag_set(tags: &Vec<String>) -> Result<(), ValidationError> {
    if tags.len() > TAGS_MAX {
        return Err(ValidationError::new(
            "",
            Rule::TooManyItems {
                limit: TAGS_MAX,
                actual: tags.len(),
            },
        ));
    }
    match tags
        .iter()
        .position(|t| t.is_empty() || t.chars().count() > TAG_MAX)
    {
        Some(i) => Err(ValidationError::custom(
            "",
            format!("item {i} must be 1 to {TAG_MAX} characters"),
        )),
        None => Ok(()),
    }
}

/// `chatroom/tagMembersCount.action`: how many online accounts of room `roomid` carry
/// `tag` (an account online on several devices counts once). Answers
/// [`TaggedMemberCount`] from the top-level `data` (both SDKs, production). Idempotent.
///
/// ```
/// use nim_api::chatroom::CountChatroomTaggedMembers;
/// # use nim_api::Endpoint as _;
///
/// let request = CountChatroomTaggedMembers::new(3000000001u64, "vip");
/// assert_eq!(request.to_form().unwrap(), "roomid=3000000001&tag=vip");
/// assert_eq!(CountChatroomTaggedMembers::new(1u64, "").validate().unwrap_err().field(), "tag");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/tagMembersCount.action", idempotent, setters,
      response = TaggedMemberCount, response_field = "data")]
pub struct CountChatroomTaggedMembers {
    /// The room.
    pub roomid: u64,
    /// The tag, 1 to 32 characters.
    #[nim(required, max_len = 32)]
    pub tag: String,
}

/// [`CountChatroomTaggedMembers`]'s answer.
///
/// ```
/// use nim_api::chatroom::TaggedMemberCount;
///
/// let count: TaggedMemberCount =
///     serde_json::from_str(r#"{"tag":"vip","onlineUserCount":"3"}"#).unwrap();
/// assert_eq!((count.tag.as_str(), count.online_user_count), ("vip", 3));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TaggedMemberCount {
    /// The tag.
    #[serde(default)]
    pub tag: String,
    /// How many online accounts carry it.
    #[serde(
        default,
        rename = "onlineUserCount",
        deserialize_with = "count_or_zero"
    )]
    pub online_user_count: u64,
}

/// A count sent as a number or text; absent or `null` is 0.
fn count_or_zero<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    optional_number(d).map(Option::unwrap_or_default)
}

/// `chatroom/tagMembersQuery.action`: a page of room `roomid`'s online members carrying
/// `tag`, **one record per connection** (a member online on two devices appears twice),
/// newest first: those that entered before `endTime` (camelCase here, unlike
/// `membersByPage`; `0`: now), at most `limit` (1 to 100). Each record adds `tags` and
/// `notifyTargetTags`. Answers [`ChatroomMembers`] from `desc`. Idempotent.
///
/// ```
/// use nim_api::chatroom::QueryChatroomTaggedMembers;
/// # use nim_api::Endpoint as _;
///
/// let request = QueryChatroomTaggedMembers::new(3000000001u64, "vip", 0u64, 50u32);
/// assert_eq!(request.to_form().unwrap(), "roomid=3000000001&tag=vip&endTime=0&limit=50");
/// assert_eq!(
///     QueryChatroomTaggedMembers::new(1u64, "vip", 0u64, 0u32).validate().unwrap_err().field(),
///     "limit"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/tagMembersQuery.action", idempotent, setters,
      response = ChatroomMembers, response_field = "desc")]
pub struct QueryChatroomTaggedMembers {
    /// The room.
    pub roomid: u64,
    /// The tag, 1 to 32 characters.
    #[nim(required, max_len = 32)]
    pub tag: String,
    /// Connections that entered before this time (Unix ms); `0`: now.
    #[nim(rename = "endTime")]
    pub end_time: u64,
    /// At most this many, 1 to 100.
    #[nim(min = 1, max = 100)]
    pub limit: u32,
}

/// `chatroom/updateChatRoomRoleTag.action`: replaces the tags of online member `accid` in
/// room `roomId` (camelCase here, in both SDKs) on every connection: at most 10 tags of 1
/// to 32 characters; an empty list clears them. `notifyTargetTags`, a tag expression (at
/// most 128 characters, e.g. `{"tag":"vip"}`), names who is told of the change. The
/// emulator answers 404 for a member not online (the docs leave it open). Answers nothing
/// but the code. Idempotent.
///
/// ```
/// use nim_api::chatroom::UpdateChatroomMemberTags;
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateChatroomMemberTags::new(3000000001u64, ["vip", "new"], "ZhangSan");
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomId=3000000001&tags=%5B%22vip%22%2C%22new%22%5D&accid=zhangsan"
/// );
/// let long = UpdateChatroomMemberTags::new(1u64, ["x".repeat(33)], "zhangsan");
/// assert_eq!(long.validate().unwrap_err().field(), "tags");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/updateChatRoomRoleTag.action", idempotent, setters)]
pub struct UpdateChatroomMemberTags {
    /// The room (`roomId`).
    #[nim(rename = "roomId")]
    pub room_id: u64,
    /// The new tags, at most 10 of 1 to 32 characters.
    #[nim(custom = tag_set)]
    pub tags: Vec<String>,
    /// The member whose tags change.
    pub accid: Accid,
    /// Who is told of the change: a tag expression, at most 128 characters.
    #[nim(rename = "notifyTargetTags", max_len = 128)]
    pub notify_target_tags: Option<String>,
}
