//! The one error type of the SDK and the kinds it distinguishes.

use std::fmt;

use crate::code::{Code, desc};
use crate::validate::ValidationError;

type Source = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Why a call failed. Match on [`Error::kind`] for the details.
///
/// No kind carries the AppSecret, and `Display`/`Debug` never print it. `Display` describes
/// this error only; the underlying cause (e.g. the I/O error behind
/// [`ErrorKind::Connect`]) is its [`source`](std::error::Error::source), as error reporters
/// expect.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::{Error, ErrorKind, Code};
///
/// let err = Error::api(414, "already register");
/// assert_eq!(err.api_code(), Some(414));
/// assert!(err.is_already_registered());
/// assert!(matches!(err.kind(), ErrorKind::Api { code: Code::ParameterError, .. }));
/// assert_eq!(err.to_string(), "server answered code 414 (parameter error): already register");
/// ```
pub struct Error {
    kind: ErrorKind,
    source: Option<Source>,
    trace_id: Option<Box<str>>,
}

/// The kinds of [`Error`], each with the data needed to act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The request broke a field rule; nothing was sent.
    Validation(ValidationError),
    /// The server answered with a code other than 200.
    Api {
        /// The status code.
        code: Code,
        /// The server's `desc` (v1) or `msg` (v2): JSON text when it was not a string, empty
        /// when absent.
        desc: String,
    },
    /// The HTTP status was not 200 (the API answers every request with 200, so this is a
    /// gateway or proxy speaking, e.g. a 502 HTML page).
    HttpStatus {
        /// The HTTP status code.
        status: u16,
        /// The start of the body.
        snippet: String,
    },
    /// The body is not JSON (e.g. an HTML page or plain text).
    NotJson {
        /// The start of the body.
        snippet: String,
    },
    /// The body is JSON that ends early.
    TruncatedJson {
        /// The start of the body.
        snippet: String,
    },
    /// The body is JSON of an unexpected shape (no `code`, or a response that does not fit).
    UnexpectedResponse {
        /// What did not fit.
        reason: String,
        /// The start of the body.
        snippet: String,
    },
    /// The body exceeds the size the client reads.
    ResponseTooLarge {
        /// The most bytes the client reads.
        limit: usize,
    },
    /// No answer within the configured timeout.
    Timeout,
    /// The connection could not be made (refused, DNS failure, TLS handshake): the request
    /// was never sent.
    Connect,
    /// The connection failed after the request may have been sent (reset, closed early).
    Transport,
    /// The client is misconfigured (missing key, bad base URL, ...).
    Config {
        /// What is wrong.
        message: String,
    },
}

impl ErrorKind {
    /// A short, stable name of the kind (`"timeout"`, `"api"`, ...), safe to log: it carries
    /// none of the kind's data.
    pub fn name(&self) -> &'static str {
        match self {
            ErrorKind::Validation(_) => "validation",
            ErrorKind::Api { .. } => "api",
            ErrorKind::HttpStatus { .. } => "http_status",
            ErrorKind::NotJson { .. } => "not_json",
            ErrorKind::TruncatedJson { .. } => "truncated_json",
            ErrorKind::UnexpectedResponse { .. } => "unexpected_response",
            ErrorKind::ResponseTooLarge { .. } => "response_too_large",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Connect => "connect",
            ErrorKind::Transport => "transport",
            ErrorKind::Config { .. } => "config",
        }
    }
}

impl Error {
    /// An error of `kind`.
    pub fn new(kind: ErrorKind) -> Self {
        Error {
            kind,
            source: None,
            trace_id: None,
        }
    }

    /// An error of `kind` caused by `source`.
    pub fn with_source(
        kind: ErrorKind,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Error {
            kind,
            source: Some(Box::new(source)),
            trace_id: None,
        }
    }

    /// The same error, tagged with the trace id of the call it ended.
    #[must_use]
    pub fn with_trace_id(mut self, trace_id: &str) -> Self {
        self.trace_id = Some(trace_id.into());
        self
    }

    /// The trace id the call was sent with (`RequestId` in v1, `X-custom-traceid` in v2):
    /// quote it when asking NetEase support about a call. `None` for errors not made by a
    /// call.
    pub fn trace_id(&self) -> Option<&str> {
        self.trace_id.as_deref()
    }

    /// A non-200 answer from the server.
    pub fn api(code: u32, desc: impl Into<String>) -> Self {
        Error::new(ErrorKind::Api {
            code: Code::from(code),
            desc: desc.into(),
        })
    }

    /// A configuration error.
    pub fn config(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Config {
            message: message.into(),
        })
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Consumes the error, returning its kind.
    pub fn into_kind(self) -> ErrorKind {
        self.kind
    }

    /// The server's status code, when the server answered with one other than 200.
    pub fn api_code(&self) -> Option<u32> {
        match &self.kind {
            ErrorKind::Api { code, .. } => Some(code.as_u32()),
            _ => None,
        }
    }

    /// The server's status code as a [`Code`].
    pub fn code(&self) -> Option<Code> {
        match &self.kind {
            ErrorKind::Api { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// The server's `desc`, when it answered with an error code.
    pub fn api_desc(&self) -> Option<&str> {
        match &self.kind {
            ErrorKind::Api { desc, .. } => Some(desc),
            _ => None,
        }
    }

    /// Whether the request was rejected by validation before anything was sent.
    pub fn is_validation(&self) -> bool {
        matches!(self.kind, ErrorKind::Validation(_))
    }

    /// The validation failure, if that is what this is.
    pub fn validation(&self) -> Option<&ValidationError> {
        match &self.kind {
            ErrorKind::Validation(v) => Some(v),
            _ => None,
        }
    }

    /// Whether no answer came in time.
    pub fn is_timeout(&self) -> bool {
        matches!(self.kind, ErrorKind::Timeout)
    }

    /// Whether the connection could not be made (the request was never sent).
    pub fn is_connect(&self) -> bool {
        matches!(self.kind, ErrorKind::Connect)
    }

    fn api_desc_mentions(&self, needle: &str) -> bool {
        matches!(&self.kind, ErrorKind::Api { code: Code::ParameterError, desc: d } if desc::mentions(d, needle))
    }

    /// Whether the desc is about an account (`... not register`, `already register`): such a
    /// desc names the accid, and an accid may itself read `checksum` or `appkey`.
    fn api_desc_is_about_an_account(&self) -> bool {
        self.api_desc_mentions(desc::NOT_REGISTER) || self.api_desc_mentions(desc::ALREADY_REGISTER)
    }

    /// A create for an account that exists: v1 414 `already register`, v2 102405.
    pub fn is_already_registered(&self) -> bool {
        self.api_desc_mentions(desc::ALREADY_REGISTER) || self.code() == Some(Code::AccountExists)
    }

    /// The account does not exist: v1 414 `... not register`, v2 102404.
    pub fn is_not_registered(&self) -> bool {
        self.api_desc_mentions(desc::NOT_REGISTER) || self.code() == Some(Code::AccountNotFound)
    }

    /// 414 `CurTime is expired`: the local clock is more than 5 minutes off the server's.
    pub fn is_curtime_expired(&self) -> bool {
        self.api_desc_mentions(desc::CURTIME_EXPIRED)
    }

    /// 414 naming the checksum: the AppSecret is wrong (or the request was altered).
    pub fn is_checksum_failure(&self) -> bool {
        self.api_desc_mentions(desc::CHECKSUM) && !self.api_desc_is_about_an_account()
    }

    /// 414 or 403 naming the appkey: the AppKey is missing or unknown.
    pub fn is_appkey_failure(&self) -> bool {
        matches!(&self.kind, ErrorKind::Api { code: Code::ParameterError | Code::Forbidden, desc: d } if desc::mentions(d, desc::APPKEY))
            && !self.api_desc_is_about_an_account()
    }

    /// Whether the server asked us to slow down (416).
    pub fn is_rate_limited(&self) -> bool {
        self.code() == Some(Code::RateLimited)
    }
}

impl From<ValidationError> for Error {
    fn from(v: ValidationError) -> Self {
        Error::new(ErrorKind::Validation(v))
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error::new(kind)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Validation(v) => write!(f, "invalid request: {v}"),
            ErrorKind::Api { code, desc } if desc.is_empty() => {
                write!(f, "server answered code {code}")
            }
            ErrorKind::Api { code, desc } => write!(f, "server answered code {code}: {desc}"),
            ErrorKind::HttpStatus { status, snippet } => {
                write!(
                    f,
                    "HTTP status {status} instead of 200; body starts: {snippet:?}"
                )
            }
            ErrorKind::NotJson { snippet } => {
                write!(f, "answer is not JSON; body starts: {snippet:?}")
            }
            ErrorKind::TruncatedJson { snippet } => {
                write!(f, "answer is truncated JSON; body starts: {snippet:?}")
            }
            ErrorKind::UnexpectedResponse { reason, snippet } => {
                write!(f, "unexpected answer ({reason}); body starts: {snippet:?}")
            }
            ErrorKind::ResponseTooLarge { limit } => {
                write!(f, "answer larger than {limit} bytes; not read further")
            }
            ErrorKind::Timeout => f.write_str("no answer within the timeout"),
            ErrorKind::Connect => f.write_str("could not connect to the server"),
            ErrorKind::Transport => f.write_str("connection failed during the request"),
            ErrorKind::Config { message } => write!(f, "client configuration: {message}"),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Error");
        d.field("kind", &self.kind);
        if let Some(trace_id) = &self.trace_id {
            d.field("trace_id", trace_id);
        }
        if let Some(source) = &self.source {
            d.field("source", &format_args!("{source}"));
        }
        d.finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// The most characters of a body kept in an error.
pub const SNIPPET_CHARS: usize = 200;

/// The start of a body, as text: at most [`SNIPPET_CHARS`] characters, invalid UTF-8 replaced,
/// control characters shown as spaces, `…` when cut, and the values of `"token"` members
/// replaced by `***` (a token is a user's IM password; errors get logged).
pub fn snippet(body: &[u8]) -> String {
    let head = &body[..body.len().min(SNIPPET_CHARS * 4)];
    let text = redact_tokens(&String::from_utf8_lossy(head));
    let mut out: String = text
        .chars()
        .take(SNIPPET_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().count() > SNIPPET_CHARS || head.len() < body.len() {
        out.push('…');
    }
    out
}

/// Replaces the string value of every `"token"` member with `***`, also when the body is cut
/// inside the value.
fn redact_tokens(text: &str) -> String {
    const KEY: &str = "\"token\"";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(KEY) {
        let (before, after_key_start) = rest.split_at(at + KEY.len());
        out.push_str(before);
        let after_key = after_key_start.trim_start();
        let Some(after_colon) = after_key.strip_prefix(':') else {
            rest = after_key_start;
            continue;
        };
        let value = after_colon.trim_start();
        let Some(inside) = value.strip_prefix('"') else {
            rest = after_key_start;
            continue;
        };
        out.push_str(":\"***");
        // Skip to the closing quote, honouring escapes; a cut value is dropped entirely.
        let mut escaped = false;
        let mut end = inside.len();
        for (i, c) in inside.char_indices() {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        rest = &inside[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_hide_token_values() {
        assert_eq!(
            snippet(br#"{"code":200,"info":{"token":"s3cr\"et","accid":"a"}}"#),
            r#"{"code":200,"info":{"token":"***","accid":"a"}}"#
        );
        assert_eq!(
            snippet(br#"{"info":{"token" : "abc"#),
            r#"{"info":{"token":"***"#
        );
        assert_eq!(
            snippet(br#"{"token":12,"x":"token"}"#),
            r#"{"token":12,"x":"token"}"#
        );
    }

    #[test]
    fn snippet_is_bounded_and_clean() {
        let body = format!("<html>\n{}</html>", "x".repeat(10_000));
        let s = snippet(body.as_bytes());
        assert_eq!(s.chars().count(), SNIPPET_CHARS + 1);
        assert!(s.starts_with("<html> x"));
        assert!(s.ends_with('…'));
        assert_eq!(snippet(b"short"), "short");
        assert_eq!(snippet(&[0xff, b'a']), "\u{fffd}a");
    }

    #[test]
    fn recognisers() {
        assert!(Error::api(414, "CurTime is expired").is_curtime_expired());
        assert!(Error::api(414, "checksum").is_checksum_failure());
        assert!(Error::api(414, "invalid appkey").is_appkey_failure());
        assert!(Error::api(403, "AppKey not exist").is_appkey_failure());
        assert!(Error::api(414, "accid zs not register").is_not_registered());
        assert!(!Error::api(500, "already register").is_already_registered());
        assert!(Error::api(416, "").is_rate_limited());
        // An accid may be named `checksum` or `appkey`: an account desc is not an auth failure.
        let ghost = Error::api(414, "accid checksum not register");
        assert!(ghost.is_not_registered() && !ghost.is_checksum_failure());
        let ghost = Error::api(414, "accid appkey not register");
        assert!(ghost.is_not_registered() && !ghost.is_appkey_failure());
        assert!(!Error::api(414, "already register: appkey").is_appkey_failure());
        assert_eq!(
            Error::api(416, "").to_string(),
            "server answered code 416 (rate limited: too many requests)"
        );
    }

    #[test]
    fn validation_display() {
        let err = Error::from(ValidationError::new(
            "name",
            crate::validate::Rule::MaxLen {
                limit: 64,
                actual: 65,
            },
        ));
        assert!(err.is_validation());
        assert_eq!(
            err.to_string(),
            "invalid request: `name` has 65 characters, at most 64 allowed"
        );
    }
}
