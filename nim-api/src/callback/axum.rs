//! The axum extractor (feature `axum`): a handler argument that is only ever a verified,
//! parsed callback, the refusals answered before the handler runs.

use axum::extract::{FromRef, FromRequest, Request};
use axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use nim_core::callback::CallbackError;

use super::{CallbackEvent, CallbackReceiver};

/// A verified and parsed callback of kind `E` ([`CopyEvent`](super::CopyEvent) or
/// [`InterceptEvent`](super::InterceptEvent)), extracted from an axum request.
///
/// The state must provide a [`CallbackReceiver`] (`CallbackReceiver: FromRef<S>`; a state that
/// *is* the receiver works). The body is read up to the receiver's limit and no further; a
/// refused request is answered with [`CallbackError::status`] (401 bad signature, 403 stale,
/// future or replayed, 413 too large, 400 malformed) and a one-line reason, never the body.
///
/// ```
/// use axum::{Router, routing::post};
/// use nim_api::Credentials;
/// use nim_api::callback::{Callback, CallbackReceiver, CopyEvent};
///
/// async fn copies(Callback(event): Callback<CopyEvent>) -> &'static str {
///     match event {
///         CopyEvent::Conversation(message) => println!("{:?}", message.from_account),
///         other => println!("event {:?}", other.event_type()),
///     }
///     "" // any 200 answer acknowledges a copy
/// }
///
/// let receiver = CallbackReceiver::new(Credentials::new("app-key", "app-secret"));
/// let app: Router = Router::new().route("/nim/copies", post(copies)).with_state(receiver);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Callback<E>(pub E);

/// Why [`Callback`] refused a request; answers with the matching HTTP status.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CallbackRejection {
    /// The callback failed verification or parsing.
    #[error(transparent)]
    Refused(#[from] CallbackError),
    /// The body could not be read (the connection failed mid-body).
    #[error("callback body could not be read: {0}")]
    BodyUnreadable(String),
}

impl CallbackRejection {
    /// The HTTP status this refusal is answered with.
    pub fn status(&self) -> http::StatusCode {
        let code = match self {
            CallbackRejection::Refused(e) => e.status(),
            CallbackRejection::BodyUnreadable(_) => 400,
        };
        http::StatusCode::from_u16(code).unwrap_or(http::StatusCode::BAD_REQUEST)
    }
}

impl IntoResponse for CallbackRejection {
    fn into_response(self) -> Response {
        (self.status(), self.to_string()).into_response()
    }
}

impl<S, E> FromRequest<S> for Callback<E>
where
    S: Send + Sync,
    E: CallbackEvent,
    CallbackReceiver: FromRef<S>,
{
    type Rejection = CallbackRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let receiver = CallbackReceiver::from_ref(state);
        let limit = receiver.verifier().max_body_bytes();
        let (parts, body) = request.into_parts();
        // A declared length over the limit is refused before a byte is read.
        let declared = parts
            .headers
            .get(http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        if let Some(len) = declared.filter(|len| *len > limit) {
            return Err(CallbackError::BodyTooLarge { len, limit }.into());
        }
        // Without a declared length (chunked), reading stops at the limit.
        let bytes = match Limited::new(body, limit).collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => {
                let len = limit.saturating_add(1);
                return Err(CallbackError::BodyTooLarge { len, limit }.into());
            }
            Err(e) => return Err(CallbackRejection::BodyUnreadable(e.to_string())),
        };
        receiver
            .verify_and_parse(&parts.headers, &bytes)
            .map(Callback)
            .map_err(CallbackRejection::from)
    }
}
