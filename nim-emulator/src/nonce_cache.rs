//! The nonces of recent requests, to answer a replay with 431.
//!
//! Memory stays bounded: an entry is forgotten once its window has passed, and every insert
//! first drops the entries that have expired, oldest first, from a heap ordered by expiry.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::sync::Arc;

/// How long a nonce is remembered, in seconds: the 5 minutes the API documents.
pub(crate) const WINDOW_SECS: u64 = 300;

/// Nonces seen within the window, each with the instant (Unix seconds) it may be forgotten.
#[derive(Debug, Default)]
pub(crate) struct NonceCache {
    live: HashMap<Arc<str>, u64>,
    by_expiry: BinaryHeap<Reverse<(u64, Arc<str>)>>,
}

impl NonceCache {
    /// Records `nonce`, signed at `cur_time` and received at `now`. Returns `false` when it
    /// was already seen within the window (a duplicate request).
    ///
    /// The entry lives until `max(now, cur_time) + window`: a signature stays acceptable up
    /// to `cur_time + window` (the CurTime check), so forgetting the nonce any earlier would
    /// let a replay of a request signed slightly in the future through. Since the CurTime
    /// check bounds `cur_time` to `now + window`, no entry lives longer than two windows.
    pub(crate) fn insert(&mut self, nonce: &str, cur_time: u64, now: u64) -> bool {
        self.forget_expired(now);
        if self.live.contains_key(nonce) {
            return false;
        }
        let expires = now.max(cur_time).saturating_add(WINDOW_SECS);
        // One allocation shared by the map and the heap.
        let key: Arc<str> = Arc::from(nonce);
        self.live.insert(Arc::clone(&key), expires);
        self.by_expiry.push(Reverse((expires, key)));
        true
    }

    /// Drops every entry whose window ended before `now`.
    pub(crate) fn forget_expired(&mut self, now: u64) {
        while let Some(Reverse((expires, _))) = self.by_expiry.peek() {
            if *expires >= now {
                break;
            }
            if let Some(Reverse((_, key))) = self.by_expiry.pop() {
                self.live.remove(&key);
            }
        }
    }

    /// How many nonces are remembered.
    pub(crate) fn len(&self) -> usize {
        self.live.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_for_exactly_the_window() {
        let mut cache = NonceCache::default();
        assert!(cache.insert("n", 1000, 1000));
        assert!(!cache.insert("n", 1000, 1000 + WINDOW_SECS));
        assert!(cache.insert("n", 1301, 1000 + WINDOW_SECS + 1));
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn a_future_signature_is_remembered_until_it_expires() {
        let mut cache = NonceCache::default();
        assert!(cache.insert("n", 1300, 1000));
        // 1000 + 300 has passed, but the signature (CurTime 1300) is still valid until 1600.
        assert!(!cache.insert("n", 1300, 1600));
        cache.forget_expired(1601);
        assert_eq!(cache.len(), 0);
    }

    #[test]
    fn a_clock_going_backwards_keeps_entries() {
        let mut cache = NonceCache::default();
        assert!(cache.insert("a", 1000, 1000));
        assert!(!cache.insert("a", 500, 500));
        assert_eq!(cache.len(), 1);
    }
}
