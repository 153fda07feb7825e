//! The `Endpoint` trait: one API action as pure data.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::form::Form;
use crate::json::JsonObject;
use crate::rate::RateLimit;
use crate::validate::ValidationError;

/// The `Content-Type` of v1 request bodies.
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded;charset=utf-8";
/// The `Content-Type` of v2 request bodies.
pub const JSON_CONTENT_TYPE: &str = "application/json;charset=utf-8";

/// The HTTP method of an action. v1 actions are all `POST`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`: no body.
    Get,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `PATCH`.
    Patch,
    /// `DELETE`: may carry a query and a JSON body.
    Delete,
}

impl Method {
    /// The method's name, e.g. `"PATCH"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which version of the API an action belongs to; it decides the body's encoding, the trace
/// header and the answer's envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApiVersion {
    /// `*.action` paths relative to the base URL: form bodies, `RequestId`,
    /// `{code, desc, <field>}` answers.
    V1,
    /// `/im/v2/...` templates: JSON bodies and query strings, `X-custom-traceid`,
    /// `{code, msg, data}` answers.
    V2,
}

impl ApiVersion {
    /// The version a path belongs to: v2 templates start with `/`, v1 paths do not.
    pub const fn of_path(path: &str) -> ApiVersion {
        match path.as_bytes() {
            [b'/', ..] => ApiVersion::V2,
            _ => ApiVersion::V1,
        }
    }

    /// The header that carries the per-call trace id.
    pub const fn trace_header(self) -> &'static str {
        match self {
            ApiVersion::V1 => "RequestId",
            ApiVersion::V2 => "X-custom-traceid",
        }
    }
}

/// What an action's request body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyKind {
    /// No body (GET, or a v2 action without body fields).
    None,
    /// `application/x-www-form-urlencoded` (v1).
    Form,
    /// `application/json` (v2).
    Json,
}

/// One API action: where it is sent, how it is checked and encoded, and what it answers.
///
/// Usually derived with `#[derive(Endpoint)]` (from `nim-macros`, re-exported by `nim-api`);
/// a hand-written impl of a v1 action looks like this:
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::{validate, Accid, Endpoint, Form, FormValue, NoContent, ValidationError};
/// use nim_api::validate::Validate;
///
/// struct UnblockUser { accid: Accid }
///
/// impl Endpoint for UnblockUser {
///     const PATH: &'static str = "user/unblock.action";
///     const IDEMPOTENT: bool = true;
///     type Response = NoContent;
///
///     fn validate(&self) -> Result<(), ValidationError> {
///         self.accid.validate().map_err(|e| e.within("accid"))
///     }
///
///     fn write_form(&self, form: &mut Form) {
///         self.accid.write_form("accid", form);
///     }
/// }
///
/// let request = UnblockUser { accid: "ZhangSan".into() };
/// assert_eq!(request.to_form().unwrap(), "accid=zhangsan");
/// ```
pub trait Endpoint {
    /// v1: the action's path below the base URL, e.g. `"user/create.action"`. v2: the path
    /// template, e.g. `"/im/v2/accounts/{account_id}"`.
    const PATH: &'static str;

    /// The HTTP method (v1: always `POST`).
    const METHOD: Method = Method::Post;

    /// What the request body is: a form for v1, JSON for v2 except `GET`.
    const BODY: BodyKind = match (ApiVersion::of_path(Self::PATH), Self::METHOD) {
        (ApiVersion::V1, _) => BodyKind::Form,
        (ApiVersion::V2, Method::Get) => BodyKind::None,
        (ApiVersion::V2, _) => BodyKind::Json,
    };

    /// Whether sending the request twice has the same effect as sending it once, so the
    /// client may retry it when the outcome of an attempt is unknown.
    const IDEMPOTENT: bool = false;

    /// The member of a `{"code":200, ...}` answer that holds the response (e.g. `"info"`,
    /// `"data"`), or `None` to deserialise the response from the whole answer less `code`.
    /// v2 actions answer in `data`.
    const RESPONSE_FIELD: Option<&'static str> = match ApiVersion::of_path(Self::PATH) {
        ApiVersion::V1 => None,
        ApiVersion::V2 => Some("data"),
    };

    /// The action's documented rate limit when it is stricter than the app-wide one (e.g.
    /// batch sends: 120 per minute). A client with its rate limiter on also keeps each
    /// action under its own limit; see `ClientBuilder::rate_limit`.
    const RATE_LIMIT: Option<RateLimit> = None;

    /// The typed result of a successful call.
    type Response: DeserializeOwned + Send + 'static;

    /// Checks every field rule. Runs before any network I/O.
    fn validate(&self) -> Result<(), ValidationError>;

    /// Appends the path, with path parameters substituted (after a successful
    /// [`validate`](Self::validate)). The default is [`PATH`](Self::PATH) as it is.
    fn write_path(&self, path: &mut String) {
        path.push_str(Self::PATH);
    }

    /// Appends the query parameters (v2).
    fn write_query(&self, _query: &mut Form) {}

    /// Appends the form fields (v1).
    fn write_form(&self, _form: &mut Form) {}

    /// Appends the JSON body's members (v2).
    fn write_json(&self, _body: &mut JsonObject) {}

    /// Validates and encodes a v1 request body.
    fn to_form(&self) -> Result<String, ValidationError> {
        self.validate()?;
        let mut form = Form::with_capacity(128);
        self.write_form(&mut form);
        Ok(form.finish())
    }

    /// Validates and encodes the whole request: path with query string, and body.
    fn encode(&self) -> Result<Encoded, ValidationError> {
        self.validate()?;
        let mut path = String::with_capacity(Self::PATH.len() + 16);
        self.write_path(&mut path);
        let mut query = Form::new();
        self.write_query(&mut query);
        if !query.is_empty() {
            path.push('?');
            path.push_str(query.as_str());
        }
        let body = match Self::BODY {
            BodyKind::None => None,
            BodyKind::Form => {
                let mut form = Form::with_capacity(128);
                self.write_form(&mut form);
                Some((FORM_CONTENT_TYPE, form.finish()))
            }
            BodyKind::Json => {
                let mut json = JsonObject::new();
                self.write_json(&mut json);
                Some((JSON_CONTENT_TYPE, json.finish()?))
            }
        };
        Ok(Encoded {
            method: Self::METHOD,
            version: ApiVersion::of_path(Self::PATH),
            path,
            body,
        })
    }
}

/// A validated, encoded request, before signing.
#[derive(Clone, PartialEq, Eq)]
pub struct Encoded {
    /// The HTTP method.
    pub method: Method,
    /// The API version (decides the trace header).
    pub version: ApiVersion,
    /// The path below the base URL with parameters substituted, and `?query` when there is
    /// one.
    pub path: String,
    /// The `Content-Type` and the body, when there is a body.
    pub body: Option<(&'static str, String)>,
}

impl fmt::Debug for Encoded {
    /// The body's length only: a body can carry a token.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Encoded")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("body_len", &self.body.as_ref().map(|(_, b)| b.len()))
            .finish()
    }
}

/// The response of actions that answer nothing beyond success (`{"code":200}`).
///
/// Deserialises from any JSON value, so extra members the server may add are ignored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct NoContent;

impl<'de> Deserialize<'de> for NoContent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer)?;
        Ok(NoContent)
    }
}
