//! v2 `subscription` family: an account (the subscriber, the path's `{account_id}`)
//! subscribes to other accounts' online-status events, `/im/v2/subscription/{account_id}`.
//!
//! The online-status subscription feature must be enabled in the console. A subscriber
//! follows at most 3000 accounts (Java Javadoc; v1 gives the same), which is left to the
//! server. Every answer lists the accounts that failed ([`SubscriptionResult`],
//! [`UserStatusSubscriptions`]); a partial failure is a successful call. Error codes are
//! UNCONFIRMED (v1 used 403, 414, 416, 419 over limit and 431).

use serde::Deserialize;

use crate::{Accid, Failure};

/// `POST /im/v2/subscription/{account_id}?duration=...` (subscribeUserStatus): the
/// subscriber receives the online-status events of up to 100 accounts for `duration`
/// seconds.
///
/// `duration` is **required**, in seconds, 60 to 2592000 (1 minute to 30 days), and goes in
/// the **query** only (official Apifox page, Java Javadoc). The body is `account_ids` only:
/// the Java SDK's body also leaks `duration` and `subscriberAccountId`, which are not sent
/// here, and the Go SDK's `duration=0` when unset cannot happen.
///
/// Idempotent: subscribing again to the same accounts leaves the same subscriptions (the
/// Java Javadoc says a repeat within a minute has no effect; a later retry at most moves
/// the expiry by the retry's delay), so a retry when the outcome is unknown is safe.
///
/// ```
/// use nim_api::v2::subscription::SubscribeUserStatus;
/// # use nim_api::Endpoint as _;
/// let request = SubscribeUserStatus::new("ZhangSan", ["lisi", "WangWu"], 3600u64);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/subscription/zhangsan?duration=3600");
/// assert_eq!(encoded.body.unwrap().1, r#"{"account_ids":["lisi","wangwu"]}"#);
/// let short = SubscribeUserStatus::new("zhangsan", ["lisi"], 59u64);
/// assert_eq!(short.validate().unwrap_err().to_string(), "`duration` is 59, allowed 60 to 2592000");
/// let nobody = SubscribeUserStatus::new("zhangsan", Vec::<String>::new(), 60u64);
/// assert_eq!(nobody.validate().unwrap_err().field(), "account_ids");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/subscription/{account_id}", idempotent, setters,
      response = SubscriptionResult)]
pub struct SubscribeUserStatus {
    /// The subscriber.
    #[nim(path)]
    pub account_id: Accid,
    /// The accounts subscribed to, 1 to 100.
    #[nim(min_items = 1, max_items = 100)]
    pub account_ids: Vec<Accid>,
    /// How long the subscription lasts, in seconds: 60 to 2592000 (query).
    #[nim(query, min = 60, max = 2_592_000)]
    pub duration: u64,
}

/// `DELETE /im/v2/subscription/{account_id}` (unsubscribeUserStatus): the subscriber stops
/// receiving the online-status events of up to 100 accounts, or of every account.
///
/// A DELETE with a JSON body `{"account_ids":[...]}`, as both SDKs send it (the official API
/// list shows POST for this operation; the SDKs are followed). With `account_ids` unset
/// (the body is `{}`) or empty, every subscription of the subscriber ends: this is the Java
/// Javadoc's statement, UNCONFIRMED by any doc page.
///
/// Idempotent: unsubscribing twice leaves the same state.
///
/// ```
/// use nim_api::v2::subscription::UnsubscribeUserStatus;
/// # use nim_api::Endpoint as _;
/// let encoded = UnsubscribeUserStatus::new("zhangsan").account_ids(["LiSi"]).encode().unwrap();
/// assert_eq!(encoded.method.as_str(), "DELETE");
/// assert_eq!(encoded.path, "/im/v2/subscription/zhangsan");
/// assert_eq!(encoded.body.unwrap(), ("application/json;charset=utf-8", r#"{"account_ids":["lisi"]}"#.to_owned()));
/// let all = UnsubscribeUserStatus::new("zhangsan").encode().unwrap();
/// assert_eq!(all.body.unwrap().1, "{}");
/// let many = UnsubscribeUserStatus::new("zhangsan").account_ids((0..101).map(|i| format!("a{i}")));
/// assert_eq!(many.validate().unwrap_err().field(), "account_ids");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/subscription/{account_id}", method = "DELETE", idempotent, setters,
      response = SubscriptionResult)]
pub struct UnsubscribeUserStatus {
    /// The subscriber.
    #[nim(path)]
    pub account_id: Accid,
    /// The accounts unsubscribed from, at most 100; unset or empty: all (UNCONFIRMED).
    #[nim(max_items = 100)]
    pub account_ids: Option<Vec<Accid>>,
}

/// `PATCH /im/v2/subscription/{account_id}` (queryUserStatusSubscription): the subscriber's
/// subscriptions to up to 100 accounts, with when each began and expires.
///
/// A read sent as a PATCH with a JSON body, as both SDKs send it: idempotent.
///
/// ```
/// use nim_api::v2::subscription::QueryUserStatusSubscription;
/// # use nim_api::Endpoint as _;
/// let encoded = QueryUserStatusSubscription::new("zhangsan", ["lisi"]).encode().unwrap();
/// assert_eq!((encoded.method.as_str(), encoded.path.as_str()), ("PATCH", "/im/v2/subscription/zhangsan"));
/// assert_eq!(encoded.body.unwrap().1, r#"{"account_ids":["lisi"]}"#);
/// let none = QueryUserStatusSubscription::new("zhangsan", Vec::<String>::new());
/// assert_eq!(none.validate().unwrap_err().field(), "account_ids");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/subscription/{account_id}", method = "PATCH", idempotent, setters,
      response = UserStatusSubscriptions)]
pub struct QueryUserStatusSubscription {
    /// The subscriber.
    #[nim(path)]
    pub account_id: Accid,
    /// The accounts asked about, 1 to 100.
    #[nim(min_items = 1, max_items = 100)]
    pub account_ids: Vec<Accid>,
}

/// The answer of [`SubscribeUserStatus`] and [`UnsubscribeUserStatus`]: the accounts that
/// failed (both SDKs read `failed_list`). Look at [`failures`](Self::failures) (or
/// [`is_complete`](Self::is_complete)): a partial failure is a successful call.
///
/// ```
/// use nim_api::v2::subscription::SubscriptionResult;
///
/// let result: SubscriptionResult = serde_json::from_str(
///     r#"{"failed_list":[{"account_id":"nobody","error_code":102404,"error_msg":"account not found"}]}"#,
/// ).unwrap();
/// assert!(!result.is_complete());
/// assert_eq!((result.failures()[0].account(), result.failures()[0].error_code), (Some("nobody"), 102404));
/// let clean: SubscriptionResult = serde_json::from_str("{}").unwrap();
/// assert!(clean.is_complete());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SubscriptionResult {
    /// The accounts that failed, each with its code and message.
    #[serde(default)]
    pub failed_list: Vec<Failure>,
}

impl SubscriptionResult {
    /// The accounts that failed.
    pub fn failures(&self) -> &[Failure] {
        &self.failed_list
    }

    /// Whether every account succeeded.
    pub fn is_complete(&self) -> bool {
        self.failed_list.is_empty()
    }
}

/// [`QueryUserStatusSubscription`]'s answer: the subscriptions found, and the accounts that
/// failed.
///
/// ```
/// use nim_api::v2::subscription::UserStatusSubscriptions;
///
/// let answer: UserStatusSubscriptions = serde_json::from_str(
///     r#"{"subscribes":[{"account_id":"lisi","event_type":1,"subscribe_time":1700000000000,"expire_time":1700003600000}],
///         "failed_list":[]}"#,
/// ).unwrap();
/// assert!(answer.is_complete());
/// let lisi = answer.find("LiSi").unwrap();
/// assert_eq!((lisi.event_type, lisi.expire_time), (1, 1700003600000));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct UserStatusSubscriptions {
    /// The subscriptions of the accounts asked about.
    #[serde(default)]
    pub subscribes: Vec<UserStatusSubscription>,
    /// The accounts that failed, each with its code and message.
    #[serde(default)]
    pub failed_list: Vec<Failure>,
}

impl UserStatusSubscriptions {
    /// The accounts that failed.
    pub fn failures(&self) -> &[Failure] {
        &self.failed_list
    }

    /// Whether no account failed.
    pub fn is_complete(&self) -> bool {
        self.failed_list.is_empty()
    }

    /// The subscription to `account` (ASCII case ignored), if there is one.
    pub fn find(&self, account: &str) -> Option<&UserStatusSubscription> {
        self.subscribes
            .iter()
            .find(|s| s.account_id.eq_ignore_ascii_case(account))
    }
}

/// One subscription ([`UserStatusSubscriptions`]). The times are very likely milliseconds
/// (UNCONFIRMED: no source states the unit).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct UserStatusSubscription {
    /// The account subscribed to.
    #[serde(default)]
    pub account_id: String,
    /// The event kind: 1 = online status (the only one documented).
    #[serde(default)]
    pub event_type: u32,
    /// When the subscription was made (ms, UNCONFIRMED).
    #[serde(default)]
    pub subscribe_time: u64,
    /// When it expires (ms, UNCONFIRMED).
    #[serde(default)]
    pub expire_time: u64,
}

crate::catalogue::family! {
    "v2::subscription::";
    SubscribeUserStatus, UnsubscribeUserStatus, QueryUserStatusSubscription,
}
