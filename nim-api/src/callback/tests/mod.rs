//! Callback bodies from the official pages (each test names its page) and the spec's
//! vectors, read as typed events; and the errors.
//!
//! The pages' example headers do not match their bodies (the same MD5 and CheckSum appear
//! under different bodies), so each body is signed here, as the IM server would sign it, and
//! goes through the receiver: verification, then the parser.
#![allow(clippy::unwrap_used)]

use nim_core::{Credentials, FixedClock};

use crate::callback::{CallbackEvent, CallbackReceiver, body_md5, callback_checksum};

const SECRET: &str = "official-examples-secret";

/// `body` signed at a fixed time, verified and parsed by a fresh receiver.
fn signed<E: CallbackEvent>(body: &str) -> E {
    let cur_time = "1700000000000";
    let md5 = body_md5(body.as_bytes());
    let mut headers = http::HeaderMap::new();
    headers.insert("AppKey", http::HeaderValue::from_static("official-key"));
    headers.insert("CurTime", http::HeaderValue::from_static("1700000000000"));
    headers.insert("MD5", md5.parse().unwrap());
    let check_sum = callback_checksum(SECRET, &md5, cur_time);
    headers.insert("CheckSum", check_sum.parse().unwrap());
    CallbackReceiver::new(Credentials::new("official-key", SECRET))
        .with_clock(FixedClock(1_700_000_000))
        .verify_and_parse(&headers, body.as_bytes())
        .unwrap_or_else(|e| panic!("{e}: {body}"))
}

mod copy;
mod errors;
mod intercept;
