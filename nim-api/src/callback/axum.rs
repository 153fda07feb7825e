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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use axum::body::Body;
    use nim_core::callback::{body_md5, callback_checksum};
    use nim_core::{Credentials, FixedClock};

    use super::*;
    use crate::callback::CopyEvent;

    const NOW: u64 = 1_700_000_000;

    fn receiver() -> CallbackReceiver {
        CallbackReceiver::new(Credentials::new("key", "secret"))
            .with_clock(FixedClock(NOW))
            .with_max_body_bytes(64)
    }

    /// A signed request for `body`; `length` adds a Content-Length header.
    fn request(body: &'static [u8], length: Option<usize>) -> Request {
        let md5 = body_md5(body);
        let cur_time = "1700000000000";
        let mut builder = http::Request::post("/nim/copies")
            .header("CurTime", cur_time)
            .header("MD5", &md5)
            .header("CheckSum", callback_checksum("secret", &md5, cur_time));
        if let Some(len) = length {
            builder = builder.header("Content-Length", len);
        }
        builder.body(Body::from(body)).unwrap()
    }

    async fn extract(request: Request) -> Result<CopyEvent, CallbackRejection> {
        Callback::<CopyEvent>::from_request(request, &receiver())
            .await
            .map(|Callback(event)| event)
    }

    #[tokio::test]
    async fn a_signed_callback_is_extracted() {
        let body = br#"{"eventType":"2","accid":"zhangsan"}"#;
        let event = extract(request(body, Some(body.len()))).await.unwrap();
        assert!(matches!(event, CopyEvent::Login(login) if login.accid == "zhangsan"));
    }

    #[tokio::test]
    async fn oversized_bodies_are_refused_with_or_without_a_length() {
        let big: &'static [u8] = &[b' '; 100];
        let declared = extract(request(big, Some(100))).await.unwrap_err();
        assert!(matches!(
            declared,
            CallbackRejection::Refused(CallbackError::BodyTooLarge {
                len: 100,
                limit: 64
            })
        ));
        // No length: reading stops at the limit.
        let streamed = extract(request(big, None)).await.unwrap_err();
        assert!(matches!(
            streamed,
            CallbackRejection::Refused(CallbackError::BodyTooLarge { len: 65, limit: 64 })
        ));
        assert_eq!(streamed.into_response().status(), 413);
    }

    #[tokio::test]
    async fn refusals_answer_their_status_and_reason() {
        let mut tampered = request(br#"{"eventType":"2","accid":"a"}"#, None);
        *tampered.body_mut() = Body::from(r#"{"eventType":"2","accid":"b"}"#);
        let response = extract(tampered).await.unwrap_err().into_response();
        assert_eq!(response.status(), 401);
        let text = axum::body::to_bytes(response.into_body(), 1024)
            .await
            .unwrap();
        assert_eq!(&text[..], b"callback MD5 does not match the body");

        let malformed = extract(request(b"[1,2]", None)).await.unwrap_err();
        assert_eq!(malformed.status(), 400);
    }
}
