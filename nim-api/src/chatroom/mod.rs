//! Every v1 chatroom action (`chatroom/*.action`, 聊天室, and the chatroom history paths):
//! the room lifecycle (create, read one or several, update, open and close, delay close, the
//! enter/leave notification switch, connection addresses, a creator's open rooms); member
//! roles and bans ([`SetChatroomMemberRole`], [`TemporaryMute`], [`TagTemporaryMute`],
//! [`MuteChatroom`]); the members themselves (lists, profile, tags, kicks) and robots;
//! messages (sending one, a batch, to given members or to every room, recalling and
//! deleting, and the history by time or by the senders' tags; the content is a
//! [`Message`](crate::message::Message) written as `msgType` and `attach`,
//! [`ChatroomContent`]); and the room's key/value queue, described in
//! [the queue](#the-queue) below. The v2 twins are in [`crate::v2::chatroom`],
//! [`crate::v2::chatroom_member`], [`crate::v2::chatroom_message`] and
//! [`crate::v2::chatroom_queue`].
//!
//! Facts: the official docs (2024 pages for create, open/close, delay close and open rooms;
//! the English page for addresses; the legacy official tables for get, getBatch, update and
//! the in/out switch) and both official server SDKs (Go and Java). Where the two SDKs
//! disagree the docs win; where both agree against the docs the SDKs win; each action says
//! which where it matters.
//!
//! - A room id (`roomid`) is sent as a decimal integer. Answers read ids as numbers or
//!   strings (production sends `queryUserRoomIds` ids as strings), and yes/no members as
//!   booleans, `0`/`1` or text.
//! - Accounts are [`Accid`](crate::Accid)s, checked and sent lowercased.
//! - Booleans and coded values are **always sent when set, `false` and `0` included**: the
//!   Go SDK drops them and so can never close a room (`valid=false`), turn the enter/leave
//!   notifications back on (`close=false`) or set delay policy 0.
//! - Codes the server answers: 403 no permission (not the creator), 404 no such room, 414
//!   bad parameters, 417 the room already is in the requested state, 13002 the room is
//!   closed, 13003 the account is on the room's blacklist.
//! - Members: kick, the in-room profile, the member lists (by page, by role, by account)
//!   and tags, answered as [`ChatroomMember`] records. A member is *fixed* (creator,
//!   managers, normal and restricted members, kept while offline) or a guest, in the room
//!   only while online; roles are [`MemberRole`].
//! - Rate limit: every chatroom action has 100 calls per second per app (then 416 and a
//!   10 s block).
//!
//! ```
//! use nim_api::chatroom::{CreateChatroom, DelayClosePolicy, ToggleChatroomStatus};
//! # use nim_api::Endpoint as _;
//!
//! let create = CreateChatroom::new("zhangsan", "Lobby")
//!     .delay_close_policy(DelayClosePolicy::WhenIdle)
//!     .delay_seconds(3600u64);
//! assert!(create.validate().is_ok());
//! let close = ToggleChatroomStatus::new(3000000001u64, "zhangsan", false);
//! assert_eq!(close.to_form().unwrap(), "roomid=3000000001&operator=zhangsan&valid=false");
//! ```
//!
//! # The queue
//!
//! The room's queue (聊天室队列, `chatroom/queue*.action`): an ordered key/value list, one
//! per room, that the client SDKs use for mic queues and the like. The v2
//! [`chatroom_queue`](crate::v2::chatroom_queue) family acts on the same queue.
//!
//! Facts: the official pages "聊天室队列元素管理" (offer; 2024 and 2025 versions), "初始化队列",
//! the legacy official tables (init, poll, list, batch update), and both official server SDKs
//! (batch offer and multi-get exist only there). Where they disagree:
//!
//! - `sizeLimit` of [`InitChatroomQueue`] is required (the docs), not optional with a default
//!   of 50 (the Java SDK): the docs win.
//! - An offer's `operator` must be in the room unless it is the creator (403; the 2025 page
//!   and the Java SDK; older pages let an offline operator through).
//! - `transient=true` while its owner is not in the room is 403 (the docs; the Java SDK's
//!   Javadoc says 302).
//! - The Go SDK reads most of these answers only when `desc` is JSON *text*; production sends
//!   an object, which the answers here read (their lists also as JSON text).
//!
//! Rules the server applies: keys are unique, new keys go to the tail, an existing key is
//! updated in place and its writer becomes its owner; a transient element is deleted when its
//! owner's last connection leaves the room. Codes: 403 operator refused, 404 no such room (or
//! element, for poll), 414 bad parameters, 419 a new key for a full queue (unconfirmed code),
//! 13002 the room is closed.
//!
//! ```
//! use nim_api::chatroom::{OfferChatroomQueue, PollChatroomQueue};
//! # use nim_api::Endpoint as _;
//!
//! let offer = OfferChatroomQueue::new(3000000001u64, "mic-1", "zhangsan").transient(true);
//! assert_eq!(offer.to_form().unwrap(), "roomid=3000000001&key=mic-1&value=zhangsan&transient=true");
//! let head = PollChatroomQueue::new(3000000001u64);
//! assert_eq!(head.to_form().unwrap(), "roomid=3000000001");
//! ```

mod address;
mod answers;
mod batch_item;
mod content;
mod history;
mod lifecycle;
mod member;
mod members;
mod messages;
mod mutes;
mod notify;
mod queries;
mod queue;
mod robots;
mod roles;
mod room_mute;
mod send_options;
mod sent;
mod status;
mod tags;

pub use address::{AddressClientType, ChatroomAddresses, RequestChatroomAddress};
pub use answers::{Chatroom, DelayInfo};
pub use batch_item::ChatroomMsgItem;
pub use content::{ChatroomContent, MAX_ATTACH_CHARS};
pub use history::{
    ChatroomHistory, ChatroomHistoryMessage, DeleteChatroomHistoryMessage, QueryChatroomHistory,
    QueryChatroomTagHistory, RecallChatroomMsg,
};
pub use lifecycle::{CreateChatroom, UpdateChatroom};
pub use member::{ChatroomMember, ChatroomMembers};
pub use members::{
    ChatroomMemberListType, ChatroomRoleFilter, KickChatroomMember, ListChatroomMembers,
    QueryChatroomMembers, QueryChatroomMembersByRole, UpdateChatroomMemberProfile,
};
pub use messages::{
    BatchSendChatroomMsg, BatchSendChatroomMsgToSomeone, BroadcastChatroomMsg, SendChatroomMsg,
    SendChatroomMsgToSomeone,
};
pub use mutes::{MUTE_SECONDS_MAX, MuteDuration, TagTemporaryMute, TemporaryMute};
pub use notify::ChatroomNotify;
pub use queries::{
    ChatroomBatch, GetChatroom, GetChatrooms, OpenChatroomIds, QueryOpenChatroomIds,
};
pub use queue::*;
pub use robots::{
    AddChatroomRobots, ClearChatroomRobots, RemoveChatroomRobots, RobotResult, RobotsCleaned,
};
pub use roles::{MemberRoleChange, MemberRoleOption, SetChatroomMemberRole};
pub use room_mute::{MuteChatroom, RoomMuteResult};
pub use send_options::{ChatroomDelivery, ChatroomSendCommon, SpatialPosition};
pub use sent::{ChatroomBatchSent, SentChatroomMsg, chatroom_body};
pub use status::{ToggleChatroomStatus, UpdateChatroomDelayClose, UpdateChatroomInOutNotification};
pub(crate) use tags::tag_set;
pub use tags::{
    CountChatroomTaggedMembers, QueryChatroomTaggedMembers, TAG_EXPRESSION_MAX, TAG_MAX, TAGS_MAX,
    TaggedMemberCount, UpdateChatroomMemberTags,
};

use crate::validate::ValidationError;
use crate::wire::int_enum;

/// The longest delay-close countdown, in seconds (7 days): the v2 docs' maximum, and the
/// v1 docs' default when a policy is set without seconds.
pub const DELAY_SECONDS_MAX: u64 = 604_800;

/// `bid` (create, update) must be a JSON object, `{"textbid":"..","picbid":".."}` (the
/// docs), as the emulator requires it too: checked before sending.
fn bid_object(bid: &Option<String>) -> Result<(), ValidationError> {
    match bid {
        Some(text)
            if !serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| v.is_object()) =>
        {
            Err(ValidationError::custom(
                "",
                r#"must be a JSON object, e.g. {"textbid":"..","picbid":".."}"#,
            ))
        }
        _ => Ok(()),
    }
}

int_enum! {
    /// When a room closes on its own (`delayClosePolicy`). The feature must be enabled in
    /// the console, and only rooms created after it was enabled support it; closing is
    /// best effort, not to the second.
    pub enum DelayClosePolicy: u8 {
        /// Never (`0`).
        Never = 0,
        /// `delaySeconds` after the policy was set, whoever is inside (`1`).
        AtFixedTime = 1,
        /// `delaySeconds` after the room became empty (`2`).
        WhenIdle = 2,
    }
}

int_enum! {
    /// Who may change the room's queue (`queuelevel`).
    pub enum QueueLevel: u8 {
        /// Everyone in the room (`0`, the default).
        Everyone = 0,
        /// The creator and the managers (`1`).
        Managers = 1,
    }
}

int_enum! {
    /// A member's role in a room: the v2 `member_role` number, shared by the v2
    /// `chatroom_member` requests and every member answer. The v1 answers spell the same
    /// roles as `type` strings (`COMMON`, `CREATOR`, `MANAGER`, `TEMPORARY`, `ANONYMOUS`),
    /// with `LIMITED` for a blacklisted or chat-banned member, which v2 shows as flags.
    pub enum MemberRole: u8 {
        /// A normal fixed member (`0`, v1 `COMMON`).
        Normal = 0,
        /// The creator (`1`).
        Creator = 1,
        /// A manager (`2`).
        Manager = 2,
        /// A guest, in the room only while online (`3`, v1 `TEMPORARY`).
        Guest = 3,
        /// An anonymous guest, not a registered account (`4`).
        AnonymousGuest = 4,
        /// A virtual member (`5`, v1 robot).
        Virtual = 5,
    }
}

crate::catalogue::family! {
    "chatroom::";
    CreateChatroom, GetChatroom, GetChatrooms, UpdateChatroom, ToggleChatroomStatus,
    UpdateChatroomDelayClose, UpdateChatroomInOutNotification, RequestChatroomAddress,
    QueryOpenChatroomIds,
    SetChatroomMemberRole, TemporaryMute, TagTemporaryMute,
    MuteChatroom, AddChatroomRobots, RemoveChatroomRobots, ClearChatroomRobots,
    InitChatroomQueue, DropChatroomQueue, OfferChatroomQueue, BatchOfferChatroomQueue,
    BatchUpdateChatroomQueue, ListChatroomQueue, PollChatroomQueue, GetChatroomQueueElements,
    KickChatroomMember, UpdateChatroomMemberProfile, ListChatroomMembers,
    QueryChatroomMembersByRole, QueryChatroomMembers, CountChatroomTaggedMembers,
    QueryChatroomTaggedMembers, UpdateChatroomMemberTags,
    SendChatroomMsg, BatchSendChatroomMsg, RecallChatroomMsg, SendChatroomMsgToSomeone,
    BatchSendChatroomMsgToSomeone, BroadcastChatroomMsg, QueryChatroomHistory,
    DeleteChatroomHistoryMessage, QueryChatroomTagHistory,
}
