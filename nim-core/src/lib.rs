//! The core of nim-rs, the Rust SDK for the CommsEase (NetEase Yunxin) IM server API:
//! request signing, the [`Endpoint`] trait, validation primitives, errors, the async
//! [`Client`] (feature `client`, on by default) and callback verification.
//!
//! Most users depend on `nim-api`, which re-exports what they need from here together with
//! the declared API actions. Depend on `nim-core` directly to sign requests yourself, to
//! verify callbacks, or (with `default-features = false`) to use the pure pieces without
//! an HTTP stack.
//!
//! ```
//! // The CheckSum header, as the API defines it.
//! let sum = nim_core::checksum("app-secret", "nonce", 1_700_000_000);
//! assert_eq!(sum.len(), 40);
//! ```
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod callback;
mod code;
mod credentials;
pub mod decode;
mod endpoint;
mod error;
pub mod form;
mod sign;
pub mod validate;

#[cfg(feature = "client")]
mod client;

#[cfg(feature = "client")]
pub use client::{
    Client, ClientBuilder, ENV_APP_KEY, ENV_APP_SECRET, ENV_BASE_URL, ENV_REGION,
    FORM_CONTENT_TYPE, PreparedRequest, Region, RetryPolicy,
};
pub use code::{Code, desc};
pub use credentials::Credentials;
pub use endpoint::{Endpoint, NoContent};
pub use error::{Error, ErrorKind, SNIPPET_CHARS, snippet};
pub use form::{Form, FormValue};
pub use sign::{
    Clock, FixedClock, HEADER_APP_KEY, HEADER_CHECK_SUM, HEADER_CUR_TIME, HEADER_NONCE,
    MAX_NONCE_LEN, NonceSource, RandomNonce, SignedHeaders, Signer, SystemClock, checksum,
};
pub use validate::ValidationError;

/// What `#[derive(Endpoint)]` expands to refers to. Not a public API: it may change in any
/// release.
#[doc(hidden)]
pub mod __private {
    pub use crate::endpoint::{Endpoint, NoContent};
    pub use crate::form::{Form, FormValue, append_accid};
    pub use crate::validate::{Presence, Text, ValidationError, accid, max_len, required};
    pub use core::option::Option;
    // The primitives the derive names, so a user's `struct bool;` or `struct str;` in scope
    // cannot capture them.
    pub use core::primitive::{bool, str};
    pub use core::result::Result;

    /// The text of a field that `max_len` or `accid` applies to. The derive sends every text
    /// rule of a field through this one bound, named with the field's type, so a field type
    /// that is not text is reported once, on the type, instead of once per rule.
    #[inline]
    pub fn text<T: Text + ?Sized>(value: &T) -> Option<&str> {
        value.text()
    }
}
