//! The eight queue actions.

use super::answers::{BatchOffered, BatchUpdated, PolledElement, QueueChanged, QueueEntries};
use super::shapes::{QueueOfferElement, QueuePriority, QueueValues, keys_fit};
use crate::Accid;
use crate::chatroom::ChatroomNotify;

/// `chatroom/queueInit.action` (初始化队列): sets the most elements room `roomid`'s queue holds
/// (`sizeLimit`, 0 to 1000). Required here as the docs say (the Java SDK makes it optional
/// with 50 as the default, the limit a room has before any init; the Go SDK cannot send 0).
/// Elements over a lowered limit are kept, but no new key is added until the queue is below
/// it. Answers nothing but the code. Idempotent.
///
/// ```
/// use nim_api::chatroom::InitChatroomQueue;
/// # use nim_api::Endpoint as _;
///
/// let request = InitChatroomQueue::new(3000000001u64, 0u64);
/// assert_eq!(request.to_form().unwrap(), "roomid=3000000001&sizeLimit=0");
/// assert_eq!(InitChatroomQueue::new(1u64, 1001u64).validate().unwrap_err().field(), "sizeLimit");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/queueInit.action", idempotent, setters)]
pub struct InitChatroomQueue {
    /// The room.
    pub roomid: u64,
    /// The most elements, 0 to 1000.
    #[nim(rename = "sizeLimit", max = 1000)]
    pub size_limit: u64,
}

/// `chatroom/queueDrop.action` (删除清理队列): removes every element of room `roomid`'s queue
/// (its limit stays) and notifies the room. Idempotent.
///
/// ```
/// use nim_api::chatroom::{DropChatroomQueue, QueuePriority};
/// # use nim_api::Endpoint as _;
///
/// let request = DropChatroomQueue::new(3000000001u64).priority(QueuePriority::new().high_priority(false));
/// assert_eq!(request.to_form().unwrap(), "roomid=3000000001&highPriority=0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/queueDrop.action", idempotent, setters, response = QueueChanged,
      response_field = "desc")]
pub struct DropChatroomQueue {
    /// The room.
    pub roomid: u64,
    /// The notification's priority.
    #[nim(flatten, default)]
    pub priority: QueuePriority,
}

/// `chatroom/queueOffer.action` (往聊天室有序队列中新加或更新元素): adds `key` at the tail of
/// room `roomid`'s queue, or updates its value in place; `operator` (default: the creator)
/// becomes its owner.
///
/// `operator` must be online in the room unless it is the creator (403; an account that does
/// not exist is 404); `transient` elements are deleted when their owner's last connection
/// leaves, and need the owner in the room (403). A new key for a full queue is refused.
/// Idempotent: a repeat writes the same value.
///
/// ```
/// use nim_api::chatroom::OfferChatroomQueue;
/// # use nim_api::Endpoint as _;
///
/// let request = OfferChatroomQueue::new(3000000001u64, "mic-1", "on").operator("LiSi");
/// assert_eq!(request.to_form().unwrap(), "roomid=3000000001&key=mic-1&value=on&operator=lisi");
/// let long = OfferChatroomQueue::new(1u64, "k".repeat(129), "on");
/// assert_eq!(long.validate().unwrap_err().field(), "key");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/queueOffer.action", idempotent, setters, response = QueueChanged,
      response_field = "desc")]
pub struct OfferChatroomQueue {
    /// The room.
    pub roomid: u64,
    /// The key, 1 to 128 characters.
    #[nim(required, max_len = 128)]
    pub key: String,
    /// The value, 1 to 4096 characters.
    #[nim(required, max_len = 4096)]
    pub value: String,
    /// Who writes and owns it (default: the creator).
    pub operator: Option<Accid>,
    /// Deleted when its owner leaves the room (default: no).
    pub transient: Option<bool>,
    /// The notification's priority.
    #[nim(flatten, default)]
    pub priority: QueuePriority,
}

/// `chatroom/queueBatchOffer.action` (批量添加队列元素): adds or updates up to 100 elements of
/// room `roomid`'s queue at once, each as [`OfferChatroomQueue`] would.
///
/// From both SDKs (no page was readable). Elements that could not be stored are listed in the
/// answer's `failedKeys` while the others are stored. The per-call maximum is not documented
/// (100, the client SDK's batch limit, is checked here: unconfirmed). Idempotent.
///
/// ```
/// use nim_api::chatroom::{BatchOfferChatroomQueue, QueueOfferElement};
/// # use nim_api::Endpoint as _;
///
/// let request = BatchOfferChatroomQueue::new(7u64, [QueueOfferElement::new("mic-1", "on")]);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=7&elements=%5B%7B%22key%22%3A%22mic-1%22%2C%22value%22%3A%22on%22%7D%5D"
/// );
/// let none = BatchOfferChatroomQueue::new(7u64, Vec::<QueueOfferElement>::new());
/// assert_eq!(none.validate().unwrap_err().field(), "elements");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/queueBatchOffer.action", idempotent, setters, response = BatchOffered,
      response_field = "desc")]
pub struct BatchOfferChatroomQueue {
    /// The room.
    pub roomid: u64,
    /// The elements, 1 to 100.
    #[nim(min_items = 1, max_items = 100)]
    pub elements: Vec<QueueOfferElement>,
    /// Who writes (default: the creator); the owner of elements without `accid`.
    pub operator: Option<Accid>,
    /// The `transient` of elements that do not set their own.
    pub transient: Option<bool>,
    /// Whether and how the room is notified.
    #[nim(flatten, default)]
    pub notify: ChatroomNotify,
    /// The notification's priority.
    #[nim(flatten, default)]
    pub priority: QueuePriority,
}

/// `chatroom/queueBatchUpdateElements.action` (批量更新队列元素): `operator`, the creator or a
/// manager (403 otherwise), changes the values of keys of room `roomid`'s queue in place.
/// Keys not in the queue are not added: the answer lists them. The room is notified unless
/// `needNotify` is false (the server's default is true; the client SDK's own batch update
/// defaults to false). Idempotent.
///
/// ```
/// use nim_api::chatroom::{BatchUpdateChatroomQueue, ChatroomNotify, QueueValues};
/// # use nim_api::Endpoint as _;
///
/// let values: QueueValues = [("mic-1", "off")].into_iter().collect();
/// let request = BatchUpdateChatroomQueue::new(7u64, "ZhangSan", values)
///     .notify(ChatroomNotify::new().need_notify(false));
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=7&operator=zhangsan&elements=%7B%22mic-1%22%3A%22off%22%7D&needNotify=false"
/// );
/// let empty = BatchUpdateChatroomQueue::new(7u64, "zhangsan", QueueValues::default());
/// assert_eq!(empty.validate().unwrap_err().field(), "elements");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/queueBatchUpdateElements.action", idempotent, setters,
      response = BatchUpdated, response_field = "desc")]
pub struct BatchUpdateChatroomQueue {
    /// The room.
    pub roomid: u64,
    /// The creator or a manager.
    pub operator: Accid,
    /// The new values by key, 1 to 200.
    pub elements: QueueValues,
    /// Whether and how the room is notified.
    #[nim(flatten, default)]
    pub notify: ChatroomNotify,
    /// The notification's priority.
    #[nim(flatten, default)]
    pub priority: QueuePriority,
}

/// `chatroom/queueList.action` (排序列出队列中所有元素): every element of room `roomid`'s queue,
/// head first, as key and value (owners and the transient flag are in the v2
/// [`QueryChatroomQueueElements`](crate::v2::chatroom_queue::QueryChatroomQueueElements)
/// answer only). Idempotent.
///
/// ```
/// use nim_api::chatroom::ListChatroomQueue;
/// # use nim_api::Endpoint as _;
///
/// assert_eq!(ListChatroomQueue::new(7u64).to_form().unwrap(), "roomid=7");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/queueList.action", idempotent, setters, response = QueueEntries,
      response_field = "desc")]
pub struct ListChatroomQueue {
    /// The room.
    pub roomid: u64,
}

/// `chatroom/queuePoll.action` (从队列中取出元素): removes and answers the element of `key`,
/// or the head of room `roomid`'s queue without one. 404 when there is none (unconfirmed
/// code: no page names it). Not idempotent: a repeat takes another element.
///
/// ```
/// use nim_api::chatroom::PollChatroomQueue;
/// # use nim_api::Endpoint as _;
///
/// let request = PollChatroomQueue::new(7u64).key("mic-1");
/// assert_eq!(request.to_form().unwrap(), "roomid=7&key=mic-1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/queuePoll.action", setters, response = PolledElement,
      response_field = "desc")]
pub struct PollChatroomQueue {
    /// The room.
    pub roomid: u64,
    /// The key to take, at most 128 characters (absent: the head).
    #[nim(max_len = 128)]
    pub key: Option<String>,
    /// The notification's priority.
    #[nim(flatten, default)]
    pub priority: QueuePriority,
}

/// `chatroom/queueMultiGet.action` (获取指定的队列元素): the elements of `keys` in room
/// `roomid`'s queue, without removing them. From both SDKs; keys not in the queue are left
/// out of the answer (the Java SDK could not read a `null` value). Idempotent.
///
/// ```
/// use nim_api::chatroom::GetChatroomQueueElements;
/// # use nim_api::Endpoint as _;
///
/// let request = GetChatroomQueueElements::new(7u64, ["mic-1", "mic-2"]);
/// assert_eq!(request.to_form().unwrap(), "roomid=7&keys=%5B%22mic-1%22%2C%22mic-2%22%5D");
/// let none = GetChatroomQueueElements::new(7u64, Vec::<String>::new());
/// assert_eq!(none.validate().unwrap_err().field(), "keys");
/// let long = GetChatroomQueueElements::new(7u64, ["a".to_owned(), "k".repeat(129)]);
/// assert_eq!(long.validate().unwrap_err().field(), "keys[1]");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/queueMultiGet.action", idempotent, setters, response = QueueEntries,
      response_field = "desc")]
pub struct GetChatroomQueueElements {
    /// The room.
    pub roomid: u64,
    /// The keys, at least one, each 1 to 128 characters.
    #[nim(min_items = 1, custom = keys_fit)]
    pub keys: Vec<String>,
}
