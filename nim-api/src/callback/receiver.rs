//! One object an app server keeps to turn signed callback requests into typed events: the
//! verifier (signature, window, size, replays) and the parser of the channel's namespace.

use nim_core::Credentials;
use nim_core::callback::{CallbackError, CallbackVerifier};

use super::{CopyEvent, InterceptEvent, parse_copy, parse_intercept};

/// The events of one callback channel, each with its own `eventType` namespace: message
/// copies ([`CopyEvent`]) or intercepting callbacks ([`InterceptEvent`]).
///
/// The console gives each channel its own URL, so each endpoint of an app parses one kind.
pub trait CallbackEvent: Sized + Send + 'static {
    /// Parses a body whose signature has been verified.
    fn parse(body: &[u8]) -> Result<Self, CallbackError>;
}

impl CallbackEvent for CopyEvent {
    fn parse(body: &[u8]) -> Result<Self, CallbackError> {
        parse_copy(body)
    }
}

impl CallbackEvent for InterceptEvent {
    fn parse(body: &[u8]) -> Result<Self, CallbackError> {
        parse_intercept(body)
    }
}

/// Verifies and parses the callbacks of one application: framework-neutral (any
/// `http::HeaderMap` and body bytes), cheap to clone, and shared by clones (the replay memory
/// too).
///
/// [`new`](Self::new) turns on everything an endpoint facing the internet needs: the 5 minute
/// window both ways, a 1 MiB body limit and replay protection for the last
/// [`DEFAULT_REPLAY_CAPACITY`](CallbackVerifier::DEFAULT_REPLAY_CAPACITY) callbacks.
///
/// ```
/// use nim_api::callback::{body_md5, callback_checksum, CallbackError, CallbackReceiver, CopyEvent};
/// use nim_api::{Credentials, FixedClock};
///
/// let receiver = CallbackReceiver::new(Credentials::new("app-key", "app-secret"))
///     .with_clock(FixedClock(1_700_000_000));
///
/// // What the IM server sends: a JSON body and four headers.
/// let body = br#"{"eventType":"2","accid":"zhangsan","clientType":"IOS","code":"200","timestamp":"1700000000000"}"#;
/// let md5 = body_md5(body);
/// let mut headers = http::HeaderMap::new();
/// headers.insert("AppKey", "app-key".parse().unwrap());
/// headers.insert("CurTime", "1700000000000".parse().unwrap());
/// headers.insert("CheckSum", callback_checksum("app-secret", &md5, "1700000000000").parse().unwrap());
/// headers.insert("MD5", md5.parse().unwrap());
///
/// let event: CopyEvent = receiver.verify_and_parse(&headers, body)?;
/// assert_eq!(event.event_type(), Some(2));
///
/// // The same request again is a replay; any change to the body breaks the signature.
/// let again = receiver.verify_and_parse::<CopyEvent>(&headers, body);
/// assert!(matches!(again, Err(CallbackError::Replayed { .. })));
/// let forged = receiver.verify_and_parse::<CopyEvent>(&headers, b"{}");
/// assert_eq!(forged.unwrap_err().status(), 401);
/// # Ok::<(), CallbackError>(())
/// ```
#[derive(Debug, Clone)]
pub struct CallbackReceiver {
    verifier: CallbackVerifier,
}

impl CallbackReceiver {
    /// A receiver with the default window (300 s), body limit (1 MiB) and replay protection.
    pub fn new(credentials: Credentials) -> Self {
        CallbackReceiver {
            verifier: CallbackVerifier::new(credentials)
                .with_replay_protection(CallbackVerifier::DEFAULT_REPLAY_CAPACITY),
        }
    }

    /// A receiver using `verifier` exactly as configured (with or without replay protection).
    pub fn from_verifier(verifier: CallbackVerifier) -> Self {
        CallbackReceiver { verifier }
    }

    /// Sets the accepted distance between `CurTime` and now, in seconds, both ways.
    pub fn with_window_secs(self, secs: u64) -> Self {
        Self::from_verifier(self.verifier.with_window_secs(secs))
    }

    /// Sets the largest accepted body, in bytes.
    pub fn with_max_body_bytes(self, bytes: usize) -> Self {
        Self::from_verifier(self.verifier.with_max_body_bytes(bytes))
    }

    /// Remembers up to `capacity` accepted callbacks for replay protection, starting afresh.
    pub fn with_replay_capacity(self, capacity: usize) -> Self {
        Self::from_verifier(self.verifier.with_replay_protection(capacity))
    }

    /// Replaces the clock (for tests).
    pub fn with_clock(self, clock: impl nim_core::Clock) -> Self {
        Self::from_verifier(self.verifier.with_clock(clock))
    }

    /// The verifier, for its settings.
    pub fn verifier(&self) -> &CallbackVerifier {
        &self.verifier
    }

    /// Verifies a callback request (its headers and its raw body, as received) and parses the
    /// body into the event type `E` of the endpoint's channel.
    ///
    /// An `eventType` this crate does not type comes back as the kind's `Unknown` variant,
    /// never as an error, so the app still answers 200 to events added after this release.
    /// [`CallbackError::status`] gives the HTTP status to answer a refusal with.
    pub fn verify_and_parse<E: CallbackEvent>(
        &self,
        headers: &http::HeaderMap,
        body: &[u8],
    ) -> Result<E, CallbackError> {
        self.verifier.verify(headers, body)?;
        E::parse(body)
    }
}
