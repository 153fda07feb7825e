//! An optional client-side rate limit, so a bulk job stays under the app's plan instead of
//! collecting 416 answers: one for the app, and one per action that documents a stricter
//! limit of its own.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::rate::RateLimit;

/// Spaces calls evenly at `calls` per `period`, allowing a burst of up to one period's worth
/// after an idle period (a token bucket with capacity `calls`).
#[derive(Debug)]
pub(crate) struct RateLimiter {
    interval: Duration,
    burst: Duration,
    // The instant from which the next call may start, minus the burst allowance.
    next: Mutex<Instant>,
}

impl RateLimiter {
    pub(crate) fn new(limit: RateLimit) -> Self {
        let calls = limit.calls().max(1);
        let interval = limit.period() / calls;
        RateLimiter {
            interval,
            burst: interval * (calls - 1),
            next: Mutex::new(Instant::now()),
        }
    }

    /// Reserves the next slot and returns how long to wait for it.
    pub(crate) fn reserve(&self, now: Instant) -> Duration {
        // A poisoned lock only means another caller panicked mid-update; the Instant inside
        // is still valid.
        let mut next = self.next.lock().unwrap_or_else(|p| p.into_inner());
        let earliest = now.checked_sub(self.burst).unwrap_or(now);
        let slot = (*next).max(earliest);
        *next = slot + self.interval;
        slot.saturating_duration_since(now)
    }

    pub(crate) async fn acquire(&self) {
        let wait = self.reserve(Instant::now());
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }
}

/// The per-action limiters: the documented limit of each action called so far, or the one
/// the builder set for it instead.
#[derive(Debug, Default)]
pub(crate) struct ActionLimiters {
    overrides: HashMap<&'static str, RateLimit>,
    live: Mutex<HashMap<&'static str, Arc<RateLimiter>>>,
}

impl ActionLimiters {
    pub(crate) fn new(overrides: HashMap<&'static str, RateLimit>) -> Self {
        ActionLimiters {
            overrides,
            live: Mutex::default(),
        }
    }

    /// The limiter of the action at `path`, whose documented limit is `documented`; `None`
    /// when it has neither a documented nor a configured one.
    pub(crate) fn get(
        &self,
        path: &'static str,
        documented: Option<RateLimit>,
    ) -> Option<Arc<RateLimiter>> {
        let limit = self.overrides.get(path).copied().or(documented)?;
        // As above: a poisoned map is still a valid map.
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        Some(Arc::clone(
            live.entry(path)
                .or_insert_with(|| Arc::new(RateLimiter::new(limit))),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bursts_then_spaces_calls() {
        let limiter = RateLimiter::new(RateLimit::per_second(10));
        let start = Instant::now() + Duration::from_secs(5); // long idle: full burst available
        let waits: Vec<Duration> = (0..15).map(|_| limiter.reserve(start)).collect();
        assert!(waits[..10].iter().all(|w| w.is_zero()), "{waits:?}");
        assert_eq!(waits[10], Duration::from_millis(100));
        assert_eq!(waits[14], Duration::from_millis(500));
    }

    #[test]
    fn one_per_second_never_bursts() {
        let limiter = RateLimiter::new(RateLimit::per_second(1));
        let now = Instant::now() + Duration::from_secs(10);
        assert!(limiter.reserve(now).is_zero());
        assert_eq!(limiter.reserve(now), Duration::from_secs(1));
    }

    #[test]
    fn a_per_minute_limit_spaces_calls_after_its_burst() {
        let limiter = RateLimiter::new(RateLimit::per_minute(120));
        let start = Instant::now() + Duration::from_secs(120);
        let waits: Vec<Duration> = (0..122).map(|_| limiter.reserve(start)).collect();
        assert!(waits[..120].iter().all(|w| w.is_zero()));
        assert_eq!(waits[120], Duration::from_millis(500));
        assert_eq!(waits[121], Duration::from_secs(1));
    }

    #[test]
    fn an_override_replaces_the_documented_limit_and_limiters_are_shared() {
        let limiters = ActionLimiters::new(HashMap::from([("a", RateLimit::per_second(1))]));
        assert!(limiters.get("b", None).is_none());
        let a = limiters.get("a", Some(RateLimit::per_minute(10))).unwrap();
        assert!(Arc::ptr_eq(&a, &limiters.get("a", None).unwrap()));
        let now = Instant::now() + Duration::from_secs(10);
        assert!(a.reserve(now).is_zero());
        assert_eq!(a.reserve(now), Duration::from_secs(1));
        let b = limiters.get("b", Some(RateLimit::per_minute(10))).unwrap();
        assert!(b.reserve(now).is_zero());
    }
}
