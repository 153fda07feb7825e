//! Per-call options and what a call answers besides its response.

use crate::error::Error;

/// Options for one call ([`Client::call_with`](super::Client::call_with)).
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::CallOptions;
///
/// let options = CallOptions::new().trace_id("0123456789abcdef0123456789abcdef");
/// # let _ = options;
/// ```
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
    trace_id: Option<String>,
}

/// The most characters of a caller's trace id.
const MAX_TRACE_ID_LEN: usize = 64;

impl CallOptions {
    /// The defaults: a fresh random trace id.
    pub fn new() -> Self {
        CallOptions::default()
    }

    /// Sends the call with this trace id (`RequestId` in v1, `X-custom-traceid` in v2) on
    /// every attempt, instead of a fresh random one: to follow a call through your own logs.
    /// At most 64 ASCII letters, digits, `-` or `_`; the official SDKs send 32 lowercase hex.
    #[must_use]
    pub fn trace_id(mut self, id: impl Into<String>) -> Self {
        self.trace_id = Some(id.into());
        self
    }

    /// The call's trace id: the caller's (checked) or a fresh one.
    pub(crate) fn into_trace_id(self) -> Result<String, Error> {
        match self.trace_id {
            None => Ok(new_trace_id()),
            Some(id)
                if !id.is_empty()
                    && id.len() <= MAX_TRACE_ID_LEN
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
            {
                Ok(id)
            }
            Some(_) => Err(Error::config(
                "a trace id has 1 to 64 characters, each an ASCII letter, digit, `-` or `_`",
            )),
        }
    }
}

/// A fresh trace id: 32 lowercase hex characters, as the official SDKs send.
pub(crate) fn new_trace_id() -> String {
    crate::unique::unique_id()
}

/// A successful call: its response, the trace id it was sent with, and how many attempts it
/// took.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Called<T> {
    /// The typed response.
    pub response: T,
    /// The trace id every attempt carried.
    pub trace_id: String,
    /// How many attempts were sent (1 when the first succeeded).
    pub attempts: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trace_ids() {
        let fresh = CallOptions::new().into_trace_id().unwrap_or_default();
        assert_eq!(fresh.len(), 32);
        assert!(
            fresh
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert_eq!(
            CallOptions::new()
                .trace_id("my-id_1")
                .into_trace_id()
                .ok()
                .as_deref(),
            Some("my-id_1")
        );
        let many: std::collections::HashSet<String> = (0..10_000).map(|_| new_trace_id()).collect();
        assert_eq!(many.len(), 10_000);
        for bad in ["", "has space", "x\n", &"a".repeat(65)] {
            assert!(
                CallOptions::new().trace_id(bad).into_trace_id().is_err(),
                "{bad:?}"
            );
        }
    }
}
