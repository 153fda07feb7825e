//! Members coming and going, and their own settings: `team/add`, `team/kick`, `team/leave`,
//! `team/updateTeamNick`, `team/muteTeam`.

use serde::Deserialize;

use super::InviteeConsent;
use crate::wire::int_enum;
use crate::{Accid, FailedAccids, ValidationError};

/// `team/add.action`: `owner` (the inviter; the team's `invitemode` says who may) invites
/// `members` (1 to 200) into team `tid` with the invitation text `msg` (at most 150
/// characters).
///
/// With [`InviteeConsent::Needed`] and a team whose invitees must agree, the invitees join
/// only once they accept; otherwise at once. If the invitees do not fit the member limit,
/// nobody joins (801); an invitee already in is 809; invitees in too many teams are listed
/// in the answer and the others join. Not idempotent (each call notifies the invitees).
///
/// ```
/// use nim_api::team::{AddTeamMembers, InviteeConsent};
/// # use nim_api::Endpoint as _;
///
/// let request = AddTeamMembers::new(6000000001u64, "zhangsan", ["LiSi"], "welcome")
///     .magree(InviteeConsent::NotNeeded);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "tid=6000000001&owner=zhangsan&members=%5B%22lisi%22%5D&msg=welcome&magree=0"
/// );
/// let nobody = AddTeamMembers::new(6000000001u64, "zhangsan", Vec::<String>::new(), "hi");
/// assert_eq!(nobody.validate().unwrap_err().field(), "members");
/// let twice = AddTeamMembers::new(6000000001u64, "zhangsan", ["lisi", "LiSi"], "hi");
/// assert_eq!(twice.validate().unwrap_err().field(), "members");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/add.action", setters, response = TeamMembersChanged)]
pub struct AddTeamMembers {
    /// The team.
    pub tid: u64,
    /// The inviter.
    pub owner: Accid,
    /// The invitees, 1 to 200.
    #[nim(min_items = 1, max_items = 200, unique)]
    pub members: Vec<Accid>,
    /// The invitation text, at most 150 characters.
    #[nim(required, max_len = 150)]
    pub msg: String,
    /// Whether the invitees must accept (`magree`; the server's default: they need not).
    pub magree: Option<InviteeConsent>,
    /// Carried in the team notification, at most 512 characters.
    #[nim(max_len = 512)]
    pub attach: Option<String>,
}

/// `team/kick.action`: `owner` (the owner, or a manager for ordinary members) removes one
/// member (`member`) or several (`members`, at most 200) from team `tid`. At least one of
/// the two must be set (the server answers 414 otherwise; checked before sending); when both
/// are, the server takes `member`. Neither SDK can send `member`; the docs have both.
///
/// Answers the accounts that could not be removed, if any. Not idempotent for retries: a
/// repeat after a lost answer is refused (804, the members being gone) although the first
/// call took effect, so the client does not retry it on its own.
///
/// ```
/// use nim_api::team::KickTeamMembers;
/// # use nim_api::Endpoint as _;
///
/// let one = KickTeamMembers::new(6000000001u64, "zhangsan").member("lisi");
/// assert_eq!(one.to_form().unwrap(), "tid=6000000001&owner=zhangsan&member=lisi");
/// let many = KickTeamMembers::new(6000000001u64, "zhangsan").members(["lisi", "wangwu"]);
/// assert_eq!(
///     many.to_form().unwrap(),
///     "tid=6000000001&owner=zhangsan&members=%5B%22lisi%22%2C%22wangwu%22%5D"
/// );
/// assert_eq!(KickTeamMembers::new(1u64, "zhangsan").validate().unwrap_err().field(), "members");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/kick.action", setters, response = TeamMembersChanged,
      custom = someone_to_kick)]
pub struct KickTeamMembers {
    /// The team.
    pub tid: u64,
    /// The owner or a manager.
    pub owner: Accid,
    /// One member to remove.
    pub member: Option<Accid>,
    /// Several members to remove, 1 to 200.
    #[nim(min_items = 1, max_items = 200, unique)]
    pub members: Option<Vec<Accid>>,
    /// Carried in the team notification, at most 512 characters.
    #[nim(max_len = 512)]
    pub attach: Option<String>,
}

/// The server answers 414 when neither `member` nor `members` is given.
fn someone_to_kick(request: &KickTeamMembers) -> Result<(), ValidationError> {
    if request.member.is_some() || request.members.is_some() {
        Ok(())
    } else {
        Err(ValidationError::custom(
            "members",
            "name the members to remove: member or members",
        ))
    }
}

/// The answer to [`AddTeamMembers`], [`KickTeamMembers`] and
/// [`InviteSuperTeamMembers`](crate::superteam::InviteSuperTeamMembers): the accounts that
/// could not be added (in too many teams) or removed (`faccid`, absent when all went
/// through).
///
/// ```
/// use nim_api::team::TeamMembersChanged;
///
/// let all: TeamMembersChanged = serde_json::from_str(r#"{"code":200}"#).unwrap();
/// assert!(all.is_complete());
/// let some: TeamMembersChanged =
///     serde_json::from_str(r#"{"code":200,"faccid":{"accid":["lisi"],"msg":"team count exceed"}}"#).unwrap();
/// assert_eq!(some.failed(), ["lisi"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamMembersChanged {
    /// The accounts that failed and why.
    #[serde(default)]
    pub faccid: Option<FailedAccids>,
}

impl TeamMembersChanged {
    /// The accounts that failed (none when every account went through).
    pub fn failed(&self) -> &[String] {
        self.faccid.as_ref().map_or(&[], |f| f.accids.as_slice())
    }

    /// Whether every account went through.
    pub fn is_complete(&self) -> bool {
        self.failed().is_empty()
    }
}

/// `team/leave.action`: member `accid` leaves team `tid`. The owner cannot (it transfers
/// the team first, or dismisses it): the docs do not say what the server answers, the client
/// SDKs refuse it. `attach` (at most 512 characters) is in the newer docs and both SDKs.
///
/// Not idempotent for retries: a repeat after a lost answer is refused (804) although the
/// first call took effect, so the client does not retry it on its own.
///
/// ```
/// use nim_api::team::LeaveTeam;
/// # use nim_api::Endpoint as _;
///
/// assert_eq!(LeaveTeam::new(6000000001u64, "LiSi").to_form().unwrap(), "tid=6000000001&accid=lisi");
/// assert_eq!(LeaveTeam::new(1u64, "").validate().unwrap_err().field(), "accid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/leave.action", setters)]
pub struct LeaveTeam {
    /// The team.
    pub tid: u64,
    /// The member leaving.
    pub accid: Accid,
    /// Carried in the team notification, at most 512 characters.
    #[nim(max_len = 512)]
    pub attach: Option<String>,
}

/// `team/updateTeamNick.action`: `owner` sets member `accid`'s nickname in team `tid` (at
/// most 32 characters) and its extension `custom` (at most 1024).
///
/// Both are optional in the docs (the newer docs' own sample code refuses a blank `nick`,
/// its table does not: the table wins); a call setting neither changes nothing and is
/// refused before sending. `Some("")` is sent. Idempotent.
///
/// ```
/// use nim_api::team::UpdateTeamMemberNick;
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateTeamMemberNick::new(6000000001u64, "zhangsan", "lisi").nick("Li");
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&owner=zhangsan&accid=lisi&nick=Li");
/// let nothing = UpdateTeamMemberNick::new(6000000001u64, "zhangsan", "lisi");
/// assert_eq!(nothing.validate().unwrap_err().field(), "nick");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/updateTeamNick.action", idempotent, setters, custom = something_to_set)]
pub struct UpdateTeamMemberNick {
    /// The team.
    pub tid: u64,
    /// The owner.
    pub owner: Accid,
    /// The member whose nickname changes.
    pub accid: Accid,
    /// The nickname, at most 32 characters.
    #[nim(max_len = 32)]
    pub nick: Option<String>,
    /// The member's extension, at most 1024 characters.
    #[nim(max_len = 1024)]
    pub custom: Option<String>,
}

/// Refuses an update that sets nothing.
fn something_to_set(request: &UpdateTeamMemberNick) -> Result<(), ValidationError> {
    if request.nick.is_some() || request.custom.is_some() {
        Ok(())
    } else {
        Err(ValidationError::custom(
            "nick",
            "set nick or custom: there is nothing to update",
        ))
    }
}

int_enum! {
    /// A member's message-notification switch (`ope` of [`SetTeamNotification`]).
    pub enum NotificationSwitch: u8 {
        /// Turn notifications of the team's messages off (`1`).
        Off = 1,
        /// Turn them on (`2`).
        On = 2,
    }
}

/// `team/muteTeam.action`: turns member `accid`'s notifications of team `tid`'s messages off
/// or on. Not a speaking ban (that is [`MuteTeamMember`](super::MuteTeamMember)): the
/// member still receives the messages, without alerts or pushes. Idempotent.
///
/// ```
/// use nim_api::team::{NotificationSwitch, SetTeamNotification};
/// # use nim_api::Endpoint as _;
///
/// let request = SetTeamNotification::new(6000000001u64, "lisi", NotificationSwitch::Off);
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&accid=lisi&ope=1");
/// let bad = SetTeamNotification::new(1u64, "li si", NotificationSwitch::On);
/// assert_eq!(bad.validate().unwrap_err().field(), "accid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/muteTeam.action", idempotent, setters)]
pub struct SetTeamNotification {
    /// The team.
    pub tid: u64,
    /// The member whose switch changes.
    pub accid: Accid,
    /// Off or on.
    pub ope: NotificationSwitch,
}
