//! Where the emulator reads the time: the system clock, or a clock a test moves by hand.
//!
//! The emulator uses the same [`Clock`] trait as the client's signer, so one test clock can
//! drive both sides.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

pub use nim_core::{Clock, FixedClock, SystemClock};

/// A clock that stands still until told to move. Clones share the same time, so a test keeps
/// one clone and hands another to [`EmulatorBuilder::clock`](crate::EmulatorBuilder::clock).
///
/// ```
/// use nim_emulator::{Clock, ManualClock};
///
/// let clock = ManualClock::new(1_700_000_000);
/// let shared = clock.clone();
/// clock.advance(301);
/// assert_eq!(shared.now_unix(), 1_700_000_301);
/// clock.set(5);
/// assert_eq!(shared.now_unix(), 5);
/// ```
#[derive(Debug, Clone, Default)]
pub struct ManualClock(Arc<AtomicU64>);

impl ManualClock {
    /// A clock reading `now_unix` (Unix seconds).
    pub fn new(now_unix: u64) -> Self {
        ManualClock(Arc::new(AtomicU64::new(now_unix)))
    }

    /// Sets the time; it may go backwards.
    pub fn set(&self, now_unix: u64) {
        self.0.store(now_unix, Ordering::Relaxed);
    }

    /// Moves the time forward by `secs` seconds (saturating).
    pub fn advance(&self, secs: u64) {
        // fetch_update cannot fail with a closure that always answers Some.
        let _ = self
            .0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |t| {
                Some(t.saturating_add(secs))
            });
    }
}

impl Clock for ManualClock {
    fn now_unix(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}
