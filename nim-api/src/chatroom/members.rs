//! A room's members: `chatroom/kickMember`, `chatroom/updateMyRoomRole`,
//! `chatroom/membersByPage`, `chatroom/queryMembersByRole`, `chatroom/queryMembers`.

use super::{ChatroomMembers, bid_object};
use crate::Accid;
use crate::wire::int_enum;

/// `chatroom/kickMember.action`: `accid`, the creator or a manager, kicks `targetAccid`
/// out of room `roomid` (official "Remove a member" page). The creator kicks anyone but
/// itself, a manager neither the creator nor another manager (403); the target must be
/// online (404, the Java SDK's live test). A kick drops every connection of the target: a
/// guest stops being a member, a fixed member keeps its role. It is no ban. Answers
/// nothing but the code.
///
/// ```
/// use nim_api::chatroom::KickChatroomMember;
/// # use nim_api::Endpoint as _;
///
/// let request = KickChatroomMember::new(3000000001u64, "LiSi", "zhangsan").notify_ext("bye");
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=3000000001&targetAccid=lisi&accid=zhangsan&notifyExt=bye"
/// );
/// assert_eq!(request.notify_ext("x".repeat(2049)).validate().unwrap_err().field(), "notifyExt");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/kickMember.action", setters)]
pub struct KickChatroomMember {
    /// The room.
    pub roomid: u64,
    /// Who is kicked.
    #[nim(rename = "targetAccid")]
    pub target: Accid,
    /// Who kicks: the creator or a manager.
    #[nim(rename = "accid")]
    pub operator: Accid,
    /// The kick notification's extension, at most 2048 characters (the bound of
    /// updateMyRoomRole's `notifyExt`; kickMember's page gives none).
    #[nim(rename = "notifyExt", max_len = 2048)]
    pub notify_ext: Option<String>,
}

/// `chatroom/updateMyRoomRole.action`: member `accid`'s nickname, avatar and extension in
/// room `roomid` (the official role page; the legacy official table for the parameters).
/// With `save` on a fixed member the change is kept (offline too, and after leaving);
/// otherwise it applies to the member's current connections only, and changes nothing on
/// an offline fixed member (answered 200 all the same, as the Java SDK's live test sees).
/// 13005 when moderation rejects a text. Answers nothing but the code.
///
/// `avator` (sic) and `ext` have no documented limit; `ext` is held to the v2 twin's 4096
/// characters.
///
/// ```
/// use nim_api::chatroom::UpdateChatroomMemberProfile;
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateChatroomMemberProfile::new(3000000001u64, "zhangsan")
///     .nick("Boss")
///     .save(true)
///     .need_notify(false);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=3000000001&accid=zhangsan&save=true&needNotify=false&nick=Boss"
/// );
/// assert_eq!(request.clone().nick("名".repeat(65)).validate().unwrap_err().field(), "nick");
/// assert_eq!(request.bid("not json").validate().unwrap_err().field(), "bid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/updateMyRoomRole.action", idempotent, setters)]
pub struct UpdateChatroomMemberProfile {
    /// The room.
    pub roomid: u64,
    /// The member whose profile changes.
    pub accid: Accid,
    /// Keep the change (fixed members only; default: no).
    pub save: Option<bool>,
    /// Send a notification of the change (default unconfirmed: the client SDKs' is yes).
    #[nim(rename = "needNotify")]
    pub need_notify: Option<bool>,
    /// The notification's extension, at most 2048 characters.
    #[nim(rename = "notifyExt", max_len = 2048)]
    pub notify_ext: Option<String>,
    /// The nickname in the room, at most 64 characters.
    #[nim(max_len = 64)]
    pub nick: Option<String>,
    /// The avatar URL in the room (`avator` on the wire, sic).
    #[nim(rename = "avator")]
    pub avatar: Option<String>,
    /// The extension in the room, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub ext: Option<String>,
    /// Moderation business ids: a JSON object, `{"textbid":"..","picbid":".."}`.
    #[nim(custom = bid_object)]
    pub bid: Option<String>,
}

int_enum! {
    /// Which members [`ListChatroomMembers`] lists (`type`).
    pub enum ChatroomMemberListType: u8 {
        /// The fixed members, online or not: creator, managers, normal and restricted
        /// members (`0`).
        Fixed = 0,
        /// The online guests (`1`).
        OnlineGuests = 1,
        /// The online fixed members (`2`).
        OnlineFixed = 2,
    }
}

/// `chatroom/membersByPage.action`: a page of room `roomid`'s members of one
/// [`ChatroomMemberListType`], newest first (official member-list page). `endtime` is the
/// cursor: members that entered before it (`0`: now); the next page asks with the last
/// member's `enterTime`. `limit` is 1 to 100. Answers [`ChatroomMembers`] from `desc`.
/// Idempotent.
///
/// Every parameter is required and sent even when `0` (the Go SDK drops `type=0` and
/// `endtime=0`, which the server refuses as missing).
///
/// ```
/// use nim_api::chatroom::{ChatroomMemberListType, ListChatroomMembers};
/// # use nim_api::Endpoint as _;
///
/// let request = ListChatroomMembers::new(3000000001u64, ChatroomMemberListType::Fixed, 0u64, 100u32);
/// assert_eq!(request.to_form().unwrap(), "roomid=3000000001&type=0&endtime=0&limit=100");
/// let request = ListChatroomMembers::new(1u64, ChatroomMemberListType::OnlineGuests, 0u64, 101u32);
/// assert_eq!(request.validate().unwrap_err().field(), "limit");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/membersByPage.action", idempotent, setters,
      response = ChatroomMembers, response_field = "desc")]
pub struct ListChatroomMembers {
    /// The room.
    pub roomid: u64,
    /// Which members.
    pub r#type: ChatroomMemberListType,
    /// Members that entered before this time (Unix ms); `0`: now.
    pub endtime: u64,
    /// At most this many, 1 to 100.
    #[nim(min = 1, max = 100)]
    pub limit: u32,
}

/// Which fixed members [`QueryChatroomMembersByRole`] wants (`roles`, a JSON object in one
/// form field): any flag set selects; unset ones are left out.
///
/// ```
/// use nim_api::chatroom::ChatroomRoleFilter;
///
/// let roles = ChatroomRoleFilter::new().creator(true).manager(true);
/// assert_eq!(serde_json::to_string(&roles).unwrap(), r#"{"creator":true,"manager":true}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct ChatroomRoleFilter {
    /// The creator.
    pub creator: Option<bool>,
    /// The managers.
    pub manager: Option<bool>,
    /// The blacklisted members.
    pub blacklist: Option<bool>,
    /// The permanently chat-banned members.
    pub mute: Option<bool>,
}

/// `chatroom/queryMembersByRole.action`: room `roomid`'s fixed members having any role or
/// state `roles` selects, newest first, unpaged (at most 1000 fixed members); a filter
/// selecting nothing answers no one. Answers [`ChatroomMembers`] from `desc`.
/// Idempotent.
///
/// ```
/// use nim_api::chatroom::{ChatroomRoleFilter, QueryChatroomMembersByRole};
/// # use nim_api::Endpoint as _;
///
/// let request = QueryChatroomMembersByRole::new(3000000001u64, ChatroomRoleFilter::new().creator(true));
/// assert_eq!(request.to_form().unwrap(), "roomid=3000000001&roles=%7B%22creator%22%3Atrue%7D");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/queryMembersByRole.action", idempotent, setters,
      response = ChatroomMembers, response_field = "desc")]
pub struct QueryChatroomMembersByRole {
    /// The room.
    pub roomid: u64,
    /// The roles and states wanted.
    pub roles: ChatroomRoleFilter,
}

/// `chatroom/queryMembers.action`: the members among `accids` (1 to 200, each once; the
/// legacy official table) of room `roomid`: fixed members and online ones. Other accounts
/// are left out of the answer. Answers [`ChatroomMembers`] from `desc` (production may
/// send only `roomid`, `accid`, `nick`, `type` and `onlineStat`). Idempotent.
///
/// ```
/// use nim_api::chatroom::QueryChatroomMembers;
/// # use nim_api::Endpoint as _;
///
/// let request = QueryChatroomMembers::new(3000000001u64, ["ZhangSan", "lisi"]);
/// assert_eq!(request.to_form().unwrap(), "roomid=3000000001&accids=%5B%22zhangsan%22%2C%22lisi%22%5D");
/// assert_eq!(QueryChatroomMembers::new(1u64, ["a", "A"]).validate().unwrap_err().field(), "accids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/queryMembers.action", idempotent, setters,
      response = ChatroomMembers, response_field = "desc")]
pub struct QueryChatroomMembers {
    /// The room.
    pub roomid: u64,
    /// The accounts, 1 to 200.
    #[nim(min_items = 1, max_items = 200, unique)]
    pub accids: Vec<Accid>,
}
