//! A hand-written endpoint for the client tests (the derive lives in another crate).

use nim_core::{Endpoint, Form, ValidationError, form, validate};
use serde::Deserialize;

/// Shaped like `user/create.action`: accid, optional name and gender.
#[derive(Debug, Clone, Default)]
pub(crate) struct TestCreate {
    pub(crate) accid: String,
    pub(crate) name: Option<String>,
    pub(crate) gender: Option<u8>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
pub(crate) struct TestCreateResponse {
    pub(crate) accid: String,
    pub(crate) token: String,
}

impl Endpoint for TestCreate {
    const PATH: &'static str = "user/create.action";
    const RESPONSE_FIELD: Option<&'static str> = Some("info");
    type Response = TestCreateResponse;

    fn validate(&self) -> Result<(), ValidationError> {
        validate::required("accid", &self.accid)?;
        validate::max_len("accid", &self.accid, 32)?;
        validate::accid("accid", &self.accid)?;
        validate::max_len("name", &self.name, 64)
    }

    fn write_form(&self, f: &mut Form) {
        form::append_accid(f, "accid", &self.accid);
        f.append_value("name", &self.name);
        f.append_value("gender", &self.gender);
    }
}

pub(crate) fn create(accid: &str) -> TestCreate {
    TestCreate {
        accid: accid.to_owned(),
        ..TestCreate::default()
    }
}

pub(crate) const OK_CREATE: &str = r#"{"code":200,"info":{"accid":"zhangsan","token":"t0k"}}"#;
