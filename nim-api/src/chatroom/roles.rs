//! Roles, the blacklist and the permanent chat ban: `chatroom/setMemberRole`.

use serde::Deserialize;

use super::answers::optional_number;
use crate::Accid;
use crate::message::number_or_string;
use crate::wire::int_enum;

int_enum! {
    /// What [`SetChatroomMemberRole`] sets or unsets (`opt`); no other value is in any
    /// source (the docs, both SDKs), so no other is sendable.
    ///
    /// ```
    /// use nim_api::chatroom::MemberRoleOption;
    ///
    /// assert_eq!(MemberRoleOption::ChatBan.as_number(), -2);
    /// assert_eq!(MemberRoleOption::from_number(3), None);
    /// ```
    pub enum MemberRoleOption: i8 {
        /// Manager (`1`): only the creator appoints and removes managers.
        Manager = 1,
        /// Normal fixed member (`2`, 普通等级用户): the creator or a manager.
        Normal = 2,
        /// The blacklist (`-1`): the member is disconnected and cannot enter (13003).
        Blacklist = -1,
        /// The permanent chat ban (`-2`): the member reads but cannot send (13004).
        ChatBan = -2,
    }
}

/// `chatroom/setMemberRole.action`: `operator` sets (`optvalue` true) or unsets (false)
/// [`MemberRoleOption`] `opt` for `target` in room `roomid`. The target may be offline or
/// never have entered: setting makes it a fixed member.
///
/// Facts from the official "Manage roles" page (parameters, who may) and the client guide
/// (the rules): the creator appoints managers; the creator or a manager sets the rest; a
/// manager acts neither on the creator nor on another manager (403). After an unset, a
/// member neither blacklisted nor banned is a guest again (in the room only while online).
/// Blacklisting or banning a guest keeps it as a fixed member of type `LIMITED`; a room
/// holds at most 1000 fixed members (419 beyond, a code no page names). `optvalue` is sent
/// as `false` too (the Go SDK drops it, and the server then answers 414).
///
/// Answers the target's [`MemberRoleChange`] under `desc`. Idempotent: it sets a state.
///
/// ```
/// use nim_api::chatroom::{MemberRoleOption, SetChatroomMemberRole};
/// # use nim_api::Endpoint as _;
///
/// let request = SetChatroomMemberRole::new(3000000001u64, "ZhangSan", "lisi",
///     MemberRoleOption::Blacklist, true);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=3000000001&operator=zhangsan&target=lisi&opt=-1&optvalue=true"
/// );
/// let long = request.notify_ext("x".repeat(2049));
/// assert_eq!(long.validate().unwrap_err().field(), "notifyExt");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/setMemberRole.action", idempotent, setters,
      response = MemberRoleChange, response_field = "desc")]
pub struct SetChatroomMemberRole {
    /// The room.
    pub roomid: u64,
    /// Who sets it: the creator or a manager.
    pub operator: Accid,
    /// Whose role changes.
    pub target: Accid,
    /// What is set or unset.
    pub opt: MemberRoleOption,
    /// `true` sets, `false` unsets.
    pub optvalue: bool,
    /// The notification's extension (JSON), at most 2048 characters.
    #[nim(rename = "notifyExt", max_len = 2048)]
    pub notify_ext: Option<String>,
}

/// [`SetChatroomMemberRole`]'s answer: the target after the change. `type` is `CREATOR`,
/// `MANAGER`, `COMMON`, `TEMPORARY` (a guest) or `LIMITED` (blacklisted or chat-banned);
/// `roomid` and `level` are read as numbers or text.
///
/// ```
/// use nim_api::chatroom::MemberRoleChange;
///
/// let answer: MemberRoleChange =
///     serde_json::from_str(r#"{"roomid":"16","level":10,"accid":"zhangsan","type":"COMMON"}"#)
///         .unwrap();
/// assert_eq!((answer.roomid, answer.level, answer.r#type.as_str()), (16, Some(10), "COMMON"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct MemberRoleChange {
    /// The room.
    #[serde(default, deserialize_with = "number_or_string")]
    pub roomid: u64,
    /// The target's level.
    #[serde(default, deserialize_with = "optional_number")]
    pub level: Option<i64>,
    /// The target.
    #[serde(default)]
    pub accid: String,
    /// Its type after the change.
    #[serde(default)]
    pub r#type: String,
}
