//! The room object of the chatroom answers, and the lenient readers they share.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::DelayClosePolicy;
use crate::message::number_or_string;
use crate::wire::{flag, optional_flag, optional_number};

/// A room as the answers carry it. Each action sends its own subset: `create`,
/// `toggleCloseStat` and `updateDelayClosePolicy` add `queuelevel`, `muted` and
/// [`delay_info`](Self::delay_info); `get` and `getBatch` add `queuelevel`, `muted`,
/// `ionotify` and (when asked) `onlineusercount`; `update` has only the first seven members.
/// Members an answer leaves out read as `None` (texts unset on the room are left out too).
///
/// ```
/// use nim_api::chatroom::Chatroom;
///
/// let room: Chatroom = serde_json::from_str(
///     r#"{"roomid":"66","valid":true,"creator":"zhangsan","name":"Lobby","muted":false,
///         "queuelevel":"1","ionotify":1,"onlineusercount":3}"#,
/// ).unwrap();
/// assert_eq!((room.roomid, room.queuelevel, room.onlineusercount), (66, Some(1), Some(3)));
/// assert_eq!(room.ionotify, Some(true));
/// assert!(room.delay_info.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Chatroom {
    /// The room id.
    #[serde(deserialize_with = "number_or_string")]
    pub roomid: u64,
    /// Open (`true`) or closed.
    #[serde(default, deserialize_with = "flag")]
    pub valid: bool,
    /// The creator.
    #[serde(default)]
    pub creator: String,
    /// The name.
    #[serde(default)]
    pub name: String,
    /// The announcement.
    #[serde(default)]
    pub announcement: Option<String>,
    /// The live-stream URL.
    #[serde(default)]
    pub broadcasturl: Option<String>,
    /// The extension.
    #[serde(default)]
    pub ext: Option<String>,
    /// Who may change the queue: 0 everyone, 1 the creator and managers.
    #[serde(default, deserialize_with = "optional_number")]
    pub queuelevel: Option<u8>,
    /// The room-wide chat ban (only the creator and managers speak).
    #[serde(default, deserialize_with = "optional_flag")]
    pub muted: Option<bool>,
    /// Whether entering and leaving send notifications (`get`, `getBatch`).
    #[serde(default, deserialize_with = "optional_flag")]
    pub ionotify: Option<bool>,
    /// How many members are online (`get`, `getBatch` with `needOnlineUserCount`).
    #[serde(default, deserialize_with = "optional_number")]
    pub onlineusercount: Option<u64>,
    /// The delay-close state (`create`, `toggleCloseStat`, `updateDelayClosePolicy`).
    #[serde(default, rename = "delayInfo")]
    pub delay_info: Option<DelayInfo>,
}

/// A room's delay-close state (`delayInfo`). `status` is in both SDKs and explained by no
/// source (the emulator answers 1 while a countdown runs, 0 otherwise).
///
/// ```
/// use nim_api::chatroom::{DelayClosePolicy, DelayInfo};
///
/// let info: DelayInfo = serde_json::from_str(
///     r#"{"delayCloseEnable":true,"delayClosePolicy":2,"delaySeconds":"600","status":0,
///         "startTime":1700000000000}"#,
/// ).unwrap();
/// assert_eq!(info.policy(), Some(DelayClosePolicy::WhenIdle));
/// assert_eq!(info.delay_seconds, Some(600));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct DelayInfo {
    /// Whether a policy other than 0 is set.
    #[serde(default, rename = "delayCloseEnable", deserialize_with = "flag")]
    pub delay_close_enable: bool,
    /// The policy number (see [`policy`](Self::policy)).
    #[serde(
        default,
        rename = "delayClosePolicy",
        deserialize_with = "optional_number"
    )]
    pub delay_close_policy: Option<u8>,
    /// The countdown's length, in seconds.
    #[serde(default, rename = "delaySeconds", deserialize_with = "optional_number")]
    pub delay_seconds: Option<u64>,
    /// Undocumented state number.
    #[serde(default, deserialize_with = "optional_number")]
    pub status: Option<i64>,
    /// When the policy was set (Unix ms).
    #[serde(default, rename = "startTime", deserialize_with = "optional_number")]
    pub start_time: Option<u64>,
}

impl DelayInfo {
    /// The policy, if the answer names a known one.
    pub fn policy(&self) -> Option<DelayClosePolicy> {
        self.delay_close_policy
            .and_then(DelayClosePolicy::from_number)
    }
}

/// A list of ids, each a number or text holding one, sent as an array or as text holding
/// one; absent or `null` is empty.
pub(super) fn id_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u64>, D::Error> {
    let invalid = || serde::de::Error::custom("expected a list of ids");
    let items = match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(Value::String(text)) if text.trim().is_empty() => return Ok(Vec::new()),
        Some(Value::String(text)) => serde_json::from_str(&text).map_err(|_| invalid())?,
        Some(_) => return Err(invalid()),
    };
    items
        .iter()
        .map(|item| match item {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        })
        .collect::<Option<Vec<u64>>>()
        .ok_or_else(invalid)
}
