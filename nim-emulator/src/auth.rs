//! Authentication as the real server does it: the four signed headers, checked in turn.
//!
//! The order is AppKey, Nonce, CurTime (well-formed), CheckSum, CurTime (within 5 minutes);
//! the caller then checks the nonce for a replay. The signature is checked before the time
//! window so a wrong AppSecret is reported as such even when the caller's clock is also off:
//! the secret is the more fundamental mistake. Which one the real server reports first
//! when both are wrong is not documented.

use nim_core::{
    Credentials, HEADER_APP_KEY, HEADER_CHECK_SUM, HEADER_CUR_TIME, HEADER_NONCE, MAX_NONCE_LEN,
    desc,
};
use subtle::ConstantTimeEq;

use crate::reply::ApiError;

/// How far CurTime may be from the server's clock, either way, in seconds.
pub(crate) const CURTIME_TOLERANCE_SECS: u64 = 300;

/// A CurTime at or past this (the year 2286 in seconds) is taken for milliseconds.
const MILLIS_FROM: u64 = 10_000_000_000;

/// A request's headers as `(name, value)` pairs; names match case-insensitively, as HTTP
/// header names do, and the first occurrence wins.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Headers<'a>(pub(crate) &'a [(&'a str, &'a str)]);

impl<'a> Headers<'a> {
    pub(crate) fn get(&self, name: &str) -> Option<&'a str> {
        self.0
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, v)| v)
    }
}

/// What a request that passed authentication signed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Signed<'a> {
    pub(crate) nonce: &'a str,
    pub(crate) cur_time: u64,
}

/// Checks the signed headers against `credentials` at server time `now`.
pub(crate) fn verify<'a>(
    credentials: &Credentials,
    headers: Headers<'a>,
    now: u64,
) -> Result<Signed<'a>, ApiError> {
    let app_key = present(headers.get(HEADER_APP_KEY))
        .ok_or_else(|| ApiError::param(format!("{} is missing", desc::APPKEY)))?;
    if app_key != credentials.app_key() {
        return Err(ApiError::param(format!("{} is invalid", desc::APPKEY)));
    }

    let nonce =
        present(headers.get(HEADER_NONCE)).ok_or_else(|| ApiError::param("Nonce is missing"))?;
    if nonce.chars().count() > MAX_NONCE_LEN {
        return Err(ApiError::param(format!(
            "Nonce is too long, at most {MAX_NONCE_LEN} characters"
        )));
    }

    let cur_time_text = present(headers.get(HEADER_CUR_TIME))
        .ok_or_else(|| ApiError::param("CurTime is missing"))?;
    let cur_time = parse_unix_seconds(cur_time_text)
        .ok_or_else(|| ApiError::param("CurTime is not a decimal number of seconds"))?;

    let check_sum = present(headers.get(HEADER_CHECK_SUM))
        .ok_or_else(|| ApiError::param(format!("{} is missing", desc::CHECKSUM)))?;
    // Clients may send upper-case hex; the digest itself is what must match.
    let given = check_sum.to_ascii_lowercase();
    let expected = expected_checksum(credentials, nonce, cur_time_text);
    if !bool::from(given.as_bytes().ct_eq(expected.as_bytes())) {
        return Err(ApiError::param(format!("{} is invalid", desc::CHECKSUM)));
    }

    if now.abs_diff(cur_time) > CURTIME_TOLERANCE_SECS {
        // Thirteen digits is a millisecond timestamp: say so, the usual mistake.
        if cur_time >= MILLIS_FROM && now < MILLIS_FROM {
            return Err(ApiError::param(format!(
                "{}: CurTime must be Unix time in seconds, and {cur_time} looks like \
                 milliseconds",
                desc::CURTIME_EXPIRED
            )));
        }
        return Err(ApiError::param(desc::CURTIME_EXPIRED));
    }

    Ok(Signed { nonce, cur_time })
}

/// The CheckSum a client must send: lowercase hex SHA-1 over `AppSecret + Nonce + CurTime`,
/// with CurTime as the header text it sent, not the number re-formatted: a client that signs
/// and sends `01700000000` is right, and one that sends `01700000000` but signed
/// `1700000000` signed something else.
///
/// [`Credentials::callback_checksum`] is that same digest (`sha1_hex(AppSecret + a + b)` over
/// two strings); the emulator never holds the secret outside `Credentials`.
fn expected_checksum(credentials: &Credentials, nonce: &str, cur_time_text: &str) -> String {
    credentials.callback_checksum(nonce, cur_time_text)
}

/// A header that is present and not blank.
fn present(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// Unix seconds as plain decimal digits (no sign, no spaces), as clients send them.
fn parse_unix_seconds(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_plain_digits() {
        assert_eq!(parse_unix_seconds("1443592222"), Some(1443592222));
        assert_eq!(parse_unix_seconds("+1"), None);
        assert_eq!(parse_unix_seconds("1.5"), None);
        assert_eq!(parse_unix_seconds("99999999999999999999999"), None);
    }

    #[test]
    fn the_checksum_is_over_curtime_as_written() {
        let credentials = Credentials::new("key", "secret");
        // printf %s secretabc1443592222 | sha1sum
        assert_eq!(
            expected_checksum(&credentials, "abc", "1443592222"),
            "6461e65304e590d2268093aa1d290482274995b9"
        );
        assert_eq!(
            expected_checksum(&credentials, "abc", "1443592222"),
            nim_core::checksum("secret", "abc", 1443592222)
        );
        // printf %s secretabc01443592222 | sha1sum
        assert_eq!(
            expected_checksum(&credentials, "abc", "01443592222"),
            "eb5a841cd2735a43e60669a6aaef1900bfaa418e"
        );
    }

    #[test]
    fn header_names_are_case_insensitive() {
        let pairs = [("appkey", "k"), ("APPKEY", "other")];
        assert_eq!(Headers(&pairs).get("AppKey"), Some("k"));
    }
}
