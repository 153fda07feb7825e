//! The request pipeline, without any I/O: count, fault, route, method, content type,
//! authentication, replay check, action.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use nim_core::{Clock, Code, Credentials};

use crate::accounts::Accounts;
use crate::actions::Action;
use crate::auth::{self, Headers};
use crate::faults::{Fault, FaultQueue};
use crate::lock;
use crate::nonce_cache::NonceCache;
use crate::params::Params;
use crate::reply::{ApiError, Reply};
use crate::stats::Stats;

/// The largest request body read, in bytes. The longest valid create request is about
/// 3,600 characters, under 45 KiB even percent-encoded from 4-byte UTF-8.
pub(crate) const MAX_BODY_BYTES: usize = 256 * 1024;

/// Why a request's body could not be read; each is answered 414 with a desc naming the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyError {
    /// Longer than [`MAX_BODY_BYTES`].
    TooLarge,
    /// Not complete within the server's body timeout.
    TimedOut(Duration),
    /// The connection failed mid-body, or the body was malformed (e.g. bad chunking).
    Unreadable,
}

impl BodyError {
    fn into_api_error(self) -> ApiError {
        ApiError::param(match self {
            BodyError::TooLarge => {
                format!("request body is too large: at most {MAX_BODY_BYTES} bytes")
            }
            BodyError::TimedOut(limit) => {
                format!("request body was not received within {limit:?}")
            }
            BodyError::Unreadable => "request body is unreadable".to_owned(),
        })
    }
}

const FORM_URLENCODED: &str = "application/x-www-form-urlencoded";

/// The state of one emulator instance and the logic that answers requests.
///
/// Each piece of state has its own lock, taken for one short synchronous step and never two
/// at a time, so no lock is ever held across an await or nested inside another.
pub(crate) struct Core {
    credentials: Credentials,
    clock: Arc<dyn Clock>,
    pub(crate) accounts: Mutex<Accounts>,
    pub(crate) nonces: Mutex<NonceCache>,
    pub(crate) stats: Mutex<Stats>,
    pub(crate) faults: Mutex<FaultQueue>,
}

impl Core {
    pub(crate) fn new(credentials: Credentials, clock: Arc<dyn Clock>) -> Core {
        Core {
            credentials,
            clock,
            accounts: Mutex::default(),
            nonces: Mutex::default(),
            stats: Mutex::default(),
            faults: Mutex::default(),
        }
    }

    pub(crate) fn app_key(&self) -> &str {
        self.credentials.app_key()
    }

    pub(crate) fn now(&self) -> u64 {
        self.clock.now_unix()
    }

    /// Answers one request, whose body could be read or not. A body longer than
    /// [`MAX_BODY_BYTES`] is refused however it arrives.
    pub(crate) fn handle(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Result<&[u8], BodyError>,
    ) -> Reply {
        // Faulted requests are counted too: a test asserting "the client tried twice" must
        // see the attempt that hit the fault.
        lock(&self.stats).record(path);
        let fault = lock(&self.faults).take();
        if let Some(fault) = fault.as_ref().filter(|f| !f.runs_action()) {
            return match fault {
                Fault::BadGateway => Reply::gateway_page(502, "Bad Gateway"),
                Fault::ServiceUnavailable => {
                    Reply::gateway_page(503, "Service Temporarily Unavailable")
                }
                _ => ApiError::new(Code::ServerBusy, "server busy").into(),
            };
        }

        let mut reply = self
            .answer(method, path, Headers(headers), body)
            .unwrap_or_else(Reply::from);
        match fault {
            Some(Fault::Delay(delay)) => reply.delay = delay,
            Some(Fault::TruncatedJson) => reply.truncate(),
            Some(Fault::DropConnection) => reply.drop_connection = true,
            _ => {}
        }
        reply
    }

    fn answer(
        &self,
        method: &str,
        path: &str,
        headers: Headers<'_>,
        body: Result<&[u8], BodyError>,
    ) -> Result<Reply, ApiError> {
        let action = Action::from_path(path).ok_or_else(|| {
            // A path can be long and arbitrary; the desc quotes only its start.
            let shown: String = path.chars().take(100).collect();
            ApiError::new(Code::NotFound, format!("no such action: {shown}"))
        })?;
        if method != "POST" {
            return Err(ApiError::param("only POST is allowed"));
        }
        check_content_type(headers)?;
        let body = body
            .and_then(|b| {
                if b.len() <= MAX_BODY_BYTES {
                    Ok(b)
                } else {
                    Err(BodyError::TooLarge)
                }
            })
            .map_err(BodyError::into_api_error)?;

        let now = self.now();
        let signed = auth::verify(&self.credentials, headers, now)?;
        if !lock(&self.nonces).insert(signed.nonce, signed.cur_time, now) {
            return Err(ApiError::new(
                Code::DuplicateRequest,
                "duplicate request: this Nonce was used within the last 5 minutes",
            ));
        }

        action.run(&Params::parse(body), &self.accounts)
    }
}

/// `application/x-www-form-urlencoded`, with no charset or UTF-8 (the curl examples of the
/// API's docs send none).
fn check_content_type(headers: Headers<'_>) -> Result<(), ApiError> {
    let refuse = || {
        ApiError::param(format!(
            "Content-Type must be {FORM_URLENCODED};charset=utf-8"
        ))
    };
    let value = headers.get("Content-Type").ok_or_else(refuse)?;
    let mut parts = value.split(';');
    let media_type = parts.next().unwrap_or_default().trim();
    if !media_type.eq_ignore_ascii_case(FORM_URLENCODED) {
        return Err(refuse());
    }
    for param in parts {
        if let Some((name, charset)) = param.split_once('=') {
            let charset = charset.trim().trim_matches('"');
            if name.trim().eq_ignore_ascii_case("charset")
                && !charset.eq_ignore_ascii_case("utf-8")
                && !charset.eq_ignore_ascii_case("utf8")
            {
                return Err(refuse());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content_type_ok(value: &str) -> bool {
        check_content_type(Headers(&[("content-type", value)])).is_ok()
    }

    #[test]
    fn content_types() {
        assert!(content_type_ok("application/x-www-form-urlencoded"));
        assert!(content_type_ok(
            "application/x-www-form-urlencoded;charset=utf-8"
        ));
        assert!(content_type_ok(
            "Application/X-WWW-Form-Urlencoded; charset=\"UTF-8\""
        ));
        assert!(!content_type_ok(
            "application/x-www-form-urlencoded; charset=gbk"
        ));
        assert!(!content_type_ok("application/json"));
        assert!(!content_type_ok(""));
    }
}
