//! What the queue actions answer, all under `desc` (an object, as production sends it; the
//! Go SDK's readers expect JSON text there and lose these answers). Lists are read as arrays
//! or as JSON text holding one.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::wire::{lenient_list, optional_flag};

/// The answer of drop and offer: whether the change's notification went out as high
/// priority (`highPriority`; both SDKs read it, no page explains it). Production's live
/// answers show `{}`, read as `None`.
///
/// ```
/// use nim_api::chatroom::QueueChanged;
///
/// let answer: QueueChanged = serde_json::from_str(r#"{"highPriority":true}"#).unwrap();
/// assert_eq!(answer.high_priority, Some(true));
/// let empty: QueueChanged = serde_json::from_str("{}").unwrap();
/// assert_eq!(empty.high_priority, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct QueueChanged {
    /// Whether the notification was high priority.
    #[serde(default, rename = "highPriority", deserialize_with = "optional_flag")]
    pub high_priority: Option<bool>,
}

/// The answer of a batch offer: the keys that were not stored (`failedKeys`, an array or
/// JSON text holding one; the older Java SDK read it outside `desc`, the newer one and the Go
/// SDK inside: inside wins).
///
/// ```
/// use nim_api::chatroom::BatchOffered;
///
/// let answer: BatchOffered = serde_json::from_str(r#"{"failedKeys":"[\"mic-9\"]"}"#).unwrap();
/// assert_eq!(answer.failed_keys, ["mic-9"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct BatchOffered {
    /// The keys not stored (the others were).
    #[serde(default, rename = "failedKeys", deserialize_with = "lenient_list")]
    pub failed_keys: Vec<String>,
    /// Whether the notification was high priority.
    #[serde(default, rename = "highPriority", deserialize_with = "optional_flag")]
    pub high_priority: Option<bool>,
}

/// The answer of a batch update: the keys that were not in the queue (`noExistElementKey`),
/// which it did not add.
///
/// ```
/// use nim_api::chatroom::BatchUpdated;
///
/// let answer: BatchUpdated = serde_json::from_str(r#"{"noExistElementKey":[]}"#).unwrap();
/// assert!(answer.missing_keys.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct BatchUpdated {
    /// The keys not in the queue.
    #[serde(
        default,
        rename = "noExistElementKey",
        deserialize_with = "lenient_list"
    )]
    pub missing_keys: Vec<String>,
    /// Whether the notification was high priority.
    #[serde(default, rename = "highPriority", deserialize_with = "optional_flag")]
    pub high_priority: Option<bool>,
}

/// One element as list and multi-get answer it: a single-member object, `{"key":"value"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct QueueEntry {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
}

/// The elements that list and multi-get answer (`list`), head first (multi-get: in the order
/// the keys were asked; keys not in the queue are left out).
///
/// ```
/// use nim_api::chatroom::QueueEntries;
///
/// let answer: QueueEntries =
///     serde_json::from_str(r#"{"list":[{"mic-1":"zhangsan"},{"mic-2":"lisi"}]}"#).unwrap();
/// assert_eq!(answer.list[1].key, "mic-2");
/// assert_eq!(answer.list[1].value, "lisi");
/// assert_eq!(answer.get("mic-1"), Some("zhangsan"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct QueueEntries {
    /// The elements.
    #[serde(default, deserialize_with = "entries")]
    pub list: Vec<QueueEntry>,
}

impl QueueEntries {
    /// The value of `key`, if listed.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.list
            .iter()
            .find(|e| e.key == key)
            .map(|e| e.value.as_str())
    }
}

/// The polled element (`key`, `value`), gone from the queue.
///
/// ```
/// use nim_api::chatroom::PolledElement;
///
/// let answer: PolledElement = serde_json::from_str(r#"{"key":"mic-1","value":"on"}"#).unwrap();
/// assert_eq!((answer.key.as_str(), answer.value.as_str()), ("mic-1", "on"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct PolledElement {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
    /// Whether the notification was high priority.
    #[serde(default, rename = "highPriority", deserialize_with = "optional_flag")]
    pub high_priority: Option<bool>,
}

/// A list of single-member objects (an array, or JSON text holding one); values that are
/// not text are kept as their JSON text.
fn entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<QueueEntry>, D::Error> {
    let items: Vec<serde_json::Map<String, Value>> = match Value::deserialize(d)? {
        Value::Null => return Ok(Vec::new()),
        Value::String(text) if text.trim().is_empty() => return Ok(Vec::new()),
        Value::String(text) => serde_json::from_str(&text).map_err(serde::de::Error::custom)?,
        other => serde_json::from_value(other).map_err(serde::de::Error::custom)?,
    };
    Ok(items
        .into_iter()
        .flatten()
        .map(|(key, value)| QueueEntry {
            key,
            value: match value {
                Value::String(text) => text,
                other => other.to_string(),
            },
        })
        .collect())
}
