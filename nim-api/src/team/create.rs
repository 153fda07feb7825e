//! Making, editing and dismissing a team: `team/create`, `team/update`, `team/remove`.

use serde::Deserialize;

use super::{BeInviteMode, InviteeConsent, JoinMode, Permission};
use crate::message::number_or_string;
use crate::{Accid, FailedAccids, ValidationError};

/// What [`CreateTeam`] and [`UpdateTeam`] both set: the texts, who may do what, the member
/// limit and the moderation ids. Written into the form as the action's own parameters
/// (`#[nim(flatten)]`); unset members are not sent.
///
/// `teamMemberLimit` counts the owner; at least 2. Its maximum is the app's (the newer docs
/// give 2 to 200 with 200 the default; the legacy docs "2 to the app's configured maximum"):
/// the server checks it, so an app with a raised cap can use it.
///
/// ```
/// use nim_api::team::{BeInviteMode, Permission, TeamSettings};
/// use nim_api::validate::Validate;
/// use nim_api::{Form, FormMembers};
///
/// let settings = TeamSettings::new()
///     .announcement("")
///     .beinvitemode(BeInviteMode::NoConsent)
///     .uptinfomode(Permission::Managers)
///     .team_member_limit(50u32);
/// let mut form = Form::new();
/// settings.write_form_members(&mut form);
/// assert_eq!(form.finish(), "announcement=&beinvitemode=1&uptinfomode=0&teamMemberLimit=50");
/// let err = settings.team_member_limit(1u32).validate().unwrap_err();
/// assert_eq!(err.field(), "teamMemberLimit");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters, form_members)]
#[non_exhaustive]
pub struct TeamSettings {
    /// The announcement, at most 1024 characters (`""` clears it in an update).
    #[nim(max_len = 1024)]
    pub announcement: Option<String>,
    /// The introduction, at most 512 characters.
    #[nim(max_len = 512)]
    pub intro: Option<String>,
    /// The icon URL, at most 1024 characters.
    #[nim(max_len = 1024)]
    pub icon: Option<String>,
    /// The server extension, at most 1024 characters (JSON recommended).
    #[nim(max_len = 1024)]
    pub custom: Option<String>,
    /// Whether invitees must accept (default: they must).
    pub beinvitemode: Option<BeInviteMode>,
    /// Who may invite (default: the owner and managers).
    pub invitemode: Option<Permission>,
    /// Who may edit the team's information (default: the owner and managers).
    pub uptinfomode: Option<Permission>,
    /// Who may edit `custom` (default: the owner and managers).
    pub upcustommode: Option<Permission>,
    /// The most members, the owner included (`teamMemberLimit`), at least 2; 200 by default.
    #[nim(rename = "teamMemberLimit", min = 2)]
    pub team_member_limit: Option<u32>,
    /// Moderation business ids, JSON `{"textbid":"..","picbid":".."}`; when unset the team
    /// keeps its configuration.
    #[nim(json)]
    pub bid: Option<String>,
}

/// `team/create.action`: `owner` creates a team named `tname` and invites `members` with
/// the invitation text `msg` (at most 150 characters).
///
/// - `members` excludes the owner (refused before sending) and names at most 199 accounts:
///   the owner and the members are at most 200 (DOC-TEAM); the team (owner included) must
///   also fit its member limit, else 801. An empty list creates a team of one.
/// - `magree` ([`InviteeConsent`]) asks invitees to accept; `joinmode` is required and sent
///   as `0` too (the Go SDK drops it).
/// - `isNotifyCloseOnline` / `isNotifyClosePersistent` (0 or 1): 1 stops delivering team
///   notifications online / storing them. The newer docs and both SDKs have them, and
///   `attach` (at most 512 characters, carried in the team notification) and `bid`; the
///   legacy docs do not.
///
/// Answers the new team id and the invitees that could not join because they are in too
/// many teams ([`CreatedTeam`]); the owner in too many teams is 806. Not idempotent.
///
/// ```
/// use nim_api::team::{CreateTeam, InviteeConsent, JoinMode, TeamSettings};
/// # use nim_api::Endpoint as _;
///
/// let request = CreateTeam::new("Hiking", "ZhangSan", ["lisi"], "join us", JoinMode::Free)
///     .magree(InviteeConsent::Needed)
///     .settings(TeamSettings::new().intro("weekends"))
///     .attach("hi");
/// assert_eq!(
///     request.to_form().unwrap(),
///     "tname=Hiking&owner=zhangsan&members=%5B%22lisi%22%5D&msg=join+us&magree=1&joinmode=0\
///      &intro=weekends&attach=hi"
/// );
/// let unnamed = CreateTeam::new("", "zhangsan", ["lisi"], "hi", JoinMode::Free);
/// assert_eq!(unnamed.validate().unwrap_err().field(), "tname");
/// let with_owner = CreateTeam::new("Hiking", "zhangsan", ["lisi", "ZhangSan"], "hi", JoinMode::Free);
/// assert_eq!(with_owner.validate().unwrap_err().field(), "members[1]");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/create.action", setters, response = CreatedTeam, custom = owner_not_invited)]
pub struct CreateTeam {
    /// The name, at most 64 characters.
    #[nim(required, max_len = 64)]
    pub tname: String,
    /// The owner.
    pub owner: Accid,
    /// The invitees, the owner not among them, at most 199.
    #[nim(max_items = 199, unique)]
    pub members: Vec<Accid>,
    /// The invitation text, at most 150 characters.
    #[nim(required, max_len = 150)]
    pub msg: String,
    /// Whether invitees must accept (`magree`; the server's default: they need not).
    pub magree: Option<InviteeConsent>,
    /// How clients may apply to join.
    pub joinmode: JoinMode,
    /// The texts, modes, member limit and moderation ids.
    #[nim(flatten, default)]
    pub settings: TeamSettings,
    /// `1`: team notifications are not delivered online (`isNotifyCloseOnline`).
    #[nim(rename = "isNotifyCloseOnline", one_of = [0, 1])]
    pub is_notify_close_online: Option<u8>,
    /// `1`: team notifications are not stored offline, for roaming or in history
    /// (`isNotifyClosePersistent`).
    #[nim(rename = "isNotifyClosePersistent", one_of = [0, 1])]
    pub is_notify_close_persistent: Option<u8>,
    /// Carried in the team notification, at most 512 characters.
    #[nim(max_len = 512)]
    pub attach: Option<String>,
}

/// The answer to [`CreateTeam`] and [`CreateSuperTeam`](crate::superteam::CreateSuperTeam) (top-level members).
///
/// ```
/// use nim_api::team::CreatedTeam;
///
/// let created: CreatedTeam = serde_json::from_str(
///     r#"{"code":200,"tid":"11001","faccid":{"accid":["a"],"msg":"team count exceed"}}"#,
/// ).unwrap();
/// assert_eq!(created.tid, 11001);
/// assert_eq!(created.faccid.unwrap().accids, ["a"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct CreatedTeam {
    /// The new team's id (a string in the docs' example, a number elsewhere; both read).
    #[serde(deserialize_with = "number_or_string")]
    pub tid: u64,
    /// The invitees that could not join (in too many teams); absent when all could.
    #[serde(default)]
    pub faccid: Option<FailedAccids>,
}

/// The owner is a member from the start, never an invitee.
fn owner_not_invited(request: &CreateTeam) -> Result<(), ValidationError> {
    super::owner_not_invited("members", request.owner.as_str(), &request.members)
}

/// `team/update.action`: `owner` edits team `tid`: its name (at most 64 characters), join
/// mode and [`TeamSettings`]. Only what is set changes.
///
/// By default only the owner may (managers too when NetEase support enables it, per the
/// newer docs); the team's `uptinfomode` / `upcustommode` may let every member edit.
/// `joinmode` `0` and the `0` modes are sent (the Go SDK drops them). `magree` and
/// `isNotifyClose*` are not parameters of this action. Lowering the member limit below the
/// team's size is refused (code undocumented). Idempotent.
///
/// ```
/// use nim_api::team::{JoinMode, TeamSettings, UpdateTeam};
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateTeam::new(6000000001u64, "zhangsan")
///     .tname("Hiking club")
///     .joinmode(JoinMode::Free)
///     .settings(TeamSettings::new().team_member_limit(100u32));
/// assert_eq!(
///     request.to_form().unwrap(),
///     "tid=6000000001&owner=zhangsan&tname=Hiking+club&joinmode=0&teamMemberLimit=100"
/// );
/// assert_eq!(request.tname("名".repeat(65)).validate().unwrap_err().field(), "tname");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/update.action", idempotent, setters)]
pub struct UpdateTeam {
    /// The team.
    pub tid: u64,
    /// The owner (or a member the team's modes allow).
    pub owner: Accid,
    /// The new name, at most 64 characters.
    #[nim(max_len = 64)]
    pub tname: Option<String>,
    /// How clients may apply to join.
    pub joinmode: Option<JoinMode>,
    /// The texts, modes, member limit and moderation ids to change.
    #[nim(flatten, default)]
    pub settings: TeamSettings,
    /// Carried in the team notification, at most 512 characters.
    #[nim(max_len = 512)]
    pub attach: Option<String>,
}

/// `team/remove.action`: the owner dismisses team `tid`. `attach` (at most 512 characters)
/// is in the newer docs and both SDKs, not the legacy docs.
///
/// Not idempotent for retries: a repeat after a lost answer is refused (803, the team being
/// gone) although the first call took effect, so the client does not retry it on its own.
///
/// ```
/// use nim_api::team::DismissTeam;
/// # use nim_api::Endpoint as _;
///
/// let request = DismissTeam::new(6000000001u64, "ZhangSan");
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&owner=zhangsan");
/// assert_eq!(DismissTeam::new(1u64, "bad owner").validate().unwrap_err().field(), "owner");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/remove.action", setters)]
pub struct DismissTeam {
    /// The team.
    pub tid: u64,
    /// The owner.
    pub owner: Accid,
    /// Carried in the team notification, at most 512 characters.
    #[nim(max_len = 512)]
    pub attach: Option<String>,
}
