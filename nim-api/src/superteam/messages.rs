//! A super team's messages: send, custom notifications, recall, history.
//!
//! The parameters differ from their `msg/*` and `history/*` siblings: the team is `tid`
//! (sends, history) or `to` (notifications, recalls), and the push fields are camelCase
//! `pushContent` / `pushPayload` (legacy docs and both SDKs agree).

use crate::Accid;
use crate::history::{MessageHistory, Order, TypeFilter, time_window};
use crate::message::{Message, MessageServerId};
use crate::msg::{AttachOption, IgnoreTime, MsgOption, SaveMode, SendMsgResponse};
use crate::validate::ValidationError;

/// `superteam/sendMsg.action`: `fromAccid`, a member, sends a message to the team.
///
/// The message ([`Message`]) is written as `type`, `body` (at most 5000 characters),
/// `msgDesc` and `subType`; v1 has no client id, so a message carrying one is refused before
/// sending. Unlike `msg/sendMsg` there is no `ope`/`to`, no `markRead`, `checkFriend`,
/// no-sense flags or robot fields; the push payload is `pushPayload`. `option` takes the
/// switches of [`MsgOption`] (the docs list no `sessionUpdate` for super teams).
/// `isForcePush` defaults to `true` per the Java SDK's Javadoc (the legacy docs give no
/// default). `isCheckMute` (both SDKs, not the docs) applies the team's mutes to this send.
///
/// Answers `data` (`msgid`, `timetag`, `antispam`): recall with the first two. Not
/// idempotent.
///
/// ```
/// use nim_api::message::Message;
/// use nim_api::superteam::SendSuperTeamMsg;
/// # use nim_api::Endpoint as _;
///
/// let request = SendSuperTeamMsg::new(6000000001u64, "ZhangSan", Message::text("hi all"))
///     .push_content("New message")
///     .force_push_list(["LiSi"])
///     .is_force_push(false);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "tid=6000000001&fromAccid=zhangsan&type=0&body=%7B%22msg%22%3A%22hi+all%22%7D\
///      &pushContent=New+message&isForcePush=false&forcePushList=%5B%22lisi%22%5D"
/// );
/// let with_id = SendSuperTeamMsg::new(1u64, "zhangsan", Message::text("hi").client_id("x"));
/// assert!(with_id.validate().is_err());
/// assert_eq!(request.push_payload("{oops").validate().unwrap_err().field(), "pushPayload");
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "superteam/sendMsg.action", setters, response = SendMsgResponse, response_field = "data")]
pub struct SendSuperTeamMsg {
    /// The team.
    pub tid: u64,
    /// The sender, a member (`fromAccid`).
    #[nim(rename = "fromAccid")]
    pub from_accid: Accid,
    /// The message: sent as `type`, `body`, `msgDesc` and `subType`.
    #[nim(flatten, custom = crate::message::v1_message_rules)]
    pub message: Message,
    /// For a custom message: moderate `antispamCustom` instead of `body` (default `false`).
    pub antispam: Option<bool>,
    /// What to moderate when `antispam` is `true`: JSON text, at most 5000 characters.
    #[nim(rename = "antispamCustom", json, max_len = 5000)]
    pub antispam_custom: Option<String>,
    /// `0`: skip GuardEase (易盾) moderation for this message (`useYidun`; the only value).
    #[nim(rename = "useYidun", one_of = [0])]
    pub use_yidun: Option<u8>,
    /// Anti-cheat fields passed to GuardEase: JSON text, at most 1024 characters.
    #[nim(rename = "yidunAntiCheating", json, max_len = 1024)]
    pub yidun_anti_cheating: Option<String>,
    /// Extra moderation fields passed to GuardEase: JSON text, at most 1024 characters (in
    /// the SDKs, not in the docs).
    #[nim(rename = "yidunAntiSpamExt", json, max_len = 1024)]
    pub yidun_anti_spam_ext: Option<String>,
    /// The moderation business id (in the SDKs, not in the docs).
    pub bid: Option<String>,
    /// Per-message switches, sent as JSON text.
    pub option: Option<MsgOption>,
    /// The developer's extension, at most 1024 characters.
    #[nim(max_len = 1024)]
    pub ext: Option<String>,
    /// The push text, at most 500 characters (`pushContent`).
    #[nim(rename = "pushContent", max_len = 500)]
    pub push_content: Option<String>,
    /// The push payload: JSON text, at most 2048 characters (`pushPayload`).
    #[nim(rename = "pushPayload", json, max_len = 2048)]
    pub push_payload: Option<String>,
    /// Force the push (`isForcePush`; `true` by default per the Java SDK's Javadoc).
    #[nim(rename = "isForcePush")]
    pub is_force_push: Option<bool>,
    /// The forced push's text, at most 500 characters (`forcePushContent`).
    #[nim(rename = "forcePushContent", max_len = 500)]
    pub force_push_content: Option<String>,
    /// Force a push to every valid member but the sender (`forcePushAll`; default `false`).
    #[nim(rename = "forcePushAll")]
    pub force_push_all: Option<bool>,
    /// The members that get a forced push, e.g. @-mentions (`forcePushList`, a JSON array;
    /// too many gives 811).
    #[nim(rename = "forcePushList", unique)]
    pub force_push_list: Option<Vec<Accid>>,
    /// The webhook (抄送) environment configured in the console, at most 32 characters.
    #[nim(max_len = 32)]
    pub env: Option<String>,
    /// Apply the team's and members' mutes to this send (`isCheckMute`; in the SDKs, not
    /// the docs; the server's default is not documented).
    #[nim(rename = "isCheckMute")]
    pub is_check_mute: Option<bool>,
}

/// `superteam/sendAttachMsg.action`: `from` sends a custom notification (自定义系统通知)
/// to the team `to`.
///
/// Not a message: no history, no conversation. `attach` is JSON text, 1 to 4096 characters.
/// Unlike `msg/sendAttachMsg` there is no `msgtype`, `env` or `checkAccidAsyncEnable`, and
/// the push fields are `pushContent` / `pushPayload`. `save` is in both SDKs but not in the
/// legacy docs' table. `isForcePush` defaults to `false` (Java SDK's Javadoc). Not
/// idempotent.
///
/// ```
/// use nim_api::msg::SaveMode;
/// use nim_api::superteam::SendSuperTeamAttachMsg;
/// # use nim_api::Endpoint as _;
///
/// let request = SendSuperTeamAttachMsg::new("zhangsan", 6000000001u64, r#"{"kind":"poke"}"#)
///     .save(SaveMode::OnlineOnly);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "from=zhangsan&to=6000000001&attach=%7B%22kind%22%3A%22poke%22%7D&save=1"
/// );
/// let plain = SendSuperTeamAttachMsg::new("zhangsan", 6000000001u64, "not json");
/// assert_eq!(plain.validate().unwrap_err().field(), "attach");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/sendAttachMsg.action", setters)]
pub struct SendSuperTeamAttachMsg {
    /// The sender.
    pub from: Accid,
    /// The team id.
    pub to: u64,
    /// The content: JSON text, 1 to 4096 characters.
    #[nim(required, json, max_len = 4096)]
    pub attach: String,
    /// The push text, at most 500 characters (`pushContent`).
    #[nim(rename = "pushContent", max_len = 500)]
    pub push_content: Option<String>,
    /// The push payload: JSON text, at most 2048 characters (`pushPayload`).
    #[nim(rename = "pushPayload", json, max_len = 2048)]
    pub push_payload: Option<String>,
    /// The client's sound file for the push, at most 30 characters.
    #[nim(max_len = 30)]
    pub sound: Option<String>,
    /// Online only, or also stored offline (the default; in the SDKs, not the legacy docs).
    pub save: Option<SaveMode>,
    /// Switches, sent as JSON text (`needPushNick` defaults to `false` here).
    pub option: Option<AttachOption>,
    /// Force a push (`isForcePush`; default `false`).
    #[nim(rename = "isForcePush")]
    pub is_force_push: Option<bool>,
    /// The forced push's text, at most 500 characters (`forcePushContent`).
    #[nim(rename = "forcePushContent", max_len = 500)]
    pub force_push_content: Option<String>,
    /// Force a push to every valid member but the sender (`forcePushAll`; default `false`).
    #[nim(rename = "forcePushAll")]
    pub force_push_all: Option<bool>,
    /// The members that get a forced push (`forcePushList`, a JSON array).
    #[nim(rename = "forcePushList", unique)]
    pub force_push_list: Option<Vec<Accid>>,
}

/// `superteam/recallMsg.action`: recalls (撤回) a message `from` sent to the team `to`.
///
/// `deleteMsgid` and `timetag` are the `msgid` and `timetag` [`SendSuperTeamMsg`] answered.
/// The recall window is msg/recall's (2 minutes by default, configurable; 508 outside it),
/// probably also here (not documented for super teams); `ignoreTime=1` skips the check.
/// Unlike `msg/recall` there is no `type`, `env` or `attach`, and the push fields are
/// camelCase. `msg` is in the legacy docs and the Go SDK (the Java SDK's service drops it);
/// no limit is documented. Not idempotent.
///
/// ```
/// use nim_api::superteam::RecallSuperTeamMsg;
/// # use nim_api::Endpoint as _;
///
/// let request = RecallSuperTeamMsg::new(42u64, 1700000000000u64, "zhangsan", 6000000001u64)
///     .msg("oops")
///     .ignore_time(true);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "deleteMsgid=42&timetag=1700000000000&from=zhangsan&to=6000000001&msg=oops&ignoreTime=1"
/// );
/// assert_eq!(request.push_content("x".repeat(501)).validate().unwrap_err().field(), "pushContent");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/recallMsg.action", setters)]
pub struct RecallSuperTeamMsg {
    /// The server id of the message (`deleteMsgid`).
    #[nim(rename = "deleteMsgid")]
    pub delete_msgid: MessageServerId,
    /// The message's send time in milliseconds.
    pub timetag: u64,
    /// The message's sender.
    pub from: Accid,
    /// The team id.
    pub to: u64,
    /// The description of the recall.
    pub msg: Option<String>,
    /// Recall outside the recall window (`ignoreTime=1`).
    #[nim(rename = "ignoreTime")]
    pub ignore_time: Option<IgnoreTime>,
    /// The push text, at most 500 characters (`pushContent`).
    #[nim(rename = "pushContent", max_len = 500)]
    pub push_content: Option<String>,
    /// The push payload: JSON text, at most 2048 characters (`pushPayload`).
    #[nim(rename = "pushPayload", json, max_len = 2048)]
    pub push_payload: Option<String>,
}

/// `superteam/queryHistoryMsg.action`: the team's messages sent in a time window, as member
/// `accid` sees them, at most `limit` (1 to 100).
///
/// `begintime` must be earlier than `endtime` (milliseconds), or nothing is sent. `reverse`:
/// newest first by default. `type` filters by message type (comma-joined). `excludeMsgid`
/// (both SDKs, not the legacy docs) leaves out the previous page's last message. Answers
/// `size` and `msgs`, like `history/queryTeamMsg`. Idempotent.
///
/// ```
/// use nim_api::history::Order;
/// use nim_api::superteam::QuerySuperTeamHistory;
/// # use nim_api::Endpoint as _;
///
/// let request = QuerySuperTeamHistory::new(6000000001u64, "LiSi", 1700000000000u64, 1700086400000u64, 50u32)
///     .reverse(Order::Ascending)
///     .types([0, 100]);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "tid=6000000001&accid=lisi&begintime=1700000000000&endtime=1700086400000&limit=50\
///      &reverse=1&type=0%2C100"
/// );
/// let backwards = QuerySuperTeamHistory::new(1u64, "lisi", 9u64, 5u64, 10u32);
/// assert_eq!(backwards.validate().unwrap_err().field(), "begintime");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/queryHistoryMsg.action", idempotent, setters,
      response = MessageHistory, custom = window)]
pub struct QuerySuperTeamHistory {
    /// The team.
    pub tid: u64,
    /// The member whose view is read.
    pub accid: Accid,
    /// The start of the window, in milliseconds; earlier than `endtime`.
    pub begintime: u64,
    /// The end of the window, in milliseconds.
    pub endtime: u64,
    /// The most messages to answer, 1 to 100.
    #[nim(min = 1, max = 100)]
    pub limit: u32,
    /// Oldest or newest first (default newest first).
    pub reverse: Option<Order>,
    /// Only these message types (`type`, comma-joined); every type when unset.
    #[nim(rename = "type")]
    pub types: Option<TypeFilter>,
    /// Leave out this message: the last one of the previous page (`excludeMsgid`).
    #[nim(rename = "excludeMsgid")]
    pub exclude_msgid: Option<MessageServerId>,
}

fn window(request: &QuerySuperTeamHistory) -> Result<(), ValidationError> {
    time_window(request.begintime, request.endtime)
}

/// One message to look up with [`QuerySuperTeamHistoryByIds`]: its server id, sender, team
/// and send time (the four keys both SDKs send).
///
/// ```
/// use nim_api::superteam::SuperTeamMessageRef;
///
/// let one = SuperTeamMessageRef::new(42u64, "ZhangSan", 6000000001u64, 1700000000000u64);
/// assert_eq!(
///     serde_json::to_string(&one).unwrap(),
///     r#"{"msgid":42,"from":"zhangsan","to":6000000001,"time":1700000000000}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Params)]
#[nim(setters)]
pub struct SuperTeamMessageRef {
    /// The message's server id.
    pub msgid: MessageServerId,
    /// Its sender.
    pub from: Accid,
    /// The team id.
    pub to: u64,
    /// Its send time, in milliseconds.
    pub time: u64,
}

/// Written into the `msgs` array as a JSON object.
impl crate::ListItem for SuperTeamMessageRef {
    fn write_json(&self, out: &mut String) {
        if let Ok(text) = serde_json::to_string(self) {
            out.push_str(&text);
        }
    }

    fn write_text(&self, out: &mut String) {
        self.write_json(out);
    }
}

/// `superteam/queryHistoryMsgByIds.action`: up to 100 of the team's messages, each named by
/// its id, sender, team and send time.
///
/// Not in the legacy docs; from both SDKs (they agree on the keys; the Java SDK's Javadoc
/// gives at most 100 items). Answers `msgs` with the [`QuerySuperTeamHistory`] item shape
/// (no `size` in the SDK models; read as 0 when absent). Idempotent.
///
/// ```
/// use nim_api::superteam::{QuerySuperTeamHistoryByIds, SuperTeamMessageRef};
/// # use nim_api::Endpoint as _;
///
/// let request = QuerySuperTeamHistoryByIds::new([SuperTeamMessageRef::new(42u64, "zhangsan", 7u64, 5u64)]);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "msgs=%5B%7B%22msgid%22%3A42%2C%22from%22%3A%22zhangsan%22%2C%22to%22%3A7%2C%22time%22%3A5%7D%5D"
/// );
/// let none = QuerySuperTeamHistoryByIds::new(Vec::<SuperTeamMessageRef>::new());
/// assert_eq!(none.validate().unwrap_err().field(), "msgs");
/// let bad = QuerySuperTeamHistoryByIds::new([SuperTeamMessageRef::new(1u64, "no one", 7u64, 5u64)]);
/// assert!(bad.validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/queryHistoryMsgByIds.action", idempotent, setters, response = MessageHistory)]
pub struct QuerySuperTeamHistoryByIds {
    /// The messages (`msgs`, a JSON array of objects), 1 to 100.
    #[nim(min_items = 1, max_items = 100)]
    pub msgs: Vec<SuperTeamMessageRef>,
}
