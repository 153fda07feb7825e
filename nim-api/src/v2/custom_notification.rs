//! v2 `custom_notification` family: the app's own system notifications, to one account or
//! team, or to many accounts (`/im/v2/custom_notification`). Not stored as messages: clients
//! receive them through their custom-notification listener.

use serde::Deserialize;

use super::message::{PushConfig, RouteConfig};
use crate::message::ConversationType;
use crate::{Accid, BatchResult};

/// How a custom notification is stored (`notification_config`). Both switches default to
/// `true`.
///
/// ```
/// use nim_api::v2::custom_notification::NotificationConfig;
///
/// let config = NotificationConfig::new().offline_enabled(false);
/// assert_eq!(serde_json::to_string(&config).unwrap(), r#"{"offline_enabled":false}"#);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct NotificationConfig {
    /// Stored for offline receivers (default `true`).
    pub offline_enabled: Option<bool>,
    /// Counts toward unread (default `true`).
    pub unread_enabled: Option<bool>,
}

/// `POST /im/v2/custom_notification` (sendCustomNotification): sends a custom notification
/// to an account (`type` 1), an advanced team (2) or a super team (3). The answer has no
/// content.
///
/// `content` is the app's text (JSON by convention), at most 4096 characters. The Apifox
/// schema gives `notification_config` other members; its example, the official batch page
/// and both SDKs use `offline_enabled`/`unread_enabled`, which are declared.
///
/// Not idempotent.
///
/// ```
/// use nim_api::message::ConversationType;
/// use nim_api::v2::custom_notification::SendCustomNotification;
/// # use nim_api::Endpoint as _;
/// let request = SendCustomNotification::new("zhangsan", ConversationType::P2p, "lisi", r#"{"event":"typing"}"#)
///     .sound("ding");
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/custom_notification");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"sender_id":"zhangsan","type":1,"receiver_id":"lisi","content":"{\"event\":\"typing\"}","sound":"ding"}"#,
/// );
/// assert!(request.sound("x".repeat(31)).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/custom_notification", setters, response = crate::NoContent)]
pub struct SendCustomNotification {
    /// The sender.
    pub sender_id: Accid,
    /// To an account (1), an advanced team (2) or a super team (3) (`type`).
    #[nim(rename = "type")]
    pub target_type: ConversationType,
    /// The account, or the team id as text.
    #[nim(required)]
    pub receiver_id: String,
    /// The content, at most 4096 characters.
    #[nim(required, max_len = 4096)]
    pub content: String,
    /// A sound the client plays, at most 30 characters.
    #[nim(max_len = 30)]
    pub sound: Option<String>,
    /// Storage switches.
    pub notification_config: Option<NotificationConfig>,
    /// Push.
    pub push_config: Option<PushConfig>,
    /// The copy to the app server.
    pub route_config: Option<RouteConfig>,
}

/// `POST /im/v2/custom_notification/batch` (sendBatchCustomNotification): sends one custom
/// notification to up to 500 accounts, one-to-one. Accounts that failed are in the answer's
/// failures (e.g. 102404, account not found).
///
/// Not idempotent.
///
/// ```
/// use nim_api::v2::custom_notification::SendBatchCustomNotification;
/// use nim_api::BatchResult;
/// # use nim_api::Endpoint as _;
/// let encoded = SendBatchCustomNotification::new("zhangsan", ["lisi", "wangwu"], "{}").encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/custom_notification/batch");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"sender_id":"zhangsan","receiver_ids":["lisi","wangwu"],"content":"{}"}"#,
/// );
/// let answer: BatchResult<String> = serde_json::from_str(
///     r#"{"success_list":["lisi"],"failed_list":[{"account_id":"wangwu","error_code":102404,"error_msg":"not found"}]}"#,
/// ).unwrap();
/// assert_eq!(answer.failures()[0].account_id.as_deref(), Some("wangwu"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/custom_notification/batch", rate_limit = "120/min", setters, response = BatchResult<String>)]
pub struct SendBatchCustomNotification {
    /// The sender.
    pub sender_id: Accid,
    /// The receivers, 1 to 500.
    #[nim(min_items = 1, max_items = 500)]
    pub receiver_ids: Vec<Accid>,
    /// The content, at most 4096 characters.
    #[nim(required, max_len = 4096)]
    pub content: String,
    /// A sound the client plays, at most 30 characters.
    #[nim(max_len = 30)]
    pub sound: Option<String>,
    /// Storage switches.
    pub notification_config: Option<NotificationConfig>,
    /// Push.
    pub push_config: Option<PushConfig>,
    /// The copy to the app server.
    pub route_config: Option<RouteConfig>,
}

crate::catalogue::family! {
    "v2::custom_notification::";
    SendCustomNotification, SendBatchCustomNotification,
}
