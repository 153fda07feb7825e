//! One authenticated request as a handler sees it: method, path parameters, query, headers,
//! body, and the state clock's time. The body readers check the Content-Type their protocol
//! needs, so every family reads bodies the same way.

use crate::auth::Headers;
use crate::json_body::JsonBody;
use crate::params::Params;
use crate::reply::ApiError;

const FORM_URLENCODED: &str = "application/x-www-form-urlencoded";
const APPLICATION_JSON: &str = "application/json";

/// A request that passed authentication, routed to a handler.
#[derive(Debug)]
pub(crate) struct Call<'a> {
    /// The values of the route's `{name}` segments, percent-decoded.
    pub(crate) path_params: Vec<(&'static str, String)>,
    /// The raw query string (after `?`), empty when there is none.
    pub(crate) query: &'a str,
    /// The request's headers.
    pub(crate) headers: Headers<'a>,
    /// The request body, at most the pipeline's body limit.
    pub(crate) body: &'a [u8],
    /// The state clock's time (Unix seconds): expiries, mutes and login times read it.
    pub(crate) now: u64,
}

impl Call<'_> {
    /// The decoded value of the path parameter `name` (empty if the route has none).
    pub(crate) fn path_param(&self, name: &str) -> &str {
        self.path_params
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The first query parameter `name`, decoded (`+` is a space, as Java's URLEncoder sends
    /// it); `None` when absent or empty.
    pub(crate) fn query_param(&self, name: &str) -> Option<String> {
        form_urlencoded::parse(self.query.as_bytes())
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.into_owned())
            .filter(|v| !v.is_empty())
    }

    /// Integer query parameter `name`, one of `allowed`; `None` when absent.
    pub(crate) fn query_int_in(
        &self,
        name: &str,
        allowed: &[i64],
    ) -> Result<Option<i64>, ApiError> {
        let Some(text) = self.query_param(name) else {
            return Ok(None);
        };
        text.trim()
            .parse::<i64>()
            .ok()
            .filter(|n| allowed.contains(n))
            .map(Some)
            .ok_or_else(|| {
                let list: Vec<String> = allowed.iter().map(i64::to_string).collect();
                ApiError::param(format!("{name} must be one of {}", list.join(", ")))
            })
    }

    /// A list's `limit` query parameter: 1 to `max`, and `max` when absent.
    pub(crate) fn page_limit(&self, max: usize) -> Result<usize, ApiError> {
        match self.query_param("limit") {
            None => Ok(max),
            Some(text) => text
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=max).contains(n))
                .ok_or_else(|| ApiError::param(format!("limit must be 1 to {max}"))),
        }
    }

    /// The v1 form body. A body must be labelled `application/x-www-form-urlencoded` (any
    /// charset spelling of UTF-8, or none); an empty body needs no label, so a request without
    /// parameters is told which parameter is missing rather than blamed for its Content-Type.
    pub(crate) fn form(&self) -> Result<Params, ApiError> {
        if !self.body.is_empty() && !content_type_is(self.headers, FORM_URLENCODED) {
            return Err(ApiError::param(format!(
                "Content-Type must be {FORM_URLENCODED};charset=utf-8"
            )));
        }
        Ok(Params::parse(self.body))
    }

    /// The v2 JSON body: an object, labelled `application/json` (charset UTF-8 in any case, or
    /// none). An empty body (the Go SDK sends none, and no Content-Type, for an op without
    /// fields) reads as `{}`.
    pub(crate) fn json(&self) -> Result<JsonBody, ApiError> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(JsonBody::empty());
        }
        if !content_type_is(self.headers, APPLICATION_JSON) {
            return Err(ApiError::param(format!(
                "Content-Type must be {APPLICATION_JSON};charset=utf-8 for a request with a body"
            )));
        }
        JsonBody::parse(self.body)
    }
}

/// Whether the Content-Type's media type is `media_type` and its charset, if any, is UTF-8.
pub(crate) fn content_type_is(headers: Headers<'_>, media_type: &str) -> bool {
    let Some(value) = headers.get("Content-Type") else {
        return false;
    };
    let mut parts = value.split(';');
    let given = parts.next().unwrap_or_default().trim();
    if !given.eq_ignore_ascii_case(media_type) {
        return false;
    }
    parts.all(|param| match param.split_once('=') {
        Some((name, charset)) if name.trim().eq_ignore_ascii_case("charset") => {
            let charset = charset.trim().trim_matches('"');
            charset.eq_ignore_ascii_case("utf-8") || charset.eq_ignore_ascii_case("utf8")
        }
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form_ok(value: &str) -> bool {
        content_type_is(Headers(&[("content-type", value)]), FORM_URLENCODED)
    }

    #[test]
    fn content_types() {
        assert!(form_ok("application/x-www-form-urlencoded"));
        assert!(form_ok("application/x-www-form-urlencoded;charset=utf-8"));
        assert!(form_ok(
            "Application/X-WWW-Form-Urlencoded; charset=\"UTF-8\""
        ));
        assert!(!form_ok("application/x-www-form-urlencoded; charset=gbk"));
        assert!(!form_ok("application/json"));
        assert!(!form_ok(""));
        let json = [("Content-Type", "application/json;charset=UTF-8")];
        assert!(content_type_is(Headers(&json), APPLICATION_JSON));
    }

    #[test]
    fn an_empty_body_needs_no_content_type() {
        let call = Call {
            path_params: vec![("account_id", "a".into())],
            query: "account_ids=a%2Cb,c&x=",
            headers: Headers(&[]),
            body: b"",
            now: 0,
        };
        assert!(call.json().is_ok());
        assert!(call.form().is_ok());
        assert_eq!(call.path_param("account_id"), "a");
        assert_eq!(call.query_param("account_ids").as_deref(), Some("a,b,c"));
        assert_eq!(call.query_param("x"), None);
        let call = Call {
            body: b"{}",
            ..call
        };
        assert!(call.json().is_err());
    }
}
