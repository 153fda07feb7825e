//! v1 mutes and push settings of one account.

use serde::Deserialize;

use crate::{Accid, ValidationError};

/// `user/mute.action`: mutes an account everywhere (1:1, teams, chat rooms) or lifts it. A
/// muted account's sends fail with 423.
///
/// `mute` is required, as the docs say (both official SDKs leave it optional).
///
/// ```
/// use nim_api::user::MuteUser;
/// # use nim_api::Endpoint as _;
/// assert_eq!(MuteUser::new("zhangsan", true).to_form().unwrap(), "accid=zhangsan&mute=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "user/mute.action", idempotent, setters)]
pub struct MuteUser {
    /// The account.
    pub accid: Accid,
    /// `true` mutes, `false` lifts the mute.
    pub mute: bool,
}

/// `user/muteModule.action`: mutes or unmutes an account per module. At least one module
/// must be given (checked before sending); the answer is every module's state.
///
/// ```
/// use nim_api::user::MuteUserInModules;
/// # use nim_api::Endpoint as _;
/// let request = MuteUserInModules::new("zhangsan").mute_team(true).mute_room(false);
/// assert_eq!(request.to_form().unwrap(), "accid=zhangsan&muteTeam=true&muteRoom=false");
/// assert!(MuteUserInModules::new("zhangsan").validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "user/muteModule.action", idempotent, setters, custom = at_least_one_module,
      response = ModuleMutes, response_field = "data")]
pub struct MuteUserInModules {
    /// The account.
    pub accid: Accid,
    /// Mute (`true`) or unmute in 1:1 chat.
    #[nim(rename = "muteP2P")]
    pub mute_p2p: Option<bool>,
    /// Mute or unmute in teams.
    #[nim(rename = "muteTeam")]
    pub mute_team: Option<bool>,
    /// Mute or unmute in chat rooms.
    #[nim(rename = "muteRoom")]
    pub mute_room: Option<bool>,
    /// Mute or unmute in QChat.
    #[nim(rename = "muteQChat")]
    pub mute_qchat: Option<bool>,
}

/// The server answers 414 when no module is named.
fn at_least_one_module(request: &MuteUserInModules) -> Result<(), ValidationError> {
    let given = [
        request.mute_p2p,
        request.mute_team,
        request.mute_room,
        request.mute_qchat,
    ];
    if given.iter().any(Option::is_some) {
        Ok(())
    } else {
        Err(ValidationError::custom(
            "muteP2P",
            "name at least one module: muteP2P, muteTeam, muteRoom or muteQChat",
        ))
    }
}

/// Each module's mute state, as [`MuteUserInModules`] answers it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ModuleMutes {
    /// Muted in 1:1 chat.
    #[serde(default, rename = "muteP2P")]
    pub mute_p2p: bool,
    /// Muted in teams.
    #[serde(default, rename = "muteTeam")]
    pub mute_team: bool,
    /// Muted in chat rooms.
    #[serde(default, rename = "muteRoom")]
    pub mute_room: bool,
    /// Muted in QChat.
    #[serde(default, rename = "muteQChat")]
    pub mute_qchat: bool,
}

/// `user/setDonnop.action`: whether mobile clients stay silent (no push) while a desktop
/// client of the account is online.
///
/// `donnopOpen` is required, as the docs say (both official SDKs leave it optional).
///
/// ```
/// use nim_api::user::SetDonnop;
/// # use nim_api::Endpoint as _;
/// assert_eq!(SetDonnop::new("zhangsan", true).to_form().unwrap(), "accid=zhangsan&donnopOpen=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "user/setDonnop.action", idempotent, setters)]
pub struct SetDonnop {
    /// The account.
    pub accid: Accid,
    /// `true`: no push to mobile clients while a desktop client is online; `false`: push.
    #[nim(rename = "donnopOpen")]
    pub donnop_open: bool,
}
