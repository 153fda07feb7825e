//! The member lists of the `chatroom` family: listOnlineMembers, listFixedMembers.

use serde::Deserialize;

use crate::chatroom::MemberRole;
use crate::v2::chatroom_member::{ChatroomMemberInfo, ChatroomMemberPage};

/// A role in a `member_roles` query list, comma-joined by number (`1,2,0`).
impl crate::ListItem for MemberRole {
    fn write_json(&self, out: &mut String) {
        self.write_text(out);
    }
    fn write_text(&self, out: &mut String) {
        out.push_str(&self.as_number().to_string());
    }
}

/// `GET /im/v2/chatrooms/{room_id}/actions/list_online_members?offset=&limit=&member_roles=`
/// (listOnlineMembers): a page of the room's online members (fixed members online, guests,
/// anonymous guests; the Java SDK's Javadoc), of the roles `member_roles` lists (default
/// all), newest first. `offset` starts at 0 (always sent: the Java SDK fails without it);
/// `limit` is 1 to 100 (the v2 maximum is undocumented; 100 is the v1 twin's). Idempotent.
///
/// ```
/// use nim_api::chatroom::MemberRole;
/// use nim_api::v2::chatroom::ListOnlineMembers;
/// # use nim_api::Endpoint as _;
///
/// let request = ListOnlineMembers::new(3000000001u64, 100u32)
///     .member_roles([MemberRole::Creator, MemberRole::Manager]);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2/chatrooms/3000000001/actions/list_online_members?offset=0&limit=100&member_roles=1%2C2"
/// );
/// assert_eq!(ListOnlineMembers::new(1u64, 0u32).validate().unwrap_err().field(), "limit");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/chatrooms/{room_id}/actions/list_online_members", method = "GET",
      idempotent, setters, response = ChatroomMemberPage)]
pub struct ListOnlineMembers {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// Where the page starts (default 0).
    #[nim(query, default)]
    pub offset: u64,
    /// At most this many, 1 to 100.
    #[nim(query, min = 1, max = 100)]
    pub limit: u32,
    /// Only these roles (default: all).
    #[nim(query)]
    pub member_roles: Option<Vec<MemberRole>>,
}

/// `GET /im/v2/chatrooms/{room_id}/actions/list_members?member_roles=` (listFixedMembers,
/// the official "查询聊天室固定成员列表" page): the room's fixed members, online or not
/// (the creator, managers, normal members, and the blacklisted or chat-banned ones), of
/// the roles `member_roles` lists (default all). Unpaged: at most 1000 fixed members.
/// Idempotent.
///
/// ```
/// use nim_api::chatroom::MemberRole;
/// use nim_api::v2::chatroom::ListFixedMembers;
/// # use nim_api::Endpoint as _;
///
/// let request = ListFixedMembers::new(3000000001u64).member_roles([MemberRole::Normal]);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2/chatrooms/3000000001/actions/list_members?member_roles=0"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/chatrooms/{room_id}/actions/list_members", method = "GET", idempotent,
      setters, response = ChatroomMemberList)]
pub struct ListFixedMembers {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// Only these roles (default: all).
    #[nim(query)]
    pub member_roles: Option<Vec<MemberRole>>,
}

/// [`ListFixedMembers`]'s answer.
///
/// ```
/// use nim_api::v2::chatroom::ChatroomMemberList;
///
/// let list: ChatroomMemberList =
///     serde_json::from_str(r#"{"items":[{"account_id":"a","member_role":1,"is_online":false}]}"#).unwrap();
/// assert_eq!(list.items[0].account_id, "a");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomMemberList {
    /// The members.
    #[serde(default)]
    pub items: Vec<ChatroomMemberInfo>,
}
