//! Login and logout records of one account.

use serde::Deserialize;

use super::{Order, time_window};
use crate::Accid;
use crate::validate::ValidationError;
use crate::wire::json_or_text;

/// `history/queryUserEvents.action`: an account's logins and logouts in a time window, at
/// most `limit` (1 to 100) per call.
///
/// `begintime` must be earlier than `endtime` (milliseconds), or nothing is sent (the
/// server would answer 414 "bad time"). There is no `excludeMsgid` here: to page, move the
/// window to the last event's `timestamp`, and drop the events repeated at that instant.
///
/// ```
/// use nim_api::history::{Order, QueryUserEvents, UserEvents};
/// # use nim_api::Endpoint as _;
///
/// let request = QueryUserEvents::new("zhangsan", 1700000000000u64, 1700086400000u64, 50u32)
///     .reverse(Order::Ascending);
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     "accid=zhangsan&begintime=1700000000000&endtime=1700086400000&limit=50&reverse=1"
/// );
///
/// let answer: UserEvents = serde_json::from_str(
///     r#"{"size":1,"events":[{"accid":"zhangsan","timestamp":1700000001000,"eventType":2,
///         "clientIp":"10.0.0.1","sdkVersion":90,"clientType":"IOS","code":200}]}"#,
/// ).unwrap();
/// assert!(answer.events[0].is_login());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "history/queryUserEvents.action", idempotent, setters,
      response = UserEvents, custom = events_window)]
pub struct QueryUserEvents {
    /// The account.
    pub accid: Accid,
    /// The start of the window, in milliseconds; earlier than `endtime`.
    pub begintime: u64,
    /// The end of the window, in milliseconds.
    pub endtime: u64,
    /// The most events to answer, 1 to 100.
    #[nim(min = 1, max = 100)]
    pub limit: u32,
    /// Oldest or newest first (default newest first).
    pub reverse: Option<Order>,
}

fn events_window(request: &QueryUserEvents) -> Result<(), ValidationError> {
    time_window(request.begintime, request.endtime)
}

/// The answer to [`QueryUserEvents`] (top-level `size` and `events`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct UserEvents {
    /// How many events came back.
    #[serde(default)]
    pub size: u32,
    /// The events, in the requested order.
    #[serde(default, deserialize_with = "json_or_text")]
    pub events: Vec<UserEvent>,
}

/// One login or logout.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct UserEvent {
    /// The account.
    #[serde(default)]
    pub accid: String,
    /// When it happened, in milliseconds.
    #[serde(default)]
    pub timestamp: u64,
    /// `2` login, `3` logout (`eventType`).
    #[serde(default, rename = "eventType")]
    pub event_type: u32,
    /// The client's IP address.
    #[serde(default, rename = "clientIp")]
    pub client_ip: Option<String>,
    /// The client SDK's version number.
    #[serde(default, rename = "sdkVersion")]
    pub sdk_version: Option<u64>,
    /// The platform's name, e.g. `"IOS"` (text here, unlike a message's `fromclienttype`).
    #[serde(default, rename = "clientType")]
    pub client_type: Option<String>,
    /// The device id.
    #[serde(default, rename = "deviceId")]
    pub device_id: Option<String>,
    /// The custom tag set at login.
    #[serde(default, rename = "customTag")]
    pub custom_tag: Option<String>,
    /// The login's result code (200 success).
    #[serde(default)]
    pub code: Option<u32>,
}

impl UserEvent {
    /// Whether it is a login (`eventType` 2).
    pub fn is_login(&self) -> bool {
        self.event_type == 2
    }

    /// Whether it is a logout (`eventType` 3).
    pub fn is_logout(&self) -> bool {
        self.event_type == 3
    }
}
