//! v2 `chatroom_queue` family (`/im/v2/room_queues/{room_id}`): initialize, query, update,
//! delete and poll a room's queue. It is the queue of the v1 `chatroom/queue*` actions
//! ([`crate::chatroom::OfferChatroomQueue`] and the rest): an element offered through v1 is
//! polled here, and the other way round.
//!
//! Facts: the official API list (paths, methods, the v1 action each one replaces), the
//! Apifox pages for update and delete, and both official SDKs. Where they disagree:
//!
//! - **poll** is `PATCH` (the official API list and the Java SDK); the Go SDK sends `POST`.
//!   The docs win; servers are expected to take both.
//! - **update** is `PATCH` (the official API list, the Apifox page, the Java SDK); one stored
//!   Go SDK version sends `PUT`.
//! - `operator_account_id` of update is required (both SDKs check it; the Apifox page marks it
//!   optional): the SDKs win.
//! - `element_key` of poll is optional (the docs: "the given element or the first"); the Go
//!   SDK requires it.
//! - `queue_size_limit` of initialize defaults to 100 (the Java SDK's Javadoc); its v1 default
//!   is 50.
//!
//! Codes: as the v1 actions (403, 404, 414, 419, 13002), with per-element failures of an update
//! in its answer's `failed_element_list`.

mod answers;
mod ops;

pub use answers::{
    ChatroomQueue, ChatroomQueueDeleted, ChatroomQueueUpdated, FailedQueueElement, QueueElement,
};
pub use ops::*;

use crate::Accid;
pub use crate::chatroom::HighPriorityPolicy;
use crate::wire::int_enum;

int_enum! {
    /// How an update treats the element's key (`element_add_policy`).
    pub enum ElementAddPolicy: u8 {
        /// Only add a new key (`0`): an existing key fails.
        AddOnly = 0,
        /// Only update an existing key (`1`): a missing key fails.
        UpdateOnly = 1,
        /// Add or update (`2`, the default).
        AddOrUpdate = 2,
    }
}

/// One element an update writes: `element_key` (1 to 128 characters), `element_value` (1 to
/// 4096), its owner (default: the operator; a writer becomes the owner of an existing
/// element too), whether it is transient (deleted when its owner leaves the room) and how a
/// present or absent key is treated.
///
/// ```
/// use nim_api::v2::chatroom_queue::{ElementAddPolicy, QueueElementWrite};
/// use nim_api::validate::Validate;
///
/// let element = QueueElementWrite::new("mic-1", "on").element_add_policy(ElementAddPolicy::AddOnly);
/// assert_eq!(
///     serde_json::to_string(&element).unwrap(),
///     r#"{"element_key":"mic-1","element_value":"on","element_add_policy":0}"#
/// );
/// assert_eq!(QueueElementWrite::new("mic-1", "").validate().unwrap_err().field(), "element_value");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Params)]
#[nim(setters)]
pub struct QueueElementWrite {
    /// The key, 1 to 128 characters.
    #[nim(required, max_len = 128)]
    pub element_key: String,
    /// The value, 1 to 4096 characters.
    #[nim(required, max_len = 4096)]
    pub element_value: String,
    /// The owner (default: the operator).
    pub element_account_id: Option<Accid>,
    /// Deleted when its owner's last connection leaves the room (default: no).
    pub element_transient: Option<bool>,
    /// Add, update or either (default: either).
    pub element_add_policy: Option<ElementAddPolicy>,
}

/// The room notification of an update, delete or poll (`notification_config`).
///
/// `high_priority` is a number here (0 normal, 1 high), unlike the boolean of messages.
///
/// ```
/// use nim_api::v2::chatroom_queue::QueueNotificationConfig;
/// use nim_api::validate::Validate;
///
/// let config = QueueNotificationConfig::new().notification_enabled(false).high_priority(1u8);
/// assert_eq!(
///     serde_json::to_string(&config).unwrap(),
///     r#"{"notification_enabled":false,"high_priority":1}"#
/// );
/// assert_eq!(config.high_priority(2u8).validate().unwrap_err().field(), "high_priority");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct QueueNotificationConfig {
    /// Notify the room (default `true`).
    pub notification_enabled: Option<bool>,
    /// The notification's extension, at most 2048 characters.
    #[nim(max_len = 2048)]
    pub notification_extension: Option<String>,
    /// 1: a high-priority notification (default 0).
    #[nim(max = 1)]
    pub high_priority: Option<u8>,
    /// What happens over the high-priority rate.
    pub high_priority_policy: Option<HighPriorityPolicy>,
}

crate::catalogue::family! {
    "v2::chatroom_queue::";
    InitializeChatroomQueue, QueryChatroomQueueElements, UpdateChatroomQueue,
    DeleteChatroomQueue, PollChatroomQueueElement,
}
