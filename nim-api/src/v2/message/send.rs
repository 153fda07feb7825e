//! Sending: one message, one message to many accounts, and streamed messages.

use serde::Deserialize;

use super::{
    AiParams, MessageAntispamConfig, MessageConfig, MessageRecord, P2pOption, PushConfig,
    RobotConfig, RouteConfig, SuperTeamOption, TargetOption, TeamOption, ThreadConfig,
};
use crate::message::{ConversationId, Message, MessageClientId, MessageServerId};
use crate::{Accid, BatchResult};

/// `POST /im/v2/conversations/{conversation_id}/messages` (sendMessage): sends one message
/// in a one-to-one, team or super-team conversation. The conversation id's first part is
/// the sender.
///
/// The message's client id: the server generates one when the request has none, and no
/// de-duplication by it is documented. nim-rs puts a fresh one in each call unless the
/// [`Message`] sets its own ([`Message::client_id`]); the answer carries the one used.
///
/// `extension` must be JSON text; older pages cap it at 1024 characters, newer ones say the
/// cap depends on the plan, so no length is checked here. `sender_no_sense` and
/// `receiver_no_sense` cannot both be `true` (checked before sending).
///
/// Not idempotent: never sent again automatically when an attempt's outcome is unknown.
///
/// ```
/// use nim_api::message::{ConversationId, Message};
/// use nim_api::v2::message::{MessageConfig, SendMessage};
/// # use nim_api::Endpoint as _;
/// let request = SendMessage::new(
///     ConversationId::p2p("zhangsan", "lisi"),
///     Message::text("hi").client_id("c-1"),
/// )
/// .message_config(MessageConfig::new().roaming_enabled(false))
/// .extension(r#"{"k":1}"#);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/conversations/zhangsan|1|lisi/messages");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"message":{"message_type":0,"text":"hi","message_client_id":"c-1"},"message_config":{"roaming_enabled":false},"extension":"{\"k\":1}"}"#,
/// );
/// assert!(request.sender_no_sense(true).receiver_no_sense(true).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "/im/v2/conversations/{conversation_id}/messages", setters,
      custom = no_sense_once, response = MessageRecord)]
pub struct SendMessage {
    /// The conversation, `<sender>|<type>|<peer>`.
    #[nim(path)]
    pub conversation_id: ConversationId,
    /// The message.
    pub message: Message,
    /// Storage and sync switches.
    pub message_config: Option<MessageConfig>,
    /// Who sees a team message.
    pub target_option: Option<TargetOption>,
    /// The copy to the app server.
    pub route_config: Option<RouteConfig>,
    /// Push.
    pub push_config: Option<PushConfig>,
    /// Moderation.
    pub antispam_config: Option<MessageAntispamConfig>,
    /// One-to-one checks.
    pub p2p_option: Option<P2pOption>,
    /// Advanced-team checks.
    pub team_option: Option<TeamOption>,
    /// Super-team checks.
    pub superteam_option: Option<SuperTeamOption>,
    /// Robot message.
    pub robot_config: Option<RobotConfig>,
    /// Thread placement.
    pub thread_config: Option<ThreadConfig>,
    /// The sender's devices get no copy, history or roaming (default `false`).
    pub sender_no_sense: Option<bool>,
    /// The receiver's likewise (default `false`).
    pub receiver_no_sense: Option<bool>,
    /// Extension: JSON text.
    #[nim(json)]
    pub extension: Option<String>,
    /// AI-account reply parameters.
    pub ai_params: Option<AiParams>,
}

fn no_sense_once(request: &SendMessage) -> Result<(), crate::ValidationError> {
    no_sense_rule(request.sender_no_sense, request.receiver_no_sense)
}

fn no_sense_rule(
    sender: Option<bool>,
    receiver: Option<bool>,
) -> Result<(), crate::ValidationError> {
    if sender == Some(true) && receiver == Some(true) {
        return Err(crate::ValidationError::custom(
            "receiver_no_sense",
            "cannot be true together with sender_no_sense",
        ));
    }
    Ok(())
}

/// `POST /im/v2/conversations/messages` (batchSendP2PMessage): sends one message to up to
/// 100 accounts, one-to-one. Batch sends are rate-limited per minute (120 by default).
///
/// The official page documents `route_config`, `p2p_option`, the no-sense flags and
/// `extension` (the Java SDK sends them, the Go SDK does not) and four members of
/// `push_config` and `antispam_config` (the Go SDK sends all of them); all are declared.
/// The message's client id is sent as for [`SendMessage`] (only the Go SDK sends one).
///
/// The answer is a partial success: receivers that failed are in
/// [`failed_receivers`](BatchResult::failed_receivers).
///
/// ```
/// use nim_api::message::Message;
/// use nim_api::v2::message::{BatchSendP2PMessage, MessageRecord};
/// use nim_api::BatchResult;
/// # use nim_api::Endpoint as _;
/// let request = BatchSendP2PMessage::new("zhangsan", ["lisi", "wangwu"], Message::text("hi").client_id("c"))
///     .need_message_detail(true);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/conversations/messages");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"sender_id":"zhangsan","receiver_ids":["lisi","wangwu"],"message":{"message_type":0,"text":"hi","message_client_id":"c"},"need_message_detail":true}"#,
/// );
///
/// let answer: BatchResult<MessageRecord> = serde_json::from_str(
///     r#"{"success_list":[{"message_server_id":1,"receiver_id":"lisi"}],
///         "failed_list":[{"receiver_id":"wangwu","error_code":102404,"error_msg":"not found"}]}"#,
/// ).unwrap();
/// assert_eq!(answer.failed_receivers(), ["wangwu"]);
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "/im/v2/conversations/messages", rate_limit = "120/min", setters, custom = batch_no_sense_once,
      response = BatchResult<MessageRecord>)]
pub struct BatchSendP2PMessage {
    /// The sender.
    pub sender_id: Accid,
    /// The receivers, 1 to 100.
    #[nim(min_items = 1, max_items = 100)]
    pub receiver_ids: Vec<Accid>,
    /// The message.
    pub message: Message,
    /// Storage and sync switches.
    pub message_config: Option<MessageConfig>,
    /// The copy to the app server.
    pub route_config: Option<RouteConfig>,
    /// Push.
    pub push_config: Option<PushConfig>,
    /// Moderation (custom messages are not moderated without the moderation product).
    pub antispam_config: Option<MessageAntispamConfig>,
    /// One-to-one checks.
    pub p2p_option: Option<P2pOption>,
    /// The sender's devices get no copy (default `false`).
    pub sender_no_sense: Option<bool>,
    /// The receivers' likewise (default `false`).
    pub receiver_no_sense: Option<bool>,
    /// Extension: JSON text.
    #[nim(json)]
    pub extension: Option<String>,
    /// Answer each sent message in full, not only its ids (default `false`).
    pub need_message_detail: Option<bool>,
}

fn batch_no_sense_once(request: &BatchSendP2PMessage) -> Result<(), crate::ValidationError> {
    no_sense_rule(request.sender_no_sense, request.receiver_no_sense)
}

impl BatchResult<MessageRecord> {
    /// The receivers the message did not reach (the failures' `account_id`, which the Go
    /// SDK reads as `receiver_id`: both are accepted).
    pub fn failed_receivers(&self) -> Vec<&str> {
        self.failures().iter().filter_map(|f| f.account()).collect()
    }
}

/// One chunk of a streamed message (`message` of [`StreamMessage`]).
///
/// The first chunk names the message by a client id; the answer gives its server id, which
/// later chunks send (only the Java SDK declares it). `message_type` is 0 (text), the only
/// documented value, and the server's default.
///
/// ```
/// use nim_api::v2::message::{StreamAttachment, StreamChunk};
///
/// let first = StreamChunk::new(StreamAttachment::new("Hel", 0u32)).message_client_id("c1");
/// assert_eq!(
///     serde_json::to_string(&first).unwrap(),
///     r#"{"message_client_id":"c1","attachment":{"text":"Hel","index":0}}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct StreamChunk {
    /// The message type: 0 (text).
    #[nim(one_of = [0])]
    pub message_type: Option<u32>,
    /// The client id, on the first chunk.
    pub message_client_id: Option<MessageClientId>,
    /// The server id the first chunk's answer gave, on later chunks.
    pub message_server_id: Option<MessageServerId>,
    /// The chunk.
    pub attachment: StreamAttachment,
}

/// A chunk's content (`attachment` of a stream message).
///
/// ```
/// use nim_api::v2::message::StreamAttachment;
///
/// let last = StreamAttachment::new("lo", 1u32).finish(1u8);
/// assert_eq!(serde_json::to_string(&last).unwrap(), r#"{"text":"lo","index":1,"finish":1}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct StreamAttachment {
    /// This chunk's text; all chunks together at most 5000 characters (else the server ends
    /// the stream).
    #[nim(max_len = 5000)]
    pub text: String,
    /// The chunk's position, from 0.
    pub index: u32,
    /// 1 on the last chunk, 0 (the default) before.
    #[nim(one_of = [0, 1])]
    pub finish: Option<u8>,
}

/// A source cited by a streamed AI answer (`rag_info_list` item; Go SDK only).
///
/// ```
/// use nim_api::v2::message::RagInfo;
///
/// let source = RagInfo::new().title("Docs").url("https://example.com");
/// assert_eq!(serde_json::to_string(&source).unwrap(), r#"{"title":"Docs","url":"https://example.com"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct RagInfo {
    /// The source's name.
    pub name: Option<String>,
    /// Its icon URL.
    pub icon: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// Its time (ms).
    pub time: Option<u64>,
    /// Its URL.
    pub url: Option<String>,
    /// A description.
    pub description: Option<String>,
}

/// `POST /im/v2/conversations/{conversation_id}/messages/actions/stream_message`
/// (streamMessage): sends one chunk of a streamed text message (an AI answer typed out).
///
/// Send the chunks in order, about one per 200 ms; more than 30 s between chunks, or more
/// than 5000 characters in all, ends the stream, and later chunks are refused. The pages
/// disagree on the scope: one-to-one only (2025-08), or also advanced teams (2025-11).
///
/// The two SDKs send different members: the Java SDK `message_config` (unread, multi-sync,
/// history and conversation-update switches only), `route_config`, `p2p_option`,
/// `push_config` (the four basic members), `extension` and `thread_config`; the Go SDK
/// `team_option`, `target_option` and `rag_info_list`. All are declared.
///
/// Not idempotent (chunks are appended).
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::message::{StreamAttachment, StreamChunk, StreamMessage};
/// # use nim_api::Endpoint as _;
/// let first = StreamChunk::new(StreamAttachment::new("Hel", 0u32)).message_client_id("c1");
/// let encoded = StreamMessage::new(ConversationId::p2p("bot", "lisi"), first).encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/conversations/bot|1|lisi/messages/actions/stream_message");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"message":{"message_client_id":"c1","attachment":{"text":"Hel","index":0}}}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/conversations/{conversation_id}/messages/actions/stream_message",
      setters, response = MessageRecord)]
pub struct StreamMessage {
    /// The conversation, `<sender>|<type>|<peer>`.
    #[nim(path)]
    pub conversation_id: ConversationId,
    /// The chunk.
    pub message: StreamChunk,
    /// Storage and sync switches (offline and roaming are not honoured).
    pub message_config: Option<MessageConfig>,
    /// The copy to the app server.
    pub route_config: Option<RouteConfig>,
    /// One-to-one checks.
    pub p2p_option: Option<P2pOption>,
    /// Push.
    pub push_config: Option<PushConfig>,
    /// Extension: JSON text.
    #[nim(json)]
    pub extension: Option<String>,
    /// Advanced-team checks (Go SDK).
    pub team_option: Option<TeamOption>,
    /// Who sees a team message (Go SDK).
    pub target_option: Option<TargetOption>,
    /// Thread placement (Java SDK).
    pub thread_config: Option<ThreadConfig>,
    /// Sources cited (Go SDK).
    pub rag_info_list: Option<Vec<RagInfo>>,
}
