//! The tag operations: modifyMemberTags, queryTaggedMembersCount, listTaggedMembers. Tag
//! limits are [`crate::chatroom::TAGS_MAX`] tags of [`crate::chatroom::TAG_MAX`]
//! characters, as in v1.

use serde::Deserialize;

use super::ChatroomMemberPage;
use crate::chatroom::tag_set;
use crate::{Accid, ValidationError};

/// `PATCH /im/v2/room_members/{account_id}/actions/tags` (modifyMemberTags): replaces the
/// online member's tags in room `room_id` on every connection (at most 10 tags of 1 to 32
/// characters; an empty list clears them) and its `notify_target_tags`, the tag expression
/// (at most 128 characters) naming who is told of the change and of its leaving. One of
/// the two must be set (the client tag guide). Note `notify_extension`, not
/// `notification_extension` (both SDKs, the official page). `tags` is a JSON array (both
/// SDKs; the official page's table says string, its example an array). Answers nothing.
///
/// ```
/// use nim_api::v2::chatroom_member::ModifyMemberTags;
/// # use nim_api::Endpoint as _;
///
/// let request = ModifyMemberTags::new("ZhangSan", 3000000001u64).tags(["vip"]);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/room_members/zhangsan/actions/tags");
/// assert_eq!(encoded.body.unwrap().1, r#"{"room_id":3000000001,"tags":["vip"]}"#);
/// let empty = ModifyMemberTags::new("zhangsan", 1u64);
/// assert_eq!(empty.validate().unwrap_err().field(), "tags");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_members/{account_id}/actions/tags", method = "PATCH", idempotent,
      setters, custom = tags_or_expression)]
pub struct ModifyMemberTags {
    /// The member (online).
    #[nim(path)]
    pub account_id: Accid,
    /// The room.
    pub room_id: u64,
    /// The new tags, at most 10 of 1 to 32 characters.
    #[nim(custom = optional_tag_set)]
    pub tags: Option<Vec<String>>,
    /// Who is told of the change: a tag expression, at most 128 characters.
    #[nim(max_len = 128)]
    pub notify_target_tags: Option<String>,
    /// The notification's extension, at most 2048 characters.
    #[nim(max_len = 2048)]
    pub notify_extension: Option<String>,
}

/// [`tag_set`] when given.
fn optional_tag_set(tags: &Option<Vec<String>>) -> Result<(), ValidationError> {
    tags.as_ref().map_or(Ok(()), tag_set)
}

/// `tags` or `notify_target_tags` set.
fn tags_or_expression(request: &ModifyMemberTags) -> Result<(), ValidationError> {
    if request.tags.is_none() && request.notify_target_tags.is_none() {
        return Err(ValidationError::custom(
            "tags",
            "tags or notify_target_tags must be set",
        ));
    }
    Ok(())
}

/// `GET /im/v2/room_members/{room_id}/actions/tagged_members_count?tag=`
/// (queryTaggedMembersCount): how many online accounts of the room carry `tag` (an account
/// online on several devices counts once). Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_member::QueryTaggedMembersCount;
/// # use nim_api::Endpoint as _;
///
/// let request = QueryTaggedMembersCount::new(3000000001u64, "vip");
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2/room_members/3000000001/actions/tagged_members_count?tag=vip"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_members/{room_id}/actions/tagged_members_count", method = "GET",
      idempotent, setters, response = TaggedMembersCount)]
pub struct QueryTaggedMembersCount {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// The tag, 1 to 32 characters.
    #[nim(query, required, max_len = 32)]
    pub tag: String,
}

/// [`QueryTaggedMembersCount`]'s answer.
///
/// ```
/// use nim_api::v2::chatroom_member::TaggedMembersCount;
///
/// let count: TaggedMembersCount = serde_json::from_str(r#"{"tag":"vip","online_user_count":2}"#).unwrap();
/// assert_eq!(count.online_user_count, 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TaggedMembersCount {
    /// The tag.
    #[serde(default)]
    pub tag: String,
    /// How many online accounts carry it.
    #[serde(default)]
    pub online_user_count: u64,
}

/// `GET /im/v2/room_members/{room_id}/actions/list_tag_members?tag=&offset=&limit=`
/// (listTaggedMembers): a page of the room's online members carrying `tag`, **one item per
/// connection** (the client tag guide), newest first. `offset` starts at 0 (always sent:
/// the Java SDK fails without it); `limit` is 1 to 100 (the v2 maximum is undocumented;
/// 100 is the v1 twin's and the client SDK's default). Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_member::ListTaggedMembers;
/// # use nim_api::Endpoint as _;
///
/// let request = ListTaggedMembers::new(3000000001u64, "vip", 50u32).offset(50u64);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2/room_members/3000000001/actions/list_tag_members?tag=vip&offset=50&limit=50"
/// );
/// assert_eq!(ListTaggedMembers::new(1u64, "vip", 101u32).validate().unwrap_err().field(), "limit");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_members/{room_id}/actions/list_tag_members", method = "GET",
      idempotent, setters, response = ChatroomMemberPage)]
pub struct ListTaggedMembers {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// The tag, 1 to 32 characters.
    #[nim(query, required, max_len = 32)]
    pub tag: String,
    /// Where the page starts (default 0).
    #[nim(query, default)]
    pub offset: u64,
    /// At most this many, 1 to 100.
    #[nim(query, min = 1, max = 100)]
    pub limit: u32,
}
