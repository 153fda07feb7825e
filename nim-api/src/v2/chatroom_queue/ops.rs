//! The five operations.

use super::answers::{ChatroomQueue, ChatroomQueueDeleted, ChatroomQueueUpdated, QueueElement};
use super::{QueueElementWrite, QueueNotificationConfig};
use crate::Accid;
use crate::chatroom::optional_keys_fit;
use crate::v2::message::RouteConfig;

/// `POST /im/v2/room_queues/{room_id}` (initializeChatroomQueue; v1 `queueInit`): sets the
/// most elements the room's queue holds (`queue_size_limit`, 0 to 1000; default 100). On a
/// queue with elements it only changes the limit: elements over a lowered limit stay, and no
/// new key is added until the queue is below it. Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_queue::InitializeChatroomQueue;
/// # use nim_api::Endpoint as _;
///
/// let request = InitializeChatroomQueue::new(3000000001u64).queue_size_limit(10u32);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/room_queues/3000000001");
/// assert_eq!(encoded.body.unwrap().1, r#"{"queue_size_limit":10}"#);
/// assert!(request.queue_size_limit(1001u32).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_queues/{room_id}", idempotent, setters)]
pub struct InitializeChatroomQueue {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// The most elements, 0 to 1000 (default 100).
    #[nim(max = 1000)]
    pub queue_size_limit: Option<u32>,
    /// Whether the change is copied to the app server.
    pub route_config: Option<RouteConfig>,
}

/// `POST /im/v2/room_queues/{room_id}/actions/query` (queryChatroomQueueElements; v1
/// `queueList` and `queueMultiGet`): the elements of `element_key_list` (absent or empty:
/// all), with their owners and transient flags, and the queue's limit and size. Keys not in
/// the queue are left out. Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_queue::QueryChatroomQueueElements;
/// # use nim_api::Endpoint as _;
///
/// let request = QueryChatroomQueueElements::new(7u64).element_key_list(["mic-1"]);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/room_queues/7/actions/query");
/// assert_eq!(encoded.body.unwrap().1, r#"{"element_key_list":["mic-1"]}"#);
/// let empty = QueryChatroomQueueElements::new(7u64).element_key_list([""]);
/// assert_eq!(empty.validate().unwrap_err().field(), "element_key_list[0]");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_queues/{room_id}/actions/query", idempotent, setters,
      response = ChatroomQueue)]
pub struct QueryChatroomQueueElements {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// The keys to read, each 1 to 128 characters (absent: every element).
    #[nim(custom = optional_keys_fit)]
    pub element_key_list: Option<Vec<String>>,
    /// Whether the read is copied to the app server.
    pub route_config: Option<RouteConfig>,
}

/// `PATCH /im/v2/room_queues/{room_id}` (updateChatroomQueue; v1 `queueOffer`,
/// `queueBatchOffer`, `queueBatchUpdateElements`): `operator_account_id` writes up to 100
/// elements, each by its [`ElementAddPolicy`](super::ElementAddPolicy).
///
/// The method is PATCH as the official API list, the Apifox page and the Java SDK send it
/// (one Go SDK version sends PUT). The operator must be online in the room unless it is the
/// creator (403; unknown account 404). Elements that fail (an add-only key that exists, an
/// update-only key that does not, a new key for a full queue, a transient element whose owner
/// is not in the room) are listed in `failed_element_list` and the rest are written. The
/// per-call maximum of 100 is the client SDK's (no server page gives one). Not idempotent:
/// an add-only element repeated fails.
///
/// ```
/// use nim_api::v2::chatroom_queue::{QueueElementWrite, UpdateChatroomQueue};
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateChatroomQueue::new(7u64, "ZhangSan", [QueueElementWrite::new("mic-1", "on")]);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.method, nim_api::Method::Patch);
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"operator_account_id":"zhangsan","element_list":[{"element_key":"mic-1","element_value":"on"}]}"#
/// );
/// let none = UpdateChatroomQueue::new(7u64, "zhangsan", Vec::<QueueElementWrite>::new());
/// assert_eq!(none.validate().unwrap_err().field(), "element_list");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_queues/{room_id}", method = "PATCH", setters,
      response = ChatroomQueueUpdated)]
pub struct UpdateChatroomQueue {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// Who writes: the creator, or an account online in the room.
    pub operator_account_id: Accid,
    /// The elements, 1 to 100.
    #[nim(min_items = 1, max_items = 100)]
    pub element_list: Vec<QueueElementWrite>,
    /// The room notification (sent by default).
    pub notification_config: Option<QueueNotificationConfig>,
    /// Whether the change is copied to the app server.
    pub route_config: Option<RouteConfig>,
}

/// `DELETE /im/v2/room_queues/{room_id}` (deleteChatroomQueue; v1 `queueDrop`): removes every
/// element, with a JSON body for the notification (the Apifox page). Answers how many there
/// were. Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_queue::{DeleteChatroomQueue, QueueNotificationConfig};
/// # use nim_api::Endpoint as _;
///
/// let request = DeleteChatroomQueue::new(7u64)
///     .notification_config(QueueNotificationConfig::new().notification_enabled(false));
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.method, nim_api::Method::Delete);
/// assert_eq!(encoded.body.unwrap().1, r#"{"notification_config":{"notification_enabled":false}}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_queues/{room_id}", method = "DELETE", idempotent, setters,
      response = ChatroomQueueDeleted)]
pub struct DeleteChatroomQueue {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// The room notification (sent by default).
    pub notification_config: Option<QueueNotificationConfig>,
    /// Whether the change is copied to the app server.
    pub route_config: Option<RouteConfig>,
}

/// `PATCH /im/v2/room_queues/{room_id}/actions/poll` (pollChatroomQueueElement; v1
/// `queuePoll`): removes and answers the element of `element_key`, or the head.
///
/// **PATCH**, as the official API list and the Java SDK send it; the Go SDK sends POST (the
/// docs win). `element_key` is optional (the docs; the Go SDK requires it). 404 when there is
/// no such element or the queue is empty. Not idempotent: a repeat takes another element.
///
/// ```
/// use nim_api::v2::chatroom_queue::PollChatroomQueueElement;
/// # use nim_api::Endpoint as _;
///
/// let encoded = PollChatroomQueueElement::new(7u64).encode().unwrap();
/// assert_eq!(encoded.method, nim_api::Method::Patch);
/// assert_eq!(encoded.path, "/im/v2/room_queues/7/actions/poll");
/// let long = PollChatroomQueueElement::new(7u64).element_key("k".repeat(129));
/// assert_eq!(long.validate().unwrap_err().field(), "element_key");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_queues/{room_id}/actions/poll", method = "PATCH", setters,
      response = QueueElement)]
pub struct PollChatroomQueueElement {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// The key to take, at most 128 characters (absent: the head).
    #[nim(max_len = 128)]
    pub element_key: Option<String>,
    /// The room notification (sent by default).
    pub notification_config: Option<QueueNotificationConfig>,
    /// Whether the change is copied to the app server.
    pub route_config: Option<RouteConfig>,
}
