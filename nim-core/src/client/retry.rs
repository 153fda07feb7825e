//! When a failed attempt is sent again, and how long to wait first.
//!
//! The rule that matters: a request that is not idempotent (create, refreshToken) is only
//! sent again when the failed attempt provably never left (the connection was never made),
//! or the server provably did not act on it (its clock check failed). A timeout or a reset
//! after sending may have reached the server, and a second create would then fail with
//! "already register" or, worse, a second refreshToken would silently replace the token the
//! first one returned.

use std::time::Duration;

use crate::code::Code;
use crate::error::{Error, ErrorKind};

/// How many times to try a call and how long to wait in between.
///
/// The default tries 3 times, waiting 100 ms then 200 ms (each halved at random, so many
/// clients do not retry in step), within an overall deadline of 30 s.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use std::time::Duration;
/// use nim_api::RetryPolicy;
///
/// let policy = RetryPolicy::default()
///     .max_attempts(5)
///     .backoff(Duration::from_millis(50), Duration::from_secs(1))
///     .deadline(Duration::from_secs(10));
/// assert_eq!(policy.attempts(), 5);
/// assert_eq!(RetryPolicy::none().attempts(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    deadline: Duration,
    jitter: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(2),
            deadline: Duration::from_secs(30),
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// One attempt, no retries.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// The most attempts per call, the first included (at least 1).
    #[must_use]
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The wait before the first retry, doubling up to `max` for later ones. Both are capped
    /// at one hour.
    #[must_use]
    pub fn backoff(mut self, initial: Duration, max: Duration) -> Self {
        const CAP: Duration = Duration::from_secs(3600);
        self.initial_backoff = initial.min(CAP);
        self.max_backoff = max.min(CAP).max(self.initial_backoff);
        self
    }

    /// No retry starts once this much time has passed since the call began.
    #[must_use]
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// Whether to randomise waits (on by default; off makes tests exact).
    #[must_use]
    pub fn jitter(mut self, jitter: bool) -> Self {
        self.jitter = jitter;
        self
    }

    /// The most attempts per call.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The overall deadline.
    pub fn overall_deadline(&self) -> Duration {
        self.deadline
    }

    /// The wait before retry number `retry` (1 for the first retry).
    pub(crate) fn wait_before(&self, retry: u32) -> Duration {
        let factor = 1u32
            .checked_shl(retry.saturating_sub(1))
            .unwrap_or(u32::MAX);
        let full = self
            .initial_backoff
            .saturating_mul(factor)
            .min(self.max_backoff);
        if !self.jitter {
            return full;
        }
        // "Equal jitter": half the wait is fixed, the other half random.
        let mut byte = [0u8; 1];
        let fraction = match getrandom::fill(&mut byte) {
            Ok(()) => f64::from(byte[0]) / 255.0,
            Err(_) => 0.5,
        };
        full / 2 + full.mul_f64(fraction / 2.0)
    }
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Give up: the error is final, or sending again could act twice.
    Stop,
    /// Send again (re-signed).
    Retry,
}

/// Whether a failed attempt may be sent again, given whether the action is idempotent.
pub(crate) fn verdict(err: &Error, idempotent: bool) -> Verdict {
    let retry_if = |ok: bool| if ok { Verdict::Retry } else { Verdict::Stop };
    match err.kind() {
        // Never sent: safe for every action.
        ErrorKind::Connect => Verdict::Retry,
        // Overload answers: the server may or may not have acted, so only for idempotent ones.
        ErrorKind::Api { code, .. } => retry_if(
            idempotent
                && matches!(
                    code,
                    Code::RateLimited | Code::ServerBusy | Code::ServiceUnavailable
                ),
        ),
        ErrorKind::HttpStatus { status, .. } => retry_if(idempotent && matches!(status, 502..=504)),
        ErrorKind::Timeout | ErrorKind::Transport => retry_if(idempotent),
        // Truncated bodies and the rest: the server acted; its answer was lost or odd.
        ErrorKind::TruncatedJson { .. } => retry_if(idempotent),
        _ => Verdict::Stop,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_idempotent_only_retries_what_was_never_sent() {
        let cases = [
            (
                Error::new(ErrorKind::Connect),
                Verdict::Retry,
                Verdict::Retry,
            ),
            (
                Error::new(ErrorKind::Timeout),
                Verdict::Stop,
                Verdict::Retry,
            ),
            (
                Error::new(ErrorKind::Transport),
                Verdict::Stop,
                Verdict::Retry,
            ),
            (Error::api(503, "busy"), Verdict::Stop, Verdict::Retry),
            (Error::api(416, ""), Verdict::Stop, Verdict::Retry),
            (Error::api(514, ""), Verdict::Stop, Verdict::Retry),
            (
                Error::api(414, "already register"),
                Verdict::Stop,
                Verdict::Stop,
            ),
            (Error::api(500, ""), Verdict::Stop, Verdict::Stop),
            (
                Error::new(ErrorKind::HttpStatus {
                    status: 502,
                    snippet: String::new(),
                }),
                Verdict::Stop,
                Verdict::Retry,
            ),
            (
                Error::new(ErrorKind::HttpStatus {
                    status: 404,
                    snippet: String::new(),
                }),
                Verdict::Stop,
                Verdict::Stop,
            ),
            (
                Error::new(ErrorKind::TruncatedJson {
                    snippet: String::new(),
                }),
                Verdict::Stop,
                Verdict::Retry,
            ),
            (
                Error::new(ErrorKind::NotJson {
                    snippet: String::new(),
                }),
                Verdict::Stop,
                Verdict::Stop,
            ),
        ];
        for (err, create, update) in cases {
            assert_eq!(
                verdict(&err, false),
                create,
                "{err:?} for a non-idempotent action"
            );
            assert_eq!(
                verdict(&err, true),
                update,
                "{err:?} for an idempotent action"
            );
        }
    }

    #[test]
    fn backoff_doubles_and_caps() {
        let p = RetryPolicy::default()
            .backoff(Duration::from_millis(100), Duration::from_millis(350))
            .jitter(false);
        assert_eq!(p.wait_before(1), Duration::from_millis(100));
        assert_eq!(p.wait_before(2), Duration::from_millis(200));
        assert_eq!(p.wait_before(3), Duration::from_millis(350));
        assert_eq!(p.wait_before(40), Duration::from_millis(350));
    }

    #[test]
    fn jitter_stays_within_half_and_full() {
        let p = RetryPolicy::default().backoff(Duration::from_millis(100), Duration::from_secs(1));
        for _ in 0..100 {
            let w = p.wait_before(1);
            assert!(
                w >= Duration::from_millis(50) && w <= Duration::from_millis(100),
                "{w:?}"
            );
        }
    }
}
