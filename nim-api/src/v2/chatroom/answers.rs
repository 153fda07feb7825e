//! What the v2 chatroom operations answer: the room, its delay-close state, addresses and
//! open room ids. Numbers are read as numbers or as text holding one, yes/no members as
//! booleans, `0`/`1` or text (getChatroomInfo sends `in_out_notification` as a number).

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::callback::lenient::number;
use crate::chatroom::DelayClosePolicy;
use crate::message::number_or_string;
use crate::wire::{flag, optional_flag};

/// A room as createChatroom, getChatroomInfo, updateChatroomInfo and updateChatroomStatus
/// answer it (the Java SDK's room object; the Go SDK declares the update answers empty, the
/// Apifox update-status page shows the room: the docs win).
///
/// getChatroomInfo adds `in_out_notification`, `cdn_message_enable` and, when asked, the
/// online counts; members an answer leaves out read as `None`.
///
/// ```
/// use nim_api::v2::chatroom::ChatroomInfo;
///
/// let room: ChatroomInfo = serde_json::from_str(
///     r#"{"room_id":66,"valid":true,"creator":"zhangsan","room_name":"Lobby","chat_banned":false,
///         "queue_level":"1","in_out_notification":1,"online_user_count":3,"web_online_user_count":1}"#,
/// ).unwrap();
/// assert_eq!((room.room_id, room.queue_level, room.online_user_count), (66, Some(1), Some(3)));
/// assert_eq!(room.in_out_notification, Some(true));
/// assert_eq!(room.web_online_user_count, Some(1));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomInfo {
    /// The room id.
    #[serde(deserialize_with = "number_or_string")]
    pub room_id: u64,
    /// Open (`true`) or closed.
    #[serde(default, deserialize_with = "flag")]
    pub valid: bool,
    /// The creator.
    #[serde(default)]
    pub creator: String,
    /// The name.
    #[serde(default)]
    pub room_name: String,
    /// The announcement.
    #[serde(default)]
    pub announcement: Option<String>,
    /// The live-stream URL.
    #[serde(default)]
    pub live_url: Option<String>,
    /// The extension.
    #[serde(default)]
    pub extension: Option<String>,
    /// The room-wide chat ban: only the creator and managers speak.
    #[serde(default, deserialize_with = "optional_flag")]
    pub chat_banned: Option<bool>,
    /// Who may change the queue: 0 everyone, 1 the creator and managers.
    #[serde(default, deserialize_with = "number")]
    pub queue_level: Option<u8>,
    /// Whether entering and leaving send notifications (getChatroomInfo; sent as `1`/`0`).
    #[serde(default, deserialize_with = "optional_flag")]
    pub in_out_notification: Option<bool>,
    /// Whether messages are also delivered through the CDN (getChatroomInfo).
    #[serde(default, deserialize_with = "optional_flag")]
    pub cdn_message_enable: Option<bool>,
    /// How many accounts are online (getChatroomInfo with `need_online_user_count`).
    #[serde(default, deserialize_with = "number")]
    pub online_user_count: Option<u64>,
    /// Online iOS clients (with `online_user_count_by_type`).
    #[serde(default, deserialize_with = "number")]
    pub ios_online_user_count: Option<u64>,
    /// Online Android clients.
    #[serde(default, deserialize_with = "number")]
    pub android_online_user_count: Option<u64>,
    /// Online PC clients.
    #[serde(default, deserialize_with = "number")]
    pub pc_online_user_count: Option<u64>,
    /// Online web clients.
    #[serde(default, deserialize_with = "number")]
    pub web_online_user_count: Option<u64>,
    /// Online macOS clients.
    #[serde(default, deserialize_with = "number")]
    pub mac_online_user_count: Option<u64>,
    /// Online HarmonyOS clients (both SDKs; not on the Apifox page).
    #[serde(default, deserialize_with = "number")]
    pub harmony_online_user_count: Option<u64>,
    /// The delay-close state.
    #[serde(default)]
    pub delay_info: Option<ChatroomDelayInfo>,
}

/// A room's delay-close state (`delay_info`). `status` and `start_time` are in both SDKs
/// and explained by no source (the emulator answers `status` 1 while a countdown runs).
///
/// ```
/// use nim_api::chatroom::DelayClosePolicy;
/// use nim_api::v2::chatroom::ChatroomDelayInfo;
///
/// let info: ChatroomDelayInfo = serde_json::from_str(
///     r#"{"delay_close_enable":true,"delay_close_policy":2,"delay_seconds":"600","status":0}"#,
/// ).unwrap();
/// assert_eq!(info.policy(), Some(DelayClosePolicy::WhenIdle));
/// assert_eq!(info.delay_seconds, Some(600));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomDelayInfo {
    /// Whether a policy other than 0 is set.
    #[serde(default, deserialize_with = "flag")]
    pub delay_close_enable: bool,
    /// The policy number (see [`policy`](Self::policy)).
    #[serde(default, deserialize_with = "number")]
    pub delay_close_policy: Option<u8>,
    /// The countdown's length, in seconds.
    #[serde(default, deserialize_with = "number")]
    pub delay_seconds: Option<u64>,
    /// Undocumented state number.
    #[serde(default, deserialize_with = "number")]
    pub status: Option<i64>,
    /// When the countdown began (Unix ms).
    #[serde(default, deserialize_with = "number")]
    pub start_time: Option<u64>,
}

impl ChatroomDelayInfo {
    /// The policy, if the answer names a known one.
    pub fn policy(&self) -> Option<DelayClosePolicy> {
        self.delay_close_policy
            .and_then(DelayClosePolicy::from_number)
    }
}

/// [`GetChatroomAddress`](super::GetChatroomAddress)'s answer: `host:port` addresses.
///
/// ```
/// use nim_api::v2::chatroom::ChatroomAddressList;
///
/// let list: ChatroomAddressList = serde_json::from_str(r#"{"items":["a.example:443"]}"#).unwrap();
/// assert_eq!(list.items, ["a.example:443"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomAddressList {
    /// The addresses.
    #[serde(default)]
    pub items: Vec<String>,
}

/// [`QueryOpenChatrooms`](super::QueryOpenChatrooms)'s answer: room ids, which both SDKs
/// read as strings; read as numbers or strings.
///
/// ```
/// use nim_api::v2::chatroom::OpenChatrooms;
///
/// let open: OpenChatrooms = serde_json::from_str(r#"{"items":["1274643577",66]}"#).unwrap();
/// assert_eq!(open.items, [1274643577, 66]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct OpenChatrooms {
    /// The open rooms' ids.
    #[serde(default, deserialize_with = "ids")]
    pub items: Vec<u64>,
}

/// Room ids, each a number or text holding one; absent or `null` is empty.
fn ids<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u64>, D::Error> {
    let items = Option::<Vec<Value>>::deserialize(d)?.unwrap_or_default();
    items
        .iter()
        .map(|item| match item {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        })
        .collect::<Option<Vec<u64>>>()
        .ok_or_else(|| serde::de::Error::custom("expected a list of room ids"))
}
