//! Verifying the callbacks (message copies and intercepting callbacks) that the IM server
//! POSTs to your app server.
//!
//! The server signs a callback with headers `AppKey`, `CurTime`, `MD5` (md5 hex of the raw
//! body) and `CheckSum = sha1_hex(AppSecret + MD5 + CurTime)`. [`CallbackVerifier`] checks all
//! of them, comparing digests in constant time, and that `CurTime` is recent. The official
//! pages send `CurTime` in milliseconds; seconds are read too (the API's own requests use
//! them), told apart by size.

use std::sync::Arc;

use subtle::ConstantTimeEq;

use crate::credentials::Credentials;
use crate::sign::{Clock, SystemClock};

mod replay;
use replay::ReplayCache;

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
        /// The replayed callback's time, in seconds (like [`Stale`](Self::Stale)'s).
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
/// Checks, in this order: the body's size, the `AppKey` (when the header is present: some
/// official copy examples omit it, and the CheckSum already proves the sender knows the
/// AppSecret), the `MD5` of the body, the `CheckSum`, that `CurTime` is inside the window
/// (neither older nor further ahead than [`window_secs`](Self::window_secs)), and, when
/// [replay protection](Self::with_replay_protection) is on, that the same signed callback was
/// not accepted before.
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
    max_body_bytes: usize,
    clock: Arc<dyn Clock>,
    replay: Option<Arc<ReplayCache>>,
}

impl std::fmt::Debug for CallbackVerifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallbackVerifier")
            .field("credentials", &self.credentials)
            .field("window_secs", &self.window_secs)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("replay", &self.replay)
            .finish_non_exhaustive()
    }
}

impl CallbackVerifier {
    /// The default accepted distance between `CurTime` and the local clock: 5 minutes.
    pub const DEFAULT_WINDOW_SECS: u64 = 300;

    /// The default largest accepted body: 1 MiB. The documented copy fields (text up to 5000
    /// characters, attachment up to 4096, up to 200 team members listed) stay far below it;
    /// the lists some events carry (`objects`) have no documented bound, hence the margin.
    pub const DEFAULT_MAX_BODY_BYTES: usize = 1 << 20;

    /// The default number of accepted callbacks remembered for replay protection.
    pub const DEFAULT_REPLAY_CAPACITY: usize = 10_000;

    /// A verifier with the default window and body limit, the system clock and no replay
    /// protection.
    pub fn new(credentials: Credentials) -> Self {
        CallbackVerifier {
            credentials,
            window_secs: Self::DEFAULT_WINDOW_SECS,
            max_body_bytes: Self::DEFAULT_MAX_BODY_BYTES,
            clock: Arc::new(SystemClock),
            replay: None,
        }
    }

    /// Sets the accepted distance between `CurTime` and now, in seconds, both ways.
    pub fn with_window_secs(mut self, secs: u64) -> Self {
        self.window_secs = secs;
        self
    }

    /// Sets the largest accepted body, in bytes.
    pub fn with_max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = bytes;
        self
    }

    /// Rejects a callback whose (`CheckSum`, `CurTime`) pair was already accepted inside the
    /// window, remembering up to `capacity` of them (at least one).
    ///
    /// Clones of this verifier share the memory, so one verifier cloned into every request
    /// handler protects them all. When more than `capacity` callbacks arrive within one window
    /// the oldest are forgotten first, and a replay of one of those is accepted: size the
    /// capacity to the callbacks the app receives per window. Only fully verified callbacks are
    /// remembered, so forgeries cannot push genuine entries out.
    ///
    /// ```
    /// # extern crate nim_core as nim_api;
    /// use nim_api::callback::{body_md5, callback_checksum, CallbackError, CallbackVerifier};
    /// use nim_api::{Credentials, FixedClock};
    ///
    /// let verifier = CallbackVerifier::new(Credentials::new("key", "secret"))
    ///     .with_clock(FixedClock(1_700_000_000))
    ///     .with_replay_protection(CallbackVerifier::DEFAULT_REPLAY_CAPACITY);
    /// let md5 = body_md5(b"{}");
    /// let sum = callback_checksum("secret", &md5, "1700000000000");
    /// assert!(verifier.verify_parts("key", &md5, "1700000000000", &sum, b"{}").is_ok());
    /// assert_eq!(
    ///     verifier.verify_parts("key", &md5, "1700000000000", &sum, b"{}"),
    ///     Err(CallbackError::Replayed { cur_time: 1_700_000_000 })
    /// );
    /// ```
    pub fn with_replay_protection(mut self, capacity: usize) -> Self {
        self.replay = Some(Arc::new(ReplayCache::new(capacity)));
        self
    }

    /// Replaces the clock (for tests).
    pub fn with_clock(mut self, clock: impl Clock) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The accepted distance between `CurTime` and now, in seconds.
    pub fn window_secs(&self) -> u64 {
        self.window_secs
    }

    /// The largest accepted body, in bytes. A receiver should stop reading a request body
    /// past this many bytes rather than buffer it whole.
    pub fn max_body_bytes(&self) -> usize {
        self.max_body_bytes
    }

    /// Verifies a callback from its headers (any framework's `http::HeaderMap`) and raw body.
    ///
    /// `MD5`, `CurTime` and `CheckSum` must be present; `AppKey` is checked when present.
    pub fn verify(&self, headers: &http::HeaderMap, body: &[u8]) -> Result<(), CallbackError> {
        let text = |name: &'static str| {
            headers
                .get(name)
                .map(|v| {
                    v.to_str()
                        .map(str::trim)
                        .map_err(|_| CallbackError::MissingHeader(name))
                })
                .transpose()
        };
        let required = |name: &'static str| text(name)?.ok_or(CallbackError::MissingHeader(name));
        let app_key = text(crate::sign::HEADER_APP_KEY)?;
        self.check(
            app_key,
            required(HEADER_MD5)?,
            required(crate::sign::HEADER_CUR_TIME)?,
            required(crate::sign::HEADER_CHECK_SUM)?,
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
        self.check(Some(app_key), md5_hex, cur_time, check_sum, body)
    }

    fn check(
        &self,
        app_key: Option<&str>,
        md5_hex: &str,
        cur_time: &str,
        check_sum: &str,
        body: &[u8],
    ) -> Result<(), CallbackError> {
        if body.len() > self.max_body_bytes {
            return Err(CallbackError::BodyTooLarge {
                len: body.len(),
                limit: self.max_body_bytes,
            });
        }
        if let Some(app_key) = app_key
            && !bool::from(
                app_key
                    .as_bytes()
                    .ct_eq(self.credentials.app_key().as_bytes()),
            )
        {
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
        let window = self.window_secs;
        if secs < now && now - secs > window {
            return Err(CallbackError::Stale {
                cur_time: secs,
                skew: now - secs,
                window,
            });
        }
        if secs > now && secs - now > window {
            return Err(CallbackError::FromFuture {
                cur_time: secs,
                skew: secs - now,
                window,
            });
        }
        if let Some(replay) = &self.replay
            && !replay.first_sight(&expected, raw, secs.saturating_add(window), now)
        {
            return Err(CallbackError::Replayed { cur_time: secs });
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
            Err(CallbackError::MissingHeader("MD5"))
        );
    }

    fn headers(app_key: Option<&str>, md5: &str, t: &str, sum: &str) -> http::HeaderMap {
        let mut map = http::HeaderMap::new();
        let pairs = [
            ("AppKey", app_key),
            ("MD5", Some(md5)),
            ("CurTime", Some(t)),
        ];
        for (name, value) in pairs.into_iter().chain([("CheckSum", Some(sum))]) {
            if let Some(v) = value.and_then(|v| http::HeaderValue::from_str(v).ok()) {
                map.insert(name, v);
            }
        }
        map
    }

    #[test]
    fn app_key_is_checked_only_when_sent() {
        let body = b"{}";
        let md5 = body_md5(body);
        let t = "1700000000000";
        let sum = callback_checksum("secret", &md5, t);
        let v = verifier();
        assert_eq!(v.verify(&headers(None, &md5, t, &sum), body), Ok(()));
        assert_eq!(v.verify(&headers(Some("key"), &md5, t, &sum), body), Ok(()));
        assert_eq!(
            v.verify(&headers(Some("other"), &md5, t, &sum), body),
            Err(CallbackError::AppKeyMismatch)
        );
        let mut opaque = headers(None, &md5, t, &sum);
        if let Ok(value) = http::HeaderValue::from_bytes(&[0x80]) {
            opaque.insert("AppKey", value);
        }
        assert_eq!(
            v.verify(&opaque, body),
            Err(CallbackError::MissingHeader("AppKey"))
        );
    }

    #[test]
    fn past_and_future_times_are_told_apart() {
        let body = b"{}";
        let md5 = body_md5(body);
        let v = verifier().with_window_secs(60);
        let at =
            |t: &str| v.verify_parts("key", &md5, t, &callback_checksum("secret", &md5, t), body);
        assert_eq!(at("1699999940000"), Ok(()));
        assert_eq!(at("1700000060999"), Ok(()));
        assert_eq!(
            at("1699999939999"),
            Err(CallbackError::Stale {
                cur_time: 1_699_999_939,
                skew: 61,
                window: 60
            })
        );
        assert_eq!(
            at("1700000061000"),
            Err(CallbackError::FromFuture {
                cur_time: 1_700_000_061,
                skew: 61,
                window: 60
            })
        );
        assert_eq!(v.window_secs(), 60);
    }

    #[test]
    fn an_oversized_body_is_refused_before_hashing() {
        let v = verifier().with_max_body_bytes(4);
        let md5 = body_md5(b"12345");
        let t = "1700000000";
        let sum = callback_checksum("secret", &md5, t);
        assert_eq!(
            v.verify_parts("key", &md5, t, &sum, b"12345"),
            Err(CallbackError::BodyTooLarge { len: 5, limit: 4 })
        );
        let md5 = body_md5(b"1234");
        let sum = callback_checksum("secret", &md5, t);
        assert_eq!(v.verify_parts("key", &md5, t, &sum, b"1234"), Ok(()));
        assert_eq!(v.max_body_bytes(), 4);
        assert_eq!(
            verifier().max_body_bytes(),
            CallbackVerifier::DEFAULT_MAX_BODY_BYTES
        );
    }

    #[test]
    fn replays_are_refused_and_forgeries_are_not_remembered() {
        let body = b"{}";
        let md5 = body_md5(body);
        let t = "1700000000000";
        let sum = callback_checksum("secret", &md5, t);
        let v = verifier().with_replay_protection(10);
        // A forgery first: refused, and not remembered.
        assert_eq!(
            v.verify_parts("key", &md5, t, "00", body),
            Err(CallbackError::CheckSumMismatch)
        );
        assert_eq!(v.verify_parts("key", &md5, t, &sum, body), Ok(()));
        // Clones share the memory; the upper-case CheckSum is the same callback.
        let clone = v.clone();
        assert_eq!(
            clone.verify_parts("key", &md5, t, &sum.to_ascii_uppercase(), body),
            Err(CallbackError::Replayed {
                cur_time: 1_700_000_000
            })
        );
        // Without protection the same callback verifies again and again.
        assert_eq!(verifier().verify_parts("key", &md5, t, &sum, body), Ok(()));
        assert_eq!(verifier().verify_parts("key", &md5, t, &sum, body), Ok(()));
    }

    #[test]
    fn statuses_group_the_refusals() {
        assert_eq!(CallbackError::MissingHeader("MD5").status(), 401);
        assert_eq!(CallbackError::Md5Mismatch.status(), 401);
        assert_eq!(CallbackError::InvalidCurTime.status(), 403);
        let far = CallbackError::FromFuture {
            cur_time: 0,
            skew: 0,
            window: 0,
        };
        assert_eq!(far.status(), 403);
        assert_eq!(
            CallbackError::BodyTooLarge { len: 2, limit: 1 }.status(),
            413
        );
        let json = CallbackError::InvalidJson {
            reason: String::new(),
        };
        assert_eq!(json.status(), 400);
    }
}
