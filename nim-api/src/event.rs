//! The v1 `event/subscribe/*` actions (在线状态订阅): subscribe an account to other
//! accounts' online-status events, unsubscribe (some or all), and list the subscriptions.
//!
//! The only event type the server supports is online status ([`EventType::OnlineStatus`],
//! `eventType=1`; the docs say "固定设置为1", always 1). `eventType` is therefore always sent,
//! as `1` unless changed: the Java SDK also defaults it to 1, while the Go SDK omits it when
//! unset (or, in another version, sends `0`), which the docs do not allow. It is not an
//! argument of `new`; set it with the `event_type` setter.
//!
//! One call names at most 100 publishers (`publisherAccids`, sent as a JSON array); a
//! subscriber has at most 3000 active subscriptions. Re-subscribing replaces the previous
//! validity period, and the same event is not re-published to a subscriber within 30 s (the
//! client guides say so; unconfirmed for the server API). Every account is an [`Accid`],
//! checked and sent lowercased. Rate limit: 100 calls per second per app for each (the
//! app-wide default; then 416 and a 10 s block).
//!
//! ```
//! use nim_api::event::AddEventSubscribe;
//! # use nim_api::Endpoint as _;
//!
//! let request = AddEventSubscribe::new("zhangsan", ["lisi", "wangwu"], 86400u64);
//! assert!(request.encode().is_ok());
//! ```

use serde::Deserialize;

use crate::Accid;
use crate::message::number_or_string;
use crate::wire::{int_enum, json_or_text, lenient_list};

int_enum! {
    /// The kind of event subscribed to (`eventType`): online status, the only one the server
    /// supports.
    #[derive(Default)]
    pub enum EventType: u8 {
        /// Online status (`1`, the default): logins and logouts, which the server publishes
        /// itself.
        #[default]
        OnlineStatus = 1,
    }
}

/// `event/subscribe/add.action`: subscribes `accid` to the online-status events of up to
/// 100 publishers, for `ttl` seconds (60 to 2592000, i.e. 1 minute to 30 days).
///
/// A partly failed subscription is a success: the publishers that could not be subscribed
/// to are in the answer's `failedAccid` ([`SubscribeResult::is_complete`]). The documented
/// codes are 200, 403, 414, 416, 419 (presumably the 3000-subscription cap), 431 and 500.
/// Idempotent: subscribing again replaces the validity period.
///
/// ```
/// use nim_api::event::{AddEventSubscribe, EventType};
/// # use nim_api::Endpoint as _;
///
/// let request = AddEventSubscribe::new("user1", ["Pub_User1", "pub_user2"], 86400u64)
///     .event_type(EventType::OnlineStatus);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "accid=user1&eventType=1&publisherAccids=%5B%22pub_user1%22%2C%22pub_user2%22%5D&ttl=86400"
/// );
/// let short = AddEventSubscribe::new("user1", ["pub_user1"], 59u64);
/// assert_eq!(short.validate().unwrap_err().field(), "ttl");
/// let none = AddEventSubscribe::new("user1", Vec::<&str>::new(), 60u64);
/// assert_eq!(none.validate().unwrap_err().field(), "publisherAccids");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "event/subscribe/add.action", idempotent, setters, response = SubscribeResult)]
pub struct AddEventSubscribe {
    /// The subscriber.
    pub accid: Accid,
    /// The event type (`eventType`), always sent: online status (`1`) unless changed.
    #[nim(rename = "eventType", default)]
    pub event_type: EventType,
    /// The accounts watched (`publisherAccids`, a JSON array): 1 to 100.
    #[nim(rename = "publisherAccids", min_items = 1, max_items = 100)]
    pub publisher_accids: Vec<Accid>,
    /// How long the subscription lasts, in seconds: 60 to 2592000 (30 days).
    #[nim(min = 60, max = 2592000)]
    pub ttl: u64,
}

/// `event/subscribe/delete.action`: cancels `accid`'s subscriptions to up to 100
/// publishers.
///
/// The publishers whose subscription could not be cancelled are in the answer's
/// `failedAccid` ([`SubscribeResult::is_complete`]). The return codes are not documented
/// for this action (presumably those of [`AddEventSubscribe`]). Idempotent.
///
/// ```
/// use nim_api::event::DeleteEventSubscribe;
/// # use nim_api::Endpoint as _;
///
/// let request = DeleteEventSubscribe::new("user1", ["pub_user1"]);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "accid=user1&eventType=1&publisherAccids=%5B%22pub_user1%22%5D"
/// );
/// let many = DeleteEventSubscribe::new("user1", (0..101).map(|i| format!("pub{i}")));
/// assert_eq!(many.validate().unwrap_err().field(), "publisherAccids");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "event/subscribe/delete.action", idempotent, setters, response = SubscribeResult)]
pub struct DeleteEventSubscribe {
    /// The subscriber.
    pub accid: Accid,
    /// The event type (`eventType`), always sent: online status (`1`) unless changed.
    #[nim(rename = "eventType", default)]
    pub event_type: EventType,
    /// The accounts no longer watched (`publisherAccids`, a JSON array): 1 to 100.
    #[nim(rename = "publisherAccids", min_items = 1, max_items = 100)]
    pub publisher_accids: Vec<Accid>,
}

/// `event/subscribe/batchdel.action`: cancels every subscription of `accid` to the event
/// type.
///
/// The answer is the success code only. The return codes are not documented for this
/// action. Idempotent.
///
/// ```
/// use nim_api::event::BatchDeleteEventSubscribe;
/// # use nim_api::Endpoint as _;
///
/// assert_eq!(
///     BatchDeleteEventSubscribe::new("User1").to_form().unwrap(),
///     "accid=user1&eventType=1"
/// );
/// let bad = BatchDeleteEventSubscribe::new("user 1");
/// assert_eq!(bad.validate().unwrap_err().field(), "accid");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "event/subscribe/batchdel.action", idempotent, setters)]
pub struct BatchDeleteEventSubscribe {
    /// The subscriber.
    pub accid: Accid,
    /// The event type (`eventType`), always sent: online status (`1`) unless changed.
    #[nim(rename = "eventType", default)]
    pub event_type: EventType,
}

/// `event/subscribe/query.action`: `accid`'s subscriptions to up to 100 given publishers,
/// with when each was made and when it expires.
///
/// Publishers with no active subscription are presumably left out of the answer
/// (unconfirmed). Idempotent.
///
/// ```
/// use nim_api::event::QueryEventSubscribe;
/// # use nim_api::Endpoint as _;
///
/// let request = QueryEventSubscribe::new("user1", ["pub_user1", "pub_user2"]);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "accid=user1&eventType=1&publisherAccids=%5B%22pub_user1%22%2C%22pub_user2%22%5D"
/// );
/// let bad = QueryEventSubscribe::new("user1", ["pub user"]);
/// assert_eq!(bad.validate().unwrap_err().field(), "publisherAccids[0]");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "event/subscribe/query.action", idempotent, setters, response = Subscriptions)]
pub struct QueryEventSubscribe {
    /// The subscriber.
    pub accid: Accid,
    /// The event type (`eventType`), always sent: online status (`1`) unless changed.
    #[nim(rename = "eventType", default)]
    pub event_type: EventType,
    /// The publishers asked about (`publisherAccids`, a JSON array): 1 to 100.
    #[nim(rename = "publisherAccids", min_items = 1, max_items = 100)]
    pub publisher_accids: Vec<Accid>,
}

/// The answer to [`AddEventSubscribe`] and [`DeleteEventSubscribe`] (top-level
/// `failedAccid`, a JSON array or text holding one): the publishers for which the call
/// failed. A partial failure is a success: check [`is_complete`](Self::is_complete).
///
/// ```
/// use nim_api::event::SubscribeResult;
///
/// let answer: SubscribeResult =
///     serde_json::from_str(r#"{"code":200,"failedAccid":["pub_user2"]}"#).unwrap();
/// assert!(!answer.is_complete());
/// assert_eq!(answer.failed_accid, ["pub_user2"]);
/// let clean: SubscribeResult = serde_json::from_str(r#"{"code":200,"failedAccid":[]}"#).unwrap();
/// assert!(clean.is_complete());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SubscribeResult {
    /// The publishers for which the call failed (`failedAccid`); empty when none did.
    #[serde(default, rename = "failedAccid", deserialize_with = "lenient_list")]
    pub failed_accid: Vec<String>,
}

impl SubscribeResult {
    /// Whether the call succeeded for every publisher (nothing in `failedAccid`).
    pub fn is_complete(&self) -> bool {
        self.failed_accid.is_empty()
    }
}

/// The answer to [`QueryEventSubscribe`] (top-level `subscribes`, a JSON array or text
/// holding one).
///
/// ```
/// use nim_api::event::{EventType, Subscriptions};
///
/// let answer: Subscriptions = serde_json::from_str(
///     r#"{"code":200,"subscribes":[{"accid":"pub_user1","eventType":1,
///         "expireTime":1490341879766,"subscribeTime":1490255479766}]}"#,
/// ).unwrap();
/// let first = &answer.subscribes[0];
/// assert_eq!(first.accid, "pub_user1");
/// assert_eq!(first.kind(), Some(EventType::OnlineStatus));
/// assert_eq!(first.expire_time - first.subscribe_time, 86_400_000);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Subscriptions {
    /// The active subscriptions among the publishers asked about.
    #[serde(default, deserialize_with = "json_or_text")]
    pub subscribes: Vec<Subscription>,
}

/// One subscription, as [`QueryEventSubscribe`] answers it.
///
/// Its time is `subscribeTime`, as the legacy docs and both official SDKs spell it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Subscription {
    /// The publisher watched.
    #[serde(default)]
    pub accid: String,
    /// The event type as sent (`eventType`); see [`kind`](Self::kind).
    #[serde(default, rename = "eventType")]
    pub event_type: u32,
    /// When the subscription expires, in milliseconds (`expireTime`).
    #[serde(default, rename = "expireTime", deserialize_with = "number_or_string")]
    pub expire_time: u64,
    /// When it was made, in milliseconds (`subscribeTime`).
    #[serde(
        default,
        rename = "subscribeTime",
        deserialize_with = "number_or_string"
    )]
    pub subscribe_time: u64,
}

impl Subscription {
    /// The event type, when it is one nim-rs knows.
    pub fn kind(&self) -> Option<EventType> {
        u8::try_from(self.event_type)
            .ok()
            .and_then(EventType::from_number)
    }
}

crate::catalogue::family! {
    "event::";
    AddEventSubscribe, DeleteEventSubscribe, BatchDeleteEventSubscribe, QueryEventSubscribe,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Endpoint as _;
    use crate::decode::decode;

    #[test]
    fn answers_decode_from_the_top_level() {
        let added =
            decode::<AddEventSubscribe>(br#"{"code":200,"failedAccid":"[\"b\"]"}"#).unwrap();
        assert_eq!(added.failed_accid, ["b"]);
        let deleted = decode::<DeleteEventSubscribe>(br#"{"code":200}"#).unwrap();
        assert!(deleted.is_complete());
        assert!(decode::<BatchDeleteEventSubscribe>(br#"{"code":200}"#).is_ok());
        let text = decode::<QueryEventSubscribe>(
            br#"{"code":200,"subscribes":"[{\"accid\":\"a\",\"eventType\":7,\"expireTime\":2,\"subscribeTime\":1}]"}"#,
        )
        .unwrap();
        assert_eq!(text.subscribes[0].kind(), None);
        assert_eq!(text.subscribes[0].expire_time, 2);
        let empty = decode::<QueryEventSubscribe>(br#"{"code":200}"#).unwrap();
        assert!(empty.subscribes.is_empty());
    }

    #[test]
    fn limits_are_checked_before_sending() {
        let bounds = |ttl| AddEventSubscribe::new("a", ["b"], ttl).validate().is_ok();
        assert!(!bounds(59) && bounds(60) && bounds(2_592_000) && !bounds(2_592_001));
        let full = QueryEventSubscribe::new("a", (0..100).map(|i| format!("p{i}")));
        assert!(full.validate().is_ok());
        assert_eq!(
            DeleteEventSubscribe::new("a", (0..101).map(|i| format!("p{i}")))
                .validate()
                .unwrap_err()
                .to_string(),
            "`publisherAccids` has 101 items, at most 100 allowed"
        );
        assert_eq!(
            EventType::default().as_number(),
            1,
            "eventType defaults to 1"
        );
        assert_eq!(
            BatchDeleteEventSubscribe::default().event_type,
            EventType::OnlineStatus
        );
    }
}
