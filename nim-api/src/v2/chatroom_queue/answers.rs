//! What the queue operations answer (`data`).

use serde::Deserialize;

/// An element as query and poll answer it. `create_time` and `update_time` are read by the
/// Go SDK only (query); the Java SDK has neither.
///
/// ```
/// use nim_api::v2::chatroom_queue::QueueElement;
///
/// let element: QueueElement = serde_json::from_str(
///     r#"{"element_key":"mic-1","element_value":"on","element_account_id":"lisi","element_transient":true}"#,
/// ).unwrap();
/// assert_eq!(element.element_account_id, "lisi");
/// assert!(element.element_transient);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct QueueElement {
    /// The key.
    #[serde(default)]
    pub element_key: String,
    /// The value.
    #[serde(default)]
    pub element_value: String,
    /// The owner.
    #[serde(default)]
    pub element_account_id: String,
    /// Deleted when its owner leaves the room.
    #[serde(default)]
    pub element_transient: bool,
    /// When it was added (Unix ms), if answered.
    #[serde(default)]
    pub create_time: Option<u64>,
    /// When it last changed (Unix ms), if answered.
    #[serde(default)]
    pub update_time: Option<u64>,
}

/// The queue as query answers it: its limit, its size and the elements asked for, in queue
/// order.
///
/// ```
/// use nim_api::v2::chatroom_queue::ChatroomQueue;
///
/// let queue: ChatroomQueue = serde_json::from_str(
///     r#"{"room_id":7,"queue_size_limit":100,"queue_size":1,
///         "element_list":[{"element_key":"mic-1","element_value":"on"}]}"#,
/// ).unwrap();
/// assert_eq!((queue.queue_size_limit, queue.queue_size), (100, 1));
/// assert_eq!(queue.element_list[0].element_key, "mic-1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomQueue {
    /// The room.
    #[serde(default)]
    pub room_id: u64,
    /// The most elements it holds.
    #[serde(default)]
    pub queue_size_limit: u64,
    /// How many it holds.
    #[serde(default)]
    pub queue_size: u64,
    /// The elements.
    #[serde(default)]
    pub element_list: Vec<QueueElement>,
}

/// An element an update could not write, with the code it failed with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct FailedQueueElement {
    /// Its key.
    #[serde(default)]
    pub element_key: String,
    /// Why (the code the server answers).
    #[serde(default)]
    pub error_code: u32,
    /// Why, in words.
    #[serde(default)]
    pub error_msg: String,
}

/// What an update did: the keys added and updated, the elements that failed (a partial
/// failure is a successful call: look at `failed_element_list`), and the queue's size after.
///
/// ```
/// use nim_api::v2::chatroom_queue::ChatroomQueueUpdated;
///
/// let done: ChatroomQueueUpdated = serde_json::from_str(
///     r#"{"room_id":7,"queue_size_limit":1,"queue_size":1,"insert_element_list":["a"],
///         "update_element_list":[],"failed_element_list":[{"element_key":"b","error_code":419,"error_msg":"full"}]}"#,
/// ).unwrap();
/// assert_eq!(done.insert_element_list, ["a"]);
/// assert_eq!(done.failed_element_list[0].error_code, 419);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomQueueUpdated {
    /// The room.
    #[serde(default)]
    pub room_id: u64,
    /// The most elements the queue holds.
    #[serde(default)]
    pub queue_size_limit: u64,
    /// How many it holds now.
    #[serde(default)]
    pub queue_size: u64,
    /// The keys added.
    #[serde(default)]
    pub insert_element_list: Vec<String>,
    /// The keys updated.
    #[serde(default)]
    pub update_element_list: Vec<String>,
    /// The elements not written.
    #[serde(default)]
    pub failed_element_list: Vec<FailedQueueElement>,
}

/// What a delete did: the number of elements the queue held before (`queue_size`, the Java
/// SDK's Javadoc), and the notification's priority when it was sent.
///
/// ```
/// use nim_api::v2::chatroom_queue::ChatroomQueueDeleted;
///
/// let done: ChatroomQueueDeleted = serde_json::from_str(r#"{"room_id":7,"queue_size":3,"high_priority":0}"#).unwrap();
/// assert_eq!((done.queue_size, done.high_priority), (3, Some(0)));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomQueueDeleted {
    /// The room.
    #[serde(default)]
    pub room_id: u64,
    /// How many elements it held before.
    #[serde(default)]
    pub queue_size: u64,
    /// 1 when the notification was high priority (only when one was sent).
    #[serde(default)]
    pub high_priority: Option<u8>,
}
