//! An API action nim-api does not declare, declared here in one struct by a crate whose only
//! dependency is `nim-api`: v1 `user/muteAv.action`, the global audio/video ban of the legacy
//! docs. Neither official SDK has it, so it is outside nim-api's catalogue; declaring it
//! yourself is the way to call it.
//!
//! ```
//! use nim_api::Endpoint as _;
//! use nim_custom_endpoint_example::MuteAv;
//!
//! let request = MuteAv::new("ZhangSan", true);
//! assert_eq!(request.to_form().unwrap(), "accid=zhangsan&mute=true");
//! assert_eq!(MuteAv::PATH, "user/muteAv.action");
//! ```
#![forbid(unsafe_code)]

use nim_api::Accid;
use nim_api::serde::Deserialize;

/// `user/muteAv.action`: bans (`mute=true`) or lets again (`false`) an account's audio and
/// video calls, everywhere. Facts from the legacy docs (the current pages do not list it).
/// Setting a value is idempotent, so the client may retry it.
#[derive(Debug, Clone, nim_api::Endpoint)]
#[nim(path = "user/muteAv.action", idempotent, setters, response = MuteAvAnswer)]
pub struct MuteAv {
    /// The account (checked and sent lowercased by `Accid`).
    pub accid: Accid,
    /// `true` bans, `false` lifts the ban.
    pub mute: bool,
}

/// What `user/muteAv.action` answers besides its code: nothing documented, so every member
/// is optional; declared to show a response type coming through `nim_api::serde`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(crate = "nim_api::serde")]
pub struct MuteAvAnswer {
    /// A description some answers carry.
    #[serde(default)]
    pub desc: Option<String>,
}
