//! v2 `chatroom` family (`/im/v2/chatrooms/...`): rooms, and their member lists.
//!
//! Members are answered as
//! [`ChatroomMemberInfo`](crate::v2::chatroom_member::ChatroomMemberInfo); roles are
//! [`MemberRole`](crate::chatroom::MemberRole).

mod members;

pub use members::{ChatroomMemberList, ListFixedMembers, ListOnlineMembers};

crate::catalogue::family! {
    "v2::chatroom::";
    ListOnlineMembers, ListFixedMembers,
}
