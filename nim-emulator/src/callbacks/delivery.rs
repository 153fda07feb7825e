//! The record of one callback POST: what was sent, and what the app answered.

use std::fmt;

use serde_json::{Value, json};

/// The four signing headers of a callback, as sent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct SignedHeaders {
    /// `AppKey`: the emulator's app key.
    pub app_key: String,
    /// `CurTime`: Unix time in milliseconds, 13 decimal digits.
    pub cur_time: String,
    /// `MD5`: lowercase hex MD5 of the body.
    pub md5: String,
    /// `CheckSum`: lowercase hex SHA-1 of `AppSecret + MD5 + CurTime`.
    pub check_sum: String,
}

impl SignedHeaders {
    /// The headers as name/value pairs, in the order they are sent.
    pub fn pairs(&self) -> [(&'static str, &str); 4] {
        [
            ("AppKey", &self.app_key),
            ("CurTime", &self.cur_time),
            ("MD5", &self.md5),
            ("CheckSum", &self.check_sum),
        ]
    }
}

/// How a redelivery differs from the recorded delivery it repeats, so an app's receiver
/// can be tested against each refusal it must make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Tamper {
    /// An exact replay: the same body and headers (a receiver with a replay cache refuses it).
    None,
    /// One byte of the body changed, the old headers kept: the `MD5` no longer matches.
    Body,
    /// Signed now, but with the `MD5` of another body (and a `CheckSum` over that wrong MD5,
    /// so only a receiver that hashes the body notices).
    Md5,
    /// Signed now with a wrong `CheckSum`.
    CheckSum,
    /// Signed correctly with a `CurTime` one hour in the past.
    Stale,
    /// Signed correctly with a `CurTime` one hour in the future.
    Future,
}

impl Tamper {
    /// Every tamper, for messages listing them.
    pub(crate) const ALL: [Tamper; 6] = [
        Tamper::None,
        Tamper::Body,
        Tamper::Md5,
        Tamper::CheckSum,
        Tamper::Stale,
        Tamper::Future,
    ];

    /// The name the admin route takes: `none`, `body`, `md5`, `checksum`, `stale`, `future`.
    pub fn name(self) -> &'static str {
        match self {
            Tamper::None => "none",
            Tamper::Body => "body",
            Tamper::Md5 => "md5",
            Tamper::CheckSum => "checksum",
            Tamper::Stale => "stale",
            Tamper::Future => "future",
        }
    }

    /// The tamper named `name`, if any.
    pub(crate) fn from_name(name: &str) -> Option<Tamper> {
        Tamper::ALL.into_iter().find(|t| t.name() == name)
    }
}

impl fmt::Display for Tamper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One callback POST the emulator made to the app, returned by
/// [`Emulator::deliveries`](crate::Emulator::deliveries).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Delivery {
    /// Its number: 1 for the emulator's first delivery, never reused (not even after a reset).
    pub seq: u64,
    /// The URL it was POSTed to.
    pub url: String,
    /// The body's `eventType` (`"1"` conversation copy, `"2"` login, ...); `None` for the
    /// address check, whose body is `{}`.
    pub event_type: Option<String>,
    /// The signing headers sent.
    pub headers: SignedHeaders,
    /// The body sent (JSON).
    pub body: String,
    /// The app's HTTP status; `None` when no answer came (see [`error`](Delivery::error)).
    pub status: Option<u16>,
    /// The app's answer body, at most its first 4 KiB (cut on a character boundary).
    pub answer: Option<String>,
    /// Why no answer came: the connection failed or the 5 s timeout passed.
    pub error: Option<String>,
    /// When it was sent: the CurTime clock in Unix milliseconds (whole seconds × 1000).
    pub at_ms: u64,
    /// The delivery this one repeats, for a redelivery.
    pub replay_of: Option<u64>,
    /// How a redelivery was changed; `None` for first deliveries.
    pub tamper: Option<Tamper>,
}

impl Delivery {
    /// The body as JSON (`Value::Null` if it is not JSON, which never happens for what the
    /// emulator sends unless a tamper broke it).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }

    /// The admin view: `{seq, url, event_type, headers:{AppKey,CurTime,MD5,CheckSum}, body,
    /// status, answer, error, at_ms, replay_of, tamper}`.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "seq": self.seq,
            "url": self.url,
            "event_type": self.event_type,
            "headers": {
                "AppKey": self.headers.app_key,
                "CurTime": self.headers.cur_time,
                "MD5": self.headers.md5,
                "CheckSum": self.headers.check_sum,
            },
            "body": self.body,
            "status": self.status,
            "answer": self.answer,
            "error": self.error,
            "at_ms": self.at_ms,
            "replay_of": self.replay_of,
            "tamper": self.tamper.map(Tamper::name),
        })
    }
}
