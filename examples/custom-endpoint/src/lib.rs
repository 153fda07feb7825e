//! An API action nim-api does not declare, declared here in one struct by a crate whose only
//! dependency is `nim-api`: `user/updateUinfo.action`, which updates a user's profile card.
//!
//! ```
//! use nim_api::Endpoint as _;
//! use nim_custom_endpoint_example::{UpdateUserInfo, Gender};
//!
//! let request = UpdateUserInfo::new("ZhangSan").name("张三").gender(Gender::Male);
//! assert_eq!(request.to_form().unwrap(), "accid=zhangsan&name=%E5%BC%A0%E4%B8%89&gender=1");
//! ```
#![forbid(unsafe_code)]

pub use nim_api::user::Gender;

/// `user/updateUinfo.action`: updates the profile of an existing account. Idempotent.
#[derive(Debug, Clone, Default, nim_api::Endpoint)]
#[nim(path = "user/updateUinfo.action", idempotent)]
pub struct UpdateUserInfo {
    /// The account ID.
    #[nim(required, max_len = 32, accid)]
    pub accid: String,
    /// Profile name, at most 64 characters.
    #[nim(max_len = 64)]
    pub name: Option<String>,
    /// Avatar URL, at most 1024 characters.
    #[nim(max_len = 1024)]
    pub icon: Option<String>,
    /// Signature line, at most 256 characters.
    #[nim(max_len = 256)]
    pub sign: Option<String>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Extension data, at most 1024 characters.
    #[nim(max_len = 1024)]
    pub ex: Option<String>,
}

impl UpdateUserInfo {
    /// An update of `accid`'s profile with nothing set yet.
    pub fn new(accid: impl Into<String>) -> Self {
        UpdateUserInfo {
            accid: accid.into(),
            ..Self::default()
        }
    }

    /// Sets the profile name.
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the gender.
    #[must_use]
    pub fn gender(mut self, gender: Gender) -> Self {
        self.gender = Some(gender);
        self
    }
}
