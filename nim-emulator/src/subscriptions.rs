//! The online-status subscription store, shared by v1 `event/subscribe/*.action` and v2
//! `/im/v2/subscription/{account_id}`: subscriber -> publisher -> validity, so a subscription
//! made through either protocol is queried, renewed and cancelled through both. Only event
//! type 1 (online status) exists.
//!
//! - **Expiry.** Times are state-clock milliseconds. An entry whose `expire_time` is not after
//!   now is gone: no query shows it, the cap does not count it, and it is pruned the next time
//!   its subscriber's entries are touched.
//! - **Renewal.** Subscribing again overwrites the validity period (`subscribe_time` = now,
//!   `expire_time` = now + the new ttl), as the client guides say, except within 60 s of the
//!   previous `subscribe_time`: then the old entry stays as it is. The 60 s rule comes from
//!   the Java SDK's comment ("a repeated subscription within 1 minute has no effect"), not
//!   from a server page.
//! - **Cap.** At most 3000 active publishers per subscriber (documented for v1, stated for v2
//!   by the Java SDK Javadoc). A call that would go beyond it changes nothing and is refused
//!   as a whole. Tests can lower it with
//!   [`Emulator::set_subscription_limit`](crate::Emulator::set_subscription_limit).

use std::collections::{BTreeMap, HashMap};

use nim_core::Code;

use crate::accounts::Accounts;
use crate::reply::ApiError;

/// The documented cap on active publishers per subscriber.
pub(crate) const DEFAULT_LIMIT: usize = 3000;

/// A repeat within this many milliseconds of the previous subscribe keeps the old entry.
const REPEAT_WINDOW_MS: u64 = 60_000;

/// The shortest and longest validity of a subscription, in seconds (v1 `ttl`, v2
/// `duration`): 1 minute to 30 days.
const TTL_SECS: std::ops::RangeInclusive<u64> = 60..=2_592_000;

/// Refuses a validity (`field`: v1 `ttl`, v2 `duration`) outside [`TTL_SECS`] with 414.
pub(crate) fn check_ttl(field: &str, secs: u64) -> Result<(), ApiError> {
    if TTL_SECS.contains(&secs) {
        return Ok(());
    }
    Err(ApiError::param(format!(
        "{field} must be {} to {} seconds, not {secs}",
        TTL_SECS.start(),
        TTL_SECS.end()
    )))
}

/// The most publishers one call names (both protocols).
pub(crate) const PUBLISHERS_MAX: usize = 100;

/// One active online-status subscription, returned by
/// [`Emulator::subscriptions`](crate::Emulator::subscriptions).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct SubscriptionRecord {
    /// The account whose online status is watched (lowercased).
    pub publisher: String,
    /// When the subscription was made or last renewed, Unix ms of the state clock.
    pub subscribe_time: u64,
    /// When it ends, Unix ms of the state clock.
    pub expire_time: u64,
}

/// One subscription's validity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Validity {
    subscribe_time: u64,
    expire_time: u64,
}

/// A subscribe call that would go beyond the cap: nothing was changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OverLimit {
    /// The cap that applies.
    pub(crate) limit: usize,
}

impl OverLimit {
    /// 419 in both protocols (v1 documents 419 among the subscribe codes; v2 documents none,
    /// so the emulator keeps 419).
    pub(crate) fn error(self) -> ApiError {
        ApiError::new(
            Code::OverLimit,
            format!(
                "too many subscriptions: at most {} active publishers per account",
                self.limit
            ),
        )
    }
}

/// `ids` split into the existing accounts (lowercased) and the others (as sent).
pub(crate) fn split_known(accounts: &Accounts, ids: Vec<String>) -> (Vec<String>, Vec<String>) {
    // One account named twice (in any case) counts once.
    let mut seen: Vec<String> = Vec::with_capacity(ids.len());
    let ids: Vec<String> = ids
        .into_iter()
        .filter(|id| {
            let lower = id.to_ascii_lowercase();
            let first = !seen.contains(&lower);
            seen.push(lower);
            first
        })
        .collect();
    let (known, unknown): (Vec<String>, Vec<String>) =
        ids.into_iter().partition(|id| accounts.contains(id));
    let known = known.iter().map(|id| id.to_ascii_lowercase()).collect();
    (known, unknown)
}

/// Every subscription, by subscriber then publisher (both lowercased).
#[derive(Debug)]
pub(crate) struct Subscriptions {
    by_subscriber: HashMap<String, BTreeMap<String, Validity>>,
    limit: usize,
}

impl Default for Subscriptions {
    fn default() -> Self {
        Subscriptions {
            by_subscriber: HashMap::new(),
            limit: DEFAULT_LIMIT,
        }
    }
}

impl Subscriptions {
    /// Sets the cap on active publishers per subscriber.
    pub(crate) fn set_limit(&mut self, limit: usize) {
        self.limit = limit;
    }

    /// The active entries of `subscriber`, expired ones dropped first.
    /// The live entries of `subscriber` for a read: expired ones dropped, nothing created
    /// for a subscriber without any.
    fn live(&mut self, subscriber: &str, now_ms: u64) -> Option<&BTreeMap<String, Validity>> {
        let entries = self.by_subscriber.get_mut(subscriber)?;
        entries.retain(|_, v| v.expire_time > now_ms);
        Some(entries)
    }

    fn active(&mut self, subscriber: &str, now_ms: u64) -> &mut BTreeMap<String, Validity> {
        let entries = self.by_subscriber.entry(subscriber.to_owned()).or_default();
        entries.retain(|_, v| v.expire_time > now_ms);
        entries
    }

    /// Subscribes `subscriber` to `publishers` for `ttl_secs` from `now_ms`: new and renewed
    /// entries get the new period, entries made less than 60 s ago stay as they are. Refused
    /// as a whole, with nothing changed, when the active publishers would exceed the cap.
    pub(crate) fn subscribe(
        &mut self,
        subscriber: &str,
        publishers: &[String],
        now_ms: u64,
        ttl_secs: u64,
    ) -> Result<(), OverLimit> {
        let limit = self.limit;
        let entries = self.active(subscriber, now_ms);
        let mut new: Vec<&String> = publishers
            .iter()
            .filter(|p| !entries.contains_key(p.as_str()))
            .collect();
        new.sort();
        new.dedup();
        if entries.len().saturating_add(new.len()) > limit {
            return Err(OverLimit { limit });
        }
        let period = Validity {
            subscribe_time: now_ms,
            expire_time: now_ms.saturating_add(ttl_secs.saturating_mul(1000)),
        };
        for publisher in publishers {
            match entries.get_mut(publisher) {
                Some(old) if now_ms < old.subscribe_time.saturating_add(REPEAT_WINDOW_MS) => {}
                Some(old) => *old = period,
                None => {
                    entries.insert(publisher.clone(), period);
                }
            }
        }
        Ok(())
    }

    /// Cancels the subscriptions of `subscriber` to `publishers` (not subscribed: nothing).
    pub(crate) fn unsubscribe(&mut self, subscriber: &str, publishers: &[String]) {
        if let Some(entries) = self.by_subscriber.get_mut(subscriber) {
            for publisher in publishers {
                entries.remove(publisher);
            }
        }
    }

    /// Cancels every subscription of `subscriber`.
    pub(crate) fn unsubscribe_all(&mut self, subscriber: &str) {
        self.by_subscriber.remove(subscriber);
    }

    /// The active subscriptions of `subscriber` among `publishers`, in the order asked (each
    /// once); publishers not subscribed, or expired, are left out.
    pub(crate) fn query(
        &mut self,
        subscriber: &str,
        publishers: &[String],
        now_ms: u64,
    ) -> Vec<SubscriptionRecord> {
        let Some(entries) = self.live(subscriber, now_ms) else {
            return Vec::new();
        };
        let mut out: Vec<SubscriptionRecord> = Vec::new();
        for publisher in publishers {
            if out.iter().any(|r| &r.publisher == publisher) {
                continue;
            }
            if let Some(v) = entries.get(publisher) {
                out.push(record(publisher, *v));
            }
        }
        out
    }

    /// Every active subscription of `subscriber`, sorted by publisher.
    pub(crate) fn all(&mut self, subscriber: &str, now_ms: u64) -> Vec<SubscriptionRecord> {
        self.live(subscriber, now_ms)
            .map(|entries| entries.iter().map(|(p, v)| record(p, *v)).collect())
            .unwrap_or_default()
    }
}

fn record(publisher: &str, v: Validity) -> SubscriptionRecord {
    SubscriptionRecord {
        publisher: publisher.to_owned(),
        subscribe_time: v.subscribe_time,
        expire_time: v.expire_time,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn expiry_repeat_window_and_cap() {
        let mut s = Subscriptions::default();
        s.set_limit(2);
        s.subscribe("me", &ids(&["a", "a"]), 1_000, 60).unwrap();
        assert_eq!(s.all("me", 1_000).len(), 1);
        // Within 60 s: unchanged.
        s.subscribe("me", &ids(&["a"]), 59_999, 3600).unwrap();
        assert_eq!(s.all("me", 2_000)[0].expire_time, 61_000);
        // At 60 s: renewed.
        s.subscribe("me", &ids(&["a"]), 61_000, 3600).unwrap();
        assert_eq!(s.all("me", 61_000)[0].subscribe_time, 61_000);
        assert_eq!(
            s.subscribe("me", &ids(&["b", "c"]), 61_000, 60),
            Err(OverLimit { limit: 2 })
        );
        assert_eq!(s.all("me", 61_000).len(), 1, "nothing changed");
        s.subscribe("me", &ids(&["b"]), 61_000, 60).unwrap();
        // b expires at 121 000; then c fits.
        assert!(s.query("me", &ids(&["b"]), 121_000).is_empty());
        s.subscribe("me", &ids(&["c"]), 121_000, 60).unwrap();
        assert_eq!(s.query("me", &ids(&["c", "a", "c"]), 121_000).len(), 2);
        s.unsubscribe("me", &ids(&["a", "zz"]));
        assert_eq!(s.all("me", 121_000).len(), 1);
        s.unsubscribe_all("me");
        assert!(s.all("me", 121_000).is_empty());
    }
}
