//! What the v1 chatroom sends answer: the message as the room got it
//! ([`SentChatroomMsg`]), and the batch sends' successes and failures
//! ([`ChatroomBatchSent`]).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::message::{MessageBody, number_or_string};
use crate::wire::optional_flag;

/// A message as `sendMsg`, `sendMsgToSomeone` and `broadcast` answer it (`desc`), and as
/// the batch sends list each success.
///
/// Production sends `time`, `roomId` and `type` as strings (the Java SDK's live tests); both
/// strings and numbers are read. `highPriorityFlag` is there only for a high-priority
/// message, `msgAbandonFlag` only when `abandonRatio` dropped the message (the docs' example
/// spells it `"1"`); both read as `true` then.
///
/// ```
/// use nim_api::chatroom::SentChatroomMsg;
/// use nim_api::message::MessageBody;
///
/// let sent: SentChatroomMsg = serde_json::from_str(
///     r#"{"time":"1582775631790","fromAvator":"","msgid_client":"ebb6","fromClientType":"REST",
///         "attach":"hi","roomId":"159436937","fromAccount":"zhangsan","fromNick":"","type":"0","ext":""}"#,
/// ).unwrap();
/// assert_eq!((sent.time, sent.room_id, sent.msg_type), (1582775631790, 159436937, 0));
/// assert_eq!(sent.body(), MessageBody::Text("hi".into()));
/// assert_eq!(sent.high_priority_flag, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SentChatroomMsg {
    /// The server's time for it, in milliseconds: the `msgTimetag` of a recall or delete.
    #[serde(default, deserialize_with = "number_or_string")]
    pub time: u64,
    /// The client id (the request's `msgId`).
    #[serde(default)]
    pub msgid_client: String,
    /// The room.
    #[serde(default, rename = "roomId", deserialize_with = "number_or_string")]
    pub room_id: u64,
    /// The sender.
    #[serde(default, rename = "fromAccount")]
    pub from_account: String,
    /// The sender's nickname in the room (empty when it has none).
    #[serde(default, rename = "fromNick")]
    pub from_nick: String,
    /// The sender's avatar in the room (`fromAvator`, sic).
    #[serde(default, rename = "fromAvator")]
    pub from_avatar: String,
    /// The sender's client type: `REST` for the server API.
    #[serde(default, rename = "fromClientType")]
    pub from_client_type: String,
    /// The message type.
    #[serde(default, rename = "type", deserialize_with = "small_number")]
    pub msg_type: u32,
    /// The content as sent (`attach`).
    #[serde(default)]
    pub attach: String,
    /// The extension as sent (empty when none).
    #[serde(default)]
    pub ext: String,
    /// Sent as a high-priority message.
    #[serde(
        default,
        rename = "highPriorityFlag",
        deserialize_with = "optional_flag"
    )]
    pub high_priority_flag: Option<bool>,
    /// Dropped by `abandonRatio`.
    #[serde(default, rename = "msgAbandonFlag", deserialize_with = "optional_flag")]
    pub msg_abandon_flag: Option<bool>,
}

impl SentChatroomMsg {
    /// The content, typed by its type (see [`chatroom_body`]).
    pub fn body(&self) -> MessageBody {
        chatroom_body(self.msg_type, &self.attach)
    }
}

/// A chatroom message's content from its type and `attach`: the text itself for text (0)
/// and tip (10), the attachment's JSON otherwise; content without its type's shape is
/// [`MessageBody::Other`].
///
/// ```
/// use nim_api::chatroom::chatroom_body;
/// use nim_api::message::{Image, MessageBody};
///
/// assert_eq!(chatroom_body(10, "note"), MessageBody::Tip("note".into()));
/// assert_eq!(
///     chatroom_body(1, r#"{"url":"https://example.com/a.png"}"#),
///     MessageBody::Image(Image::new("https://example.com/a.png")),
/// );
/// ```
pub fn chatroom_body(msg_type: u32, attach: &str) -> MessageBody {
    match msg_type {
        0 => MessageBody::Text(attach.to_owned()),
        10 => MessageBody::Tip(attach.to_owned()),
        _ => {
            let content = serde_json::from_str(attach)
                .unwrap_or_else(|_| serde_json::Value::String(attach.to_owned()));
            MessageBody::from_v2(msg_type, None, Some(&content))
        }
    }
}

/// A `u32` sent as a number or a string holding one.
fn small_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let n = number_or_string(d)?;
    u32::try_from(n).map_err(serde::de::Error::custom)
}

/// The answer of `batchSendMsg` and `batchSendMsgToSomeone` (top level, not in `desc`):
/// `success`, a list of one-member objects `{"<msgId>": message}`, and `fail`, the same with
/// the reason as text. A partial failure is a successful call: look at [`fail`](Self::fail).
///
/// ```
/// use nim_api::chatroom::ChatroomBatchSent;
///
/// let answer: ChatroomBatchSent = serde_json::from_str(
///     r#"{"success":[{"m1":{"time":"5","type":0,"attach":"hi","roomId":7}}],
///         "fail":[{"m2":"bad attach"}]}"#,
/// ).unwrap();
/// assert_eq!(answer.sent("m1").unwrap().time, 5);
/// assert_eq!(answer.failed().collect::<Vec<_>>(), [("m2", "bad attach")]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomBatchSent {
    /// The messages sent, each keyed by its `msgId`.
    #[serde(default)]
    pub success: Vec<BTreeMap<String, SentChatroomMsg>>,
    /// The messages not sent, each keyed by its `msgId`, with the reason.
    #[serde(default)]
    pub fail: Vec<BTreeMap<String, String>>,
}

impl ChatroomBatchSent {
    /// The message sent with client id `msg_id`, if it was.
    pub fn sent(&self, msg_id: &str) -> Option<&SentChatroomMsg> {
        self.success.iter().find_map(|item| item.get(msg_id))
    }

    /// Each message not sent: its `msgId` and the reason.
    pub fn failed(&self) -> impl Iterator<Item = (&str, &str)> {
        self.fail
            .iter()
            .flat_map(|item| item.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }
}
