//! The client-side rate limit shared by every worker: calls evenly spaced at `--rate` per
//! second, and a pause of `--block-secs` for everyone once the server answers 416.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Spaces calls at a fixed rate and pauses all of them after a 416.
#[derive(Debug)]
pub struct Limiter {
    interval: Option<Duration>,
    block: Duration,
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    /// The earliest start of the next call.
    next: Instant,
    /// No call starts before this (after a 416).
    blocked_until: Option<Instant>,
    /// How many 416 pauses were started.
    blocks: u64,
}

impl Limiter {
    /// `per_second` calls a second (0: no limit); `block` is how long a 416 pauses calls.
    pub fn new(per_second: u32, block: Duration) -> Limiter {
        Limiter {
            interval: (per_second > 0).then(|| Duration::from_secs(1) / per_second),
            block,
            state: Mutex::new(State {
                next: Instant::now(),
                blocked_until: None,
                blocks: 0,
            }),
        }
    }

    /// Waits for this call's turn.
    pub async fn acquire(&self) {
        loop {
            let wait = self.reserve(Instant::now());
            if wait.is_zero() {
                return;
            }
            tokio::time::sleep(wait).await;
            // A 416 may have started a pause while this call slept: check again.
            if self.paused_for(Instant::now()).is_zero() {
                return;
            }
        }
    }

    /// Takes the next slot; answers how long to wait for it.
    fn reserve(&self, now: Instant) -> Duration {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let mut start = now;
        if let Some(until) = state.blocked_until {
            start = start.max(until);
        }
        if let Some(interval) = self.interval {
            start = start.max(state.next);
            state.next = start + interval;
        }
        start.saturating_duration_since(now)
    }

    fn paused_for(&self, now: Instant) -> Duration {
        let state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        state
            .blocked_until
            .map_or(Duration::ZERO, |until| until.saturating_duration_since(now))
    }

    /// The server answered 416: no call starts for the block time from now. A 416 answered
    /// during a pause (a call sent before it began) does not start another one.
    pub fn rate_limited(&self) {
        let now = Instant::now();
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if state.blocked_until.is_some_and(|until| until > now) {
            return;
        }
        state.blocked_until = Some(now + self.block);
        state.blocks += 1;
    }

    /// How many pauses a 416 started.
    pub fn blocks(&self) -> u64 {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).blocks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_evenly_spaced() {
        let limiter = Limiter::new(100, Duration::from_secs(10));
        let now = Instant::now();
        let waits: Vec<_> = (0..4).map(|_| limiter.reserve(now)).collect();
        assert_eq!(waits, [0, 10, 20, 30].map(Duration::from_millis).to_vec());
    }

    #[test]
    fn no_limit_means_no_wait_until_a_416() {
        let limiter = Limiter::new(0, Duration::from_millis(300));
        assert!(limiter.reserve(Instant::now()).is_zero());
        limiter.rate_limited();
        limiter.rate_limited(); // during the pause: no new one
        assert_eq!(limiter.blocks(), 1);
        let wait = limiter.reserve(Instant::now());
        assert!(wait > Duration::from_millis(200) && wait <= Duration::from_millis(300));
    }

    #[tokio::test]
    async fn a_416_pauses_callers_already_waiting() {
        let limiter = std::sync::Arc::new(Limiter::new(0, Duration::from_millis(200)));
        let start = Instant::now();
        limiter.acquire().await;
        limiter.rate_limited();
        limiter.acquire().await;
        assert!(start.elapsed() >= Duration::from_millis(200));
    }
}
