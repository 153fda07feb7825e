//! The nonces of recent requests, to answer a replay with 431.
//!
//! Memory stays bounded: an entry is forgotten once its window has passed, and every insert
//! first drops the entries that have expired, oldest first.
//!
//! Every nonce of the last 5 minutes must be remembered, so at a sustained load the cache
//! holds `requests per second x 300` entries (13.5 million at 45,000 requests per second), and
//! each entry is kept small: not the nonce's text but a 64-bit keyed hash of it (SipHash with
//! keys drawn per cache), in a set, plus the same 8 bytes in a list per expiry second. That
//! is about 25 bytes an entry, against about 140 for the text in a map and a heap.
//!
//! A replay always has the hash of its first request, so it is always caught. Two different
//! nonces with the same hash would make the second look like a replay: with a million live
//! entries the chance for one request is about 1 in 2^44, and the hash keys are secret and
//! new for each emulator, so no client can aim for a collision.

use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

/// How long a nonce is remembered, in seconds: the 5 minutes the API documents.
pub(crate) const WINDOW_SECS: u64 = 300;

/// Below this many slots the set is never shrunk: small tables are not worth rehashing.
const MIN_SHRINK_CAPACITY: usize = 4096;

/// Nonces seen within the window: their hashes, and the instant (Unix seconds) after which
/// each may be forgotten.
#[derive(Debug, Default)]
pub(crate) struct NonceCache {
    /// Hashes the nonces (keyed, fresh keys per cache).
    keys: RandomState,
    /// The hashes of the live nonces. They are already uniformly distributed, so the set
    /// uses them as they are instead of hashing them again.
    live: HashSet<u64, BuildHasherDefault<PassThrough>>,
    /// The same hashes, grouped by the second after which they are forgotten.
    by_expiry: BTreeMap<u64, Vec<u64>>,
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
        let hash = self.keys.hash_one(nonce);
        if !self.live.insert(hash) {
            return false;
        }
        let expires = now.max(cur_time).saturating_add(WINDOW_SECS);
        self.by_expiry.entry(expires).or_default().push(hash);
        true
    }

    /// Drops every entry whose window ended before `now`, and gives memory back once the
    /// set is mostly empty (after a burst).
    pub(crate) fn forget_expired(&mut self, now: u64) {
        let mut forgot = false;
        while let Some(entry) = self.by_expiry.first_entry() {
            if *entry.key() >= now {
                break;
            }
            for hash in entry.remove() {
                self.live.remove(&hash);
            }
            forgot = true;
        }
        let capacity = self.live.capacity();
        if forgot && capacity > MIN_SHRINK_CAPACITY && self.live.len() < capacity / 4 {
            self.live.shrink_to(self.live.len() * 2);
        }
    }

    /// How many nonces are remembered.
    pub(crate) fn len(&self) -> usize {
        self.live.len()
    }

    /// The number of hashes the set has room for without growing (for the memory tests).
    #[cfg(test)]
    fn capacity(&self) -> usize {
        self.live.capacity()
    }
}

/// A `Hasher` for keys that are hashes already: it hands the `u64` on unchanged.
#[derive(Debug, Default, Clone, Copy)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used (the set holds `u64`s); fold anything else in so the
        // hasher stays correct, if slow, for other input.
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
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

    #[test]
    fn distinct_nonces_are_all_accepted_and_each_replay_refused() {
        let mut cache = NonceCache::default();
        let nonces: Vec<String> = (0..50_000).map(|i| format!("{i:032x}")).collect();
        for nonce in &nonces {
            assert!(cache.insert(nonce, 1000, 1000), "{nonce}");
        }
        for nonce in &nonces {
            assert!(!cache.insert(nonce, 1000, 1000), "{nonce}");
        }
        assert_eq!(cache.len(), nonces.len());
    }

    #[test]
    fn entries_out_of_expiry_order_expire_each_at_its_time() {
        let mut cache = NonceCache::default();
        assert!(cache.insert("late", 1200, 1000)); // expires 1500
        assert!(cache.insert("early", 1000, 1000)); // expires 1300
        assert!(cache.insert("middle", 1100, 1000)); // expires 1400
        cache.forget_expired(1301);
        assert_eq!(cache.len(), 2);
        assert!(cache.insert("early", 1301, 1301));
        cache.forget_expired(1401);
        assert!(cache.insert("middle", 1401, 1401));
        assert!(!cache.insert("late", 1401, 1401));
        cache.forget_expired(1501);
        assert!(cache.insert("late", 1501, 1501));
    }

    #[test]
    fn a_steady_rate_holds_one_window_of_entries() {
        // 1,000 requests a second for 20 minutes: never more than 301 seconds' worth.
        let mut cache = NonceCache::default();
        let mut peak = 0;
        for i in 0..1_200_000u64 {
            let now = 10_000 + i / 1000;
            assert!(cache.insert(&i.to_string(), now, now));
            peak = peak.max(cache.len());
        }
        assert!(peak <= 301 * 1000, "{peak}");
        assert!(cache.len() >= 300 * 1000);
        assert!(cache.by_expiry.len() <= 302);
    }

    #[test]
    fn memory_is_given_back_after_a_burst() {
        let mut cache = NonceCache::default();
        for i in 0..100_000u64 {
            assert!(cache.insert(&i.to_string(), 1000, 1000));
        }
        let burst_capacity = cache.capacity();
        assert!(burst_capacity >= 100_000);
        // The burst's window passes; a trickle goes on.
        for i in 0..10u64 {
            assert!(cache.insert(&format!("later-{i}"), 1301, 1301));
        }
        assert_eq!(cache.len(), 10);
        assert!(
            cache.capacity() < burst_capacity / 4,
            "{}",
            cache.capacity()
        );
    }

    #[test]
    fn pass_through_hands_on_u64s_and_folds_bytes() {
        let mut hasher = PassThrough::default();
        hasher.write_u64(0xdead_beef);
        assert_eq!(hasher.finish(), 0xdead_beef);
        let mut a = PassThrough::default();
        a.write(b"ab");
        let mut b = PassThrough::default();
        b.write(b"ba");
        assert_ne!(a.finish(), b.finish());
    }
}
