//! Ids that must be unique but need not be secret: trace ids and client message ids.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::sign::{NonceSource, RandomNonce};

/// A fresh 32-hex-digit id, distinct from every other this process makes.
///
/// Such ids are unique, not secret (they are logged on both sides), so one does not cost a
/// trip to the OS generator: the first half is a bijective mix (splitmix64) of a
/// per-process random seed and a counter, hence distinct for every id of this process; the
/// second half mixes the counter with a second seed, so ids of two processes differ unless
/// both 64-bit seeds collide.
///
/// ```
/// let (a, b) = (nim_api::unique_id(), nim_api::unique_id());
/// assert_eq!(a.len(), 32);
/// assert_ne!(a, b);
/// # extern crate nim_core as nim_api;
/// ```
pub fn unique_id() -> String {
    static SEEDS: OnceLock<(u64, u64)> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let (a, b) = *SEEDS.get_or_init(|| {
        let seed = RandomNonce.next_nonce();
        let half = |s: &str| u64::from_str_radix(s, 16).unwrap_or(0x9e37_79b9_7f4a_7c15);
        (half(&seed[..16]), half(&seed[16..]))
    });
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&splitmix64(a ^ n).to_be_bytes());
    bytes[8..].copy_from_slice(&splitmix64(b.wrapping_add(n)).to_be_bytes());
    hex::encode(bytes)
}

/// The splitmix64 finaliser: a bijection on `u64` that scatters neighbouring inputs.
fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
