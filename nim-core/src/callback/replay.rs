//! Remembers recently accepted callbacks so a captured one cannot be played again inside the
//! window in which its `CurTime` still looks fresh.

use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;

/// One accepted callback: its CheckSum (20 bytes of sha1) and its `CurTime` as sent.
type Key = ([u8; 20], u64);

/// A bounded set of accepted callbacks, oldest forgotten first.
pub(crate) struct ReplayCache {
    capacity: usize,
    inner: Mutex<Seen>,
}

#[derive(Default)]
struct Seen {
    keys: HashSet<Key>,
    /// Insertion order, with the time (Unix seconds) after which the entry no longer matters:
    /// past it the callback is refused as stale before the cache is asked.
    order: VecDeque<(Key, u64)>,
}

impl std::fmt::Debug for ReplayCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReplayCache")
            .field("capacity", &self.capacity)
            .finish_non_exhaustive()
    }
}

impl ReplayCache {
    pub(crate) fn new(capacity: usize) -> Self {
        ReplayCache {
            capacity: capacity.max(1),
            inner: Mutex::new(Seen::default()),
        }
    }

    /// Records the callback signed `check_sum_hex` at `cur_time`, answering `false` when it was
    /// already recorded. `useful_until` is when the window closes on it; `now` drops entries
    /// whose window has closed.
    pub(crate) fn first_sight(
        &self,
        check_sum_hex: &str,
        cur_time: u64,
        useful_until: u64,
        now: u64,
    ) -> bool {
        let mut digest = [0u8; 20];
        // The caller passes the CheckSum it computed itself (40 lowercase hex digits), never
        // the header text, so this cannot fail; a failure would only make keys collide more.
        let _ = hex::decode_to_slice(check_sum_hex, &mut digest);
        let key = (digest, cur_time);
        // A panic elsewhere while holding the lock leaves the set consistent (each step below
        // is a single insert or remove), so a poisoned lock is still usable.
        let mut seen = self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if seen.keys.contains(&key) {
            return false;
        }
        while let Some(&(old, until)) = seen.order.front() {
            if until >= now && seen.order.len() < self.capacity {
                break;
            }
            seen.order.pop_front();
            seen.keys.remove(&old);
        }
        seen.keys.insert(key);
        seen.order.push_back((key, useful_until));
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUM_A: &str = "570d1ef707f637a88ded846b26965d745f55b47f";
    const SUM_B: &str = "2cdb6b4d8fdd757fce0d1eb1227b0a2d930a4817";

    #[test]
    fn the_same_pair_is_refused_until_forgotten() {
        let cache = ReplayCache::new(10);
        assert!(cache.first_sight(SUM_A, 1, 400, 100));
        assert!(!cache.first_sight(SUM_A, 1, 400, 100));
        // Another CurTime or another CheckSum is another callback.
        assert!(cache.first_sight(SUM_A, 2, 400, 100));
        assert!(cache.first_sight(SUM_B, 1, 400, 100));
        // Once its window has closed an entry is dropped on the next insert.
        assert!(cache.first_sight(SUM_B, 9, 900, 500));
        assert!(cache.first_sight(SUM_A, 1, 900, 500));
    }

    #[test]
    fn capacity_bounds_memory_and_forgets_the_oldest() {
        let cache = ReplayCache::new(3);
        for t in 0..3 {
            assert!(cache.first_sight(SUM_A, t, 1_000, 0));
        }
        assert!(cache.first_sight(SUM_A, 3, 1_000, 0));
        let len = cache.inner.lock().map(|s| s.order.len()).unwrap_or(0);
        assert_eq!(len, 3);
        // 0 was forgotten to make room; 1..=3 are still refused.
        assert!(!cache.first_sight(SUM_A, 3, 1_000, 0));
        assert!(!cache.first_sight(SUM_A, 1, 1_000, 0));
        assert!(cache.first_sight(SUM_A, 0, 1_000, 0));
        assert_eq!(ReplayCache::new(0).capacity, 1);
    }
}
