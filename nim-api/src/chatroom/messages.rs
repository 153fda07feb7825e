//! Sending into chatrooms (v1): one message (`sendMsg`), up to 10 (`batchSendMsg`), to given
//! members only (`sendMsgToSomeone`, `batchSendMsgToSomeone`), and to every room of the app
//! (`broadcast`).
//!
//! The sender must be in the room (a fixed member, or a guest while online), not on its
//! blacklist (13003), not chat-banned or temporarily muted (13004; `ignoreMute` lifts only
//! the temporary mute), and the room open (13002). Directed messages are never kept in the
//! history (the docs). None of these is idempotent: a send whose outcome is unknown is never
//! sent again automatically (resend it yourself with `resendFlag` 1, which the server
//! de-duplicates by `msgId`).

use super::{ChatroomBatchSent, ChatroomContent, ChatroomDelivery, ChatroomMsgItem};
use super::{ChatroomSendCommon, SentChatroomMsg, SpatialPosition};
use crate::Accid;
use crate::message::MessageClientId;
use crate::validate::ValidationError;

/// `chatroom/sendMsg.action`: `fromAccid` sends one message into room `roomid`.
///
/// The message is a [`ChatroomContent`] (a typed [`Message`](crate::message::Message)), sent
/// as `msgType`, `attach` and `subType`; `msgId` is its client id, which recall needs.
/// Answers the message as the room got it ([`SentChatroomMsg`], in `desc`), with the
/// server's `time` that recall and delete need too.
///
/// ```
/// use nim_api::chatroom::{ChatroomDelivery, SendChatroomMsg};
/// use nim_api::message::Message;
/// # use nim_api::Endpoint as _;
///
/// let request = SendChatroomMsg::new(3000000001u64, "m-1", "ZhangSan", Message::text("hi"))
///     .delivery(ChatroomDelivery::new().skip_history(1u8));
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=3000000001&msgId=m-1&fromAccid=zhangsan&msgType=0&attach=hi&skipHistory=1"
/// );
/// let long = SendChatroomMsg::new(1u64, "m-2", "zhangsan", Message::text("字".repeat(4097)));
/// assert_eq!(long.validate().unwrap_err().field(), "attach");
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "chatroom/sendMsg.action", setters, response = SentChatroomMsg,
      response_field = "desc")]
pub struct SendChatroomMsg {
    /// The room.
    pub roomid: u64,
    /// The message's client id (`msgId`).
    #[nim(rename = "msgId")]
    pub msg_id: MessageClientId,
    /// The sender (`fromAccid`).
    #[nim(rename = "fromAccid")]
    pub from_accid: Accid,
    /// What it says: `msgType`, `attach` and `subType`.
    #[nim(flatten)]
    pub message: ChatroomContent,
    /// `1`: a resend, de-duplicated by `msgId`; `0` (the default): new (`resendFlag`).
    #[nim(rename = "resendFlag", one_of = [0, 1])]
    pub resend_flag: Option<u8>,
    /// The developer's extension, at most 4096 characters (JSON recommended).
    #[nim(max_len = 4096)]
    pub ext: Option<String>,
    /// Delivery and storage switches.
    #[nim(flatten, default)]
    pub delivery: ChatroomDelivery,
    /// The copy to the app server and moderation.
    #[nim(flatten, default)]
    pub common: ChatroomSendCommon,
    /// Where in a spatial room it is said (`locX`, `locY`, `locZ`).
    #[nim(flatten, default)]
    pub position: SpatialPosition,
}

/// `chatroom/batchSendMsg.action`: `fromAccid` sends 1 to 10 messages into room `roomid`
/// (`msgList`, a JSON array), with one set of switches for all.
///
/// Answers `success` and `fail` at the top level ([`ChatroomBatchSent`]), each message keyed
/// by its `msgId`, which must therefore differ (checked before sending).
///
/// ```
/// use nim_api::chatroom::{BatchSendChatroomMsg, ChatroomMsgItem};
/// use nim_api::message::Message;
/// # use nim_api::Endpoint as _;
///
/// let request = BatchSendChatroomMsg::new(
///     7u64,
///     "zhangsan",
///     [ChatroomMsgItem::new("a", Message::text("one")), ChatroomMsgItem::new("b", Message::tip("two"))],
/// );
/// assert!(request.validate().is_ok());
/// let twice = BatchSendChatroomMsg::new(
///     7u64,
///     "zhangsan",
///     [ChatroomMsgItem::new("a", Message::text("one")), ChatroomMsgItem::new("a", Message::text("two"))],
/// );
/// assert_eq!(twice.validate().unwrap_err().field(), "msgList[1].msgId");
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "chatroom/batchSendMsg.action", setters, response = ChatroomBatchSent,
      custom = batch_ids_differ)]
pub struct BatchSendChatroomMsg {
    /// The room.
    pub roomid: u64,
    /// The sender (`fromAccid`).
    #[nim(rename = "fromAccid")]
    pub from_accid: Accid,
    /// The messages, 1 to 10 (`msgList`).
    #[nim(rename = "msgList", min_items = 1, max_items = 10)]
    pub msg_list: Vec<ChatroomMsgItem>,
    /// Delivery and storage switches, for every message.
    #[nim(flatten, default)]
    pub delivery: ChatroomDelivery,
    /// The copy to the app server and moderation, for every message.
    #[nim(flatten, default)]
    pub common: ChatroomSendCommon,
}

fn batch_ids_differ(request: &BatchSendChatroomMsg) -> Result<(), ValidationError> {
    ids_differ(&request.msg_list)
}

/// Each `msgId` of a batch once: the answer keys the messages by it.
fn ids_differ(items: &[ChatroomMsgItem]) -> Result<(), ValidationError> {
    for (i, item) in items.iter().enumerate() {
        if items[..i]
            .iter()
            .any(|earlier| earlier.msg_id == item.msg_id)
        {
            return Err(ValidationError::custom(
                format!("msgList[{i}].msgId"),
                format!("`{}` is used by an earlier message", item.msg_id),
            ));
        }
    }
    Ok(())
}

/// `chatroom/sendMsgToSomeone.action`: `fromAccid` sends one message to 1 to 100 members of
/// room `roomid` (`toAccids`); only those online receive it, and it is never kept in the
/// history (the docs). Answers the message ([`SentChatroomMsg`], in `desc`).
///
/// ```
/// use nim_api::chatroom::SendChatroomMsgToSomeone;
/// use nim_api::message::Message;
/// # use nim_api::Endpoint as _;
///
/// let request = SendChatroomMsgToSomeone::new(7u64, "m", "zhangsan", ["LiSi"], Message::text("psst"));
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=7&msgId=m&fromAccid=zhangsan&toAccids=%5B%22lisi%22%5D&msgType=0&attach=psst"
/// );
/// let nobody = SendChatroomMsgToSomeone::new(7u64, "m", "zhangsan", Vec::<&str>::new(), Message::text("?"));
/// assert_eq!(nobody.validate().unwrap_err().field(), "toAccids");
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "chatroom/sendMsgToSomeone.action", setters, response = SentChatroomMsg,
      response_field = "desc")]
pub struct SendChatroomMsgToSomeone {
    /// The room.
    pub roomid: u64,
    /// The message's client id (`msgId`).
    #[nim(rename = "msgId")]
    pub msg_id: MessageClientId,
    /// The sender (`fromAccid`).
    #[nim(rename = "fromAccid")]
    pub from_accid: Accid,
    /// The receivers, 1 to 100 (`toAccids`, a JSON array).
    #[nim(rename = "toAccids", min_items = 1, max_items = 100, unique)]
    pub to_accids: Vec<Accid>,
    /// What it says: `msgType`, `attach` and `subType`.
    #[nim(flatten)]
    pub message: ChatroomContent,
    /// `1`: a resend, de-duplicated by `msgId` (`resendFlag`).
    #[nim(rename = "resendFlag", one_of = [0, 1])]
    pub resend_flag: Option<u8>,
    /// The developer's extension, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub ext: Option<String>,
    /// The copy to the app server and moderation.
    #[nim(flatten, default)]
    pub common: ChatroomSendCommon,
}

/// `chatroom/batchSendMsgToSomeone.action`: `fromAccid` sends 1 to 10 messages to 1 to 100
/// members of room `roomid`; never kept in the history. `toAccids` is in the Java SDK only
/// (the docs' page opening and the Go SDK's request do not show it; without receivers the
/// action has no meaning, so it is required). Answers like [`BatchSendChatroomMsg`].
///
/// ```
/// use nim_api::chatroom::{BatchSendChatroomMsgToSomeone, ChatroomMsgItem};
/// use nim_api::message::Message;
/// # use nim_api::Endpoint as _;
///
/// let request = BatchSendChatroomMsgToSomeone::new(
///     7u64, "zhangsan", ["lisi"], [ChatroomMsgItem::new("a", Message::text("one"))],
/// );
/// assert!(request.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "chatroom/batchSendMsgToSomeone.action", setters, response = ChatroomBatchSent,
      custom = batch_to_ids_differ)]
pub struct BatchSendChatroomMsgToSomeone {
    /// The room.
    pub roomid: u64,
    /// The sender (`fromAccid`).
    #[nim(rename = "fromAccid")]
    pub from_accid: Accid,
    /// The receivers, 1 to 100 (`toAccids`).
    #[nim(rename = "toAccids", min_items = 1, max_items = 100, unique)]
    pub to_accids: Vec<Accid>,
    /// The messages, 1 to 10 (`msgList`).
    #[nim(rename = "msgList", min_items = 1, max_items = 10)]
    pub msg_list: Vec<ChatroomMsgItem>,
    /// The copy to the app server and moderation.
    #[nim(flatten, default)]
    pub common: ChatroomSendCommon,
}

fn batch_to_ids_differ(request: &BatchSendChatroomMsgToSomeone) -> Result<(), ValidationError> {
    ids_differ(&request.msg_list)
}

/// `chatroom/broadcast.action`: `fromAccid` sends one message to every room of the app (no
/// `roomid`). The feature must be enabled for the app (else 403 "no right to send chatroom
/// broadcast msg!", seen in production); 10 calls per minute. Answers the message
/// ([`SentChatroomMsg`], in `desc`).
///
/// `yidunAntiSpamExt` is not taken (both SDKs): refused before sending.
///
/// ```
/// use nim_api::chatroom::{BroadcastChatroomMsg, ChatroomSendCommon};
/// use nim_api::message::Message;
/// # use nim_api::Endpoint as _;
///
/// let request = BroadcastChatroomMsg::new("m", "zhangsan", Message::text("maintenance at 9"))
///     .high_priority(true);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "msgId=m&fromAccid=zhangsan&msgType=0&attach=maintenance+at+9&highPriority=true"
/// );
/// let ext = request.common(ChatroomSendCommon::new().yidun_anti_spam_ext("{}"));
/// assert_eq!(ext.validate().unwrap_err().field(), "yidunAntiSpamExt");
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "chatroom/broadcast.action", rate_limit = "10/min", setters,
      response = SentChatroomMsg, response_field = "desc", custom = no_anti_spam_ext)]
pub struct BroadcastChatroomMsg {
    /// The message's client id (`msgId`).
    #[nim(rename = "msgId")]
    pub msg_id: MessageClientId,
    /// The sender (`fromAccid`).
    #[nim(rename = "fromAccid")]
    pub from_accid: Accid,
    /// What it says: `msgType`, `attach` and `subType`.
    #[nim(flatten)]
    pub message: ChatroomContent,
    /// `1`: a resend, de-duplicated by `msgId` (`resendFlag`).
    #[nim(rename = "resendFlag", one_of = [0, 1])]
    pub resend_flag: Option<u8>,
    /// The developer's extension, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub ext: Option<String>,
    /// High-priority delivery (`highPriority`; default `false`).
    #[nim(rename = "highPriority")]
    pub high_priority: Option<bool>,
    /// Only online members whose tags match receive it, at most 128 characters
    /// (`notifyTargetTags`).
    #[nim(rename = "notifyTargetTags", max_len = 128)]
    pub notify_target_tags: Option<String>,
    /// The copy to the app server and moderation.
    #[nim(flatten, default)]
    pub common: ChatroomSendCommon,
}

fn no_anti_spam_ext(request: &BroadcastChatroomMsg) -> Result<(), ValidationError> {
    if request.common.yidun_anti_spam_ext.is_some() {
        return Err(ValidationError::custom(
            "yidunAntiSpamExt",
            "broadcast takes no yidunAntiSpamExt",
        ));
    }
    Ok(())
}
