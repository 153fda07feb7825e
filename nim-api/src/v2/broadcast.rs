//! v2 `broadcast` family: notifications to every online client of the app
//! (`/im/v2/broadcast_notification`), and the all-chatroom broadcast message.
//!
//! The broadcast feature must be enabled in the console; sends are limited to 10 a minute
//! (advanced plan). The fields map one to one onto v1 `msg/broadcastMsg.action`, which is
//! very likely the same store.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::message::{MessageAntispamConfig, RouteConfig};
use crate::Accid;
use crate::message::{Message, number_or_string};

/// A kind of client a broadcast goes to (`target_os` item).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TargetOs {
    /// iOS (`"ios"`).
    Ios,
    /// Android (`"aos"`).
    Aos,
    /// Windows PC (`"pc"`).
    Pc,
    /// Web (`"web"`).
    Web,
    /// macOS (`"mac"`).
    Mac,
}

/// `POST /im/v2/broadcast_notification` (sendBroadcastNotification): a broadcast to every
/// online client, optionally kept for clients that come online within `ttl`.
///
/// `ttl` is in **hours** (default 168, seven days), used only with `offline_enabled`: Apifox
/// says hours, the Go SDK's comment says seconds, and the v1 sibling's documented example
/// (expiry 10 h after creation) confirms hours. Apifox marks `ttl` required; both SDKs
/// treat it as optional, as here. `target_os` is sent as a JSON array, as both SDKs send it
/// (Apifox describes a string holding one); all clients when unset.
///
/// Not idempotent.
///
/// ```
/// use nim_api::v2::broadcast::{SendBroadcastNotification, TargetOs};
/// # use nim_api::Endpoint as _;
/// let request = SendBroadcastNotification::new("Maintenance at 02:00")
///     .offline_enabled(true)
///     .ttl(24u32)
///     .target_os([TargetOs::Ios, TargetOs::Aos]);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/broadcast_notification");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"content":"Maintenance at 02:00","offline_enabled":true,"ttl":24,"target_os":["ios","aos"]}"#,
/// );
/// assert!(SendBroadcastNotification::new("x".repeat(4097)).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/broadcast_notification", rate_limit = "10/min", setters, response = BroadcastNotification)]
pub struct SendBroadcastNotification {
    /// The content, at most 4096 characters.
    #[nim(required, max_len = 4096)]
    pub content: String,
    /// The sending account.
    pub from_account_id: Option<Accid>,
    /// Keep it for clients that are offline now (default `false`).
    pub offline_enabled: Option<bool>,
    /// How long it is kept, in hours (default 168).
    pub ttl: Option<u32>,
    /// Which clients get it; all when unset.
    pub target_os: Option<Vec<TargetOs>>,
}

/// A broadcast as the broadcast actions answer it.
///
/// `broadcast_id` is read as a number or a string: the Go SDK reads a number (as the v1
/// actions answer), the Java SDK and Apifox a string.
///
/// ```
/// use nim_api::v2::broadcast::BroadcastNotification;
///
/// let sent: BroadcastNotification = serde_json::from_str(
///     r#"{"broadcast_id":"48174937359009","content":"hi","target_os":["ios"],"create_time":1,"expire_time":2}"#,
/// ).unwrap();
/// assert_eq!(sent.broadcast_id, 48174937359009);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct BroadcastNotification {
    /// Its id, for [`QueryBroadcastNotification`] and [`DeleteBroadcastNotification`].
    #[serde(deserialize_with = "number_or_string")]
    pub broadcast_id: u64,
    /// The sending account.
    #[serde(default)]
    pub from_account_id: Option<String>,
    /// The content.
    #[serde(default)]
    pub content: String,
    /// Whether it is kept for offline clients.
    #[serde(default)]
    pub offline_enabled: Option<bool>,
    /// The clients it goes to (empty: all); a string holding a JSON array is read too.
    #[serde(default, deserialize_with = "crate::wire::lenient_list")]
    pub target_os: Vec<String>,
    /// When it was sent (ms).
    #[serde(default)]
    pub create_time: u64,
    /// When it expires (ms).
    #[serde(default)]
    pub expire_time: u64,
}

/// `DELETE /im/v2/broadcast_notification/{broadcast_id}` (deleteBroadcastNotification):
/// deletes a broadcast kept for offline clients. No body.
///
/// ```
/// use nim_api::v2::broadcast::DeleteBroadcastNotification;
/// # use nim_api::Endpoint as _;
/// let encoded = DeleteBroadcastNotification::new(48174937359009u64).encode().unwrap();
/// assert_eq!(encoded.method.as_str(), "DELETE");
/// assert_eq!(encoded.path, "/im/v2/broadcast_notification/48174937359009");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2/broadcast_notification/{broadcast_id}",
    method = "DELETE",
    idempotent,
    setters
)]
pub struct DeleteBroadcastNotification {
    /// The broadcast.
    #[nim(path)]
    pub broadcast_id: u64,
}

/// `GET /im/v2/broadcast_notification/{broadcast_id}` (queryBroadcastNotification): one
/// broadcast.
///
/// ```
/// use nim_api::v2::broadcast::QueryBroadcastNotification;
/// # use nim_api::Endpoint as _;
/// let encoded = QueryBroadcastNotification::new(7u64).encode().unwrap();
/// assert_eq!((encoded.method.as_str(), encoded.path.as_str()), ("GET", "/im/v2/broadcast_notification/7"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/broadcast_notification/{broadcast_id}", method = "GET", idempotent,
      setters, response = BroadcastNotification)]
pub struct QueryBroadcastNotification {
    /// The broadcast.
    #[nim(path)]
    pub broadcast_id: u64,
}

/// `GET /im/v2/broadcast_notification` (queryBroadcastNotificationList): the broadcasts,
/// page by page (`Client::pages` walks them).
///
/// `limit` defaults to 100; no v2 maximum is documented (the v1 sibling's is 100). The
/// meaning of `type` (1 to 3, default 1) is disputed: the Go SDK says 1 not yet pushed,
/// 2 pushed, 3 all; the v1 sibling's page says 1 all, 2 kept offline, 3 not kept offline. It
/// is declared as a number.
///
/// ```
/// use nim_api::v2::broadcast::QueryBroadcastNotificationList;
/// # use nim_api::Endpoint as _;
/// let request = QueryBroadcastNotificationList::new().limit(50u32).list_type(1u8);
/// assert_eq!(request.encode().unwrap().path, "/im/v2/broadcast_notification?limit=50&type=1");
/// assert!(request.list_type(4u8).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/broadcast_notification", method = "GET", idempotent, setters,
      response = BroadcastPage)]
pub struct QueryBroadcastNotificationList {
    /// The previous page's `next_token`.
    #[nim(query, page_token)]
    pub page_token: Option<String>,
    /// Broadcasts per page (default 100).
    #[nim(query, min = 1)]
    pub limit: Option<u32>,
    /// Which broadcasts (`type`, 1 to 3; see above).
    #[nim(query, rename = "type", one_of = [1, 2, 3])]
    pub list_type: Option<u8>,
}

/// A page of broadcasts ([`QueryBroadcastNotificationList`]).
pub type BroadcastPage = crate::TokenPage<BroadcastNotification>;

/// The message of a chatroom broadcast (`message`): type, sub-type, text (at most 500
/// characters) and attachment; no client id.
///
/// ```
/// use nim_api::message::Message;
/// use nim_api::v2::broadcast::BroadcastMessage;
///
/// let from_message = BroadcastMessage::from_message(&Message::text("hi"));
/// assert_eq!(serde_json::to_string(&from_message).unwrap(), r#"{"message_type":0,"text":"hi"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct BroadcastMessage {
    /// The message type (0 text, 1 image, ..., 100 custom).
    pub message_type: u32,
    /// The sub-type, at least 1.
    #[nim(min = 1)]
    pub sub_type: Option<u32>,
    /// The text, at most 500 characters.
    #[nim(max_len = 500)]
    pub text: Option<String>,
    /// The attachment (a JSON object).
    pub attachment: Option<Value>,
}

impl BroadcastMessage {
    /// The type, sub-type, text (or description) and attachment of `message`.
    pub fn from_message(message: &Message) -> Self {
        BroadcastMessage {
            message_type: message.body.message_type(),
            sub_type: message.sub_type,
            text: message
                .body
                .text()
                .or(message.description.as_deref())
                .map(str::to_owned),
            attachment: message.body.attachment(),
        }
    }
}

/// Delivery of a chatroom broadcast (`message_config`).
///
/// ```
/// use nim_api::v2::broadcast::ChatroomBroadcastConfig;
///
/// let config = ChatroomBroadcastConfig::new().high_priority(true);
/// assert_eq!(serde_json::to_string(&config).unwrap(), r#"{"high_priority":true}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct ChatroomBroadcastConfig {
    /// A high-priority message.
    pub high_priority: Option<bool>,
    /// Only members whose tags match this expression receive it.
    pub notify_target_tags: Option<String>,
}

/// `POST /im/v2.1/broadcast_notification/actions/chatroom`
/// (sendChatroomBroadcastNotification): a message to every chatroom of the app.
///
/// Both SDKs use `/im/v2.1/`; Apifox writes `/im/v2/`. `client_broadcast_id` is required and
/// is the broadcast's own id (the answer has no server id): pass `nim_api::unique_id()` for a
/// fresh one, and keep it to recognise the broadcast later. `resend_flag` is 0 or 1 (default
/// 0; marks a resend).
///
/// Not idempotent.
///
/// ```
/// use nim_api::message::Message;
/// use nim_api::v2::broadcast::{BroadcastMessage, SendChatroomBroadcastNotification};
/// # use nim_api::Endpoint as _;
/// let message = BroadcastMessage::from_message(&Message::text("hi all"));
/// let request = SendChatroomBroadcastNotification::new("b-1", "admin", message);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2.1/broadcast_notification/actions/chatroom");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"client_broadcast_id":"b-1","sender_id":"admin","message":{"message_type":0,"text":"hi all"}}"#,
/// );
/// let fresh = SendChatroomBroadcastNotification::new(nim_api::unique_id(), "admin", BroadcastMessage::new(0u32));
/// assert_eq!(fresh.client_broadcast_id.len(), 32);
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "/im/v2.1/broadcast_notification/actions/chatroom", setters,
      response = ChatroomBroadcast)]
pub struct SendChatroomBroadcastNotification {
    /// The broadcast's id, chosen by the caller.
    #[nim(required)]
    pub client_broadcast_id: String,
    /// The sender.
    pub sender_id: Accid,
    /// The message.
    pub message: BroadcastMessage,
    /// Extension.
    pub extension: Option<String>,
    /// 1 when this is a resend (default 0).
    #[nim(one_of = [0, 1])]
    pub resend_flag: Option<u8>,
    /// Delivery.
    pub message_config: Option<ChatroomBroadcastConfig>,
    /// The copy to the app server.
    pub route_config: Option<RouteConfig>,
    /// Moderation.
    pub antispam_config: Option<MessageAntispamConfig>,
}

/// [`SendChatroomBroadcastNotification`]'s answer (both SDKs' keys; all optional).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomBroadcast {
    /// When it was sent (ms).
    #[serde(default)]
    pub create_time: Option<u64>,
    /// Its id, as given.
    #[serde(default)]
    pub client_broadcast_id: Option<String>,
    /// The sender.
    #[serde(default)]
    pub sender_id: Option<String>,
    /// The sender's nickname.
    #[serde(default)]
    pub from_nick: Option<String>,
    /// The sender's avatar.
    #[serde(default)]
    pub from_avatar: Option<String>,
    /// The message type.
    #[serde(default)]
    pub message_type: Option<u32>,
    /// The sub-type.
    #[serde(default)]
    pub sub_type: Option<u32>,
    /// The text.
    #[serde(default)]
    pub text: Option<String>,
    /// The attachment.
    #[serde(default)]
    pub attachment: Option<Value>,
    /// The sender's client kind.
    #[serde(default)]
    pub sender_client_type: Option<u32>,
    /// Whether it was high priority.
    #[serde(default)]
    pub high_priority: Option<bool>,
}

crate::catalogue::family! {
    "v2::broadcast::";
    SendBroadcastNotification, DeleteBroadcastNotification, QueryBroadcastNotification,
    QueryBroadcastNotificationList, SendChatroomBroadcastNotification,
}
