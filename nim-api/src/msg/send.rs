//! v1 sends: one message to a user or a team (`msg/sendMsg`), one message to many users
//! (`msg/sendBatchMsg`).

use std::collections::HashMap;

use serde::Deserialize;

use crate::Accid;
use crate::message::{Message, MessageServerId, v1_message_rules};
use crate::validate::{Rule, ValidationError};
use crate::wire::{int_enum, lenient_list};

int_enum! {
    /// Whom [`SendMsg`] sends to (`ope`).
    pub enum Ope: u8 {
        /// A one-to-one message (`0`): `to` is an account.
        P2p = 0,
        /// An advanced-team message (`1`): `to` is a team id.
        Team = 1,
    }
}

/// Per-message switches (`option`), sent as JSON text. Every switch defaults to `true` when
/// unset; only the switches you set are sent.
///
/// ```
/// use nim_api::msg::MsgOption;
///
/// let option = MsgOption::new().push(false).need_push_nick(false);
/// assert_eq!(serde_json::to_string(&option).unwrap(), r#"{"push":false,"needPushNick":false}"#);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct MsgOption {
    /// Keep it for roaming (needs roaming enabled for the app).
    pub roam: Option<bool>,
    /// Store it in the cloud history.
    pub history: Option<bool>,
    /// Sync it to the sender's other devices.
    pub sendersync: Option<bool>,
    /// Send an OS push notification.
    pub push: Option<bool>,
    /// Forward it to the app's webhook (needs the webhook enabled).
    pub route: Option<bool>,
    /// Count it toward the unread badge.
    pub badge: Option<bool>,
    /// Prefix the push text with the sender's nickname.
    #[nim(rename = "needPushNick")]
    pub need_push_nick: Option<bool>,
    /// Store it as an offline message.
    pub persistent: Option<bool>,
    /// Make it the conversation's last message.
    #[nim(rename = "sessionUpdate")]
    pub session_update: Option<bool>,
}

/// `msg/sendMsg.action`: sends a message to an account (`ope` 0) or to an advanced team
/// (`ope` 1).
///
/// The message ([`Message`]) is written as `type`, `body` (its JSON text, at most 5000
/// characters), `msgDesc` and `subType`; v1 has no client id, so a message carrying one is
/// refused before sending.
///
/// Wire names: the push fields are sent as `pushContent`, `forcePushList`,
/// `forcePushContent` and `forcePushAll`, as both official SDKs (Java, Go) send them; the
/// docs spell them in lowercase (`pushcontent`, `forcepushlist`, ...). Where the two SDKs
/// agree against the docs, nim-rs follows the SDKs, which run against production.
///
/// Rate limit: 100 calls per second per app (then 416 and a 10 second block). Not
/// idempotent: a send whose outcome is unknown is never sent again automatically.
///
/// ```
/// use nim_api::message::Message;
/// use nim_api::msg::{MsgOption, Ope, SendMsg};
/// # use nim_api::Endpoint as _;
///
/// let request = SendMsg::new("ZhangSan", Ope::P2p, "lisi", Message::text("hi"))
///     .option(MsgOption::new().push(false))
///     .push_content("New message");
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "msg/sendMsg.action");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     "from=zhangsan&ope=0&to=lisi&type=0&body=%7B%22msg%22%3A%22hi%22%7D\
///      &option=%7B%22push%22%3Afalse%7D&pushContent=New+message"
/// );
///
/// // A team message forcing a push to two members.
/// let team = SendMsg::new("zhangsan", Ope::Team, "123456", Message::text("@lisi @wangwu"))
///     .force_push_list(["lisi", "wangwu"])
///     .force_push_content("You were mentioned");
/// assert!(team.validate().is_ok());
/// // v1 sends have no client id.
/// let with_id = SendMsg::new("zhangsan", Ope::P2p, "lisi", Message::text("hi").client_id("x"));
/// assert!(with_id.validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "msg/sendMsg.action", setters, response = SendMsgResponse, response_field = "data")]
pub struct SendMsg {
    /// The sender.
    pub from: Accid,
    /// One-to-one or team.
    pub ope: Ope,
    /// The receiving account (`ope` 0) or the team id (`ope` 1), at most 32 characters.
    pub to: Accid,
    /// The message: sent as `type`, `body`, `msgDesc` and `subType`.
    #[nim(flatten, custom = crate::message::v1_message_rules)]
    pub message: Message,
    /// For a custom message: moderate `antispamCustom` instead of `body` (default `false`).
    pub antispam: Option<bool>,
    /// What to moderate when `antispam` is `true`: JSON text like
    /// `{"type":1,"data":"…"}` (1 text, 2 image URL), at most 5000 characters.
    #[nim(rename = "antispamCustom", json, max_len = 5000)]
    pub antispam_custom: Option<String>,
    /// Per-message switches, sent as JSON text.
    pub option: Option<MsgOption>,
    /// The push text, at most 500 characters (sent as `pushContent`; the docs say
    /// `pushcontent`, see above).
    #[nim(rename = "pushContent", max_len = 500)]
    pub push_content: Option<String>,
    /// The push payload: JSON text, at most 2048 characters.
    #[nim(json, max_len = 2048)]
    pub payload: Option<String>,
    /// The developer's extension: JSON text, at most 1024 characters.
    #[nim(json, max_len = 1024)]
    pub ext: Option<String>,
    /// Team messages: the members that get a forced push (e.g. @-mentions), sent as a JSON
    /// array (`forcePushList`; the docs say `forcepushlist`). Too many gives code 811.
    #[nim(rename = "forcePushList")]
    pub force_push_list: Option<Vec<Accid>>,
    /// The text of the forced push, at most 500 characters (`forcePushContent`).
    #[nim(rename = "forcePushContent", max_len = 500)]
    pub force_push_content: Option<String>,
    /// Team messages: force a push to every valid member but the sender (`forcePushAll`;
    /// default `false`).
    #[nim(rename = "forcePushAll")]
    pub force_push_all: Option<bool>,
    /// The moderation business id for this message.
    pub bid: Option<String>,
    /// `0`: skip GuardEase (易盾) moderation and use the generic filter for this message
    /// (`useYidun`; `0` is the only documented value).
    #[nim(rename = "useYidun", one_of = [0])]
    pub use_yidun: Option<u8>,
    /// Anti-cheat fields passed to GuardEase: JSON text, at most 1024 characters.
    #[nim(rename = "yidunAntiCheating", json, max_len = 1024)]
    pub yidun_anti_cheating: Option<String>,
    /// Extra moderation fields passed to GuardEase: JSON text, at most 1024 characters (in
    /// the SDKs, not in the docs).
    #[nim(rename = "yidunAntiSpamExt", json, max_len = 1024)]
    pub yidun_anti_spam_ext: Option<String>,
    /// Team messages: `1` enables read receipts (`markRead`, `0` or `1`).
    #[nim(rename = "markRead", one_of = [0, 1])]
    pub mark_read: Option<u8>,
    /// Deliver only if sender and receiver are friends (`checkFriend`; default `false`; the
    /// feature must be enabled).
    #[nim(rename = "checkFriend")]
    pub check_friend: Option<bool>,
    /// `1`: the sender gets no sync, roaming or history of this message (`0` or `1`).
    #[nim(rename = "msgSenderNoSense", one_of = [0, 1])]
    pub msg_sender_no_sense: Option<u8>,
    /// `1`: the receiver gets no sync, roaming or history of this message (`0` or `1`).
    #[nim(rename = "msgReceiverNoSense", one_of = [0, 1])]
    pub msg_receiver_no_sense: Option<u8>,
    /// The webhook (抄送) environment configured in the console, at most 32 characters (the
    /// limit documented for sendAttachMsg's `env`).
    #[nim(max_len = 32)]
    pub env: Option<String>,
    /// Send asynchronously (`async`; in the SDKs, not in the docs).
    #[nim(rename = "async")]
    pub async_send: Option<bool>,
    /// Team messages: the robot account (`robotAccount`; in the SDKs, not in the docs).
    #[nim(rename = "robotAccount")]
    pub robot_account: Option<Accid>,
    /// The robot topic (`robotTopic`; in the SDKs, not in the docs).
    #[nim(rename = "robotTopic")]
    pub robot_topic: Option<String>,
    /// The robot function (`robotFunction`; in the SDKs, not in the docs).
    #[nim(rename = "robotFunction")]
    pub robot_function: Option<String>,
    /// The robot's custom content (`robotCustomContent`; in the SDKs, not in the docs).
    #[nim(rename = "robotCustomContent")]
    pub robot_custom_content: Option<String>,
}

/// The answer to [`SendMsg`] (the `data` member).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SendMsgResponse {
    /// The message's server id: recall or delete it with this.
    pub msgid: MessageServerId,
    /// When the server took it, in milliseconds (a recall needs it as `timetag`).
    pub timetag: u64,
    /// `true` when moderation intercepted the message.
    #[serde(default)]
    pub antispam: bool,
}

impl SendMsgResponse {
    /// A response as the server would send it: for faking the client in your own tests.
    pub fn new(msgid: impl Into<MessageServerId>, timetag: u64, antispam: bool) -> Self {
        SendMsgResponse {
            msgid: msgid.into(),
            timetag,
            antispam,
        }
    }
}

/// The most receivers of one [`SendBatchMsg`] that asks for the message ids.
pub const MAX_BATCH_RECEIVERS_WITH_MSGIDS: usize = 100;

/// `msg/sendBatchMsg.action`: sends one message to up to 500 accounts (one-to-one), at most
/// 100 when `returnMsgid` is `true`.
///
/// **A partial failure is a success**: receivers that do not exist are reported in the
/// answer's `unregister`, not refused. Always check [`SendBatchMsgResponse::is_complete`]
/// (or [`unregistered`](SendBatchMsgResponse::unregistered)).
///
/// The docs give no `subType` for the batch send, so a message with a sub-type is refused
/// before sending. `pushContent` is spelled as both official SDKs send it (the docs say
/// `pushcontent`; see [`SendMsg`]).
///
/// Rate limit: 120 calls per minute per app (then 416 and a 1 minute block). Not
/// idempotent.
///
/// ```
/// use nim_api::message::Message;
/// use nim_api::msg::{SendBatchMsg, SendBatchMsgResponse};
/// # use nim_api::Endpoint as _;
///
/// let request = SendBatchMsg::new("zhangsan", ["LiSi", "wangwu"], Message::text("hi"))
///     .return_msgid(true);
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     "fromAccid=zhangsan&toAccids=%5B%22lisi%22%2C%22wangwu%22%5D&type=0\
///      &body=%7B%22msg%22%3A%22hi%22%7D&returnMsgid=true"
/// );
/// // 101 receivers are too many when asking for message ids.
/// let many = SendBatchMsg::new("zhangsan", vec!["a"; 101], Message::text("hi"));
/// assert!(many.validate().is_ok());
/// assert_eq!(
///     many.return_msgid(true).validate().unwrap_err().to_string(),
///     "`toAccids` has 101 items, at most 100 allowed"
/// );
/// // No sub-type in a batch send.
/// let sub = SendBatchMsg::new("zhangsan", ["lisi"], Message::text("hi").sub_type(2));
/// assert_eq!(sub.validate().unwrap_err().field(), "message.sub_type");
///
/// // The answer: `unregister` as a JSON array or as text holding one.
/// let answer: SendBatchMsgResponse = serde_json::from_str(
///     r#"{"unregister":"[\"wangwu\"]","timetag":1700000000000,"msgids":{"lisi":123}}"#,
/// ).unwrap();
/// assert!(!answer.is_complete());
/// assert_eq!(answer.unregistered(), ["wangwu"]);
/// assert_eq!(answer.msgids["lisi"].get(), 123);
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "msg/sendBatchMsg.action", rate_limit = "120/min", setters, response = SendBatchMsgResponse,
      custom = batch_receivers)]
pub struct SendBatchMsg {
    /// The sender (`fromAccid`).
    #[nim(rename = "fromAccid")]
    pub from_accid: Accid,
    /// The receivers (`toAccids`, a JSON array): 1 to 500, at most 100 with `returnMsgid`.
    #[nim(rename = "toAccids", min_items = 1, max_items = 500)]
    pub to_accids: Vec<Accid>,
    /// The message: sent as `type`, `body` and `msgDesc` (no `subType` in a batch send).
    #[nim(flatten, custom = batch_message_rules)]
    pub message: Message,
    /// Per-message switches, sent as JSON text.
    pub option: Option<MsgOption>,
    /// The push text, at most 500 characters (`pushContent`, as the SDKs send it).
    #[nim(rename = "pushContent", max_len = 500)]
    pub push_content: Option<String>,
    /// The push payload: JSON text, at most 2048 characters.
    #[nim(json, max_len = 2048)]
    pub payload: Option<String>,
    /// The developer's extension: JSON text, at most 1024 characters.
    #[nim(json, max_len = 1024)]
    pub ext: Option<String>,
    /// The moderation business id for this message.
    pub bid: Option<String>,
    /// `0`: skip GuardEase (易盾) moderation for this message (`useYidun`).
    #[nim(rename = "useYidun", one_of = [0])]
    pub use_yidun: Option<u8>,
    /// Anti-cheat fields passed to GuardEase: JSON text, at most 1024 characters.
    #[nim(rename = "yidunAntiCheating", json, max_len = 1024)]
    pub yidun_anti_cheating: Option<String>,
    /// Extra moderation fields passed to GuardEase: JSON text, at most 1024 characters (in
    /// the SDKs, not in the docs).
    #[nim(rename = "yidunAntiSpamExt", json, max_len = 1024)]
    pub yidun_anti_spam_ext: Option<String>,
    /// Answer each receiver's message id in `msgids` (`returnMsgid`; default `false`); then
    /// at most 100 receivers.
    #[nim(rename = "returnMsgid")]
    pub return_msgid: Option<bool>,
    /// The webhook (抄送) environment configured in the console.
    pub env: Option<String>,
    /// `1`: the sender gets no sync, roaming or history of this message (`0` or `1`; in the
    /// SDKs, not in the docs).
    #[nim(rename = "msgSenderNoSense", one_of = [0, 1])]
    pub msg_sender_no_sense: Option<u8>,
}

/// v1's message rules, and no sub-type: the batch send documents no `subType`.
fn batch_message_rules(message: &Message) -> Result<(), ValidationError> {
    v1_message_rules(message)?;
    if message.sub_type.is_some() {
        return Err(ValidationError::custom(
            "sub_type",
            "sendBatchMsg takes no subType: send with SendMsg, or without a sub-type",
        ));
    }
    Ok(())
}

/// At most 100 receivers when the answer is to carry their message ids.
fn batch_receivers(request: &SendBatchMsg) -> Result<(), ValidationError> {
    let count = request.to_accids.len();
    if request.return_msgid == Some(true) && count > MAX_BATCH_RECEIVERS_WITH_MSGIDS {
        return Err(ValidationError::new(
            "toAccids",
            Rule::TooManyItems {
                limit: MAX_BATCH_RECEIVERS_WITH_MSGIDS,
                actual: count,
            },
        ));
    }
    Ok(())
}

/// The answer to [`SendBatchMsg`] (top-level members of the answer).
///
/// The call succeeds even when some receivers do not exist: they are listed in
/// [`unregistered`](Self::unregistered), and did not get the message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SendBatchMsgResponse {
    /// The receivers that do not exist (sent by the server as a JSON array, or as text
    /// holding one; both read the same).
    #[serde(default, deserialize_with = "lenient_list")]
    pub unregister: Vec<String>,
    /// When the server took the message, in milliseconds.
    #[serde(default)]
    pub timetag: Option<u64>,
    /// Per receiver, its message's server id (only with `returnMsgid`).
    #[serde(default)]
    pub msgids: HashMap<String, MessageServerId>,
}

impl SendBatchMsgResponse {
    /// The receivers that did not get the message because they do not exist.
    pub fn unregistered(&self) -> &[String] {
        &self.unregister
    }

    /// Whether every receiver exists (nothing in [`unregistered`](Self::unregistered)).
    pub fn is_complete(&self) -> bool {
        self.unregister.is_empty()
    }
}
