//! v2 `chatroom` family (聊天室, `/im/v2/chatrooms...`): make, read and change rooms, open and
//! close them, the room-wide chat ban, the enter/leave notification switch, connection
//! addresses, a creator's open rooms, and the lists of online and fixed members (answered as
//! [`ChatroomMemberInfo`](crate::v2::chatroom_member::ChatroomMemberInfo)). Acting on one
//! member is [`chatroom_member`](crate::v2::chatroom_member)'s.
//!
//! A room is the same room as the v1 [`chatroom`](crate::chatroom) actions see: one made here
//! is read by v1 `chatroom/get` and the other way round. The v2 names differ: `room_name`
//! (v1 `name`), `live_url` (`broadcasturl`), `extension` (`ext`), `chat_banned` (`muted`),
//! `in_out_notification` (`ionotify`).
//!
//! Facts: both official server SDKs (Java and Go: paths, fields, which go in the path, the
//! query or the body), the official v2 "开放/关闭聊天室" page (status, delay close) and the
//! official Apifox pages for getChatroomInfo and updateChatroomStatus; limits the v2 pages
//! do not show are the v1 "创建聊天室" page's. Where the SDKs disagree the docs win, where
//! both agree against the docs the SDKs win; each action says which where it matters.
//!
//! - **Booleans and numbers are always sent when set**, `false` and `0` included: the Go SDK
//!   drops them (`omitempty`) and so can never turn the enter/leave notifications off on
//!   create or set queue level 0 on update.
//! - **Codes.** No v2 chatroom page's error table was reached; the server answers the v1
//!   codes: 403 no permission, 404 no such room, 414 bad parameters, 417 the room already is
//!   in the requested state, 13002 the room is closed.
//!
//! ```
//! use nim_api::v2::chatroom::{CreateChatroom, DelayCloseSettings, UpdateChatroomStatus};
//! use nim_api::chatroom::DelayClosePolicy;
//! # use nim_api::Endpoint as _;
//!
//! let create = CreateChatroom::new("zhangsan", "Lobby").delay(
//!     DelayCloseSettings::new().delay_close_policy(DelayClosePolicy::WhenIdle).delay_seconds(3600u64),
//! );
//! assert!(create.validate().is_ok());
//! let close = UpdateChatroomStatus::new(3000000001u64, "zhangsan", false);
//! assert_eq!(close.encode().unwrap().body.unwrap().1, r#"{"operator_account_id":"zhangsan","valid":false}"#);
//! ```

mod answers;
mod members;
mod rooms;
mod shared;
mod status;

pub use answers::{ChatroomAddressList, ChatroomDelayInfo, ChatroomInfo, OpenChatrooms};
pub use members::{ChatroomMemberList, ListFixedMembers, ListOnlineMembers};
pub use rooms::{CreateChatroom, GetChatroomInfo, QueryOpenChatrooms, UpdateChatroomInfo};
pub use shared::{ChatroomTexts, DelayCloseSettings, RoomNotification};
pub use status::{
    GetChatroomAddress, ToggleChatroomMute, ToggleInOutNotification, UpdateChatroomStatus,
};

crate::catalogue::family! {
    "v2::chatroom::";
    CreateChatroom, GetChatroomAddress, GetChatroomInfo, UpdateChatroomInfo,
    UpdateChatroomStatus, ToggleChatroomMute, ToggleInOutNotification, QueryOpenChatrooms,
    ListOnlineMembers, ListFixedMembers,
}
