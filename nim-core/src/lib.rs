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
//! # extern crate nim_core as nim_api;
//! // The CheckSum header, as the API defines it.
//! let sum = nim_api::checksum("app-secret", "nonce", 1_700_000_000);
//! assert_eq!(sum.len(), 40);
//! ```
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod accid;
pub mod callback;
mod code;
mod credentials;
pub mod decode;
mod digest;
pub mod dynamic;
mod endpoint;
mod error;
pub mod form;
mod json;
mod paging;
pub mod path;
mod rate;
mod sign;
mod unique;
pub mod validate;

#[cfg(feature = "client")]
mod client;

pub use accid::Accid;
#[cfg(feature = "client")]
pub use client::{
    CallOptions, Called, Client, ClientBuilder, ENV_APP_KEY, ENV_APP_SECRET, ENV_BASE_URL,
    ENV_REGION, Pager, PreparedRequest, Region, RetryPolicy,
};
pub use code::{Code, desc};
pub use credentials::Credentials;
pub use endpoint::{
    ApiVersion, BodyKind, Encoded, Endpoint, FORM_CONTENT_TYPE, JSON_CONTENT_TYPE, Method,
    NoContent,
};
pub use error::{Error, ErrorKind, SNIPPET_CHARS, snippet};
pub use form::{Form, FormMembers, FormValue, ListItem};
pub use json::{JsonMembers, JsonObject};
pub use paging::{Page, Paged};
pub use rate::RateLimit;
pub use sign::{
    Clock, FixedClock, HEADER_APP_KEY, HEADER_CHECK_SUM, HEADER_CUR_TIME, HEADER_NONCE,
    MAX_NONCE_LEN, NonceSource, RandomNonce, SignedHeaders, Signer, SystemClock, checksum,
};
pub use unique::unique_id;
pub use validate::ValidationError;

/// What `#[derive(Endpoint)]` and `#[derive(Params)]` expand to refers to. Not a public API:
/// it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::accid::Accid;
    pub use crate::dynamic::__private::{
        Read, ReadFlat, ReadFlatNothing, ReadNothing, ReadSerde, ReadWire, SkippedDefault,
        SkippedNoDefault, any_present, missing, no_members, read_defaulted, read_optional,
        read_required, unreadable,
    };
    pub use crate::dynamic::{
        FromWire, FromWireMembers, ParamInfo, ParamPlace, no_unknown, object, take,
    };
    pub use crate::endpoint::{BodyKind, Endpoint, Method, NoContent};
    pub use crate::form::{Form, FormMembers, FormValue, append_accid, append_json};
    pub use crate::json::{JsonMembers, JsonObject};
    pub use crate::paging::Paged;
    pub use crate::path::{PathValue, append_segment, check_segment};
    pub use crate::rate::RateLimit;
    pub use crate::validate::{
        AccountName, List, Number, Presence, Text, UniqueList, Validate, ValidationError, accid,
        accid_wire, distinct, items, json, max_len, one_of, range, required, unique,
    };
    pub use core::convert::Into;
    pub use core::iter::{IntoIterator, Iterator};
    pub use core::option::Option;
    // The primitives the derive names, so a user's `struct bool;` or `struct str;` in scope
    // cannot capture them.
    pub use core::primitive::{bool, str};
    pub use core::result::Result;
    pub use serde;
    pub use serde_json::{Map, Value};
    pub use std::string::String;
    pub use std::vec::Vec;

    /// The text of a field that `max_len`, `accid` or `json` applies to. The derive sends
    /// every text rule of a field through this one bound, named with the field's type, so a
    /// field type that is not text is reported once, on the type, instead of once per rule.
    #[inline]
    pub fn text<T: Text + ?Sized>(value: &T) -> Option<&str> {
        value.text()
    }

    /// Checks a field's value with its own [`Validate`] impl when its type has one, and
    /// does nothing otherwise, so `Accid`s, nested objects and lists of them are checked
    /// without an attribute. Chosen by method resolution at the field's concrete type
    /// (`(&Nested(&value)).check()`): the impl on `Nested<T>` is found first, at one
    /// reference, when `T: Validate`; the one on `&Nested<T>`, at two, otherwise.
    pub struct Nested<'a, T: ?Sized>(pub &'a T);

    /// The `Nested` impl for values that check themselves.
    pub trait CheckNested {
        /// Runs the value's own checks.
        fn check(&self) -> Result<(), ValidationError>;
    }

    impl<T: Validate + ?Sized> CheckNested for Nested<'_, T> {
        #[inline]
        fn check(&self) -> Result<(), ValidationError> {
            self.0.validate()
        }
    }

    /// Whether a member of a nested object is absent (`None`), chosen like [`Nested`]: the
    /// impl on `Absent<Option<T>>` is found first; any other type is never absent.
    pub struct Absent<'a, T: ?Sized>(pub &'a T);

    /// The `Absent` impl for `Option`s.
    pub trait AbsentNone {
        /// Whether the value is `None`.
        fn absent(&self) -> bool;
    }

    impl<T> AbsentNone for Absent<'_, Option<T>> {
        #[inline]
        fn absent(&self) -> bool {
            self.0.is_none()
        }
    }

    /// The `Absent` fallback: other values are always present.
    pub trait AbsentNever {
        /// Always `false`.
        fn absent(&self) -> bool;
    }

    impl<T: ?Sized> AbsentNever for &Absent<'_, T> {
        #[inline]
        fn absent(&self) -> bool {
            false
        }
    }

    /// The `Nested` fallback for values without checks of their own.
    pub trait CheckNothing {
        /// Nothing to check.
        fn check(&self) -> Result<(), ValidationError>;
    }

    impl<T: ?Sized> CheckNothing for &Nested<'_, T> {
        #[inline]
        fn check(&self) -> Result<(), ValidationError> {
            Result::Ok(())
        }
    }
}
