//! Fuzz target `decode_response`: the input as an answer body, and also as the seed of a
//! generated JSON answer (`nim_fuzz::Answer`) so the success and `Api` paths are reached often.
//!
//! Asserted for every body, decoded untyped (`serde_json::Value`, the whole object) and typed
//! (`Account`, read from member `info`):
//! - no panic;
//! - success only for a JSON object whose `code` is 200 (a number, or a decimal string); the
//!   untyped result is that object less `code`; a typed failure on such a body is only
//!   "response does not fit";
//! - any other code that fits a u32 is `ErrorKind::Api` with that code and the body's `desc`
//!   (or, without one, its `msg`)
//!   (JSON text when not a string, empty when absent), in both decodes alike; without one,
//!   never `Api`; a body that is not JSON is `NotJson`, `TruncatedJson` or `UnexpectedResponse`;
//! - `api_code()`, `code()` and `api_desc()` are `Some` exactly when the kind is `Api`;
//! - every body snippet in an error has at most `SNIPPET_CHARS + 1` characters and no control
//!   character; `Display` is at most 4 KiB, except the parts that echo the server's own text
//!   (an `Api` desc, a "does not fit" reason), and never longer than 4 KiB + 8 × the body;
//! - no error but `Api` (whose desc is the server's text) shows a token value of the body
//!   (8+ letters and digits, found nowhere else in it) in its `Display` or `Debug`.
#![no_main]

use libfuzzer_sys::arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use nim_core::decode::{MAX_DESC_CHARS, decode_response};
use nim_core::{Error, ErrorKind, SNIPPET_CHARS};
use nim_fuzz::{Answer, answer_code, checkable_token_values, is_json};
use serde::Deserialize;
use serde_json::Value;

/// The `info` of an account answer (`user/create.action`).
#[derive(Debug, Deserialize)]
struct Account {
    #[allow(dead_code)]
    accid: String,
    #[allow(dead_code)]
    token: String,
    #[serde(default)]
    #[allow(dead_code)]
    name: Option<String>,
}

/// The most bytes a `Display` may have when it echoes no server text: a Debug-escaped snippet
/// (at most 201 characters of at most 10 bytes each) and a fixed sentence.
const FIXED_BOUND: usize = 4096;

fuzz_target!(|data: &[u8]| {
    check(data);
    if let Ok(answer) = Answer::arbitrary_take_rest(Unstructured::new(data)) {
        check(&answer.to_body());
    }
});

fn check(body: &[u8]) {
    let untyped = decode_response::<Value>(body, None);
    let typed = decode_response::<Account>(body, Some("info"));
    for err in [untyped.as_ref().err(), typed.as_ref().err()]
        .into_iter()
        .flatten()
    {
        check_error(body, err);
    }
    match answer_code(body) {
        Some(200) => {
            let Ok(Value::Object(mut expected)) = serde_json::from_slice::<Value>(body) else {
                panic!("answer_code found a code in something that is not an object");
            };
            expected.remove("code");
            match &untyped {
                Ok(value) => assert_eq!(value, &Value::Object(expected)),
                Err(e) => panic!("code 200 refused untyped: {e:?}"),
            }
            if let Err(e) = &typed {
                assert!(
                    matches!(e.kind(), ErrorKind::UnexpectedResponse { reason, .. }
                        if reason.starts_with("response does not fit")),
                    "code 200 refused typed for another reason: {e:?}"
                );
            }
        }
        Some(code) => {
            let Ok(Value::Object(object)) = serde_json::from_slice::<Value>(body) else {
                panic!("answer_code found a code in something that is not an object");
            };
            // v1 explains a failure in `desc`, v2 in `msg`.
            let full_desc = match object.get("desc").or_else(|| object.get("msg")) {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
            };
            // Long descs are kept cut to MAX_DESC_CHARS characters plus an ellipsis.
            let desc = if full_desc.chars().count() > MAX_DESC_CHARS {
                let mut cut: String = full_desc.chars().take(MAX_DESC_CHARS).collect();
                cut.push('…');
                cut
            } else {
                full_desc
            };
            for result in [untyped.map(drop), typed.map(drop)] {
                let Err(e) = result else {
                    panic!("code {code} accepted as success");
                };
                assert_eq!(e.api_code(), Some(code), "{e:?}");
                assert_eq!(e.api_desc(), Some(desc.as_str()));
            }
        }
        None => {
            for result in [untyped.map(drop), typed.map(drop)] {
                let Err(e) = result else {
                    panic!("a body without a usable code accepted as success");
                };
                assert!(e.api_code().is_none(), "{e:?}");
                let json_failure = matches!(
                    e.kind(),
                    ErrorKind::NotJson { .. } | ErrorKind::TruncatedJson { .. }
                );
                let invalid_json = matches!(e.kind(),
                    ErrorKind::UnexpectedResponse { reason, .. } if reason == "invalid JSON");
                assert_eq!(
                    json_failure || invalid_json,
                    !is_json(body),
                    "JSON-ness misjudged: {e:?}"
                );
            }
        }
    }
}

fn check_error(body: &[u8], err: &Error) {
    let kind = err.kind();
    let is_api = matches!(kind, ErrorKind::Api { .. });
    assert_eq!(err.api_code().is_some(), is_api);
    assert_eq!(err.code().is_some(), is_api);
    assert_eq!(err.api_desc().is_some(), is_api);
    assert!(!err.is_validation());
    assert!(!kind.name().is_empty());

    let mut echoes_server_text = is_api;
    match kind {
        ErrorKind::NotJson { snippet } | ErrorKind::TruncatedJson { snippet } => {
            check_snippet(snippet)
        }
        ErrorKind::UnexpectedResponse { reason, snippet } => {
            check_snippet(snippet);
            echoes_server_text = reason.starts_with("response does not fit");
        }
        ErrorKind::Api { .. } | ErrorKind::ResponseTooLarge { .. } => {}
        other => panic!("decoding produced an unexpected kind: {other:?}"),
    }

    let display = err.to_string();
    let debug = format!("{err:?}");
    if !echoes_server_text {
        assert!(
            display.len() <= FIXED_BOUND,
            "Display of {} bytes: {display}",
            display.len()
        );
    }
    assert!(
        display.len() <= FIXED_BOUND + 8 * body.len(),
        "Display amplifies the body"
    );
    if !is_api {
        // Mixed letters and digits, 8+ characters: never a word of the error's own text.
        let tokens = checkable_token_values(body).into_iter().filter(|t| {
            t.chars().count() >= 8
                && t.chars().any(|c| c.is_ascii_digit())
                && t.chars().any(|c| c.is_ascii_alphabetic())
        });
        for token in tokens {
            assert!(!display.contains(&token), "token {token:?} in {display}");
            assert!(!debug.contains(&token), "token {token:?} in {debug}");
        }
    }
}

fn check_snippet(snippet: &str) {
    assert!(snippet.chars().count() <= SNIPPET_CHARS + 1, "{snippet:?}");
    assert!(!snippet.chars().any(char::is_control), "{snippet:?}");
}
