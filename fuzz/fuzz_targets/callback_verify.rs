//! Fuzz target `callback_verify`: callbacks built from fuzz input, each header either the
//! correct value (as a real sender computes it), a variant of it, or arbitrary text.
//!
//! Asserted, against an oracle computed here with md-5 and sha1 directly:
//! - no panic in `CallbackVerifier::verify_parts` nor `verify` (an `http::HeaderMap`);
//! - a callback is accepted if and only if the AppKey is ours, `MD5` is md5(body) in either
//!   case, `CheckSum` is sha1(secret + MD5 as sent + CurTime) in either case, and `CurTime`
//!   (seconds, or milliseconds from 10^11 on) is within the window of the clock: the verifier
//!   never accepts a forgery and never refuses a genuine callback;
//! - every rejection names a check that really fails (`Stale` for the past and `FromFuture`
//!   for the future, with the true skew and window; `BodyTooLarge` with the true lengths);
//! - `verify` reports a missing `MD5`, `CurTime` or `CheckSum`, or any non-text header, as
//!   `MissingHeader` naming one of them; an absent `AppKey` is not checked; otherwise it agrees
//!   with `verify_parts` on the trimmed header values;
//! - a valid callback generated from the input (any body, a time inside the window in seconds
//!   or milliseconds, either case of hex) is accepted by both, and with replay protection on
//!   it is accepted once and then refused as `Replayed`;
//! - the body parsers (`parse_copy`, `parse_intercept`) never panic on any body; a body that
//!   is not a JSON object is `InvalidJson` and one that is never is; a parsed event reports
//!   the `eventType` the body declares (`Unknown` included), and `InvalidEvent` names it;
//!   bodies are often events built from the documented field names with values of any shape;
//! - `CallbackReceiver::verify_and_parse` is exactly verification followed by the parser.
#![no_main]

use http::{HeaderMap, HeaderValue};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use md5::{Digest as _, Md5};
use nim_api::callback::{CallbackReceiver, CopyEvent, InterceptEvent, parse_copy, parse_intercept};
use nim_core::callback::{CallbackError, CallbackVerifier};
use nim_core::{Credentials, FixedClock};
use nim_fuzz::Json;
use serde_json::{Map, Value};
use sha1::Sha1;

#[derive(Debug, Arbitrary)]
struct Input {
    key: String,
    secret: String,
    /// Clock reading; the valid case folds it into 1973..2286 so milliseconds fit a u64.
    now: u64,
    /// `None`: the default window (300 s).
    window: Option<u32>,
    /// `None`: the default body limit (1 MiB).
    max_body: Option<u16>,
    /// Distance of CurTime from the clock, folded into the window in the valid case.
    offset: i64,
    millis: bool,
    app_key: Part,
    md5: Part,
    cur_time: Part,
    check_sum: Part,
    /// How each header travels in the `HeaderMap`.
    transport: [Transport; 4],
    payload: Payload,
    /// The payload's bytes, filled in before use.
    #[arbitrary(default)]
    body: Vec<u8>,
}

/// The body: raw bytes, or a callback event with documented field names and values of any
/// shape.
#[derive(Debug, Arbitrary)]
enum Payload {
    Raw(Vec<u8>),
    Event {
        event_type: EventType,
        members: Vec<(Field, Json)>,
        pretty: bool,
    },
}

/// The `eventType` member.
#[derive(Debug, Arbitrary)]
enum EventType {
    Absent,
    /// One of [`EVENT_TYPES`], as a JSON number.
    Number(u8),
    /// One of [`EVENT_TYPES`], as a string (copies send it so).
    Text(u8),
    Other(Json),
}

/// Every event type either namespace types, plus neighbours that neither does.
const EVENT_TYPES: [u64; 30] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 20, 23, 25, 30, 31, 36, 40, 42, 83, 84, 89,
    90, 91, 92, 999,
];

/// A member name: one the docs give for some event, or any other.
#[derive(Debug, Arbitrary)]
enum Field {
    Known(u8),
    Other(String),
}

const FIELDS: [&str; 48] = [
    "convType",
    "to",
    "fromAccount",
    "fromClientType",
    "fromDeviceId",
    "fromNick",
    "msgTimestamp",
    "msgType",
    "body",
    "attach",
    "msgidClient",
    "msgidServer",
    "resendFlag",
    "customSafeFlag",
    "tMembers",
    "ext",
    "antispam",
    "accid",
    "clientIp",
    "clientType",
    "code",
    "sdkVersion",
    "timestamp",
    "logOutReason",
    "roomId",
    "event",
    "roleType",
    "msgId",
    "clientId",
    "from",
    "deleteTime",
    "sendTime",
    "objects",
    "callback",
    "qEvent",
    "type",
    "reason",
    "callbackBody",
    "fail",
    "modifyTime",
    "subType",
    "attachment",
    "tid",
    "inviteList",
    "creator",
    "account",
    "gender",
    "autoLogin",
];

impl Payload {
    fn bytes(&self) -> Vec<u8> {
        let (event_type, members, pretty) = match self {
            Payload::Raw(bytes) => return bytes.clone(),
            Payload::Event {
                event_type,
                members,
                pretty,
            } => (event_type, members, *pretty),
        };
        let pick = |i: &u8| EVENT_TYPES[usize::from(*i) % EVENT_TYPES.len()];
        let mut map = Map::new();
        match event_type {
            EventType::Absent => {}
            EventType::Number(i) => {
                map.insert("eventType".into(), Value::from(pick(i)));
            }
            EventType::Text(i) => {
                map.insert("eventType".into(), Value::from(pick(i).to_string()));
            }
            EventType::Other(json) => {
                map.insert("eventType".into(), json.to_value());
            }
        }
        for (field, value) in members {
            let name = match field {
                Field::Known(i) => FIELDS[usize::from(*i) % FIELDS.len()].to_owned(),
                Field::Other(name) => name.clone(),
            };
            map.insert(name, value.to_value());
        }
        let value = Value::Object(map);
        let text = if pretty {
            serde_json::to_string_pretty(&value)
        } else {
            serde_json::to_string(&value)
        };
        text.map(String::into_bytes).unwrap_or_default()
    }
}

/// One header value.
#[derive(Debug, Arbitrary)]
enum Part {
    Correct,
    Upper,
    Lower,
    /// Case flipped at the positions set in the mask.
    FlipCase(u64),
    /// The correct value with one character replaced.
    Replace(u8, char),
    /// The correct value with text around it.
    Wrap(String, String),
    Truncate(u8),
    Raw(String),
}

/// How a header value is put in the map.
#[derive(Debug, Arbitrary)]
enum Transport {
    Plain,
    Absent,
    /// Surrounded by spaces and tabs (trimmed by `verify`).
    Padded(u8, u8),
    /// A second, later value too (`verify` reads the first).
    Repeated(String),
    /// Bytes that are not visible ASCII (not text to `verify`).
    Opaque(Vec<u8>),
}

const NAMES: [&str; 4] = ["AppKey", "MD5", "CurTime", "CheckSum"];

fuzz_target!(|input: Input| {
    let mut input = input;
    input.body = input.payload.bytes();
    parsers_hold(&input.body);
    valid_callback_is_accepted(&input);
    arbitrary_callback(&input);
});

/// The `eventType` a body declares, read as the docs send it: a number or a string holding
/// one. `None` when the body is not an object or declares none that reads.
fn declared_event_type(json: &Option<Value>) -> Option<u64> {
    match json.as_ref()?.get("eventType")? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn parsers_hold(body: &[u8]) {
    let json: Option<Value> = serde_json::from_slice(body).ok();
    let is_object = json.as_ref().is_some_and(Value::is_object);
    let declared = declared_event_type(&json);
    let copy = parse_copy(body).map(|e| e.event_type());
    let intercept = parse_intercept(body).map(|e| e.event_type());
    for (kind, got) in [("copy", copy), ("intercept", intercept)] {
        match got {
            Ok(event_type) => {
                assert!(is_object, "{kind}: parsed a body that is not a JSON object");
                // An eventType that does not read as a number is an Unknown without one.
                if declared.is_some() {
                    assert_eq!(event_type, declared, "{kind}: reports another eventType");
                }
            }
            Err(CallbackError::InvalidJson { .. }) => {
                assert!(!is_object, "{kind}: refused a JSON object as not JSON");
            }
            Err(CallbackError::InvalidEvent { event_type, .. }) => {
                assert!(is_object, "{kind}: a malformed event that is not an object");
                assert_eq!(
                    Some(event_type),
                    declared,
                    "{kind}: names another eventType"
                );
            }
            Err(other) => panic!("{kind}: parsing failed with a verification error {other:?}"),
        }
    }
}

fn verifier(input: &Input, now: u64) -> (CallbackVerifier, u64) {
    let window = input
        .window
        .map_or(CallbackVerifier::DEFAULT_WINDOW_SECS, u64::from);
    let mut v = CallbackVerifier::new(Credentials::new(input.key.as_str(), input.secret.as_str()))
        .with_clock(FixedClock(now));
    if let Some(w) = input.window {
        v = v.with_window_secs(u64::from(w));
    }
    if let Some(limit) = input.max_body {
        v = v.with_max_body_bytes(usize::from(limit));
    }
    (v, window)
}

fn md5_hex(body: &[u8]) -> String {
    hex::encode(Md5::digest(body))
}

fn sha1_hex(parts: &[&str]) -> String {
    let mut h = Sha1::new();
    for p in parts {
        h.update(p.as_bytes());
    }
    hex::encode(h.finalize())
}

/// A callback as the IM server sends it must be accepted.
fn valid_callback_is_accepted(input: &Input) {
    const MILLIS_FROM: u64 = 100_000_000;
    let now = MILLIS_FROM + input.now % 9_900_000_000;
    let (verifier, window) = verifier(input, now);
    // A genuine callback is refused only for its size.
    let verifier = verifier.with_max_body_bytes(input.body.len());
    let span = i128::from(window) * 2 + 1;
    let offset = i128::from(input.offset).rem_euclid(span) - i128::from(window);
    // Not before 1973: earlier millisecond times read as seconds, by design. Clamping towards
    // `now` keeps the time inside the window.
    let secs = u64::try_from(i128::from(now) + offset).map_or(MILLIS_FROM, |s| s.max(MILLIS_FROM));
    let cur_time = if input.millis {
        (secs * 1000 + input.now % 1000).to_string()
    } else {
        secs.to_string()
    };
    let case_only = |part: &Part, correct: String| match part {
        Part::Upper | Part::Lower | Part::FlipCase(_) => part.apply(&correct),
        _ => correct,
    };
    let md5 = case_only(&input.md5, md5_hex(&input.body));
    let check_sum = case_only(
        &input.check_sum,
        sha1_hex(&[&input.secret, &md5, &cur_time]),
    );
    assert_eq!(
        verifier.verify_parts(&input.key, &md5, &cur_time, &check_sum, &input.body),
        Ok(()),
        "genuine callback refused (now {now}, CurTime {cur_time})"
    );
    // Through a HeaderMap too, when the AppKey can travel as header text unchanged.
    let key_is_header_text = input
        .key
        .bytes()
        .all(|b| b == b'\t' || (0x20..0x7f).contains(&b))
        && input.key.trim_matches([' ', '\t']) == input.key;
    if key_is_header_text {
        let values = [input.key.as_str(), &md5, &cur_time, &check_sum];
        let plain = [const { Transport::Plain }; 4];
        let Ok(headers) = header_map(&values, &plain) else {
            panic!("header text refused by http");
        };
        assert_eq!(verifier.verify(&headers, &input.body), Ok(()));
    }
    // The receiver is the verifier followed by the parser, errors included.
    let receiver = CallbackReceiver::from_verifier(verifier.clone());
    let headers = signed_headers(&md5, &cur_time, &check_sum);
    assert_eq!(
        receiver.verify_and_parse::<CopyEvent>(&headers, &input.body),
        parse_copy(&input.body)
    );
    assert_eq!(
        receiver.verify_and_parse::<InterceptEvent>(&headers, &input.body),
        parse_intercept(&input.body)
    );
    let guarded = verifier.with_replay_protection(4);
    let once = || guarded.verify_parts(&input.key, &md5, &cur_time, &check_sum, &input.body);
    assert_eq!(once(), Ok(()));
    assert_eq!(once(), Err(CallbackError::Replayed { cur_time: secs }));
}

fn arbitrary_callback(input: &Input) {
    let (verifier, window) = verifier(input, input.now);
    let true_md5 = md5_hex(&input.body);
    let offset = i128::from(input.offset % (i64::from(u32::MAX) * 4));
    let secs = u64::try_from((i128::from(input.now) + offset).max(0)).unwrap_or(u64::MAX);
    let true_time = if input.millis {
        secs.saturating_mul(1000).to_string()
    } else {
        secs.to_string()
    };
    let app_key = input.app_key.apply(&input.key);
    let md5 = input.md5.apply(&true_md5);
    let cur_time = input.cur_time.apply(&true_time);
    let true_sum = sha1_hex(&[&input.secret, &md5, &cur_time]);
    let check_sum = input.check_sum.apply(&true_sum);

    let got = verifier.verify_parts(&app_key, &md5, &cur_time, &check_sum, &input.body);
    let sent = [
        Some(app_key.as_str()),
        Some(&md5),
        Some(&cur_time),
        Some(&check_sum),
    ];
    check_against_oracle(input, window, sent, &got);

    let values = [app_key.as_str(), &md5, &cur_time, &check_sum];
    let Ok(headers) = header_map(&values, &input.transport) else {
        return;
    };
    let got = verifier.verify(&headers, &input.body);
    let texts: Vec<Option<&str>> = NAMES
        .iter()
        .map(|n| headers.get(*n).and_then(|v| v.to_str().ok()))
        .collect();
    // A header that is present but not text counts as missing, whichever it is; an absent
    // AppKey is simply not checked.
    let missing: Vec<&str> = NAMES
        .iter()
        .zip(&texts)
        .filter(|(n, t)| t.is_none() && (**n != "AppKey" || headers.contains_key("AppKey")))
        .map(|(n, _)| *n)
        .collect();
    if missing.is_empty() {
        let t: Vec<&str> = texts
            .iter()
            .map(|s| s.map_or("", |s| s.trim_matches([' ', '\t'])))
            .collect();
        if texts[0].is_some() {
            let parts = verifier.verify_parts(t[0], t[1], t[2], t[3], &input.body);
            assert_eq!(got, parts, "verify and verify_parts disagree");
        }
        check_against_oracle(
            input,
            window,
            [texts[0].map(|_| t[0]), Some(t[1]), Some(t[2]), Some(t[3])],
            &got,
        );
    } else {
        match got {
            Err(CallbackError::MissingHeader(name)) => assert!(missing.contains(&name)),
            other => panic!("headers {missing:?} missing, but got {other:?}"),
        }
    }
}

/// Checks a verdict on header values `[app_key, md5, cur_time, check_sum]` (each `None` when
/// absent) against the definition of a genuine callback.
fn check_against_oracle(
    input: &Input,
    window: u64,
    [app_key, md5, cur_time, check_sum]: [Option<&str>; 4],
    got: &Result<(), CallbackError>,
) {
    let (Some(md5), Some(cur_time), Some(check_sum)) = (md5, cur_time, check_sum) else {
        panic!("the oracle needs MD5, CurTime and CheckSum");
    };
    let limit = input
        .max_body
        .map_or(CallbackVerifier::DEFAULT_MAX_BODY_BYTES, usize::from);
    let size_ok = input.body.len() <= limit;
    let key_ok = app_key.is_none_or(|k| k == input.key);
    let md5_ok = md5.to_ascii_lowercase() == md5_hex(&input.body);
    let sum_ok = check_sum.to_ascii_lowercase() == sha1_hex(&[&input.secret, md5, cur_time]);
    let raw = cur_time.parse::<u64>().ok();
    let secs = raw.map(|r| if r >= 100_000_000_000 { r / 1000 } else { r });
    let skew = secs.map(|s| input.now.abs_diff(s));
    let future = secs.is_some_and(|s| s > input.now);
    let fresh = skew.is_some_and(|s| s <= window);
    let genuine = size_ok && key_ok && md5_ok && sum_ok && fresh;
    match got {
        Ok(()) => assert!(
            genuine,
            "FORGERY ACCEPTED: size_ok={size_ok} key_ok={key_ok} md5_ok={md5_ok} sum_ok={sum_ok} fresh={fresh}"
        ),
        Err(e) => {
            assert!(!genuine, "genuine callback refused: {e:?}");
            let reason_holds = match e {
                CallbackError::AppKeyMismatch => !key_ok,
                CallbackError::Md5Mismatch => !md5_ok,
                CallbackError::CheckSumMismatch => !sum_ok,
                CallbackError::InvalidCurTime => raw.is_none(),
                CallbackError::BodyTooLarge { len, limit: l } => {
                    *len == input.body.len() && *l == limit && !size_ok
                }
                CallbackError::Stale {
                    cur_time,
                    skew: s,
                    window: w,
                } => {
                    !future
                        && Some(*cur_time) == secs
                        && Some(*s) == skew
                        && *w == window
                        && *s > window
                }
                CallbackError::FromFuture {
                    cur_time,
                    skew: s,
                    window: w,
                } => {
                    future
                        && Some(*cur_time) == secs
                        && Some(*s) == skew
                        && *w == window
                        && *s > window
                }
                _ => false,
            };
            assert!(
                reason_holds,
                "rejected for a reason that does not hold: {e:?}"
            );
        }
    }
}

/// `MD5`, `CurTime` and `CheckSum` as a map (no `AppKey`: it is checked only when sent).
fn signed_headers(md5: &str, cur_time: &str, check_sum: &str) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in [("MD5", md5), ("CurTime", cur_time), ("CheckSum", check_sum)] {
        let Ok(value) = HeaderValue::from_str(value) else {
            panic!("{name} {value:?} is not header text");
        };
        map.insert(name, value);
    }
    map
}

impl Part {
    fn apply(&self, correct: &str) -> String {
        match self {
            Part::Correct => correct.to_owned(),
            Part::Upper => correct.to_ascii_uppercase(),
            Part::Lower => correct.to_ascii_lowercase(),
            Part::FlipCase(mask) => correct
                .chars()
                .enumerate()
                .map(
                    |(i, c)| match mask.checked_shr(i as u32).map_or(0, |m| m & 1) {
                        1 if c.is_ascii_lowercase() => c.to_ascii_uppercase(),
                        1 => c.to_ascii_lowercase(),
                        _ => c,
                    },
                )
                .collect(),
            Part::Replace(at, with) => {
                let mut chars: Vec<char> = correct.chars().collect();
                if !chars.is_empty() {
                    let i = usize::from(*at) % chars.len();
                    chars[i] = *with;
                }
                chars.into_iter().collect()
            }
            Part::Wrap(before, after) => format!("{before}{correct}{after}"),
            Part::Truncate(n) => correct.chars().take(usize::from(*n)).collect(),
            Part::Raw(s) => s.clone(),
        }
    }
}

/// The four headers in a map, each as `transport` says; `Err` when a value cannot be a header
/// value at all (the verifier never sees such a request).
fn header_map(values: &[&str; 4], transport: &[Transport; 4]) -> Result<HeaderMap, ()> {
    let mut map = HeaderMap::new();
    for ((name, value), how) in NAMES.iter().zip(values).zip(transport) {
        let value = match how {
            Transport::Absent => continue,
            Transport::Plain | Transport::Repeated(_) => value.to_string(),
            Transport::Padded(before, after) => {
                let pad = |n: u8| -> String {
                    (0..n % 4)
                        .map(|i| if i % 2 == 0 { ' ' } else { '\t' })
                        .collect()
                };
                format!("{}{value}{}", pad(*before), pad(*after))
            }
            Transport::Opaque(bytes) => {
                let mut b = bytes.clone();
                b.push(0x80);
                map.append(*name, HeaderValue::from_bytes(&b).map_err(drop)?);
                continue;
            }
        };
        map.append(*name, HeaderValue::from_str(&value).map_err(drop)?);
        if let Transport::Repeated(second) = how
            && let Ok(v) = HeaderValue::from_str(second)
        {
            map.append(*name, v);
        }
    }
    Ok(map)
}
