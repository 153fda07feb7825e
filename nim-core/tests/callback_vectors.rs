//! Callback verification against digests computed outside the crate:
//! `printf '%s' "$body" | md5sum` and `printf '%s' "$secret$md5$curtime" | sha1sum`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use nim_core::callback::{CallbackError, CallbackVerifier, body_md5, callback_checksum};
use nim_core::{Credentials, FixedClock};

const SECRET: &str = "callback-secret-密";
const NOW: u64 = 1_700_000_000;

struct Vector {
    body: &'static str,
    md5: &'static str,
    cur_time: &'static str,
    check_sum: &'static str,
}

const VECTORS: &[Vector] = &[
    Vector {
        body: r#"{"eventType":"1","fromAccount":"zhangsan","to":"lisi","body":"你好"}"#,
        md5: "c95dd5dcdd2781ab5fa166250f4e0478",
        cur_time: "1700000000",
        check_sum: "f2253a8d7b05d92712cddb932a15d2c7b04d104c",
    },
    Vector {
        body: r#"{"eventType":"1","fromAccount":"zhangsan","to":"lisi","body":"你好"}"#,
        md5: "c95dd5dcdd2781ab5fa166250f4e0478",
        cur_time: "1700000000123",
        check_sum: "f93283c7366c2c9f32cc238562b4772dd9c0cdd7",
    },
    Vector {
        body: "",
        md5: "d41d8cd98f00b204e9800998ecf8427e",
        cur_time: "1700000000",
        check_sum: "924c462204d3822b920b999e648a22476cb1db0e",
    },
    Vector {
        body: "",
        md5: "d41d8cd98f00b204e9800998ecf8427e",
        cur_time: "1700000000123",
        check_sum: "f0e622d050ff62b50ef1bb56918e861398b7b65a",
    },
    Vector {
        body: r#"{"eventType":"5","msg":"a&b=c"}"#,
        md5: "04e24bac5d4cfbd51dd87f25b39bbd22",
        cur_time: "1700000000",
        check_sum: "33e72323337b7d8f372e2c540884a8b755808465",
    },
    Vector {
        body: r#"{"eventType":"5","msg":"a&b=c"}"#,
        md5: "04e24bac5d4cfbd51dd87f25b39bbd22",
        cur_time: "1700000000123",
        check_sum: "5fc21e6f5cea67cfe3ee0b1b120250402561b6f9",
    },
];

fn verifier() -> CallbackVerifier {
    CallbackVerifier::new(Credentials::new("cb-key", SECRET)).with_clock(FixedClock(NOW))
}

fn headers(v: &Vector) -> http::HeaderMap {
    let mut h = http::HeaderMap::new();
    h.insert("AppKey", "cb-key".parse().unwrap());
    h.insert("MD5", v.md5.parse().unwrap());
    h.insert("CurTime", v.cur_time.parse().unwrap());
    h.insert("CheckSum", v.check_sum.parse().unwrap());
    h
}

#[test]
fn digests_match_independent_vectors() {
    for v in VECTORS {
        assert_eq!(body_md5(v.body.as_bytes()), v.md5);
        assert_eq!(callback_checksum(SECRET, v.md5, v.cur_time), v.check_sum);
    }
}

#[test]
fn genuine_callbacks_verify_from_a_header_map() {
    for v in VECTORS {
        assert_eq!(
            verifier().verify(&headers(v), v.body.as_bytes()),
            Ok(()),
            "{}",
            v.cur_time
        );
    }
}

#[test]
fn upper_case_digests_are_accepted() {
    let v = &VECTORS[0];
    let mut h = headers(v);
    h.insert("CheckSum", v.check_sum.to_uppercase().parse().unwrap());
    assert_eq!(verifier().verify(&h, v.body.as_bytes()), Ok(()));
}

#[test]
fn any_change_is_rejected() {
    let v = &VECTORS[0];
    let body = v.body.as_bytes();
    let check = |h: http::HeaderMap, body: &[u8]| verifier().verify(&h, body);

    assert_eq!(check(headers(v), b"{}"), Err(CallbackError::Md5Mismatch));

    let mut h = headers(v);
    h.insert("AppKey", "someone-else".parse().unwrap());
    assert_eq!(check(h, body), Err(CallbackError::AppKeyMismatch));

    let mut h = headers(v);
    h.insert("CurTime", "1700000001".parse().unwrap());
    assert_eq!(check(h, body), Err(CallbackError::CheckSumMismatch));

    let other = CallbackVerifier::new(Credentials::new("cb-key", "another-secret"))
        .with_clock(FixedClock(NOW));
    assert_eq!(
        other.verify(&headers(v), body),
        Err(CallbackError::CheckSumMismatch)
    );

    for missing in ["MD5", "CurTime", "CheckSum"] {
        let mut h = headers(v);
        h.remove(missing);
        assert_eq!(check(h, body), Err(CallbackError::MissingHeader(missing)));
    }
    // Some official copy examples carry no AppKey; the CheckSum alone proves the sender.
    let mut h = headers(v);
    h.remove("AppKey");
    assert_eq!(check(h, body), Ok(()));
}

#[test]
fn stale_callbacks_are_rejected_and_the_window_is_configurable() {
    let v = &VECTORS[0];
    let later =
        CallbackVerifier::new(Credentials::new("cb-key", SECRET)).with_clock(FixedClock(NOW + 301));
    assert_eq!(
        later.verify(&headers(v), v.body.as_bytes()),
        Err(CallbackError::Stale {
            cur_time: NOW,
            skew: 301,
            window: 300
        })
    );
    let wide = later.with_window_secs(600);
    assert_eq!(wide.verify(&headers(v), v.body.as_bytes()), Ok(()));
}
