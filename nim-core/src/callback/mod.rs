//! Verifying callbacks (message copies) that the IM server POSTs to your app server.
//!
//! The server signs a callback with headers `AppKey`, `CurTime`, `MD5` (md5 hex of the raw
//! body) and `CheckSum = sha1_hex(AppSecret + MD5 + CurTime)`. [`CallbackVerifier`] checks all
//! of them, comparing digests in constant time, and that `CurTime` is recent. Whether IM
//! callbacks send `CurTime` in seconds or milliseconds is not documented, so both are read.

use std::sync::Arc;

use subtle::ConstantTimeEq;

use crate::credentials::Credentials;
use crate::sign::{Clock, SystemClock};

/// Header carrying the md5 hex digest of the callback body.
pub const HEADER_MD5: &str = "MD5";

pub use crate::digest::{body_md5, callback_checksum};

/// Why a callback was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CallbackError {
    /// A required header is absent or not valid text.
    #[error("callback header `{0}` is missing or not text")]
    MissingHeader(&'static str),
    /// The `AppKey` header names another application.
    #[error("callback AppKey does not match this application")]
    AppKeyMismatch,
    /// The `MD5` header does not match the body.
    #[error("callback MD5 does not match the body")]
    Md5Mismatch,
    /// The `CheckSum` does not verify under this AppSecret.
    #[error("callback CheckSum does not verify")]
    CheckSumMismatch,
    /// `CurTime` is not a decimal number.
    #[error("callback CurTime is not a number")]
    InvalidCurTime,
    /// `CurTime` is further in the past than the accepted window.
    #[error("callback CurTime {cur_time} is {skew} s old, more than the {window} s window")]
    Stale {
        /// The callback's time, in seconds.
        cur_time: u64,
        /// How far it is behind the local clock, in seconds.
        skew: u64,
        /// The accepted window, in seconds.
        window: u64,
    },
    /// `CurTime` is further in the future than the accepted window (a clock far off, or a
    /// forged time).
    #[error(
        "callback CurTime {cur_time} is {skew} s in the future, more than the {window} s window"
    )]
    FromFuture {
        /// The callback's time, in seconds.
        cur_time: u64,
        /// How far it is ahead of the local clock, in seconds.
        skew: u64,
        /// The accepted window, in seconds.
        window: u64,
    },
    /// The body is longer than the receiver accepts.
    #[error("callback body is {len} bytes, more than the limit of {limit}")]
    BodyTooLarge {
        /// The body's length in bytes (at least `limit + 1` when the reader stopped early).
        len: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// The same (`CheckSum`, `CurTime`) pair was already accepted inside the window.
    #[error("callback with CurTime {cur_time} was already received (replay)")]
    Replayed {
        /// The replayed callback's `CurTime`, as sent.
        cur_time: u64,
    },
    /// The signature holds but the body is not a JSON object.
    #[error("callback body is not a JSON object: {reason}")]
    InvalidJson {
        /// What the JSON parser reported (never the body itself).
        reason: String,
    },
    /// The body is JSON and its `eventType` is one this crate types, but a field of it does not
    /// have the documented shape.
    #[error("callback event {event_type} is malformed: {reason}")]
    InvalidEvent {
        /// The `eventType` read from the body.
        event_type: u64,
        /// Which field is wrong and how (never the body itself).
        reason: String,
    },
}

impl CallbackError {
    /// The HTTP status a receiver answers with for this refusal.
    ///
    /// 413 for a body over the limit; 401 when the signature does not hold (missing header,
    /// another AppKey, MD5 or CheckSum mismatch); 403 when it holds but the callback is not
    /// acceptable now (CurTime unreadable, stale, from the future, or replayed); 400 when the
    /// signed body is not the JSON it should be.
    ///
    /// ```
    /// # extern crate nim_core as nim_api;
    /// use nim_api::callback::CallbackError;
    ///
    /// assert_eq!(CallbackError::CheckSumMismatch.status(), 401);
    /// assert_eq!(CallbackError::Replayed { cur_time: 1 }.status(), 403);
    /// ```
    pub fn status(&self) -> u16 {
        match self {
            CallbackError::BodyTooLarge { .. } => 413,
            CallbackError::MissingHeader(_)
            | CallbackError::AppKeyMismatch
            | CallbackError::Md5Mismatch
            | CallbackError::CheckSumMismatch => 401,
            CallbackError::InvalidCurTime
            | CallbackError::Stale { .. }
            | CallbackError::FromFuture { .. }
            | CallbackError::Replayed { .. } => 403,
            CallbackError::InvalidJson { .. } | CallbackError::InvalidEvent { .. } => 400,
        }
    }
}

/// Verifies callbacks for one application.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::callback::{body_md5, callback_checksum, CallbackVerifier};
/// use nim_api::{Credentials, FixedClock};
///
/// let verifier = CallbackVerifier::new(Credentials::new("key", "secret"))
///     .with_clock(FixedClock(1_700_000_000));
/// let body = br#"{"eventType":"1"}"#;
/// let md5 = body_md5(body);
/// let sum = callback_checksum("secret", &md5, "1700000000");
///
/// let mut headers = http::HeaderMap::new();
/// headers.insert("AppKey", "key".parse().unwrap());
/// headers.insert("CurTime", "1700000000".parse().unwrap());
/// headers.insert("MD5", md5.parse().unwrap());
/// headers.insert("CheckSum", sum.parse().unwrap());
/// assert!(verifier.verify(&headers, body).is_ok());
/// assert!(verifier.verify(&headers, b"tampered").is_err());
/// ```
#[derive(Clone)]
pub struct CallbackVerifier {
    credentials: Credentials,
    window_secs: u64,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for CallbackVerifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallbackVerifier")
            .field("credentials", &self.credentials)
            .field("window_secs", &self.window_secs)
            .finish_non_exhaustive()
    }
}

impl CallbackVerifier {
    /// The default accepted distance between `CurTime` and the local clock: 5 minutes.
    pub const DEFAULT_WINDOW_SECS: u64 = 300;

    /// A verifier with the default window and the system clock.
    pub fn new(credentials: Credentials) -> Self {
        CallbackVerifier {
            credentials,
            window_secs: Self::DEFAULT_WINDOW_SECS,
            clock: Arc::new(SystemClock),
        }
    }

    /// Sets the accepted distance between `CurTime` and now, in seconds.
    pub fn with_window_secs(mut self, secs: u64) -> Self {
        self.window_secs = secs;
        self
    }

    /// Replaces the clock (for tests).
    pub fn with_clock(mut self, clock: impl Clock) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Verifies a callback from its headers (any framework's `http::HeaderMap`) and raw body.
    pub fn verify(&self, headers: &http::HeaderMap, body: &[u8]) -> Result<(), CallbackError> {
        let get = |name: &'static str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
                .ok_or(CallbackError::MissingHeader(name))
        };
        self.verify_parts(
            get(crate::sign::HEADER_APP_KEY)?,
            get(HEADER_MD5)?,
            get(crate::sign::HEADER_CUR_TIME)?,
            get(crate::sign::HEADER_CHECK_SUM)?,
            body,
        )
    }

    /// Verifies a callback from its header values and raw body.
    pub fn verify_parts(
        &self,
        app_key: &str,
        md5_hex: &str,
        cur_time: &str,
        check_sum: &str,
        body: &[u8],
    ) -> Result<(), CallbackError> {
        if !bool::from(
            app_key
                .as_bytes()
                .ct_eq(self.credentials.app_key().as_bytes()),
        ) {
            return Err(CallbackError::AppKeyMismatch);
        }
        let md5_lower = md5_hex.to_ascii_lowercase();
        if !bool::from(body_md5(body).as_bytes().ct_eq(md5_lower.as_bytes())) {
            return Err(CallbackError::Md5Mismatch);
        }
        // The checksum is computed over the header text exactly as sent.
        let expected = self.credentials.callback_checksum(md5_hex, cur_time);
        if !bool::from(
            expected
                .as_bytes()
                .ct_eq(check_sum.to_ascii_lowercase().as_bytes()),
        ) {
            return Err(CallbackError::CheckSumMismatch);
        }
        let raw: u64 = cur_time
            .parse()
            .map_err(|_| CallbackError::InvalidCurTime)?;
        // Seconds stay below 10^11 until the year 5138; milliseconds have been above it since 1973.
        let secs = if raw >= 100_000_000_000 {
            raw / 1000
        } else {
            raw
        };
        let now = self.clock.now_unix();
        let skew = now.abs_diff(secs);
        if skew > self.window_secs {
            return Err(CallbackError::Stale {
                cur_time: secs,
                skew,
                window: self.window_secs,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::FixedClock;

    fn verifier() -> CallbackVerifier {
        CallbackVerifier::new(Credentials::new("key", "secret"))
            .with_clock(FixedClock(1_700_000_000))
    }

    #[test]
    fn accepts_seconds_and_milliseconds() {
        let body = b"{}";
        let md5 = body_md5(body);
        for t in ["1700000000", "1700000000123", "1699999800"] {
            let sum = callback_checksum("secret", &md5, t);
            assert_eq!(
                verifier().verify_parts("key", &md5, t, &sum, body),
                Ok(()),
                "{t}"
            );
        }
    }

    #[test]
    fn rejects_each_failure() {
        let body = b"{}";
        let md5 = body_md5(body);
        let t = "1700000000";
        let sum = callback_checksum("secret", &md5, t);
        let v = verifier();
        assert_eq!(
            v.verify_parts("other", &md5, t, &sum, body),
            Err(CallbackError::AppKeyMismatch)
        );
        assert_eq!(
            v.verify_parts("key", &md5, t, &sum, b"[]"),
            Err(CallbackError::Md5Mismatch)
        );
        assert_eq!(
            v.verify_parts("key", &md5, t, "00", body),
            Err(CallbackError::CheckSumMismatch)
        );
        let old = "1699999000";
        let old_sum = callback_checksum("secret", &md5, old);
        assert!(matches!(
            v.verify_parts("key", &md5, old, &old_sum, body),
            Err(CallbackError::Stale { skew: 1000, .. })
        ));
        let bad = "17e8";
        let bad_sum = callback_checksum("secret", &md5, bad);
        assert_eq!(
            v.verify_parts("key", &md5, bad, &bad_sum, body),
            Err(CallbackError::InvalidCurTime)
        );
        assert_eq!(
            v.verify(&http::HeaderMap::new(), body),
            Err(CallbackError::MissingHeader("AppKey"))
        );
    }
}
