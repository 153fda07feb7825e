//! Callback bodies from the official pages (each test names its page) and the spec's
//! vectors, read as typed events; and the errors.
#![allow(clippy::unwrap_used)]

mod copy;
mod errors;
mod intercept;
