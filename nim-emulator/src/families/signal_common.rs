//! What the v1 and v2 signalling families (and their admin routes) share: the state they
//! borrow, the clock in ms, the text limits (the v2 SDKs' comments and the client docs; the
//! emulator applies them to both protocols) and JSON payloads.

use std::sync::{Arc, Mutex, MutexGuard};

use crate::accounts::Accounts;
use crate::call::Call;
use crate::lock;
use crate::reply::ApiError;
use crate::router::Registry;
use crate::signalling::Signalling;

/// The accounts (who exists) and the one signalling store of both protocols.
pub(super) struct State {
    pub(super) accounts: Arc<Mutex<Accounts>>,
    signalling: Arc<Mutex<Signalling>>,
}

impl State {
    /// The registry's shared accounts and signalling store.
    pub(super) fn shared(registry: &mut Registry) -> State {
        State {
            accounts: registry.shared::<Accounts>(),
            signalling: registry.shared::<Signalling>(),
        }
    }

    /// The store, locked.
    pub(super) fn store(&self) -> MutexGuard<'_, Signalling> {
        lock(&self.signalling)
    }
}

/// The state clock in ms: the store keeps times in ms, as both protocols answer them.
pub(super) fn now(call: &Call<'_>) -> u64 {
    call.now.saturating_mul(1000)
}

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
