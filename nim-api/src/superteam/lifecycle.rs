//! A super team's life: create, update, change its member limit, dismiss.

use super::{CreatedTeam, JoinMode, SuperTeamSettings};
use crate::Accid;
use crate::validate::ValidationError;

/// `superteam/create.action`: creates a super team owned by `owner` and invites
/// `inviteAccids` with the text `msg`.
///
/// The owner and the invitees are at most 200 together, and the owner must not be among
/// the invitees (legacy docs); both are refused before sending. An empty invitee list is
/// sent as `[]` (whether the server takes it is not documented; both SDKs leave the field
/// out instead). `joinmode` is required here as the legacy docs say (the Java SDK's Javadoc
/// calls it optional with default 0). `tlevel` is the member limit, at least 2 (the legacy
/// docs give 200 as the default and the maximum; the newer wording says up to the limit
/// configured in the console, so no maximum is checked).
///
/// Invitees join at once or must accept, as `beinvitemode` says. Those who could not be
/// invited (in too many teams) are in the answer's `faccid`. Not idempotent.
///
/// ```
/// use nim_api::superteam::{BeInviteMode, CreateSuperTeam, CreatedTeam, JoinMode, SuperTeamSettings};
/// # use nim_api::Endpoint as _;
///
/// let request = CreateSuperTeam::new("ZhangSan", ["LiSi", "wangwu"], "Readers", "join us", JoinMode::Approval)
///     .settings(SuperTeamSettings::new().intro("books").beinvitemode(BeInviteMode::NoConsent))
///     .tlevel(500u32);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "owner=zhangsan&inviteAccids=%5B%22lisi%22%2C%22wangwu%22%5D&tname=Readers&msg=join+us\
///      &joinmode=1&intro=books&beinvitemode=1&tlevel=500"
/// );
/// // The owner is not its own invitee.
/// let myself = CreateSuperTeam::new("zhangsan", ["ZhangSan"], "Readers", "hi", JoinMode::Free);
/// assert_eq!(myself.validate().unwrap_err().field(), "inviteAccids[0]");
/// assert!(request.tlevel(1u32).validate().is_err());
///
/// let answer: CreatedTeam =
///     serde_json::from_str(r#"{"tid":"6000000001","faccid":{"accid":"[\"x\"]","msg":"team count exceed"}}"#).unwrap();
/// assert_eq!(answer.tid, 6000000001);
/// assert_eq!(answer.faccid.unwrap().accids, ["x"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/create.action", setters, response = CreatedTeam,
      custom = owner_not_invited)]
pub struct CreateSuperTeam {
    /// The account that creates and owns the team.
    pub owner: Accid,
    /// The accounts invited (`inviteAccids`, a JSON array), at most 199, not the owner.
    #[nim(rename = "inviteAccids", max_items = 199, unique)]
    pub invite_accids: Vec<Accid>,
    /// The team's name, 1 to 64 characters.
    #[nim(required, max_len = 64)]
    pub tname: String,
    /// The invitation text, 1 to 150 characters.
    #[nim(required, max_len = 150)]
    pub msg: String,
    /// Who may join without an invitation.
    pub joinmode: JoinMode,
    /// The other texts and modes, each sent only when set.
    #[nim(flatten)]
    pub settings: Option<SuperTeamSettings>,
    /// The member limit, at least 2 (the console sets the ceiling).
    #[nim(min = 2)]
    pub tlevel: Option<u32>,
}

/// The owner is a member from the start, never an invitee.
fn owner_not_invited(request: &CreateSuperTeam) -> Result<(), ValidationError> {
    crate::team::owner_not_invited(
        "inviteAccids",
        request.owner.as_str(),
        &request.invite_accids,
    )
}

/// `superteam/dismiss.action`: the owner dismisses the team; every member leaves it.
///
/// Only the owner may. Not idempotent for retries: a repeat after a lost answer is refused
/// (the team is gone) although the first call took effect, so the client does not retry it
/// on its own.
///
/// ```
/// use nim_api::superteam::DismissSuperTeam;
/// # use nim_api::Endpoint as _;
///
/// let request = DismissSuperTeam::new(6000000001u64, "ZhangSan");
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&owner=zhangsan");
/// assert_eq!(DismissSuperTeam::new(1u64, "bad id").validate().unwrap_err().field(), "owner");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/dismiss.action", setters)]
pub struct DismissSuperTeam {
    /// The team.
    pub tid: u64,
    /// The owner.
    pub owner: Accid,
}

/// `superteam/updateTinfo.action`: changes the team's name, texts and modes; only what is
/// set is sent, and stays as it is otherwise.
///
/// `owner` is the owner or a manager (legacy docs and the Java SDK's Javadoc). Whether
/// `uptinfomode` 1 lets an ordinary member edit through this action is not documented. The
/// modes go back to 0 when set to their 0 value (the Go SDK cannot send a 0). Idempotent.
///
/// ```
/// use nim_api::superteam::{JoinMode, SuperTeamSettings, UpdateSuperTeam, Permission};
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateSuperTeam::new(6000000001u64, "zhangsan")
///     .tname("Readers 2")
///     .joinmode(JoinMode::Free)
///     .settings(SuperTeamSettings::new().uptinfomode(Permission::Managers));
/// assert_eq!(
///     request.to_form().unwrap(),
///     "tid=6000000001&owner=zhangsan&tname=Readers+2&joinmode=0&uptinfomode=0"
/// );
/// assert_eq!(request.tname("名".repeat(65)).validate().unwrap_err().field(), "tname");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/updateTinfo.action", idempotent, setters)]
pub struct UpdateSuperTeam {
    /// The team.
    pub tid: u64,
    /// The owner or a manager.
    pub owner: Accid,
    /// The new name, at most 64 characters.
    #[nim(max_len = 64)]
    pub tname: Option<String>,
    /// The new join mode.
    pub joinmode: Option<JoinMode>,
    /// The other texts and modes to change.
    #[nim(flatten)]
    pub settings: Option<SuperTeamSettings>,
}

/// `superteam/changeLevel.action`: sets the team's member limit (`tlevel`, its "level": a
/// plain member count, not a tier).
///
/// Only the owner may. `tlevel` is at least 2; its ceiling is the app's console setting
/// (the legacy docs say 200), so no maximum is checked. Lowering it below the current
/// member count is refused by the server (code not documented). Idempotent.
///
/// ```
/// use nim_api::superteam::ChangeSuperTeamLevel;
/// # use nim_api::Endpoint as _;
///
/// let request = ChangeSuperTeamLevel::new(6000000001u64, "zhangsan", 5000u32);
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&owner=zhangsan&tlevel=5000");
/// assert_eq!(
///     ChangeSuperTeamLevel::new(1u64, "zhangsan", 1u32).validate().unwrap_err().field(),
///     "tlevel"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/changeLevel.action", idempotent, setters)]
pub struct ChangeSuperTeamLevel {
    /// The team.
    pub tid: u64,
    /// The owner.
    pub owner: Accid,
    /// The new member limit, at least 2.
    #[nim(min = 2)]
    pub tlevel: u32,
}
