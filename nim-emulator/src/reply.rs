//! What the emulator answers: the API's JSON shapes, and the spoiled answers of faults.

use std::time::Duration;

use nim_core::Code;
use serde_json::{Value, json};

use crate::later::Later;

/// The content type of every API answer, as the real server labels it.
pub(crate) const JSON: &str = "application/json; charset=utf-8";
const HTML: &str = "text/html; charset=utf-8";

/// What the emulator does with one request: the HTTP answer, and how a fault changes its
/// delivery.
///
/// [`Emulator::handle`](crate::Emulator::handle) returns it without any I/O; the HTTP server
/// sleeps for [`delay`](Reply::delay), or closes the connection without answering when
/// [`drop_connection`](Reply::drop_connection) is set, and otherwise writes `status`,
/// `content_type` and `body`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Reply {
    /// The HTTP status. 200 for every API answer, success or not, as the real server does;
    /// 502 or 503 only when an injected [`Fault`](crate::Fault) says so.
    pub status: u16,
    /// The `Content-Type` of the body.
    pub content_type: &'static str,
    /// The body: API JSON, an HTML error page, or truncated JSON.
    pub body: String,
    /// How long the server waits before answering (zero unless a delay fault applies).
    pub delay: Duration,
    /// Whether the server closes the connection instead of answering.
    pub drop_connection: bool,
    /// The rest of the answer, when a background task completes it (callback redelivery):
    /// the HTTP server awaits it and sends its answer instead; `Emulator::handle` returns
    /// the placeholder `body` (`{"queued":true}`).
    pub(crate) later: Option<Later>,
}

impl Reply {
    /// A 200 answer carrying `value` as JSON.
    pub(crate) fn json(value: &Value) -> Reply {
        Reply::new(200, JSON, value.to_string())
    }

    /// `{"code":200}`.
    pub(crate) fn ok() -> Reply {
        Reply::json(&json!({ "code": 200 }))
    }

    /// `{"code":200,"info":info}`.
    pub(crate) fn ok_info(info: Value) -> Reply {
        Reply::json(&json!({ "code": 200, "info": info }))
    }

    /// `{"code":200,"msg":"success","data":data}`, the v2 success answer.
    pub(crate) fn ok_data(data: Value) -> Reply {
        Reply::json(&json!({ "code": 200, "msg": "success", "data": data }))
    }

    /// A 200 answer whose body is `body` as given (a stub's JSON text).
    pub(crate) fn raw_json(body: String) -> Reply {
        Reply::new(200, JSON, body)
    }

    fn new(status: u16, content_type: &'static str, body: String) -> Reply {
        Reply {
            status,
            content_type,
            body,
            delay: Duration::ZERO,
            drop_connection: false,
            later: None,
        }
    }

    /// `{"queued":true}` now; over HTTP, the answer `later` produces.
    pub(crate) fn later(later: Later) -> Reply {
        let mut reply = Reply::json(&json!({ "queued": true }));
        reply.later = Some(later);
        reply
    }

    /// An HTML error page as a reverse proxy in front of the API serves it: the API never
    /// saw the request.
    pub(crate) fn gateway_page(status: u16, reason: &str) -> Reply {
        let body = format!(
            "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n\
             <center><h1>{status} {reason}</h1></center>\r\n<hr><center>gateway</center>\r\n\
             </body>\r\n</html>\r\n"
        );
        Reply::new(status, HTML, body)
    }

    /// Cuts the body to its first half, on a character boundary, so it is never valid JSON.
    pub(crate) fn truncate(&mut self) {
        let mut cut = self.body.len() / 2;
        while !self.body.is_char_boundary(cut) {
            cut -= 1;
        }
        self.body.truncate(cut);
    }

    /// The `code` member of a JSON body, if the body is JSON with one.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// // No auth headers: the emulator answers like the real server, HTTP 200 and code 414.
    /// let reply = emu.handle("POST", "/nimserver/user/create.action",
    ///     &[("Content-Type", "application/x-www-form-urlencoded")], b"accid=a");
    /// assert_eq!(reply.status, 200);
    /// assert_eq!(reply.code(), Some(414));
    /// # Ok(()) }
    /// ```
    pub fn code(&self) -> Option<u16> {
        let value: Value = serde_json::from_str(&self.body).ok()?;
        value.get("code")?.as_u64()?.try_into().ok()
    }

    /// The `code` member of a JSON body as a `u32`, which also holds v2's six-digit codes
    /// (102404 and the like), which [`code`](Reply::code) cannot.
    pub fn api_code(&self) -> Option<u32> {
        let value: Value = serde_json::from_str(&self.body).ok()?;
        value.get("code")?.as_u64()?.try_into().ok()
    }

    /// The `msg` member of a JSON body (v2 answers), if it is a string.
    pub fn msg(&self) -> Option<String> {
        let value: Value = serde_json::from_str(&self.body).ok()?;
        Some(value.get("msg")?.as_str()?.to_owned())
    }

    /// The `desc` member of a JSON body, if it is a string.
    pub fn desc(&self) -> Option<String> {
        let value: Value = serde_json::from_str(&self.body).ok()?;
        Some(value.get("desc")?.as_str()?.to_owned())
    }
}

/// Which protocol a route speaks, which decides the shape of its error answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// v1 `*.action`: `{"code":N,"desc":"..."}`.
    V1,
    /// v2 `/im/v2/...`: `{"code":N,"msg":"..."}`.
    V2,
    /// The emulator's own `/_emulator/...` routes: an HTTP error status and `{"error":"..."}`.
    Admin,
}

impl Flavor {
    /// The flavor of a URL path that matched no route: v2 below `/nimserver/im/`, admin below
    /// `/_emulator/`, v1 otherwise.
    pub(crate) fn of_path(path: &str) -> Flavor {
        if path.starts_with("/_emulator/") || path == "/_emulator" {
            Flavor::Admin
        } else if path.starts_with("/nimserver/im/") || path.starts_with("/nimserver/ai/") {
            Flavor::V2
        } else {
            Flavor::V1
        }
    }
}

/// A request the API refuses: answered `{"code":N,"desc":"..."}` (v1) or `{"code":N,"msg":"..."}`
/// (v2), with HTTP 200.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    code: u32,
    desc: String,
}

impl ApiError {
    /// An error with one of the v1 status codes.
    pub(crate) fn new(code: Code, desc: impl Into<String>) -> Self {
        ApiError::with_code(code.as_u32(), desc)
    }

    /// An error with any numeric code, e.g. a v2 six-digit one (102404).
    pub(crate) fn with_code(code: u32, desc: impl Into<String>) -> Self {
        ApiError {
            code,
            desc: desc.into(),
        }
    }

    /// 414, the API's catch-all for bad parameters, bad headers and failed authentication.
    pub(crate) fn param(desc: impl Into<String>) -> Self {
        ApiError::new(Code::ParameterError, desc)
    }

    /// The numeric code.
    pub(crate) fn code(&self) -> u32 {
        self.code
    }

    /// The reason in words.
    pub(crate) fn desc(&self) -> &str {
        &self.desc
    }

    /// The answer in the shape of `flavor`.
    pub(crate) fn into_reply(self, flavor: Flavor) -> Reply {
        match flavor {
            Flavor::V1 => Reply::json(&json!({ "code": self.code, "desc": self.desc })),
            Flavor::V2 => Reply::json(&json!({ "code": self.code, "msg": self.desc })),
            Flavor::Admin => {
                let status = match self.code {
                    404 => 404,
                    500 => 500,
                    _ => 400,
                };
                let mut reply = Reply::json(&json!({ "error": self.desc }));
                reply.status = status;
                reply
            }
        }
    }
}

impl From<ApiError> for Reply {
    fn from(err: ApiError) -> Reply {
        err.into_reply(Flavor::V1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_never_leaves_valid_json() {
        for body in [
            json!({"code": 200}),
            json!({"code": 200, "info": {"token": "ab", "accid": "张三"}}),
        ] {
            let mut reply = Reply::json(&body);
            reply.truncate();
            assert!(!reply.body.is_empty());
            assert!(serde_json::from_str::<Value>(&reply.body).is_err());
        }
        let mut reply = Reply::json(&json!("网网网"));
        reply.truncate();
        assert!(reply.body.len() < 11);
    }

    #[test]
    fn error_shape() {
        let reply = Reply::from(ApiError::param("accid is missing"));
        assert_eq!(reply.status, 200);
        assert_eq!(reply.code(), Some(414));
        assert_eq!(reply.desc().as_deref(), Some("accid is missing"));
    }
}
