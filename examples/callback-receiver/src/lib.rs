//! An app server's callback endpoints, as a library so that `main.rs` and the tests serve the
//! same router.
//!
//! - `POST /nim/copies`: message copies (抄送). Each verified copy is logged, kept in the
//!   [`Received`] log and acknowledged with an empty 200.
//! - `POST /nim/intercepts`: intercepting (third-party) callbacks. Each is logged and let
//!   through with `{"errCode":0}`. That reply format comes from community code, not from an
//!   official page, so nim-api leaves it as raw JSON the app builds.
//!
//! Refusals (bad signature 401; stale, future or replayed 403; too large 413; malformed 400)
//! are answered by the [`Callback`] extractor before a handler runs.
//!
//! ```
//! use nim_api::Credentials;
//! use nim_api::callback::CallbackReceiver;
//! use nim_callback_receiver_example::{Received, app};
//!
//! let received = Received::default();
//! let router = app(CallbackReceiver::new(Credentials::new("key", "secret")), received.clone());
//! # drop(router);
//! assert!(received.copies().is_empty());
//! ```
#![forbid(unsafe_code)]

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};

use axum::Router;
use axum::extract::{FromRef, State};
use axum::http::header::CONTENT_TYPE;
use axum::routing::post;
use nim_api::callback::{Callback, CallbackReceiver, CopyEvent, InterceptEvent};
use serde_json::json;

/// The last [`Received::KEPT`] copies received, oldest first; clones share the log.
#[derive(Debug, Clone, Default)]
pub struct Received(Arc<Mutex<VecDeque<CopyEvent>>>);

impl Received {
    /// How many copies the log keeps: a long-running server forgets the oldest.
    pub const KEPT: usize = 1_000;

    /// A snapshot of the copies kept.
    pub fn copies(&self) -> Vec<CopyEvent> {
        let log = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        log.iter().cloned().collect()
    }

    fn push(&self, event: CopyEvent) {
        let mut log = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if log.len() >= Self::KEPT {
            log.pop_front();
        }
        log.push_back(event);
    }
}

/// What the handlers share: the receiver (for the extractor) and the log.
#[derive(Debug, Clone)]
struct AppState {
    receiver: CallbackReceiver,
    received: Received,
}

impl FromRef<AppState> for CallbackReceiver {
    fn from_ref(state: &AppState) -> Self {
        state.receiver.clone()
    }
}

/// The router: `POST /nim/copies` and `POST /nim/intercepts`.
pub fn app(receiver: CallbackReceiver, received: Received) -> Router {
    Router::new()
        .route("/nim/copies", post(copy))
        .route("/nim/intercepts", post(intercept))
        .with_state(AppState { receiver, received })
}

async fn copy(State(state): State<AppState>, Callback(event): Callback<CopyEvent>) {
    match &event {
        CopyEvent::Conversation(message) => tracing::info!(
            from = ?message.from_account,
            to = ?message.to,
            kind = ?message.conv_type,
            "message copy"
        ),
        CopyEvent::Login(login) => tracing::info!(accid = ?login.accid, "login copy"),
        CopyEvent::Logout(logout) => tracing::info!(accid = ?logout.accid, "logout copy"),
        // The console's address check posts `{}`: answered 200 like any copy.
        other => tracing::info!(event_type = ?other.event_type(), "copy"),
    }
    state.received.push(event);
}

async fn intercept(
    Callback(event): Callback<InterceptEvent>,
) -> ([(axum::http::HeaderName, &'static str); 1], String) {
    tracing::info!(event_type = ?event.event_type(), "intercepting callback: allowed");
    let allow = json!({ "errCode": 0 });
    ([(CONTENT_TYPE, "application/json")], allow.to_string())
}
