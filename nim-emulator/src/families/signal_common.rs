//! What the v1 and v2 signalling families check alike: the text limits (the v2 SDKs'
//! comments and the client docs; the emulator applies them to both protocols) and JSON
//! payloads.

use crate::reply::ApiError;

/// A channel id's bound, in characters (undocumented: the emulator's bound; its own ids
/// have 32).
pub(super) const CHANNEL_ID_MAX: usize = 128;
/// A channel name's bound (the client docs).
pub(super) const CHANNEL_NAME_MAX: usize = 128;
/// A room extension's and a notification extension's bound (the client docs, the v2 SDKs).
pub(super) const ATTACH_EXT_MAX: usize = 4096;
/// An invitation id's bound (the v2 SDKs).
pub(super) const REQUEST_ID_MAX: usize = 128;
/// A push title's bound (the v2 SDKs).
pub(super) const PUSH_TITLE_MAX: usize = 32;
/// A push text's bound (the v2 SDKs).
pub(super) const PUSH_CONTENT_MAX: usize = 500;
/// A push payload's bound (the v2 SDKs).
pub(super) const PUSH_PAYLOAD_MAX: usize = 4096;

/// 414 unless `text` is JSON (a push payload).
pub(super) fn check_json(field: &str, text: &str) -> Result<(), ApiError> {
    serde_json::from_str::<serde_json::Value>(text)
        .map(drop)
        .map_err(|_| ApiError::param(format!("{field} must be JSON")))
}
