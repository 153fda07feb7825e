//! nim-rs: a typed, validated, signed Rust SDK for the CommsEase (NetEase Yunxin) IM server
//! API.
//!
//! Each API action is a plain struct ([`user::CreateUser`], ...) whose fields are the
//! action's parameters. [`Client::call`] validates it (before any network I/O), encodes it,
//! signs it and sends it, and returns the action's typed response or an [`Error`] whose
//! [kind](ErrorKind) says what happened.
//!
//! ```no_run
//! use nim_api::prelude::*;
//! use nim_api::user::CreateUser;
//!
//! # async fn run() -> Result<(), nim_api::Error> {
//! let client = Client::from_env()?; // NIM_APP_KEY, NIM_APP_SECRET, optional NIM_BASE_URL
//! let created = client.call(&CreateUser::new("zhangsan").name("张三")).await?;
//! println!("{} logs in with token {}", created.accid, created.token);
//! # Ok(()) }
//! ```
//!
//! For tests, the `nim-emulator` crate serves the same API locally; see the README's
//! "Testing your app offline".
//!
//! Every action of the official server SDKs is declared: the 136 v1 paths and the 134 v2
//! operations, one struct each, listed by [`catalogue()`] (the repository's
//! `docs/coverage.md` tables them).
//!
//! # Declaring more actions
//!
//! An action the official SDKs lack (a new server page, a private deployment's own path) is
//! declared in your own crate with the [`Endpoint`](macro@Endpoint) derive: one struct,
//! nothing else. See the derive's documentation for the attributes.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// Lets `#[derive(Endpoint)]` refer to this crate as `::nim_api` from inside it, as it does
// from every crate that depends on it.
extern crate self as nim_api;

pub mod callback;
mod catalogue;
pub mod chatroom;
pub mod event;
pub mod friend;
pub mod history;
pub mod message;
pub mod msg;
pub mod signal;
pub mod superteam;
pub mod team;
pub mod translator;
pub mod user;
pub mod v2;
mod wire;

pub use catalogue::{ActionInfo, catalogue, find_action};
pub use wire::{BatchResult, FailedAccids, Failure, Gender, TokenPage};

// The traits and the derives share names, in different namespaces (like serde's `Serialize`).
pub use nim_core::{Endpoint, NoContent};
pub use nim_macros::{Endpoint, Params};

pub use nim_core::{
    Accid, ApiVersion, BodyKind, Clock, Code, Credentials, Encoded, Error, ErrorKind, FixedClock,
    Form, FormMembers, FormValue, JsonMembers, JsonObject, ListItem, MAX_NONCE_LEN, Method,
    NonceSource, Page, Paged, RandomNonce, RateLimit, SignedHeaders, Signer, SystemClock,
    ValidationError, checksum, desc, unique_id, validate,
};
#[cfg(feature = "client")]
pub use nim_core::{
    CallOptions, Called, Client, ClientBuilder, ENV_APP_KEY, ENV_APP_SECRET, ENV_BASE_URL,
    ENV_REGION, Pager, PreparedRequest, Region, RetryPolicy,
};
pub use nim_core::{decode, dynamic, path};

/// serde, for declaring response types with nim-api as the only dependency
/// (`#[derive(nim_api::serde::Deserialize)]` with `#[serde(crate = "nim_api::serde")]`).
pub use serde;

/// What `#[derive(Endpoint)]` expands to refers to; not a public API.
#[doc(hidden)]
pub use nim_core::__private;

/// The names most programs need: `use nim_api::prelude::*;`.
pub mod prelude {
    #[cfg(feature = "client")]
    pub use nim_core::Client;
    pub use nim_core::{Accid, Endpoint, Error, ErrorKind};
}

/// The README's examples, compiled and run as doctests so the README stays true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

/// The walk-through's examples, compiled and run the same way.
#[cfg(doctest)]
#[doc = include_str!("../../docs/adding-an-endpoint.md")]
pub struct AddingAnEndpointDoctests;
