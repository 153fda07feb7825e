//! Broadcast queries (the send and delete are in [`msg`](crate::msg)).

use serde::Deserialize;

use crate::msg::Broadcast;
use crate::wire::int_enum;
use crate::wire::json_or_text;

int_enum! {
    /// Which broadcasts [`QueryBroadcastMsg`] lists (`type`).
    pub enum BroadcastFilter: u8 {
        /// Every broadcast (`1`, the default).
        All = 1,
        /// Only those stored for offline users (`2`).
        Offline = 2,
        /// Only those not stored offline (`3`).
        NotOffline = 3,
    }
}

/// `history/queryBroadcastMsg.action`: lists broadcasts, at most `limit` (1 to 100,
/// default 100), starting from `broadcastId` (default 0: the most recent ones; the
/// direction from a given id is not documented).
///
/// ```
/// use nim_api::history::{BroadcastFilter, BroadcastList, QueryBroadcastMsg};
/// # use nim_api::Endpoint as _;
///
/// let request = QueryBroadcastMsg::new().limit(10u32).kind(BroadcastFilter::Offline);
/// assert_eq!(request.encode().unwrap().body.unwrap().1, "limit=10&type=2");
/// assert!(request.limit(0u32).validate().is_err());
///
/// let answer: BroadcastList = serde_json::from_str(
///     r#"{"msgs":[{"broadcastId":1,"body":"hi","isOffline":false,"createTime":5}]}"#,
/// ).unwrap();
/// assert_eq!(answer.msgs[0].body, "hi");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "history/queryBroadcastMsg.action", idempotent, setters,
      response = BroadcastList)]
pub struct QueryBroadcastMsg {
    /// Start from this id (`broadcastId`; 0 or absent: the most recent).
    #[nim(rename = "broadcastId")]
    pub broadcast_id: Option<u64>,
    /// The most broadcasts to answer, 1 to 100 (default 100).
    #[nim(min = 1, max = 100)]
    pub limit: Option<u32>,
    /// Which broadcasts (`type`; default all).
    #[nim(rename = "type")]
    pub kind: Option<BroadcastFilter>,
}

/// The answer to [`QueryBroadcastMsg`] (top-level `msgs`, an array or text holding one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct BroadcastList {
    /// The broadcasts.
    #[serde(default, deserialize_with = "json_or_text")]
    pub msgs: Vec<Broadcast>,
}

/// `history/queryBroadcastMsgById.action`: one broadcast by its id.
///
/// ```
/// use nim_api::history::QueryBroadcastMsgById;
/// # use nim_api::Endpoint as _;
///
/// let request = QueryBroadcastMsgById::new(48174937359009u64);
/// assert_eq!(request.encode().unwrap().body.unwrap().1, "broadcastId=48174937359009");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "history/queryBroadcastMsgById.action", idempotent, setters,
      response = Broadcast, response_field = "msg")]
pub struct QueryBroadcastMsgById {
    /// The broadcast's id (`broadcastId`).
    #[nim(rename = "broadcastId")]
    pub broadcast_id: u64,
}
