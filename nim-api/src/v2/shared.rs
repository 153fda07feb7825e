//! Objects several v2 account and user actions share: the account's configuration, the
//! profile (user information) and the moderation settings.

use serde::Deserialize;

use crate::Gender;
use crate::wire::int_enum;

/// An account's switches (`configuration`), sent and answered by the account actions.
/// Unset switches are left out of a request (the server keeps or defaults them).
///
/// ```
/// use nim_api::v2::AccountConfiguration;
///
/// let config = AccountConfiguration::new().p2p_chat_banned(true);
/// assert_eq!(serde_json::to_string(&config).unwrap(), r#"{"p2p_chat_banned":true}"#);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct AccountConfiguration {
    /// `false` disables the account: no login, actions on it fail (default `true`).
    pub enabled: Option<bool>,
    /// Muted in 1:1 chat (default `false`).
    pub p2p_chat_banned: Option<bool>,
    /// Muted in teams (default `false`).
    pub team_chat_banned: Option<bool>,
    /// Muted in chat rooms (default `false`).
    pub chatroom_chat_banned: Option<bool>,
    /// Muted in QChat (default `false`).
    pub qchat_chat_banned: Option<bool>,
    /// Whether mobile clients get push while a desktop client is online (default `true`).
    /// The docs say it cannot be set at creation, only once the account has logged in;
    /// only the Go SDK sends it on create.
    pub push_enabled_when_desktop_online: Option<bool>,
}

int_enum! {
    /// How strictly `email` is checked (`email_validation_mode`).
    pub enum EmailValidationMode: u8 {
        /// The current rules (`0`, the default).
        Standard = 0,
        /// Also allow special and Latin characters (`1`).
        Extended = 1,
        /// No check (`2`).
        None = 2,
    }
}

/// A profile (`user_information` of create/update account; the body of update user).
/// Every text member goes through moderation; `Some("")` clears a member.
///
/// ```
/// use nim_api::v2::UserInformation;
/// use nim_api::validate::Validate;
///
/// let profile = UserInformation::new().name("张三").extension(r#"{"level":3}"#);
/// assert!(profile.validate().is_ok());
/// let long = UserInformation::new().name("名".repeat(65));
/// assert_eq!(long.validate().unwrap_err().to_string(), "`name` has 65 characters, at most 64 allowed");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct UserInformation {
    /// Nickname, at most 64 characters.
    #[nim(max_len = 64)]
    pub name: Option<String>,
    /// Avatar URL, at most 1024 characters.
    #[nim(max_len = 1024)]
    pub avatar: Option<String>,
    /// Signature line, at most 256 characters.
    #[nim(max_len = 256)]
    pub sign: Option<String>,
    /// Email, at most 64 characters (its format is checked by the server, per
    /// `email_validation_mode`).
    #[nim(max_len = 64)]
    pub email: Option<String>,
    /// Birthday (free text, e.g. `yyyy-mm-dd`), at most 16 characters.
    #[nim(max_len = 16)]
    pub birthday: Option<String>,
    /// Mobile number, at most 32 characters; outside mainland China with its prefix
    /// (`+852-…`).
    #[nim(max_len = 32)]
    pub mobile: Option<String>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Extension (JSON recommended), at most 1024 characters.
    #[nim(max_len = 1024)]
    pub extension: Option<String>,
    /// How `email` is checked (default standard).
    pub email_validation_mode: Option<EmailValidationMode>,
}

int_enum! {
    /// What a moderation business id applies to.
    pub enum AntispamKind: u8 {
        /// Text (`1`).
        Text = 1,
        /// Images (`2`).
        Image = 2,
    }
}

/// One moderation business id (`business_id_map` item).
#[derive(Debug, Clone, PartialEq, Eq, crate::Params)]
#[nim(setters)]
pub struct AntispamBusinessId {
    /// What it applies to (`type`).
    #[nim(rename = "type")]
    pub kind: AntispamKind,
    /// The business id from the moderation console.
    #[nim(required)]
    pub business_id: String,
}

/// Moderation settings for one request (`antispam_configuration`).
///
/// ```
/// use nim_api::v2::{AntispamBusinessId, AntispamConfiguration, AntispamKind};
/// use nim_api::validate::Validate;
///
/// let config = AntispamConfiguration::new()
///     .business_id_map(vec![AntispamBusinessId::new(AntispamKind::Text, "")]);
/// assert_eq!(config.validate().unwrap_err().field(), "business_id_map[0].business_id");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
pub struct AntispamConfiguration {
    /// Whether moderation runs (default `true`; only with the moderation service on).
    pub enabled: Option<bool>,
    /// The business ids to moderate with.
    pub business_id_map: Option<Vec<AntispamBusinessId>>,
}

/// A profile as the user actions answer it. Members never set may be absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct UserProfile {
    /// The account.
    pub account_id: String,
    /// Nickname.
    #[serde(default)]
    pub name: Option<String>,
    /// Avatar URL.
    #[serde(default)]
    pub avatar: Option<String>,
    /// Signature line.
    #[serde(default)]
    pub sign: Option<String>,
    /// Email.
    #[serde(default)]
    pub email: Option<String>,
    /// Birthday.
    #[serde(default)]
    pub birthday: Option<String>,
    /// Mobile number.
    #[serde(default)]
    pub mobile: Option<String>,
    /// Gender (0 unknown, 1 male, 2 female).
    #[serde(default)]
    pub gender: Option<u8>,
    /// Extension.
    #[serde(default)]
    pub extension: Option<String>,
}
