//! The three digests of the API, as pure functions of their inputs: the request `CheckSum`,
//! the callback `CheckSum` and the callback body's `MD5`. Nothing here knows about
//! credentials, clocks or HTTP, so every other module can depend on it and it on none.

use md5::{Digest as _, Md5};
use sha1::Sha1;

/// Computes the `CheckSum` header: lowercase hex SHA-1 over the UTF-8 bytes of
/// `app_secret + nonce + cur_time` (the time as a decimal string).
///
/// ```
/// # extern crate nim_core as nim_api;
/// // printf %s secretabc1443592222 | sha1sum
/// assert_eq!(
///     nim_api::checksum("secret", "abc", 1443592222),
///     "6461e65304e590d2268093aa1d290482274995b9",
/// );
/// ```
pub fn checksum(app_secret: &str, nonce: &str, cur_time: u64) -> String {
    let mut hasher = Sha1::new();
    hasher.update(app_secret.as_bytes());
    hasher.update(nonce.as_bytes());
    hasher.update(itoa::Buffer::new().format(cur_time).as_bytes());
    hex::encode(hasher.finalize())
}

/// The callback checksum: lowercase hex SHA-1 over `app_secret + md5_hex + cur_time`.
///
/// ```
/// # extern crate nim_core as nim_api;
/// // printf %s secretd41d8cd98f00b204e9800998ecf8427e1700000000 | sha1sum
/// assert_eq!(
///     nim_api::callback::callback_checksum("secret", "d41d8cd98f00b204e9800998ecf8427e", "1700000000"),
///     "829220615a8e4a528899cb24a6e6c47680683341",
/// );
/// ```
pub fn callback_checksum(app_secret: &str, md5_hex: &str, cur_time: &str) -> String {
    let mut hasher = Sha1::new();
    hasher.update(app_secret.as_bytes());
    hasher.update(md5_hex.as_bytes());
    hasher.update(cur_time.as_bytes());
    hex::encode(hasher.finalize())
}

/// The lowercase md5 hex of `body`, as the `MD5` header carries it.
pub fn body_md5(body: &[u8]) -> String {
    hex::encode(Md5::digest(body))
}
