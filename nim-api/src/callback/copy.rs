//! Message copies (消息抄送): what the IM server reports after the fact.

use serde_json::{Map, Value};

use super::copy_messages::{
    ChatroomMessageCopy, ConversationCopy, MessageUpdateCopy, ReadReceiptCopy, RecallCopy,
};
use super::copy_services::{
    AsyncAntispamCopy, CallbackFailedCopy, ChatroomQueueCopy, PhoneCallCopy, SignalCopy,
    SmsReceiptCopy, SmsReplyCopy, UploadTaskCopy,
};
use super::copy_sessions::{ChatroomMemberCopy, HeartbeatCopy, LoginFailedCopy, SessionCopy};
use super::lenient::{object, read_event};
use crate::message::ConversationType;
use nim_core::callback::CallbackError;

/// A message copy (消息抄送), by its `eventType`; read with [`parse_copy`].
///
/// Every eventType whose fields an official page lists is typed. Others are
/// [`Unknown`](Self::Unknown), among them 5 (call duration), 6 (recording files) and 13
/// (audio/video room entries), which the official pages name without listing their
/// fields. The copy numbers are their own namespace: 2, 3 and 36 mean other things to
/// intercepting callbacks ([`InterceptEvent`](super::InterceptEvent)).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum CopyEvent {
    /// 1: a message, a team operation, or a friend or custom notification.
    Conversation(ConversationCopy),
    /// 2: a login.
    Login(SessionCopy),
    /// 3: a logout.
    Logout(SessionCopy),
    /// 4: a chatroom message.
    ChatroomMessage(ChatroomMessageCopy),
    /// 7, 8, 25: a recalled one-to-one, team or super-team message (see
    /// [`RecallCopy::kind`]).
    Recall(RecallCopy),
    /// 9: a chatroom member entered or left.
    ChatroomMember(ChatroomMemberCopy),
    /// 10: a dedicated-line phone call ended.
    PhoneCall(PhoneCallCopy),
    /// 11: SMS delivery receipts.
    SmsReceipt(SmsReceiptCopy),
    /// 12: SMS replies from users.
    SmsReply(SmsReplyCopy),
    /// 14: a chatroom queue operation.
    ChatroomQueue(ChatroomQueueCopy),
    /// 20: asynchronous anti-spam results.
    AsyncAntispam(AsyncAntispamCopy),
    /// 30: one-to-one read receipts.
    ReadReceipt(ReadReceiptCopy),
    /// 31: a signalling event.
    Signal(SignalCopy),
    /// 36: an upload by a client SDK.
    UploadTask(UploadTaskCopy),
    /// 42: a long-connection heartbeat.
    Heartbeat(HeartbeatCopy),
    /// 83: an intercepting callback failed.
    CallbackFailed(CallbackFailedCopy),
    /// 84: a login failed.
    LoginFailed(LoginFailedCopy),
    /// 89, 90, 91: an edited one-to-one, team or super-team message (see
    /// [`MessageUpdateCopy::kind`]).
    MessageUpdated(MessageUpdateCopy),
    /// A body with no `eventType`, or one this crate does not type, as received. The
    /// address check's `{}` is one.
    Unknown {
        /// The `eventType`, when the body has a whole number there.
        event_type: Option<u64>,
        /// The whole body.
        raw: Value,
    },
}

impl CopyEvent {
    /// The copy's `eventType` (`None` for an [`Unknown`](Self::Unknown) body without one).
    pub fn event_type(&self) -> Option<u64> {
        Some(match self {
            CopyEvent::Conversation(_) => 1,
            CopyEvent::Login(_) => 2,
            CopyEvent::Logout(_) => 3,
            CopyEvent::ChatroomMessage(_) => 4,
            CopyEvent::Recall(recall) => match recall.kind {
                ConversationType::P2p => 7,
                ConversationType::Team => 8,
                ConversationType::SuperTeam => 25,
            },
            CopyEvent::ChatroomMember(_) => 9,
            CopyEvent::PhoneCall(_) => 10,
            CopyEvent::SmsReceipt(_) => 11,
            CopyEvent::SmsReply(_) => 12,
            CopyEvent::ChatroomQueue(_) => 14,
            CopyEvent::AsyncAntispam(_) => 20,
            CopyEvent::ReadReceipt(_) => 30,
            CopyEvent::Signal(_) => 31,
            CopyEvent::UploadTask(_) => 36,
            CopyEvent::Heartbeat(_) => 42,
            CopyEvent::CallbackFailed(_) => 83,
            CopyEvent::LoginFailed(_) => 84,
            CopyEvent::MessageUpdated(update) => match update.kind {
                ConversationType::P2p => 89,
                ConversationType::Team => 90,
                ConversationType::SuperTeam => 91,
            },
            CopyEvent::Unknown { event_type, .. } => return *event_type,
        })
    }
}

/// Reads a message copy's body (the bytes as received; verify them first with
/// [`CallbackVerifier`](super::CallbackVerifier)).
///
/// A body that is not a JSON object is [`CallbackError::InvalidJson`]. An object with no
/// `eventType`, or one not typed here, is [`CopyEvent::Unknown`], never an error. A typed
/// eventType whose members do not have the documented shape is
/// [`CallbackError::InvalidEvent`], naming the member. Numbers may come as JSON numbers or
/// as strings, yes/no values as booleans, `0`/`1` or text, JSON members as JSON or as a
/// string holding it; members this crate does not know are ignored.
///
/// ```
/// use nim_api::callback::{CopyEvent, parse_copy};
///
/// let event = parse_copy(br#"{"eventType":"7","from":"zhangsan","to":"lisi","msgId":"11555996"}"#)?;
/// assert_eq!(event.event_type(), Some(7));
/// assert!(matches!(event, CopyEvent::Recall(recall) if recall.message.from == "zhangsan"));
/// # Ok::<(), nim_api::callback::CallbackError>(())
/// ```
pub fn parse_copy(body: &[u8]) -> Result<CopyEvent, CallbackError> {
    let (event_type, map) = object(body)?;
    let Some(n) = event_type else {
        return Ok(unknown(None, map));
    };
    Ok(match n {
        1 => CopyEvent::Conversation(read_event::<ConversationCopy>(n, map)?.with_content()),
        2 => CopyEvent::Login(read_event(n, map)?),
        3 => CopyEvent::Logout(read_event(n, map)?),
        4 => CopyEvent::ChatroomMessage(read_event::<ChatroomMessageCopy>(n, map)?.with_content()),
        7 | 8 | 25 => CopyEvent::Recall(RecallCopy {
            kind: kind_of(n, 7, 8),
            ..read_event(n, map)?
        }),
        9 => CopyEvent::ChatroomMember(read_event(n, map)?),
        10 => CopyEvent::PhoneCall(read_event(n, map)?),
        11 => CopyEvent::SmsReceipt(read_event(n, map)?),
        12 => CopyEvent::SmsReply(read_event(n, map)?),
        14 => CopyEvent::ChatroomQueue(read_event(n, map)?),
        20 => CopyEvent::AsyncAntispam(read_event(n, map)?),
        30 => CopyEvent::ReadReceipt(read_event(n, map)?),
        31 => CopyEvent::Signal(read_event(n, map)?),
        36 => CopyEvent::UploadTask(read_event(n, map)?),
        42 => CopyEvent::Heartbeat(read_event(n, map)?),
        83 => CopyEvent::CallbackFailed(read_event(n, map)?),
        84 => CopyEvent::LoginFailed(read_event(n, map)?),
        89..=91 => CopyEvent::MessageUpdated(MessageUpdateCopy {
            kind: kind_of(n, 89, 90),
            ..read_event(n, map)?
        }),
        _ => unknown(Some(n), map),
    })
}

/// The conversation kind of a recall or edit number: `p2p`, `team`, else super team.
fn kind_of(n: u64, p2p: u64, team: u64) -> ConversationType {
    match n {
        _ if n == p2p => ConversationType::P2p,
        _ if n == team => ConversationType::Team,
        _ => ConversationType::SuperTeam,
    }
}

fn unknown(event_type: Option<u64>, map: Map<String, Value>) -> CopyEvent {
    CopyEvent::Unknown {
        event_type,
        raw: Value::Object(map),
    }
}
