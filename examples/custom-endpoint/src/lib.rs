//! An API action nim-api does not declare yet, declared here in one struct by a crate whose
//! only dependency is `nim-api`: v2 `addFriend` (`POST /im/v2.1/friends`), with its response
//! type (serde comes through `nim_api::serde`).
//!
//! ```
//! use nim_api::Endpoint as _;
//! use nim_custom_endpoint_example::AddFriend;
//!
//! let request = AddFriend::new("ZhangSan", "lisi").alias("老李").r#type(1u8);
//! let encoded = request.encode().unwrap();
//! assert_eq!(encoded.path, "/im/v2.1/friends");
//! assert_eq!(
//!     encoded.body.unwrap().1,
//!     r#"{"account_id":"zhangsan","friend_account_id":"lisi","alias":"老李","type":1}"#,
//! );
//! ```
#![forbid(unsafe_code)]

use nim_api::Accid;
use nim_api::serde::Deserialize;

/// `POST /im/v2.1/friends` (addFriend): adds a friend directly (`type` 1) or asks for one
/// (`type` 2). Not idempotent (a second request is a second friend request).
#[derive(Debug, Clone, nim_api::Endpoint)]
#[nim(path = "/im/v2.1/friends", setters, response = Friend)]
pub struct AddFriend {
    /// Who adds.
    pub account_id: Accid,
    /// Whom.
    pub friend_account_id: Accid,
    /// The alias for the friend, at most 128 characters.
    #[nim(max_len = 128)]
    pub alias: Option<String>,
    /// Extension, JSON text.
    #[nim(json, max_len = 256)]
    pub extension: Option<String>,
    /// The message of a friend request, at most 256 characters.
    #[nim(max_len = 256)]
    pub postscript: Option<String>,
    /// 1 add directly, 2 ask.
    #[nim(one_of = [1, 2])]
    pub r#type: Option<u8>,
}

/// What `addFriend` answers in `data`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(crate = "nim_api::serde")]
pub struct Friend {
    /// The friend.
    pub friend_account_id: String,
    /// Its alias.
    #[serde(default)]
    pub alias: Option<String>,
}
