//! v2 `chatroom_member` family (聊天室成员, `/im/v2/room_members...`): the members of a room
//! made by the [`chatroom`](crate::v2::chatroom) family (the same rooms as v1
//! [`chatroom`](crate::chatroom)). So far the virtual members.
//!
//! Facts: both official server SDKs (Java and Go: paths, fields, where each goes) and the
//! Java SDK's Javadoc; the v1 "Manage chatbots" page for the limits the v2 pages do not
//! show. Codes are the v1 chatroom codes (see [`chatroom`](crate::v2::chatroom)).

mod virtual_members;

pub use virtual_members::{
    AddVirtualMembers, ClearVirtualMembers, ClearedVirtualMembers, DeleteVirtualMembers,
    QueryVirtualMembers, VirtualMember, VirtualMemberInfo, VirtualMemberList,
};

crate::catalogue::family! {
    "v2::chatroom_member::";
    AddVirtualMembers, DeleteVirtualMembers, ClearVirtualMembers, QueryVirtualMembers,
}
