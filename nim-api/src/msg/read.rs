//! v1 read receipts: one-to-one (`msg/markReadMsg`) and team (`msg/markReadTeamMsg`).

use serde::Deserialize;

use crate::Accid;
use crate::message::{MessageClientId, MessageServerId};

/// `msg/markReadMsg.action`: sends a one-to-one read receipt: `from` (who received the
/// message) has read it, and `to` (who sent it) is told.
///
/// The message is named by its **client** id (`msgidClient`, camelCase as both SDKs send
/// it; history answers call it `msgidclient`). Rate limit: 100 calls per second per app.
/// Not idempotent.
///
/// ```
/// use nim_api::msg::MarkReadMsg;
/// # use nim_api::Endpoint as _;
///
/// let request = MarkReadMsg::new("lisi", "zhangsan", "c0ffee");
/// assert_eq!(request.encode().unwrap().body.unwrap().1, "from=lisi&to=zhangsan&msgidClient=c0ffee");
/// assert!(MarkReadMsg::new("lisi", "zhangsan", "").validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "msg/markReadMsg.action", setters, response = ReadReceipt, response_field = "data")]
pub struct MarkReadMsg {
    /// The account sending the receipt: the message's receiver.
    pub from: Accid,
    /// The account getting the receipt: the message's sender.
    pub to: Accid,
    /// The client id of the message read (`msgidClient`).
    #[nim(rename = "msgidClient")]
    pub msgid_client: MessageClientId,
}

/// The answer to [`MarkReadMsg`] (its `data`, which may be absent).
///
/// ```
/// use nim_api::msg::ReadReceipt;
///
/// let receipt: ReadReceipt = serde_json::from_str(r#"{"timestamp":1700000000000}"#).unwrap();
/// assert_eq!(receipt.timestamp, Some(1700000000000));
/// let none: ReadReceipt = serde_json::from_str("null").unwrap();
/// assert_eq!(none.timestamp, None);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(from = "Option<ReceiptData>")]
#[non_exhaustive]
pub struct ReadReceipt {
    /// When the receipt was recorded, in milliseconds.
    pub timestamp: Option<u64>,
}

#[derive(Deserialize)]
struct ReceiptData {
    #[serde(default)]
    timestamp: Option<u64>,
}

impl From<Option<ReceiptData>> for ReadReceipt {
    fn from(data: Option<ReceiptData>) -> Self {
        ReadReceipt {
            timestamp: data.and_then(|d| d.timestamp),
        }
    }
}

/// `msg/markReadTeamMsg.action`: marks team messages read for one member.
///
/// The messages are named by their **server** ids and must have been sent with
/// `markRead=1`. The ids that could not be marked come back in the answer
/// ([`TeamReadReceipt::is_complete`]). Rate limit: 100 calls per second per app. Not
/// idempotent.
///
/// ```
/// use nim_api::msg::MarkReadTeamMsg;
/// # use nim_api::Endpoint as _;
///
/// let request = MarkReadTeamMsg::new("lisi", 123456u64, [1u64, 2]);
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     "accid=lisi&tid=123456&msgids=%5B1%2C2%5D"
/// );
/// assert!(MarkReadTeamMsg::new("lisi", 123456u64, Vec::<u64>::new()).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "msg/markReadTeamMsg.action", setters, response = TeamReadReceipt,
      response_field = "data")]
pub struct MarkReadTeamMsg {
    /// The member who has read the messages.
    pub accid: Accid,
    /// The team id.
    pub tid: u64,
    /// The server ids of the messages read, sent as a JSON array of numbers.
    #[nim(min_items = 1)]
    pub msgids: Vec<MessageServerId>,
}

/// The answer to [`MarkReadTeamMsg`] (its `data`, which may be absent).
///
/// ```
/// use nim_api::msg::TeamReadReceipt;
///
/// let answer: TeamReadReceipt = serde_json::from_str(r#"{"errMsgIds":[2]}"#).unwrap();
/// assert!(!answer.is_complete());
/// assert_eq!(answer.err_msg_ids[0].get(), 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(from = "Option<TeamReceiptData>")]
#[non_exhaustive]
pub struct TeamReadReceipt {
    /// The ids that could not be marked read.
    pub err_msg_ids: Vec<MessageServerId>,
}

impl TeamReadReceipt {
    /// Whether every message was marked read.
    pub fn is_complete(&self) -> bool {
        self.err_msg_ids.is_empty()
    }
}

#[derive(Deserialize)]
struct TeamReceiptData {
    #[serde(default, rename = "errMsgIds")]
    err_msg_ids: Option<Vec<MessageServerId>>,
}

impl From<Option<TeamReceiptData>> for TeamReadReceipt {
    fn from(data: Option<TeamReceiptData>) -> Self {
        TeamReadReceipt {
            err_msg_ids: data.and_then(|d| d.err_msg_ids).unwrap_or_default(),
        }
    }
}
