//! Turning an answer body into a typed response or an [`Error`].
//!
//! Pure functions over bytes, so they are tested and fuzzed without a network.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::endpoint::Endpoint;
use crate::error::{Error, ErrorKind, snippet};

/// The most bytes of an answer the client reads by default (1 MiB).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Decodes an answer to `E`.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::{decode, Endpoint, Form, NoContent, ValidationError};
///
/// struct Ping;
/// impl Endpoint for Ping {
///     const PATH: &'static str = "ping.action";
///     type Response = NoContent;
///     fn validate(&self) -> Result<(), ValidationError> { Ok(()) }
///     fn write_form(&self, _: &mut Form) {}
/// }
///
/// assert!(decode::decode::<Ping>(br#"{"code":200}"#).is_ok());
/// let err = decode::decode::<Ping>(br#"{"code":414,"desc":"already register"}"#).unwrap_err();
/// assert!(err.is_already_registered());
/// ```
pub fn decode<E: Endpoint>(body: &[u8]) -> Result<E::Response, Error> {
    decode_response(body, E::RESPONSE_FIELD)
}

/// Decodes an answer: `{"code":200, ...}` becomes `R` (read from member `field`, or from the
/// whole object less `code` when `field` is `None`); any other code becomes
/// [`ErrorKind::Api`] with the answer's `desc` (v1) or `msg` (v2).
///
/// The caller bounds the body's size (the client reads at most its configured
/// `max_response_bytes`, [`MAX_BODY_BYTES`] by default); nesting is bounded by the JSON
/// parser's recursion limit.
pub fn decode_response<R: DeserializeOwned>(body: &[u8], field: Option<&str>) -> Result<R, Error> {
    let mut object = success(body)?;
    object.remove("code");
    let payload = match field {
        Some(name) => object.remove(name).unwrap_or(Value::Null),
        None => Value::Object(object),
    };
    R::deserialize(payload).map_err(|e| does_not_fit(body, &e))
}

/// Decodes an answer to `E` as JSON: the whole answer object (`code` included) when its code
/// is 200 and its response fits `E::Response`, otherwise the error [`decode`] returns. What
/// an action called by name answers (see [`EncodedCall`](crate::dynamic::EncodedCall)).
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::{decode, Endpoint, NoContent, ValidationError};
///
/// struct Ping;
/// impl Endpoint for Ping {
///     const PATH: &'static str = "ping.action";
///     type Response = NoContent;
///     fn validate(&self) -> Result<(), ValidationError> { Ok(()) }
/// }
///
/// let answer = decode::decode_answer::<Ping>(br#"{"code":200,"extra":1}"#).unwrap();
/// assert_eq!(answer, serde_json::json!({"code": 200, "extra": 1}));
/// ```
pub fn decode_answer<E: Endpoint>(body: &[u8]) -> Result<Value, Error> {
    let mut object = success(body)?;
    let code = object.remove("code");
    let fits = match E::RESPONSE_FIELD {
        Some(name) => E::Response::deserialize(object.get(name).unwrap_or(&Value::Null)).err(),
        None => {
            let whole = Value::Object(object);
            let fits = E::Response::deserialize(&whole).err();
            let Value::Object(back) = whole else {
                return Err(unexpected(body, "not a JSON object"));
            };
            object = back;
            fits
        }
    };
    if let Some(err) = fits {
        return Err(does_not_fit(body, &err));
    }
    if let Some(code) = code {
        object.insert("code".to_owned(), code);
    }
    Ok(Value::Object(object))
}

/// [`decode_answer`] for an answer of no known type: only its code is checked.
pub(crate) fn decode_any_answer(body: &[u8]) -> Result<Value, Error> {
    success(body).map(Value::Object)
}

/// The answer object, when it is one and its code is 200; the code's error otherwise.
fn success(body: &[u8]) -> Result<serde_json::Map<String, Value>, Error> {
    let value: Value = serde_json::from_slice(body).map_err(|e| json_error(body, e))?;
    let Value::Object(mut object) = value else {
        return Err(unexpected(body, "not a JSON object"));
    };
    let code = match object.get("code") {
        Some(Value::Number(n)) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        // Some gateways send the code as a string; accept "200" as 200.
        Some(Value::String(s)) => s.trim().parse::<u32>().ok(),
        _ => None,
    };
    let Some(code) = code else {
        return Err(unexpected(body, "no numeric `code` member"));
    };
    if code != 200 {
        // v1 explains a failure in `desc`, v2 in `msg`.
        let text = object.remove("desc").or_else(|| object.remove("msg"));
        return Err(Error::api(code, desc_text(text)));
    }
    Ok(object)
}

fn does_not_fit(body: &[u8], err: &serde_json::Error) -> Error {
    unexpected(
        body,
        &format!("response does not fit: {}", mask_values(&err.to_string())),
    )
}

/// serde's messages quote the offending value (`invalid type: string "abc", expected u32`);
/// that value may be a token, so messages that carry one keep only their shape.
pub(crate) fn mask_values(message: &str) -> String {
    const QUOTES_A_VALUE: [&str; 4] = [
        "invalid type",
        "invalid value",
        "invalid length",
        "unknown variant",
    ];
    if !QUOTES_A_VALUE.iter().any(|p| message.starts_with(p)) {
        return message.to_owned();
    }
    let mut out = String::with_capacity(message.len());
    let mut open: Option<char> = None;
    let mut escaped = false;
    for c in message.chars() {
        match open {
            // serde writes strings with Rust's escapes: `\"` does not close the quote.
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => {
                out.push('…');
                out.push(c);
                open = None;
            }
            Some(_) => {}
            None if c == '"' || c == '`' => {
                out.push(c);
                open = Some(c);
            }
            None => out.push(c),
        }
    }
    out
}

/// The most characters of a `desc` kept in an error (longer ones are cut and end in `…`): real
/// descs are short phrases, and an error message should stay a line, whatever a server sends.
pub const MAX_DESC_CHARS: usize = 512;

fn desc_text(desc: Option<Value>) -> String {
    let text = match desc {
        None | Some(Value::Null) => return String::new(),
        Some(Value::String(s)) => s,
        Some(other) => other.to_string(),
    };
    match text.char_indices().nth(MAX_DESC_CHARS) {
        None => text,
        Some((cut, _)) => format!("{}…", &text[..cut]),
    }
}

fn unexpected(body: &[u8], reason: &str) -> Error {
    Error::new(ErrorKind::UnexpectedResponse {
        reason: reason.to_owned(),
        snippet: snippet(body),
    })
}

fn json_error(body: &[u8], err: serde_json::Error) -> Error {
    let snippet = snippet(body);
    let kind = if err.is_eof() {
        ErrorKind::TruncatedJson { snippet }
    } else if err.is_syntax() {
        ErrorKind::NotJson { snippet }
    } else {
        ErrorKind::UnexpectedResponse {
            reason: "invalid JSON".to_owned(),
            snippet,
        }
    };
    Error::with_source(kind, err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Info {
        accid: String,
        token: String,
    }

    #[test]
    fn success_reads_the_named_member() {
        let info: Info = decode_response(
            br#"{"code":200,"info":{"accid":"a","token":"t"}}"#,
            Some("info"),
        )
        .unwrap();
        assert_eq!(
            info,
            Info {
                accid: "a".into(),
                token: "t".into()
            }
        );
    }

    #[test]
    fn success_reads_the_whole_object_without_a_field() {
        let info: Info = decode_response(br#"{"code":200,"accid":"a","token":"t"}"#, None).unwrap();
        assert_eq!(info.accid, "a");
    }

    #[test]
    fn string_code_is_accepted() {
        let err = decode_response::<Value>(br#"{"code":"416"}"#, None).unwrap_err();
        assert_eq!(err.api_code(), Some(416));
    }

    #[test]
    fn v2_failures_keep_code_and_msg() {
        let err =
            decode_response::<Value>(br#"{"code":102405,"msg":"account exists"}"#, Some("data"))
                .unwrap_err();
        assert_eq!(err.api_code(), Some(102405));
        assert_eq!(err.api_desc(), Some("account exists"));
        assert!(err.is_already_registered());
    }

    #[test]
    fn object_desc_is_kept_as_json_text() {
        let err = decode_response::<Value>(br#"{"code":417,"desc":{"a":1}}"#, None).unwrap_err();
        assert_eq!(err.api_desc(), Some(r#"{"a":1}"#));
    }

    #[test]
    fn each_bad_body_has_its_kind() {
        let kind = |b: &[u8]| decode_response::<Value>(b, None).unwrap_err().into_kind();
        assert!(matches!(
            kind(b"<html>502</html>"),
            ErrorKind::NotJson { .. }
        ));
        assert!(matches!(
            kind(br#"{"code":200,"inf"#),
            ErrorKind::TruncatedJson { .. }
        ));
        assert!(matches!(kind(b""), ErrorKind::TruncatedJson { .. }));
        assert!(matches!(kind(b"[1]"), ErrorKind::UnexpectedResponse { .. }));
        assert!(matches!(
            kind(br#"{"desc":"x"}"#),
            ErrorKind::UnexpectedResponse { .. }
        ));
        assert!(matches!(
            kind(br#"{"code":7000000000}"#),
            ErrorKind::UnexpectedResponse { .. }
        ));
        let deep = "[".repeat(100_000);
        assert!(matches!(
            kind(deep.as_bytes()),
            ErrorKind::UnexpectedResponse { .. } | ErrorKind::NotJson { .. }
        ));
    }

    #[test]
    fn type_errors_do_not_quote_values() {
        let err = decode_response::<Info>(
            br#"{"code":200,"info":{"accid":"a","token":12345678}}"#,
            Some("info"),
        )
        .unwrap_err();
        let ErrorKind::UnexpectedResponse { reason, .. } = err.kind() else {
            panic!("{err:?}");
        };
        assert!(!reason.contains("12345678"), "{reason}");
        assert!(reason.contains("invalid type"), "{reason}");
        let err = decode_response::<Info>(br#"{"code":200,"info":{"accid":"a"}}"#, Some("info"))
            .unwrap_err();
        assert!(err.to_string().contains("missing field `token`"), "{err}");
    }

    #[test]
    fn escaped_quotes_do_not_end_the_mask() {
        let masked =
            mask_values(r#"invalid type: string "{\"token\":\"Tk7\"}", expected struct Info"#);
        assert!(!masked.contains("Tk7"), "{masked}");
        assert!(masked.ends_with("expected struct Info"), "{masked}");
    }

    #[test]
    fn long_descs_are_cut() {
        let body = format!(r#"{{"code":414,"desc":"{}"}}"#, "d".repeat(10_000));
        let err = decode_response::<Value>(body.as_bytes(), None).unwrap_err();
        assert_eq!(err.api_desc().unwrap().chars().count(), MAX_DESC_CHARS + 1);
    }

    #[test]
    fn missing_info_is_unexpected_not_panic() {
        let err = decode_response::<Info>(br#"{"code":200}"#, Some("info")).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::UnexpectedResponse { .. }));
    }
}
