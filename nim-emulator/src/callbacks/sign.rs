//! Signing a callback as the real server does (spec: `MD5` of the raw body, `CheckSum` =
//! sha1(AppSecret + MD5 + CurTime), CurTime in milliseconds), and the deliberate mistakes of
//! a tampered redelivery.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use nim_core::callback::body_md5;
use nim_core::{Clock, Credentials};

use super::delivery::{Delivery, SignedHeaders, Tamper};

/// How far a stale or future redelivery's CurTime is moved: one hour, far outside any
/// sensible verification window (nim-core's default is 5 minutes).
const SKEW_MS: u64 = 3_600_000;

/// Signs with the emulator's credentials at the CurTime clock's time.
pub(crate) struct Signer {
    credentials: Credentials,
    clock: Arc<dyn Clock>,
    /// The last CurTime given to a fresh delivery.
    last_cur_time: AtomicU64,
}

impl Signer {
    pub(crate) fn new(credentials: Credentials, clock: Arc<dyn Clock>) -> Signer {
        Signer {
            credentials,
            clock,
            last_cur_time: AtomicU64::new(0),
        }
    }

    /// The CurTime of a fresh delivery: [`now_ms`](Self::now_ms), moved on by a millisecond
    /// past the previous one when needed. Two identical bodies within one second (two logins
    /// of a device, two address checks) would otherwise carry the same (CheckSum, CurTime)
    /// and a receiver's replay protection would refuse the second, genuine one. The drift
    /// stays a millisecond per delivery, far inside any verification window.
    pub(crate) fn next_cur_time_ms(&self) -> u64 {
        let now = self.now_ms();
        let previous = self
            .last_cur_time
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |last| {
                Some(now.max(last.saturating_add(1)))
            })
            // The closure always answers Some.
            .unwrap_or(now);
        now.max(previous.saturating_add(1))
    }

    /// The CurTime clock in milliseconds. The clock counts whole seconds (a test's
    /// `ManualClock` moves callbacks and request checks together), so this ends in 000:
    /// still the 13-digit millisecond CurTime receivers expect.
    pub(crate) fn now_ms(&self) -> u64 {
        self.clock.now_unix().saturating_mul(1000)
    }

    /// The headers for `body` sent at `cur_time_ms`.
    pub(crate) fn sign(&self, body: &[u8], cur_time_ms: u64) -> SignedHeaders {
        self.sign_md5(body_md5(body), cur_time_ms)
    }

    /// The headers for a body whose `MD5` header is `md5`, right or not.
    fn sign_md5(&self, md5: String, cur_time_ms: u64) -> SignedHeaders {
        let cur_time = cur_time_ms.to_string();
        SignedHeaders {
            app_key: self.credentials.app_key().to_owned(),
            check_sum: self.credentials.callback_checksum(&md5, &cur_time),
            cur_time,
            md5,
        }
    }

    /// What a redelivery of `original` with `tamper` sends: its body and headers. `none` and
    /// `body` keep the recorded headers; the others are signed now, wrong in one way only.
    pub(crate) fn replay(&self, original: &Delivery, tamper: Tamper) -> (String, SignedHeaders) {
        let body = original.body.clone();
        let now = self.now_ms();
        match tamper {
            Tamper::None => (body, original.headers.clone()),
            Tamper::Body => (change_one_byte(&body), original.headers.clone()),
            Tamper::Md5 => {
                let wrong = body_md5(format!("{body} ").as_bytes());
                (body, self.sign_md5(wrong, now))
            }
            Tamper::CheckSum => {
                let mut headers = self.sign(body.as_bytes(), now);
                headers.check_sum = flip_last_hex(&headers.check_sum);
                (body, headers)
            }
            Tamper::Stale => {
                let headers = self.sign(body.as_bytes(), now.saturating_sub(SKEW_MS));
                (body, headers)
            }
            Tamper::Future => {
                let headers = self.sign(body.as_bytes(), now.saturating_add(SKEW_MS));
                (body, headers)
            }
        }
    }
}

/// `body` with its last ASCII letter or digit changed (letters change case, digits their
/// lowest bit), so JSON stays JSON and only the digest tells; a body with neither (`{}`)
/// gets a space after its first byte instead.
fn change_one_byte(body: &str) -> String {
    let mut bytes = body.as_bytes().to_vec();
    match bytes.iter().rposition(u8::is_ascii_alphanumeric) {
        Some(i) if bytes[i].is_ascii_alphabetic() => bytes[i] ^= 0x20,
        Some(i) => bytes[i] ^= 1,
        None => bytes.insert(1.min(bytes.len()), b' '),
    }
    // Only ASCII bytes were changed or added, so the text is still UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

/// `hex` with its last digit replaced by another hex digit.
fn flip_last_hex(hex: &str) -> String {
    let mut out: String = hex.chars().take(hex.len().saturating_sub(1)).collect();
    out.push(if hex.ends_with('0') { '1' } else { '0' });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use nim_core::FixedClock;

    fn signer() -> Signer {
        Signer::new(
            Credentials::new("key", "test-app-secret"),
            Arc::new(FixedClock(1_700_000_000)),
        )
    }

    #[test]
    fn the_empty_check_matches_the_spec_vector() {
        let h = signer().sign(b"{}", 1_700_000_000_000);
        assert_eq!(h.md5, "99914b932bd37a50b983c5e7c90ae93b");
        assert_eq!(h.check_sum, "570d1ef707f637a88ded846b26965d745f55b47f");
        assert_eq!(h.cur_time, "1700000000000");
    }

    #[test]
    fn fresh_deliveries_never_share_a_cur_time() {
        let signer = signer();
        let first = signer.next_cur_time_ms();
        assert_eq!(first, 1_700_000_000_000);
        assert_eq!(signer.next_cur_time_ms(), first + 1);
        assert_eq!(signer.next_cur_time_ms(), first + 2);
        assert_eq!(signer.now_ms(), first);
    }

    #[test]
    fn tampers_change_one_thing() {
        assert_eq!(change_one_byte(r#"{"a":"b1"}"#), r#"{"a":"b0"}"#);
        assert_eq!(change_one_byte(r#"{"a":"x"}"#), r#"{"a":"X"}"#);
        assert_eq!(change_one_byte("{}"), "{ }");
        assert_eq!(flip_last_hex("ab0"), "ab1");
        assert_eq!(flip_last_hex("abf"), "ab0");
    }
}
