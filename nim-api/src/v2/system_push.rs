//! v2 `system_push` family: push notifications to every user of the app
//! (`/im/v2/push_notification`): send one, read one back, list them.
//!
//! **Sources.** Only the Java SDK has these operations, and no official page lists them:
//! every fact below is the Java SDK's request and response classes and its own test
//! (which sends `target_type` 1 "to all users", `target_os` `ios`/`aos`/`pc`/`web`/`mac`,
//! `roam_expire_after` 604800 and lists with `type` 1). Nothing documents which fields are
//! required, any length limit, the `target_type` / `type` codes beyond 1, the unit of
//! `roam_expire_after` (seconds is a guess: 604800 s is the 7 days other pushes keep), the
//! page size, or the not-found code. This client requires `content` and `target_type` and
//! checks nothing else beyond types; the emulator's choices are in its README.

use serde::Deserialize;

use super::broadcast::TargetOs;
use crate::wire::int_enum;
use crate::{Accid, TokenPage};

int_enum! {
    /// Who a push goes to (`target_type`; `type` when listing). Only `1` is known.
    #[derive(Default)]
    pub enum PushTarget: u8 {
        /// Every user of the app (`1`, the value the Java SDK's test sends).
        #[default]
        AllUsers = 1,
    }
}

/// How a push shows on devices (`push_config`), sent and answered.
///
/// ```
/// use nim_api::v2::system_push::PushConfig;
///
/// let config = PushConfig::new().push_content("New version out").push_badge_enabled(true);
/// assert_eq!(
///     serde_json::to_string(&config).unwrap(),
///     r#"{"push_badge_enabled":true,"push_content":"New version out"}"#,
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct PushConfig {
    /// Show the sender's nickname in the notification.
    pub push_nick_enabled: Option<bool>,
    /// Count the push in the app icon's badge.
    pub push_badge_enabled: Option<bool>,
    /// The notification's text.
    pub push_content: Option<String>,
    /// Extra data for the device's push service, JSON text (as every other push payload
    /// of the API).
    #[nim(json)]
    pub push_payload: Option<String>,
}

/// `POST /im/v2/push_notification` (sendPushNotification): a push to every user
/// (`target_type` 1), optionally only on some platforms, optionally kept (roamed) for
/// `roam_expire_after` seconds. Answers the stored push with its `push_id`.
///
/// Not idempotent: each call sends a push.
///
/// ```
/// use nim_api::v2::broadcast::TargetOs;
/// use nim_api::v2::system_push::{PushConfig, PushTarget, SendPushNotification};
/// # use nim_api::Endpoint as _;
///
/// let request = SendPushNotification::new("Maintenance at 02:00", PushTarget::AllUsers)
///     .sender_account_id("admin")
///     .target_os([TargetOs::Ios, TargetOs::Aos])
///     .roam_enabled(true)
///     .roam_expire_after(604800u64)
///     .push_config(PushConfig::new().push_nick_enabled(true));
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     r#"{"content":"Maintenance at 02:00","push_config":{"push_nick_enabled":true},"sender_account_id":"admin","target_type":1,"target_os":["ios","aos"],"roam_enabled":true,"roam_expire_after":604800}"#,
/// );
/// let empty = SendPushNotification::new("", PushTarget::AllUsers);
/// assert_eq!(empty.validate().unwrap_err().field(), "content");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/push_notification", setters, response = PushNotification)]
pub struct SendPushNotification {
    /// The push's content (required here: a guess, as nothing documents it).
    #[nim(required)]
    pub content: String,
    /// How it shows on devices.
    pub push_config: Option<PushConfig>,
    /// The account shown as its sender.
    pub sender_account_id: Option<Accid>,
    /// Who it goes to.
    pub target_type: PushTarget,
    /// The platforms it goes to; all when unset.
    pub target_os: Option<Vec<TargetOs>>,
    /// Keep it for users who come online later.
    pub roam_enabled: Option<bool>,
    /// How long it is kept, in seconds (a guess; see the module), with `roam_enabled`.
    pub roam_expire_after: Option<u64>,
}

/// `GET /im/v2/push_notification/{push_id}` (getPushNotification): one push, as sent.
///
/// ```
/// use nim_api::v2::system_push::GetPushNotification;
/// # use nim_api::Endpoint as _;
///
/// let encoded = GetPushNotification::new(10000000000001u64).encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/push_notification/10000000000001");
/// assert!(encoded.body.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/push_notification/{push_id}", method = "GET", idempotent, setters,
      response = PushNotification)]
pub struct GetPushNotification {
    /// The push's id, from [`SendPushNotification`]'s answer.
    #[nim(path)]
    pub push_id: u64,
}

/// `GET /im/v2/push_notification?page_token&limit&type` (listPushNotifications): the
/// pushes, page by page (`Client::pages` walks them).
///
/// `limit`'s range is not documented: 1 to 100 is a guess (the other v2 lists' range).
///
/// ```
/// use nim_api::v2::system_push::{ListPushNotifications, PushTarget};
/// # use nim_api::Endpoint as _;
///
/// let request = ListPushNotifications::new().limit(10u32).list_type(PushTarget::AllUsers);
/// assert_eq!(request.encode().unwrap().path, "/im/v2/push_notification?limit=10&type=1");
/// assert_eq!(request.limit(0u32).validate().unwrap_err().field(), "limit");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/push_notification", method = "GET", idempotent, setters,
      response = TokenPage<PushNotification>)]
pub struct ListPushNotifications {
    /// The previous page's `next_token`; none for the first page.
    #[nim(query, page_token)]
    pub page_token: Option<String>,
    /// Pushes per page, 1 to 100 (a guess).
    #[nim(query, min = 1, max = 100)]
    pub limit: Option<u32>,
    /// Only pushes of this target type (`type`).
    #[nim(query, rename = "type")]
    pub list_type: Option<PushTarget>,
}

/// A push as stored: the answer of send and get, and a list's item.
///
/// ```
/// use nim_api::v2::system_push::PushNotification;
///
/// let push: PushNotification = serde_json::from_str(
///     r#"{"push_id":10000000000001,"sender_account_id":"admin","content":"hi","target_type":1,
///         "target_os":["ios"],"roam_enabled":true,"roam_expire_time":1700604800000,
///         "create_time":1700000000000,"push_config":{"push_badge_enabled":true}}"#,
/// ).unwrap();
/// assert_eq!(push.push_id, 10000000000001);
/// assert_eq!(push.push_config.unwrap().push_badge_enabled, Some(true));
///
/// // A sent push must never read as a failure: ids as text, `null`s, lists as JSON text.
/// let push: PushNotification = serde_json::from_str(
///     r#"{"push_id":"10000000000002","content":null,"target_os":"[\"ios\",\"aos\"]",
///         "create_time":"1700000000000"}"#,
/// ).unwrap();
/// assert_eq!((push.push_id, push.content.as_str()), (10000000000002, ""));
/// assert_eq!(push.target_os, ["ios", "aos"]);
/// let push: PushNotification =
///     serde_json::from_str(r#"{"push_id":3,"target_os":null}"#).unwrap();
/// assert!(push.target_os.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct PushNotification {
    /// Its id (a JSON number or text holding one).
    #[serde(default, deserialize_with = "crate::wire::number")]
    pub push_id: u64,
    /// The sender shown, if one was named.
    #[serde(default)]
    pub sender_account_id: Option<String>,
    /// The content (`null` reads as empty).
    #[serde(default, deserialize_with = "crate::wire::text_or_null")]
    pub content: String,
    /// Who it went to (`1`: every user); a number, as other codes may exist.
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub target_type: Option<u32>,
    /// The platforms it went to (empty or `null`: all); text, as other platforms may exist.
    /// A JSON array or a string holding one, as the broadcast answer sends it.
    #[serde(default, deserialize_with = "crate::wire::lenient_list")]
    pub target_os: Vec<String>,
    /// Whether it is kept for users who come online later.
    #[serde(default)]
    pub roam_enabled: Option<bool>,
    /// When it stops being kept, Unix ms.
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub roam_expire_time: Option<u64>,
    /// When it was sent, Unix ms.
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub create_time: Option<u64>,
    /// How it shows on devices.
    #[serde(default)]
    pub push_config: Option<PushConfig>,
}

crate::catalogue::family! {
    "v2::system_push::";
    SendPushNotification, GetPushNotification, ListPushNotifications,
}
