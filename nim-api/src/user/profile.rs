//! v1 profile cards (用户名片): update one, read many.

use serde::Deserialize;

use crate::{Accid, Gender};

/// `user/updateUinfo.action`: updates an account's profile card. Only the fields you set
/// change; `Some("")` clears a field.
///
/// ```
/// use nim_api::user::{Gender, UpdateUserInfo};
/// # use nim_api::Endpoint as _;
/// let request = UpdateUserInfo::new("zhangsan").name("张三").gender(Gender::Female).sign("");
/// assert_eq!(request.to_form().unwrap(), "accid=zhangsan&name=%E5%BC%A0%E4%B8%89&sign=&gender=2");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "user/updateUinfo.action", idempotent, setters)]
pub struct UpdateUserInfo {
    /// The account whose card changes.
    pub accid: Accid,
    /// Nickname, at most 64 characters.
    #[nim(max_len = 64)]
    pub name: Option<String>,
    /// Avatar URL, at most 1024 characters (the docs count bytes here; a URL is ASCII).
    #[nim(max_len = 1024)]
    pub icon: Option<String>,
    /// Signature line, at most 256 characters.
    #[nim(max_len = 256)]
    pub sign: Option<String>,
    /// Email, at most 64 characters.
    #[nim(max_len = 64)]
    pub email: Option<String>,
    /// Birthday (free text), at most 16 characters.
    #[nim(max_len = 16)]
    pub birth: Option<String>,
    /// Mobile number, at most 32 characters; outside mainland China with its prefix, like
    /// `+852-xxxxxxxx`.
    #[nim(max_len = 32)]
    pub mobile: Option<String>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Extension (JSON recommended), at most 1024 characters.
    #[nim(max_len = 1024)]
    pub ex: Option<String>,
    /// Moderation business ids for this update, JSON text like
    /// `{"textbid":"…","picbid":"…"}`; the app's default moderation when absent.
    #[nim(json)]
    pub bid: Option<String>,
}

/// `user/getUinfos.action`: the profile cards of up to 200 accounts.
///
/// ```
/// use nim_api::user::GetUserInfos;
/// # use nim_api::Endpoint as _;
/// let request = GetUserInfos::new(["zhangsan", "LiSi"]).mute_status(true);
/// assert_eq!(request.to_form().unwrap(), "accids=%5B%22zhangsan%22%2C%22lisi%22%5D&muteStatus=true");
/// assert!(GetUserInfos::new(vec!["a"; 201]).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "user/getUinfos.action", idempotent, setters,
      response = Vec<UserInfo>, response_field = "uinfos")]
pub struct GetUserInfos {
    /// The accounts, 1 to 200.
    #[nim(min_items = 1, max_items = 200)]
    pub accids: Vec<Accid>,
    /// Also answer the per-module mute flags (`muteStatus`; default `false`).
    #[nim(rename = "muteStatus")]
    pub mute_status: Option<bool>,
}

/// One profile card in [`GetUserInfos`]'s answer. Every field but `accid` may be absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct UserInfo {
    /// The account.
    pub accid: String,
    /// Nickname.
    #[serde(default)]
    pub name: Option<String>,
    /// Avatar URL.
    #[serde(default)]
    pub icon: Option<String>,
    /// Signature line.
    #[serde(default)]
    pub sign: Option<String>,
    /// Email.
    #[serde(default)]
    pub email: Option<String>,
    /// Birthday.
    #[serde(default)]
    pub birth: Option<String>,
    /// Mobile number.
    #[serde(default)]
    pub mobile: Option<String>,
    /// Gender (0 unknown, 1 male, 2 female).
    #[serde(default)]
    pub gender: Option<u8>,
    /// Extension.
    #[serde(default)]
    pub ex: Option<String>,
    /// Whether the account is valid (not banned).
    #[serde(default)]
    pub valid: Option<bool>,
    /// Whether it is muted everywhere.
    #[serde(default)]
    pub mute: Option<bool>,
    /// Muted in 1:1 chat (with `muteStatus`).
    #[serde(default, rename = "muteP2P")]
    pub mute_p2p: Option<bool>,
    /// Muted in teams (with `muteStatus`).
    #[serde(default, rename = "muteTeam")]
    pub mute_team: Option<bool>,
    /// Muted in chat rooms (with `muteStatus`).
    #[serde(default, rename = "muteRoom")]
    pub mute_room: Option<bool>,
    /// Muted in QChat (with `muteStatus`).
    #[serde(default, rename = "muteQChat")]
    pub mute_qchat: Option<bool>,
}
