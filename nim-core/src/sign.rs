//! Request signing: the `CheckSum` header and the three headers it is computed from.
//!
//! Every request carries `AppKey`, `Nonce`, `CurTime` and
//! `CheckSum = sha1_hex(AppSecret + Nonce + CurTime)`. The pieces that vary (the clock and the
//! nonce) are traits so tests can pin them; production code uses [`SystemClock`] and
//! [`RandomNonce`].

use std::fmt;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::credentials::Credentials;

/// Header carrying the application key.
pub const HEADER_APP_KEY: &str = "AppKey";
/// Header carrying the per-request random nonce.
pub const HEADER_NONCE: &str = "Nonce";
/// Header carrying the signing time, Unix seconds as a decimal string.
pub const HEADER_CUR_TIME: &str = "CurTime";
/// Header carrying the SHA-1 signature.
pub const HEADER_CHECK_SUM: &str = "CheckSum";
/// The longest nonce the server accepts, in characters.
pub const MAX_NONCE_LEN: usize = 128;

pub use crate::digest::checksum;

/// A source of the current Unix time in seconds.
///
/// Injectable so tests can sign at a fixed instant or simulate clock skew.
pub trait Clock: Send + Sync + 'static {
    /// The current Unix time in seconds.
    fn now_unix(&self) -> u64;
}

/// The system wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_unix(&self) -> u64 {
        // A clock set before 1970 is a broken host; signing with 0 makes the server answer
        // "CurTime is expired", which is the honest outcome, instead of a panic.
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
    }
}

/// A clock that always answers the same instant. Useful in tests and test vectors.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub u64);

impl Clock for FixedClock {
    fn now_unix(&self) -> u64 {
        self.0
    }
}

/// A source of request nonces. Each call must return a fresh value of at most
/// [`MAX_NONCE_LEN`](crate::MAX_NONCE_LEN) characters.
pub trait NonceSource: Send + Sync + 'static {
    /// Returns a new nonce.
    fn next_nonce(&self) -> String;
}

/// 32 lowercase hex characters (128 bits) from the operating system's CSPRNG.
///
/// The bytes are fetched 64 nonces' worth at a time per thread: one system call instead of
/// one per request (it was a third of `prepare`'s time), with every byte still from the OS
/// generator and used once.
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomNonce;

/// Nonce bytes fetched per system call.
const POOL_BYTES: usize = 16 * 64;

thread_local! {
    /// OS random bytes not handed out yet: `(bytes, next unused index)`.
    static POOL: std::cell::RefCell<([u8; POOL_BYTES], usize)> =
        const { std::cell::RefCell::new(([0; POOL_BYTES], POOL_BYTES)) };
}

impl NonceSource for RandomNonce {
    fn next_nonce(&self) -> String {
        let drawn = POOL.with(|pool| {
            let mut pool = pool.borrow_mut();
            let (bytes, next) = &mut *pool;
            if *next + 16 > POOL_BYTES {
                getrandom::fill(bytes).ok()?;
                *next = 0;
            }
            let mut nonce = [0u8; 16];
            nonce.copy_from_slice(&bytes[*next..*next + 16]);
            // Each byte is used once: wipe it as it goes.
            bytes[*next..*next + 16].fill(0);
            *next += 16;
            Some(nonce)
        });
        match drawn {
            Some(bytes) => hex::encode(bytes),
            // The OS generator failing is exceedingly rare (no /dev/urandom in a chroot).
            // Falling back to time + a process-wide counter keeps nonces unique, which is
            // all the server requires of them; they are not secret.
            None => fallback_nonce(),
        }
    }
}

fn fallback_nonce() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{nanos:016x}{n:016x}")
}

/// The four authentication headers of one request.
///
/// The `check_sum` is derived from the secret but does not reveal it; it is still kept out of
/// `Debug` so logs of a request cannot be replayed.
#[derive(Clone, PartialEq, Eq)]
pub struct SignedHeaders {
    /// The `AppKey` header.
    pub app_key: String,
    /// The `Nonce` header.
    pub nonce: String,
    /// The `CurTime` header (Unix seconds).
    pub cur_time: u64,
    /// The `CheckSum` header.
    pub check_sum: String,
}

impl SignedHeaders {
    /// The headers as `(name, value)` pairs, in the order the API documents them.
    pub fn pairs(&self) -> [(&'static str, String); 4] {
        [
            (HEADER_APP_KEY, self.app_key.clone()),
            (HEADER_NONCE, self.nonce.clone()),
            (HEADER_CUR_TIME, self.cur_time.to_string()),
            (HEADER_CHECK_SUM, self.check_sum.clone()),
        ]
    }
}

impl fmt::Debug for SignedHeaders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignedHeaders")
            .field("app_key", &self.app_key)
            .field("nonce", &self.nonce)
            .field("cur_time", &self.cur_time)
            .field("check_sum", &"[redacted]")
            .finish()
    }
}

/// Signs requests: the credentials plus the clock and nonce source it reads.
///
/// Cheap to clone. Each [`sign`](Signer::sign) call draws a new nonce and reads the clock, so
/// a retry signed again never reuses a nonce.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::{checksum, Credentials, FixedClock, Signer};
///
/// let signer = Signer::new(Credentials::new("my-app-key", "my-secret"))
///     .with_clock(FixedClock(1_700_000_000));
/// let headers = signer.sign();
/// assert_eq!(headers.cur_time, 1_700_000_000);
/// assert_eq!(headers.nonce.len(), 32);
/// assert_eq!(headers.check_sum, checksum("my-secret", &headers.nonce, 1_700_000_000));
/// ```
#[derive(Clone)]
pub struct Signer {
    credentials: Credentials,
    clock: Arc<dyn Clock>,
    nonces: Arc<dyn NonceSource>,
}

impl Signer {
    /// A signer using the system clock and [`RandomNonce`].
    pub fn new(credentials: Credentials) -> Self {
        Signer {
            credentials,
            clock: Arc::new(SystemClock),
            nonces: Arc::new(RandomNonce),
        }
    }

    /// Replaces the clock.
    pub fn with_clock(mut self, clock: impl Clock) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Replaces the clock with a shared one.
    pub fn with_shared_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Replaces the nonce source.
    pub fn with_nonce_source(mut self, nonces: impl NonceSource) -> Self {
        self.nonces = Arc::new(nonces);
        self
    }

    /// Replaces the nonce source with a shared one.
    pub fn with_shared_nonce_source(mut self, nonces: Arc<dyn NonceSource>) -> Self {
        self.nonces = nonces;
        self
    }

    /// The credentials this signer uses.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// The signer's current Unix time in seconds.
    pub fn now_unix(&self) -> u64 {
        self.clock.now_unix()
    }

    /// Signs one request at the clock's current time, shifted by `offset_secs` (used to
    /// correct a known clock skew; pass 0 otherwise).
    pub fn sign_with_offset(&self, offset_secs: i64) -> SignedHeaders {
        let cur_time = self.clock.now_unix().saturating_add_signed(offset_secs);
        self.sign_at(cur_time, self.nonces.next_nonce())
    }

    /// Signs one request now with a fresh nonce.
    pub fn sign(&self) -> SignedHeaders {
        self.sign_with_offset(0)
    }

    /// Signs with an explicit time and nonce (for test vectors and replays in tests).
    pub fn sign_at(&self, cur_time: u64, nonce: String) -> SignedHeaders {
        let check_sum = self.credentials.checksum(&nonce, cur_time);
        SignedHeaders {
            app_key: self.credentials.app_key().to_owned(),
            nonce,
            cur_time,
            check_sum,
        }
    }
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signer")
            .field("credentials", &self.credentials)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_nonces_are_32_lower_hex_and_distinct() {
        let a = RandomNonce.next_nonce();
        let b = RandomNonce.next_nonce();
        assert_eq!(a.len(), 32);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
        );
        assert_ne!(a, b);
    }

    #[test]
    fn fallback_nonces_are_distinct_and_short_enough() {
        let a = fallback_nonce();
        let b = fallback_nonce();
        assert_ne!(a, b);
        assert!(a.len() <= MAX_NONCE_LEN);
    }
}
