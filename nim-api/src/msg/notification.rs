//! The v1 custom system notifications (自定义系统通知): one to a user or a team
//! (`msg/sendAttachMsg`), one to many users (`msg/sendBatchAttachMsg`).
//!
//! A custom notification carries the app's own content (`attach`, JSON recommended) and is
//! not stored as a message: no history, no conversation. Both actions are not idempotent.
//!
//! ```
//! use nim_api::msg::{AttachTarget, SendAttachMsg};
//! # use nim_api::Endpoint as _;
//! let request = SendAttachMsg::new("zhangsan", AttachTarget::User, "lisi", r#"{"ping":1}"#);
//! assert!(request.encode().is_ok());
//! ```

use serde::Deserialize;

use crate::Accid;
use crate::wire::{int_enum, lenient_list};

int_enum! {
    /// Whom [`SendAttachMsg`] notifies (`msgtype`).
    pub enum AttachTarget: u8 {
        /// An account (`0`): `to` is an accid.
        User = 0,
        /// A team (`1`): `to` is a team id.
        Team = 1,
    }
}

int_enum! {
    /// Whether a notification is kept for offline receivers (`save`).
    pub enum SaveMode: u8 {
        /// Only to receivers online now (`1`).
        OnlineOnly = 1,
        /// Also stored for offline receivers (`2`, the default).
        Offline = 2,
    }
}

/// A notification's switches (`option`), sent as JSON text; only the switches set are
/// sent.
///
/// ```
/// use nim_api::msg::AttachOption;
///
/// let option = AttachOption::new().badge(false);
/// assert_eq!(serde_json::to_string(&option).unwrap(), r#"{"badge":false}"#);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct AttachOption {
    /// Count it toward the unread badge (default `true`).
    pub badge: Option<bool>,
    /// Prefix the push text with the sender's nickname (default **`false`** here, unlike
    /// a message's).
    #[nim(rename = "needPushNick")]
    pub need_push_nick: Option<bool>,
    /// Forward it to the app's webhook (default `true`).
    pub route: Option<bool>,
}

/// `msg/sendAttachMsg.action`: sends a custom system notification to an account
/// (`msgtype` 0) or to a team (`msgtype` 1).
///
/// Without `pushcontent` no push is triggered, but `payload` is still delivered. The push
/// text is `pushcontent` (lowercase) and the force-push fields camelCase, as the docs and
/// both SDKs agree. Rate limit: 100 calls per second per app. Not idempotent.
///
/// ```
/// use nim_api::msg::{AttachTarget, SaveMode, SendAttachMsg};
/// # use nim_api::Endpoint as _;
///
/// let request = SendAttachMsg::new("zhangsan", AttachTarget::Team, "123456", r#"{"kind":"poke"}"#)
///     .save(SaveMode::OnlineOnly)
///     .force_push_list(["LiSi"]);
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     "from=zhangsan&msgtype=1&to=123456&attach=%7B%22kind%22%3A%22poke%22%7D&save=1\
///      &forcePushList=%5B%22lisi%22%5D"
/// );
/// assert!(request.force_push_list(vec!["a"; 101]).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "msg/sendAttachMsg.action", setters, response = SendAttachMsgResponse)]
pub struct SendAttachMsg {
    /// The sender.
    pub from: Accid,
    /// An account or a team (`msgtype`).
    pub msgtype: AttachTarget,
    /// The receiving account (`msgtype` 0) or the team id (`msgtype` 1).
    pub to: Accid,
    /// The content, 1 to 4096 characters (JSON recommended).
    #[nim(required, max_len = 4096)]
    pub attach: String,
    /// The push text, at most 500 characters (`pushcontent`).
    #[nim(rename = "pushcontent", max_len = 500)]
    pub push_content: Option<String>,
    /// The push payload: JSON text, at most 2048 characters.
    #[nim(json, max_len = 2048)]
    pub payload: Option<String>,
    /// The client's sound file for the push, at most 30 characters.
    #[nim(max_len = 30)]
    pub sound: Option<String>,
    /// Online only, or also stored offline (default).
    pub save: Option<SaveMode>,
    /// Switches, sent as JSON text.
    pub option: Option<AttachOption>,
    /// Force a push for this notification (`isForcePush`; default `false`).
    #[nim(rename = "isForcePush")]
    pub is_force_push: Option<bool>,
    /// The forced push's text, at most 500 characters (`forcePushContent`).
    #[nim(rename = "forcePushContent", max_len = 500)]
    pub force_push_content: Option<String>,
    /// Team notifications: force a push to every valid member but the sender
    /// (`forcePushAll`; default `false`).
    #[nim(rename = "forcePushAll")]
    pub force_push_all: Option<bool>,
    /// Team notifications: the members that get a forced push, at most 100, sent as a JSON
    /// array (`forcePushList`).
    #[nim(rename = "forcePushList", max_items = 100)]
    pub force_push_list: Option<Vec<Accid>>,
    /// The webhook (抄送) environment configured in the console, at most 32 characters.
    #[nim(max_len = 32)]
    pub env: Option<String>,
    /// Check the accid asynchronously (`checkAccidAsyncEnable`; default `false`; in the
    /// SDKs, not in the docs).
    #[nim(rename = "checkAccidAsyncEnable")]
    pub check_accid_async_enable: Option<bool>,
}

/// The answer to [`SendAttachMsg`] (top-level members). The docs give it no members; the
/// Java SDK reads an optional `unregister` list, read here the same way.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SendAttachMsgResponse {
    /// Receivers that do not exist, when the server says so.
    #[serde(default, deserialize_with = "lenient_list")]
    pub unregister: Vec<String>,
}

/// `msg/sendBatchAttachMsg.action`: sends one custom system notification to up to 500
/// accounts.
///
/// **A partial failure is a success**: receivers that do not exist are listed in the
/// answer ([`SendBatchAttachMsgResponse::is_complete`]), not refused. There is no force
/// push to a list or to all here (team notifications only). The receiver limit is the
/// docs' 500 (a Java SDK comment says 5000). Rate limit: **120 calls per minute** per app.
/// Not idempotent.
///
/// ```
/// use nim_api::msg::{AttachOption, SendBatchAttachMsg, SendBatchAttachMsgResponse};
/// # use nim_api::Endpoint as _;
///
/// let request = SendBatchAttachMsg::new("zhangsan", ["lisi", "wangwu"], "{}")
///     .option(AttachOption::new().route(false));
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     "fromAccid=zhangsan&toAccids=%5B%22lisi%22%2C%22wangwu%22%5D&attach=%7B%7D\
///      &option=%7B%22route%22%3Afalse%7D"
/// );
/// assert!(SendBatchAttachMsg::new("zhangsan", vec!["a"; 501], "{}").validate().is_err());
///
/// let answer: SendBatchAttachMsgResponse =
///     serde_json::from_str(r#"{"unregister":["wangwu"]}"#).unwrap();
/// assert_eq!(answer.unregistered(), ["wangwu"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "msg/sendBatchAttachMsg.action", rate_limit = "120/min", setters, response = SendBatchAttachMsgResponse)]
pub struct SendBatchAttachMsg {
    /// The sender (`fromAccid`).
    #[nim(rename = "fromAccid")]
    pub from_accid: Accid,
    /// The receivers, 1 to 500, sent as a JSON array (`toAccids`).
    #[nim(rename = "toAccids", min_items = 1, max_items = 500)]
    pub to_accids: Vec<Accid>,
    /// The content, 1 to 4096 characters (JSON recommended).
    #[nim(required, max_len = 4096)]
    pub attach: String,
    /// The push text, at most 500 characters (`pushcontent`).
    #[nim(rename = "pushcontent", max_len = 500)]
    pub push_content: Option<String>,
    /// The push payload: JSON text, at most 2048 characters.
    #[nim(json, max_len = 2048)]
    pub payload: Option<String>,
    /// The client's sound file for the push, at most 30 characters.
    #[nim(max_len = 30)]
    pub sound: Option<String>,
    /// Online only, or also stored offline (default).
    pub save: Option<SaveMode>,
    /// Switches, sent as JSON text.
    pub option: Option<AttachOption>,
    /// Force a push for this notification (`isForcePush`; default `false`).
    #[nim(rename = "isForcePush")]
    pub is_force_push: Option<bool>,
    /// The forced push's text, at most 500 characters (`forcePushContent`).
    #[nim(rename = "forcePushContent", max_len = 500)]
    pub force_push_content: Option<String>,
    /// The webhook (抄送) environment configured in the console.
    pub env: Option<String>,
    /// Check the accids asynchronously (`checkAccidAsyncEnable`; default `false`; in the
    /// SDKs, not in the docs).
    #[nim(rename = "checkAccidAsyncEnable")]
    pub check_accid_async_enable: Option<bool>,
}

/// The answer to [`SendBatchAttachMsg`] (top-level members).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SendBatchAttachMsgResponse {
    /// The receivers that do not exist (a JSON array, or text holding one).
    #[serde(default, deserialize_with = "lenient_list")]
    pub unregister: Vec<String>,
}

impl SendBatchAttachMsgResponse {
    /// The receivers that did not get the notification because they do not exist.
    pub fn unregistered(&self) -> &[String] {
        &self.unregister
    }

    /// Whether every receiver exists.
    pub fn is_complete(&self) -> bool {
        self.unregister.is_empty()
    }
}
