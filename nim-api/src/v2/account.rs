//! v2 `account` family: create, update, refresh the token of, ban and unban, configure,
//! inspect and kick IM accounts (`/im/v2/accounts`).
//!
//! The same accounts as v1 `user/*`: an account created here is found by v1 actions and the
//! other way round.

use serde::Deserialize;

use super::{AccountConfiguration, AntispamConfiguration, UserInformation};
use crate::wire::int_enum;
use crate::{Accid, BatchResult};

/// `POST /im/v2/accounts` (createAccount): creates an IM account; the server generates a
/// token when none is given. An existing account fails with 102405
/// ([`Error::is_already_registered`](crate::Error::is_already_registered)).
///
/// Not idempotent: never sent again automatically when an attempt's outcome is unknown.
///
/// ```
/// use nim_api::v2::account::CreateAccount;
/// use nim_api::v2::{AccountConfiguration, UserInformation};
/// # use nim_api::Endpoint as _;
/// let request = CreateAccount::new("ZhangSan")
///     .token("t0ken")
///     .user_information(UserInformation::new().name("张三"))
///     .configuration(AccountConfiguration::new().team_chat_banned(true));
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/accounts");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"account_id":"zhangsan","token":"t0ken","configuration":{"team_chat_banned":true},"user_information":{"name":"张三"}}"#,
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/accounts", setters, response = CreateAccountResponse)]
pub struct CreateAccount {
    /// The account ID: at most 32 characters of the accid alphabet, sent lowercased.
    pub account_id: Accid,
    /// The login token, at most 128 characters; generated when absent.
    #[nim(max_len = 128)]
    pub token: Option<String>,
    /// The account's switches.
    pub configuration: Option<AccountConfiguration>,
    /// The profile.
    pub user_information: Option<UserInformation>,
    /// Moderation of the profile.
    pub antispam_configuration: Option<AntispamConfiguration>,
}

/// [`CreateAccount`]'s answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct CreateAccountResponse {
    /// The account ID, lowercased by the server: use this one.
    pub account_id: String,
    /// The login token: the one given, or the generated one.
    pub token: String,
    /// The account's switches.
    #[serde(default)]
    pub configuration: Option<AccountConfiguration>,
    /// The profile.
    #[serde(default)]
    pub user_information: Option<UserInformation>,
}

/// `PATCH /im/v2/accounts/{account_id}` (updateAccount): sets the token and switches,
/// optionally kicking the account's sessions.
///
/// `user_information` is sent by both official SDKs but not listed on the official page
/// (profiles are documented on [`UpdateUser`](super::user::UpdateUser)); it is declared as
/// the SDKs have it.
///
/// ```
/// use nim_api::v2::account::UpdateAccount;
/// # use nim_api::Endpoint as _;
/// let encoded = UpdateAccount::new("zhangsan").token("new").need_kick(true).encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/accounts/zhangsan");
/// assert_eq!(encoded.body.unwrap().1, r#"{"token":"new","need_kick":true}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/accounts/{account_id}", method = "PATCH", idempotent, setters,
      response = AccountState)]
pub struct UpdateAccount {
    /// The account.
    #[nim(path)]
    pub account_id: Accid,
    /// The new login token, at most 128 characters.
    #[nim(max_len = 128)]
    pub token: Option<String>,
    /// The switches to change.
    pub configuration: Option<AccountConfiguration>,
    /// Kick the account's logged-in clients after the change (default `false`).
    pub need_kick: Option<bool>,
    /// Extension delivered with the kick notice, at most 256 characters.
    #[nim(max_len = 256)]
    pub kick_notify_extension: Option<String>,
    /// The profile (see above).
    pub user_information: Option<UserInformation>,
}

/// An account's state as several account actions answer it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AccountState {
    /// The account.
    pub account_id: String,
    /// Its token (answered by update, refresh and, per the Go SDK, get).
    #[serde(default)]
    pub token: Option<String>,
    /// Its switches.
    #[serde(default)]
    pub configuration: Option<AccountConfiguration>,
}

/// `PATCH /im/v2/accounts/{account_id}/actions/refresh_token` (refreshToken): the server
/// generates a new token; the previous one stops working. No body.
///
/// Not idempotent: each call replaces the token, so it is never sent again automatically.
///
/// ```
/// use nim_api::v2::account::RefreshToken;
/// # use nim_api::Endpoint as _;
/// let encoded = RefreshToken::new("zhangsan").encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/accounts/zhangsan/actions/refresh_token");
/// assert!(encoded.body.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/accounts/{account_id}/actions/refresh_token", method = "PATCH", setters,
      response = RefreshTokenResponse)]
pub struct RefreshToken {
    /// The account.
    #[nim(path)]
    pub account_id: Accid,
}

/// [`RefreshToken`]'s answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RefreshTokenResponse {
    /// The account.
    pub account_id: String,
    /// The new token.
    pub token: String,
    /// Its switches (answered per the official page and the Java SDK).
    #[serde(default)]
    pub configuration: Option<AccountConfiguration>,
}

/// `PATCH /im/v2/accounts/{account_id}/actions/disable` (disableAccount): bans
/// (`enabled: false`) or unbans (`true`) an account, optionally kicking it.
///
/// ```
/// use nim_api::v2::account::DisableAccount;
/// # use nim_api::Endpoint as _;
/// let encoded = DisableAccount::new("zhangsan", false).need_kick(true).encode().unwrap();
/// assert_eq!(encoded.body.unwrap().1, r#"{"enabled":false,"need_kick":true}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/accounts/{account_id}/actions/disable", method = "PATCH", idempotent,
      setters, response = DisableAccountResponse)]
pub struct DisableAccount {
    /// The account.
    #[nim(path)]
    pub account_id: Accid,
    /// `false` bans the account, `true` lifts the ban.
    pub enabled: bool,
    /// Kick the account's logged-in clients when banning.
    pub need_kick: Option<bool>,
    /// Extension delivered with the kick notice, at most 256 characters (the limit of the
    /// analogous update and kick calls).
    #[nim(max_len = 256)]
    pub kick_notify_extension: Option<String>,
}

/// [`DisableAccount`]'s answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct DisableAccountResponse {
    /// The account.
    pub account_id: String,
    /// Its switches.
    #[serde(default)]
    pub configuration: Option<AccountConfiguration>,
    /// Whether it is enabled now (Go SDK only).
    #[serde(default)]
    pub enabled: Option<bool>,
}

/// `PATCH /im/v2/accounts/{account_id}/actions/push_config` (setPushConfig): whether mobile
/// clients get push while a desktop client is online. The docs say it can only be changed
/// once the account has logged in.
///
/// ```
/// use nim_api::v2::account::SetPushConfig;
/// # use nim_api::Endpoint as _;
/// let encoded = SetPushConfig::new("zhangsan", false).encode().unwrap();
/// assert_eq!(encoded.body.unwrap().1, r#"{"push_enabled_when_desktop_online":false}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/accounts/{account_id}/actions/push_config", method = "PATCH",
      idempotent, setters, response = SetPushConfigResponse)]
pub struct SetPushConfig {
    /// The account.
    #[nim(path)]
    pub account_id: Accid,
    /// `true`: push to mobile clients while a desktop client is online.
    pub push_enabled_when_desktop_online: bool,
}

/// [`SetPushConfig`]'s answer: the Java SDK reads `configuration`, the Go SDK the flag.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SetPushConfigResponse {
    /// The account.
    pub account_id: String,
    /// Its switches.
    #[serde(default)]
    pub configuration: Option<AccountConfiguration>,
    /// The flag as set.
    #[serde(default)]
    pub push_enabled_when_desktop_online: Option<bool>,
}

/// `GET /im/v2/accounts/{account_id}` (getAccountDetails): an account's switches (and, per
/// the Go SDK, its token). An unknown account fails with 102404.
///
/// ```
/// use nim_api::v2::account::GetAccountDetails;
/// # use nim_api::Endpoint as _;
/// let encoded = GetAccountDetails::new("ZhangSan").encode().unwrap();
/// assert_eq!((encoded.method.as_str(), encoded.path.as_str()), ("GET", "/im/v2/accounts/zhangsan"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/accounts/{account_id}", method = "GET", idempotent, setters,
      response = AccountState)]
pub struct GetAccountDetails {
    /// The account.
    #[nim(path)]
    pub account_id: Accid,
}

/// `GET /im/v2/accounts?account_ids=a,b` (batchQueryAccounts): the switches of several
/// accounts; unknown ones are in the answer's failures. The sources state no maximum count.
///
/// ```
/// use nim_api::v2::account::BatchQueryAccounts;
/// # use nim_api::Endpoint as _;
/// let encoded = BatchQueryAccounts::new(["a", "B"]).encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/accounts?account_ids=a%2Cb");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/accounts", method = "GET", idempotent, setters,
      response = BatchResult<AccountState>)]
pub struct BatchQueryAccounts {
    /// The accounts, at least one.
    #[nim(query, min_items = 1)]
    pub account_ids: Vec<Accid>,
}

int_enum! {
    /// Which clients [`KickAccount`] logs out.
    pub enum KickType: u8 {
        /// Every client (`1`).
        All = 1,
        /// Only the devices in `device_id_list` (`2`).
        Listed = 2,
        /// Every client except the devices in `device_id_list` (`3`).
        AllButListed = 3,
    }
}

/// `POST /im/v2/accounts/{account_id}/actions/kick` (kickAccount): logs an account's clients
/// out. Types 2 and 3 need `device_id_list` (at most 20 ids; checked before sending).
///
/// ```
/// use nim_api::v2::account::{KickAccount, KickType};
/// # use nim_api::Endpoint as _;
/// let request = KickAccount::new("zhangsan", KickType::Listed).device_id_list(["d1"]);
/// assert_eq!(request.encode().unwrap().body.unwrap().1, r#"{"type":2,"device_id_list":["d1"]}"#);
/// assert!(KickAccount::new("zhangsan", KickType::Listed).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/accounts/{account_id}/actions/kick", idempotent, setters,
      custom = devices_for_type, response = BatchResult<KickedDevice>)]
pub struct KickAccount {
    /// The account.
    #[nim(path)]
    pub account_id: Accid,
    /// Which clients (`type`).
    #[nim(rename = "type")]
    pub kick_type: KickType,
    /// The devices that `kick_type` 2 or 3 names, at most 20.
    #[nim(max_items = 20)]
    pub device_id_list: Option<Vec<String>>,
    /// Extension delivered with the kick notice, at most 256 characters.
    #[nim(max_len = 256)]
    pub kick_notify_extension: Option<String>,
}

fn devices_for_type(request: &KickAccount) -> Result<(), crate::ValidationError> {
    let listed = request
        .device_id_list
        .as_ref()
        .is_some_and(|l| !l.is_empty());
    if request.kick_type != KickType::All && !listed {
        return Err(crate::ValidationError::custom(
            "device_id_list",
            "is required when `type` is 2 (listed devices) or 3 (all but listed)",
        ));
    }
    Ok(())
}

/// A client [`KickAccount`] logged out.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct KickedDevice {
    /// The device.
    pub device_id: String,
    /// The client kind (1 Android, 2 iOS, 4 PC, 16 Web, 64 Mac, 65 HarmonyOS).
    #[serde(default)]
    pub client_type: Option<u32>,
    /// The connection id.
    #[serde(default)]
    pub consid: Option<String>,
    /// When it had logged in.
    #[serde(default)]
    pub login_time: Option<i64>,
}

crate::catalogue::family! {
    "v2::account::";
    CreateAccount, UpdateAccount, RefreshToken, DisableAccount, SetPushConfig,
    GetAccountDetails, BatchQueryAccounts, KickAccount,
}
