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
//!   an object. The answers here read both.
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

mod actions;
mod answers;
mod shapes;

pub use actions::*;
pub use answers::{
    BatchOffered, BatchUpdated, PolledElement, QueueChanged, QueueEntries, QueueEntry,
};
pub(crate) use shapes::optional_keys_fit;
pub use shapes::{HighPriorityPolicy, QueueNotify, QueueOfferElement, QueuePriority, QueueValues};
