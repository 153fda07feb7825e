//! v1 broadcasts to every user of the app: send (`msg/broadcastMsg`) and delete
//! (`history/delBroadcastMsgById`). The queries are in [`history`](crate::history).

use serde::Deserialize;

use crate::message::number_or_string;
use crate::wire::lenient_list;
use crate::{Accid, ListItem};

/// A client platform a broadcast targets (`targetOs` item).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[non_exhaustive]
pub enum TargetOs {
    /// iOS (`"ios"`).
    #[serde(rename = "ios")]
    Ios,
    /// Android (`"aos"`).
    #[serde(rename = "aos")]
    Android,
    /// Windows PC (`"pc"`).
    #[serde(rename = "pc")]
    Pc,
    /// Web (`"web"`).
    #[serde(rename = "web")]
    Web,
    /// macOS (`"mac"`).
    #[serde(rename = "mac")]
    Mac,
}

impl TargetOs {
    /// The name the API uses.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetOs::Ios => "ios",
            TargetOs::Android => "aos",
            TargetOs::Pc => "pc",
            TargetOs::Web => "web",
            TargetOs::Mac => "mac",
        }
    }
}

impl ListItem for TargetOs {
    fn write_json(&self, out: &mut String) {
        // The names are plain ASCII letters: nothing to escape.
        out.push('"');
        out.push_str(self.as_str());
        out.push('"');
    }

    fn write_text(&self, out: &mut String) {
        out.push_str(self.as_str());
    }
}

/// `msg/broadcastMsg.action`: a broadcast to every user of the app (the feature must be
/// enabled in the console).
///
/// No third-party push, no roaming, no conversation entry; clients need IM SDK 4.3.0 or
/// later, and users not logged in to IM do not get it unless it is stored offline
/// (`isOffline`, for `ttl` hours, 7 days by default). Only the latest offline broadcasts
/// are kept (10,000 per the 2024 docs, 100 per the 2023 English page).
///
/// Rate limit: **10 calls per minute** per app (then 416 and a 1 minute block). Not
/// idempotent.
///
/// ```
/// use nim_api::msg::{BroadcastMsg, TargetOs};
/// # use nim_api::Endpoint as _;
///
/// let request = BroadcastMsg::new("maintenance at 2:00")
///     .is_offline(true)
///     .ttl(24u32)
///     .target_os([TargetOs::Ios, TargetOs::Android]);
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     "body=maintenance+at+2%3A00&isOffline=true&ttl=24&targetOs=%5B%22ios%22%2C%22aos%22%5D"
/// );
/// assert!(BroadcastMsg::new("").validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "msg/broadcastMsg.action", rate_limit = "10/min", setters, response = Broadcast, response_field = "msg")]
pub struct BroadcastMsg {
    /// The content, 1 to 4096 characters.
    #[nim(required, max_len = 4096)]
    pub body: String,
    /// The sender.
    pub from: Option<Accid>,
    /// Store it for users who are offline (`isOffline`; default `false`).
    #[nim(rename = "isOffline")]
    pub is_offline: Option<bool>,
    /// How long the offline copy is kept, in hours (default 168, 7 days); only with
    /// `isOffline`.
    pub ttl: Option<u32>,
    /// The platforms it goes to (`targetOs`, a JSON array); every platform when absent.
    #[nim(rename = "targetOs")]
    pub target_os: Option<Vec<TargetOs>>,
}

/// A broadcast, as [`BroadcastMsg`] and the broadcast queries answer it.
///
/// ```
/// use nim_api::msg::Broadcast;
///
/// let sent: Broadcast = serde_json::from_str(
///     r#"{"broadcastId":48174937359009,"body":"hi","targetOs":["ios"],
///         "isOffline":true,"createTime":1505466793520,"expireTime":1505502793520}"#,
/// ).unwrap();
/// assert_eq!(sent.broadcast_id, 48174937359009);
/// assert_eq!(sent.from, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Broadcast {
    /// Its id, unique in the app.
    #[serde(rename = "broadcastId", deserialize_with = "number_or_string")]
    pub broadcast_id: u64,
    /// The sender, when there is one.
    #[serde(default)]
    pub from: Option<String>,
    /// The content.
    #[serde(default)]
    pub body: String,
    /// The target platforms (`ios`, `aos`, `pc`, `web`, `mac`); empty means every one.
    #[serde(default, rename = "targetOs", deserialize_with = "lenient_list")]
    pub target_os: Vec<String>,
    /// Whether it is stored for offline users.
    #[serde(default, rename = "isOffline")]
    pub is_offline: bool,
    /// When it was created, in milliseconds.
    #[serde(default, rename = "createTime")]
    pub create_time: u64,
    /// When the offline copy expires, in milliseconds.
    #[serde(default, rename = "expireTime")]
    pub expire_time: Option<u64>,
}

/// `history/delBroadcastMsgById.action`: deletes one broadcast (the path is under
/// `history/`, the action belongs with the broadcast send).
///
/// Rate limit: 100 calls per second per app. Not idempotent.
///
/// ```
/// use nim_api::msg::DeleteBroadcastMsg;
/// # use nim_api::Endpoint as _;
///
/// let encoded = DeleteBroadcastMsg::new(48174937359009u64).encode().unwrap();
/// assert_eq!(encoded.path, "history/delBroadcastMsgById.action");
/// assert_eq!(encoded.body.unwrap().1, "broadcastId=48174937359009");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "history/delBroadcastMsgById.action", setters)]
pub struct DeleteBroadcastMsg {
    /// The id [`BroadcastMsg`] answered (`broadcastId`).
    #[nim(rename = "broadcastId")]
    pub broadcast_id: u64,
}
