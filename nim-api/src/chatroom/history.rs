//! A room's history (v1): recalling a message (`chatroom/recall`), deleting one silently
//! (`chatroom/deleteHistoryMessage`), and reading it (`history/queryChatroomMsg`, and by the
//! senders' tags `history/queryTagHistoryMsg`).
//!
//! A chatroom message is named by its client id (`msgId`), its sender and the server's time
//! for it (the `time` a send answers): recall needs all three, delete the last two.
//! Recalled and deleted messages are gone from both history queries.

use serde::Deserialize;
use serde_json::Value;

use super::chatroom_body;
use crate::Accid;
use crate::history::{Order, TypeFilter};
use crate::message::{MessageBody, MessageClientId, number_or_string};
use crate::wire::json_or_text;

/// `chatroom/recall.action`: `operatorAcc` recalls the message `msgId` that `fromAcc` sent
/// at `msgTimetag`: it leaves the cloud history and the room gets a recall notification
/// (clients need SDK 8.7.0 or later to show it).
///
/// No chatroom page gives a time limit or says who may recall; the emulator lets the
/// sender, the creator and the managers (403 for others). Production answers 200 for a
/// recall that matches no message (a live test with a wrong time); so does the emulator.
/// Idempotent.
///
/// ```
/// use nim_api::chatroom::RecallChatroomMsg;
/// # use nim_api::Endpoint as _;
///
/// let request = RecallChatroomMsg::new(7u64, 1700000000000u64, "m-1", "ZhangSan", "zhangsan")
///     .notify_ext(r#"{"why":"typo"}"#);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=7&msgTimetag=1700000000000&msgId=m-1&fromAcc=zhangsan&operatorAcc=zhangsan\
///      &notifyExt=%7B%22why%22%3A%22typo%22%7D"
/// );
/// let blank = RecallChatroomMsg::new(7u64, 1u64, "", "zhangsan", "zhangsan");
/// assert_eq!(blank.validate().unwrap_err().field(), "msgId.message_client_id");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/recall.action", idempotent, setters)]
pub struct RecallChatroomMsg {
    /// The room.
    pub roomid: u64,
    /// The message's time, in milliseconds (the send's `time`; `msgTimetag`).
    #[nim(rename = "msgTimetag")]
    pub msg_timetag: u64,
    /// The message's client id (`msgId`).
    #[nim(rename = "msgId")]
    pub msg_id: MessageClientId,
    /// Who sent it (`fromAcc`).
    #[nim(rename = "fromAcc")]
    pub from_acc: Accid,
    /// Who recalls (`operatorAcc`).
    #[nim(rename = "operatorAcc")]
    pub operator_acc: Accid,
    /// The recall notification's extension, at most 1024 characters (`notifyExt`).
    #[nim(rename = "notifyExt", max_len = 1024)]
    pub notify_ext: Option<String>,
}

/// `chatroom/deleteHistoryMessage.action`: deletes the message `fromAcc` sent at
/// `msgTimetag` from the cloud history, without notifying anyone. Idempotent.
///
/// ```
/// use nim_api::chatroom::DeleteChatroomHistoryMessage;
/// # use nim_api::Endpoint as _;
///
/// let request = DeleteChatroomHistoryMessage::new(7u64, "ZhangSan", 1700000000000u64);
/// assert_eq!(request.to_form().unwrap(), "roomid=7&fromAcc=zhangsan&msgTimetag=1700000000000");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/deleteHistoryMessage.action", idempotent, setters)]
pub struct DeleteChatroomHistoryMessage {
    /// The room.
    pub roomid: u64,
    /// Who sent it (`fromAcc`).
    #[nim(rename = "fromAcc")]
    pub from_acc: Accid,
    /// The message's time, in milliseconds (`msgTimetag`).
    #[nim(rename = "msgTimetag")]
    pub msg_timetag: u64,
}

/// `history/queryChatroomMsg.action`: up to `limit` (1 to 200) messages of room `roomid`,
/// as `accid` asks: with [`Order::Descending`] (the default) those before `timetag`, newest
/// first; with [`Order::Ascending`] those after it, oldest first (`timetag` in
/// milliseconds; 0 reads from now backwards). The next page starts at the last message's
/// `sendtime`. Rate limit: 1200 calls per minute. Idempotent.
///
/// ```
/// use nim_api::chatroom::QueryChatroomHistory;
/// use nim_api::history::Order;
/// # use nim_api::Endpoint as _;
///
/// let request = QueryChatroomHistory::new(7u64, "LiSi", 1700000000000u64, 50u32)
///     .reverse(Order::Ascending)
///     .types([0, 100]);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=7&accid=lisi&timetag=1700000000000&limit=50&reverse=1&type=0%2C100"
/// );
/// let too_many = QueryChatroomHistory::new(7u64, "lisi", 0u64, 201u32);
/// assert_eq!(too_many.validate().unwrap_err().field(), "limit");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "history/queryChatroomMsg.action", rate_limit = "1200/min", idempotent, setters,
      response = ChatroomHistory)]
pub struct QueryChatroomHistory {
    /// The room.
    pub roomid: u64,
    /// The account asking.
    pub accid: Accid,
    /// The anchor, in milliseconds: the start (ascending) or the end (descending); 0: now.
    pub timetag: u64,
    /// The most messages to answer, 1 to 200.
    #[nim(min = 1, max = 200)]
    pub limit: u32,
    /// Oldest or newest first (default newest first).
    pub reverse: Option<Order>,
    /// Only these message types (`type`, comma-joined): 0 text, 1 image, 2 audio, 3 video,
    /// 4 location, 5 notification, 6 file, 10 tip, 11 robot, 100 custom.
    #[nim(rename = "type")]
    pub types: Option<TypeFilter>,
}

/// `history/queryTagHistoryMsg.action`: the messages of room `roomId` whose senders had
/// one of `tags`, between `fromTime` and `toTime` (milliseconds), at most `limit`.
///
/// The path is the one both SDKs call (`history/`); the docs' API list says
/// `chatroom/queryTagHistoryMsg.action` (the emulator serves both). The parameter table of
/// the docs was not reachable: names and types are the SDKs'; `roomId` and `tags` are
/// required as no query makes sense without them; `limit` is held to 1 to 100 as for the
/// other chatroom queries (unconfirmed). `reverse` follows [`Order`]. Idempotent.
///
/// ```
/// use nim_api::chatroom::QueryChatroomTagHistory;
/// # use nim_api::Endpoint as _;
///
/// let request = QueryChatroomTagHistory::new(7u64, ["vip"]).limit(20u32);
/// assert_eq!(request.to_form().unwrap(), "roomId=7&tags=%5B%22vip%22%5D&limit=20");
/// let untagged = QueryChatroomTagHistory::new(7u64, Vec::<String>::new());
/// assert_eq!(untagged.validate().unwrap_err().field(), "tags");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "history/queryTagHistoryMsg.action", idempotent, setters,
      response = ChatroomHistory)]
pub struct QueryChatroomTagHistory {
    /// The room (`roomId`, spelled so by both SDKs).
    #[nim(rename = "roomId")]
    pub room_id: u64,
    /// The senders' tags to match, any of them (a JSON array).
    #[nim(min_items = 1, max_items = 100)]
    pub tags: Vec<String>,
    /// Only these message types, comma-joined.
    pub types: Option<TypeFilter>,
    /// From this time, in milliseconds (`fromTime`).
    #[nim(rename = "fromTime")]
    pub from_time: Option<u64>,
    /// Up to this time, in milliseconds (`toTime`).
    #[nim(rename = "toTime")]
    pub to_time: Option<u64>,
    /// The most messages to answer, 1 to 100.
    #[nim(min = 1, max = 100)]
    pub limit: Option<u32>,
    /// Oldest or newest first (default newest first).
    pub reverse: Option<Order>,
}

/// One message of a chatroom history answer.
///
/// `msgid` is the message's **client** id here (unlike the one-to-one and team histories);
/// the Java SDK reads it as a number for `queryTagHistoryMsg`, so it is read as text or as a
/// number. `body` is the `attach` as sent: the text itself for text and tip messages, the
/// attachment (an object, or text holding one) otherwise.
///
/// ```
/// use nim_api::chatroom::ChatroomHistoryMessage;
/// use nim_api::message::MessageBody;
///
/// let m: ChatroomHistoryMessage = serde_json::from_str(
///     r#"{"from":"zhangsan","msgid":"m-1","sendtime":"1700000000000","type":0,"fromclienttype":32,"body":"hi"}"#,
/// ).unwrap();
/// assert_eq!((m.msgid.as_str(), m.sendtime), ("m-1", 1700000000000));
/// assert_eq!(m.body(), MessageBody::Text("hi".into()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomHistoryMessage {
    /// The sender.
    #[serde(default)]
    pub from: String,
    /// The client id.
    #[serde(default, deserialize_with = "text_or_number")]
    pub msgid: String,
    /// The server's time for it, in milliseconds.
    #[serde(default, deserialize_with = "number_or_string")]
    pub sendtime: u64,
    /// The message type (5 for the server's notifications).
    #[serde(default, rename = "type")]
    pub msg_type: u32,
    /// The sender's platform: 1 Android, 2 iOS, 4 PC, 16 Web, 32 REST, 64 Mac.
    #[serde(default)]
    pub fromclienttype: Option<u32>,
    /// The content as the server sent it.
    #[serde(default)]
    pub body: Value,
    /// The extension, when the server sends it.
    #[serde(default)]
    pub ext: Option<String>,
}

impl ChatroomHistoryMessage {
    /// The content, typed by its type.
    pub fn body(&self) -> MessageBody {
        match &self.body {
            Value::String(text) => chatroom_body(self.msg_type, text),
            other => MessageBody::from_v2(self.msg_type, None, Some(other)),
        }
    }
}

/// Text, or a number read as its decimal text.
fn text_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match Value::deserialize(d)? {
        Value::String(text) => Ok(text),
        Value::Number(n) => Ok(n.to_string()),
        Value::Null => Ok(String::new()),
        other => Err(serde::de::Error::custom(format!("`{other}` is not an id"))),
    }
}

/// The answer of [`QueryChatroomHistory`] and [`QueryChatroomTagHistory`]: top-level
/// `size` and `msgs` (an array, or text holding one).
///
/// ```
/// use nim_api::chatroom::ChatroomHistory;
///
/// let page: ChatroomHistory = serde_json::from_str(
///     r#"{"size":1,"msgs":[{"from":"a","msgid":"m","sendtime":5,"type":0,"body":"x"}]}"#,
/// ).unwrap();
/// assert_eq!((page.size, page.msgs.len()), (1, 1));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomHistory {
    /// How many messages came back.
    #[serde(default)]
    pub size: u32,
    /// The messages, in the requested order.
    #[serde(default, deserialize_with = "json_or_text")]
    pub msgs: Vec<ChatroomHistoryMessage>,
}
