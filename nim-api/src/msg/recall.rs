//! v1 recalls: two-way (`msg/recall`) and one-way (`msg/delMsgOneWay`).

use crate::message::MessageServerId;
use crate::wire::int_enum;
use crate::{Accid, Form, FormValue};

int_enum! {
    /// The kind of message [`Recall`] recalls (`type`).
    pub enum RecallType: u8 {
        /// A one-to-one message (`7`).
        P2p = 7,
        /// A team message (`8`).
        Team = 8,
    }
}

/// `ignoreTime`: recall outside the recall window. Sent as `1` when `true`, not at all when
/// `false` (`1` is the only value the API defines).
///
/// ```
/// use nim_api::msg::IgnoreTime;
/// use nim_api::{Form, FormValue};
///
/// let mut form = Form::new();
/// IgnoreTime(true).write_form("ignoreTime", &mut form);
/// IgnoreTime(false).write_form("other", &mut form);
/// assert_eq!(form.finish(), "ignoreTime=1");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Deserialize)]
// Read by name (`nim call`, `ActionInfo::build`) as the value it wraps.
#[serde(transparent)]
pub struct IgnoreTime(pub bool);

impl From<bool> for IgnoreTime {
    fn from(ignore: bool) -> Self {
        IgnoreTime(ignore)
    }
}

impl FormValue for IgnoreTime {
    fn write_form(&self, name: &str, form: &mut Form) {
        if self.0 {
            form.append(name, "1");
        }
    }
}

/// `msg/recall.action`: recalls (撤回) a one-to-one or team message on both sides.
///
/// The recall window is 2 minutes by default, configurable in the console up to 7 days
/// (604800 s); outside it the server refuses (508) unless `ignoreTime` is set (the legacy
/// docs still limit that to messages of the last 30 days). A message that does not exist
/// (wrong ids) still answers 200: a success does not prove the message was recalled. A
/// sender who has left the team gets 403; a message blocked by moderation, 414.
///
/// `deleteMsgid` and `timetag` are the `msgid` and `timetag` that
/// [`SendMsg`](super::SendMsg) answered. Rate limit: 100 calls per second per app. Not
/// idempotent.
///
/// ```
/// use nim_api::msg::{Recall, RecallType};
/// # use nim_api::Endpoint as _;
///
/// let request = Recall::new(1234567890123u64, 1700000000000u64, RecallType::P2p, "zhangsan", "lisi")
///     .msg("recalled")
///     .ignore_time(true);
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     "deleteMsgid=1234567890123&timetag=1700000000000&type=7&from=zhangsan&to=lisi\
///      &msg=recalled&ignoreTime=1"
/// );
/// assert!(request.payload("{oops").validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "msg/recall.action", setters)]
pub struct Recall {
    /// The server id of the message to recall (`deleteMsgid`).
    #[nim(rename = "deleteMsgid")]
    pub delete_msgid: MessageServerId,
    /// The message's send time in milliseconds, as the send answered it.
    pub timetag: u64,
    /// One-to-one (`7`) or team (`8`) message (`type`).
    #[nim(rename = "type")]
    pub kind: RecallType,
    /// The message's sender.
    pub from: Accid,
    /// The message's receiver (one-to-one) or team id (team).
    pub to: Accid,
    /// The description shown for the recall, at most 128 characters (the server's default
    /// text when absent).
    #[nim(max_len = 128)]
    pub msg: Option<String>,
    /// Recall outside the recall window (`ignoreTime=1`).
    #[nim(rename = "ignoreTime")]
    pub ignore_time: Option<IgnoreTime>,
    /// The push text of the recall event (`pushcontent`). The server truncates it beyond
    /// 500 characters rather than refusing it, so nim-rs does not refuse it either.
    #[nim(rename = "pushcontent")]
    pub push_content: Option<String>,
    /// The push payload: JSON text, at most 2048 characters.
    #[nim(json, max_len = 2048)]
    pub payload: Option<String>,
    /// The webhook (抄送) environment configured in the console.
    pub env: Option<String>,
    /// Extension data carried with the recall, at most 5000 characters.
    #[nim(max_len = 5000)]
    pub attach: Option<String>,
}

int_enum! {
    /// The kind of message [`DeleteMsgOneWay`] recalls one way (`type`).
    pub enum OneWayRecallType: u8 {
        /// A one-to-one message (`13`).
        P2p = 13,
        /// A team message (`14`).
        Team = 14,
    }
}

/// `msg/delMsgOneWay.action`: a **one-way recall** (单向撤回) of a one-to-one or team
/// message, despite its path and the SDKs' name ("delete message one way").
///
/// Only the recalling side stops seeing the message; the other side keeps it. Clients need
/// IM SDK 7.2.0 or later to act on it. A sender who has left the team can still recall one
/// way. Whether the two-way recall window applies is not documented. Its `type` codes (13,
/// 14) differ from [`Recall`]'s (7, 8). Rate limit: 100 calls per second per app. Not
/// idempotent.
///
/// ```
/// use nim_api::msg::{DeleteMsgOneWay, OneWayRecallType};
/// # use nim_api::Endpoint as _;
///
/// let request = DeleteMsgOneWay::new(42u64, 1700000000000u64, OneWayRecallType::Team, "zhangsan", "123456");
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     "deleteMsgid=42&timetag=1700000000000&type=14&from=zhangsan&to=123456"
/// );
/// assert!(request.msg("x".repeat(129)).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "msg/delMsgOneWay.action", setters)]
pub struct DeleteMsgOneWay {
    /// The server id of the message to recall (`deleteMsgid`).
    #[nim(rename = "deleteMsgid")]
    pub delete_msgid: MessageServerId,
    /// The message's send time in milliseconds.
    pub timetag: u64,
    /// One-to-one (`13`) or team (`14`) message (`type`).
    #[nim(rename = "type")]
    pub kind: OneWayRecallType,
    /// The message's original sender.
    pub from: Accid,
    /// The message's receiver (one-to-one) or team id (team).
    pub to: Accid,
    /// The description, at most 128 characters (a "recalled a message" text when absent).
    #[nim(max_len = 128)]
    pub msg: Option<String>,
}
