//! A documented per-action rate limit, as data: what `Endpoint::RATE_LIMIT` says and what the
//! client's limiter enforces when it is on.

use std::fmt;
use std::time::Duration;

/// At most `calls` per `period`: an action's documented limit (e.g. batch sends 120 per
/// minute), past which the server answers 416 and blocks the app for a while.
///
/// ```
/// use nim_api::RateLimit;
/// use std::time::Duration;
///
/// let batch = RateLimit::per_minute(120);
/// assert_eq!(batch.calls(), 120);
/// assert_eq!(batch.period(), Duration::from_secs(60));
/// assert_eq!(batch.to_string(), "120/min");
/// # extern crate nim_core as nim_api;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RateLimit {
    calls: u32,
    period_secs: u32,
}

impl RateLimit {
    /// At most `calls` per second (at least 1).
    pub const fn per_second(calls: u32) -> Self {
        Self::new(calls, 1)
    }

    /// At most `calls` per minute (at least 1).
    pub const fn per_minute(calls: u32) -> Self {
        Self::new(calls, 60)
    }

    /// At most `calls` per day (at least 1).
    pub const fn per_day(calls: u32) -> Self {
        Self::new(calls, 86_400)
    }

    const fn new(calls: u32, period_secs: u32) -> Self {
        RateLimit {
            calls: if calls == 0 { 1 } else { calls },
            period_secs,
        }
    }

    /// How many calls a period allows.
    pub const fn calls(self) -> u32 {
        self.calls
    }

    /// The period.
    pub const fn period(self) -> Duration {
        Duration::from_secs(self.period_secs as u64)
    }
}

impl fmt::Display for RateLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.period_secs {
            1 => "s",
            60 => "min",
            _ => "day",
        };
        write!(f, "{}/{unit}", self.calls)
    }
}
