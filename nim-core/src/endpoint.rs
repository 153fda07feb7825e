//! The `Endpoint` trait: one API action as pure data.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::form::Form;
use crate::validate::ValidationError;

/// One API action: where it is sent, how it is checked and encoded, and what it answers.
///
/// Usually derived with `#[derive(Endpoint)]` (from `nim-macros`, re-exported by `nim-api`);
/// a hand-written impl looks like this:
///
/// ```
/// use nim_core::{validate, Endpoint, Form, NoContent, ValidationError};
///
/// struct UnblockUser { accid: String }
///
/// impl Endpoint for UnblockUser {
///     const PATH: &'static str = "user/unblock.action";
///     const IDEMPOTENT: bool = true;
///     type Response = NoContent;
///
///     fn validate(&self) -> Result<(), ValidationError> {
///         validate::required("accid", &self.accid)?;
///         validate::max_len("accid", &self.accid, 32)?;
///         validate::accid("accid", &self.accid)
///     }
///
///     fn write_form(&self, form: &mut Form) {
///         nim_core::form::append_accid(form, "accid", &self.accid);
///     }
/// }
///
/// let request = UnblockUser { accid: "ZhangSan".into() };
/// assert_eq!(request.to_form().unwrap(), "accid=zhangsan");
/// ```
pub trait Endpoint {
    /// The action's path below the base URL, e.g. `"user/create.action"`.
    const PATH: &'static str;

    /// Whether sending the request twice has the same effect as sending it once, so the
    /// client may retry it when the outcome of an attempt is unknown.
    const IDEMPOTENT: bool = false;

    /// The member of a `{"code":200, ...}` answer that holds the response (e.g. `"info"`), or
    /// `None` to deserialise the response from the whole answer less `code`.
    const RESPONSE_FIELD: Option<&'static str> = None;

    /// The typed result of a successful call.
    type Response: DeserializeOwned + Send + 'static;

    /// Checks every field rule. Runs before any network I/O.
    fn validate(&self) -> Result<(), ValidationError>;

    /// Appends the request's fields to `form` (after a successful [`validate`](Self::validate)).
    fn write_form(&self, form: &mut Form);

    /// Validates and encodes the request body.
    fn to_form(&self) -> Result<String, ValidationError> {
        self.validate()?;
        let mut form = Form::with_capacity(128);
        self.write_form(&mut form);
        Ok(form.finish())
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
