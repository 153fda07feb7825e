//! v2 `chatroom_member` family (`/im/v2/room_members/...`, `/im/v2.1/room_members/...`):
//! a room's members, their profile and tags, and kicks.
//!
//! The segment after `/room_members/` is an account (`{account_id}`: the member acted on)
//! or a room (`{room_id}`: the queries), as both official SDKs send it. Members are
//! answered as [`ChatroomMemberInfo`]; roles are [`MemberRole`](crate::chatroom::MemberRole).
//!
//! Codes: no v2 chatroom page's error table was found; the v1 chatroom codes are expected
//! (404 no such room or member not online, 403 no permission, 414 bad parameters), as the
//! client SDK's chatroom error codes also number them.

mod member;
mod members;
mod tags;

pub use member::{ChatroomMemberInfo, ChatroomMemberPage, OnlineInfo};
pub use members::{BatchQueryChatroomMembers, KickMember, UpdateOnlineMemberInfo};
pub use tags::{ListTaggedMembers, ModifyMemberTags, QueryTaggedMembersCount, TaggedMembersCount};

crate::catalogue::family! {
    "v2::chatroom_member::";
    UpdateOnlineMemberInfo, BatchQueryChatroomMembers, KickMember, ModifyMemberTags,
    QueryTaggedMembersCount, ListTaggedMembers,
}
