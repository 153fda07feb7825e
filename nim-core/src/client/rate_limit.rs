//! An optional client-side rate limit, so a bulk job stays under the app's plan instead of
//! collecting 416 answers.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Spaces calls evenly at `per_second`, allowing a burst of up to one second's worth after
/// an idle period (a token bucket with capacity `per_second`).
#[derive(Debug)]
pub(crate) struct RateLimiter {
    interval: Duration,
    burst: Duration,
    // The instant from which the next call may start, minus the burst allowance.
    next: Mutex<Instant>,
}

impl RateLimiter {
    pub(crate) fn new(per_second: u32) -> Self {
        let per_second = per_second.max(1);
        let interval = Duration::from_secs(1) / per_second;
        RateLimiter {
            interval,
            burst: interval * (per_second - 1),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bursts_then_spaces_calls() {
        let limiter = RateLimiter::new(10);
        let start = Instant::now() + Duration::from_secs(5); // long idle: full burst available
        let waits: Vec<Duration> = (0..15).map(|_| limiter.reserve(start)).collect();
        assert!(waits[..10].iter().all(|w| w.is_zero()), "{waits:?}");
        assert_eq!(waits[10], Duration::from_millis(100));
        assert_eq!(waits[14], Duration::from_millis(500));
    }

    #[test]
    fn one_per_second_never_bursts() {
        let limiter = RateLimiter::new(1);
        let now = Instant::now() + Duration::from_secs(10);
        assert!(limiter.reserve(now).is_zero());
        assert_eq!(limiter.reserve(now), Duration::from_secs(1));
    }
}
