//! The v1 `superteam/*` actions (超大群, super teams): create, change and dismiss a team,
//! manage its members, managers and mutes, read teams and members, and send, recall and
//! read its messages.
//!
//! The facts come from the legacy official page (the newer per-action pages were not
//! readable), the Java SDK (with its 2025-06 Javadoc, which paraphrases the newer tables) and
//! the Go SDK. Where the two SDKs disagree, the docs win; where both agree against the docs,
//! the SDKs win. Each action says which source its limits come from.
//!
//! - **Team ids** (`tid`) are sent as decimal integers, as both SDKs send them (the legacy
//!   docs call it a string of at most 128 characters). Answers carry them as a number or as
//!   a string; both are read.
//! - **Operators.** `owner` names the acting account in management actions: the owner alone
//!   for dismiss, level, owner change, managers and the whole-team mute; the owner or a
//!   manager for invite, kick, update and member mutes. `accid` names the member itself in
//!   leave, [`UpdateSuperTeamMember`], [`JoinedSuperTeams`] and the history query.
//! - **Consent.** Invitees join at once or must accept, as the team's `beinvitemode` says
//!   ([`BeInviteMode`]); there is no per-invitation switch.
//! - **Lists** are one form field holding a compact JSON array (`["a","b"]`). Both SDKs
//!   have list-encoding bugs here (the Java SDK sends `[a, b]` for invitees and never sends
//!   `tids`); nim-rs sends JSON.
//! - **Zero values** (`muteType=0`, `mute=0`, modes set back to 0, `silentType=0`) are sent
//!   when set: the Go SDK drops them and so cannot unmute.
//!
//! Rate limits: the management and query actions share 100 calls per second per app in
//! total; each message action has its own 100 per second (then 416 and a 10 s block).
//!
//! ```
//! use nim_api::superteam::{CreateSuperTeam, JoinMode};
//! # use nim_api::Endpoint as _;
//!
//! let request = CreateSuperTeam::new("zhangsan", ["lisi"], "Readers", "join us", JoinMode::Free);
//! assert!(request.encode().is_ok());
//! ```

mod lifecycle;
mod managers;
mod members;
mod messages;
mod mutes;
mod queries;

/// The modes, roles, switches and answers are the advanced team's: the same parameters
/// with the same numbers, the same answer members.
pub use crate::team::{
    AfterTransfer, BeInviteMode, CreatedTeam, JoinMode, MemberMute, MemberRole, Permission,
    TeamMembersChanged, TeamMuteType,
};
pub use lifecycle::{ChangeSuperTeamLevel, CreateSuperTeam, DismissSuperTeam, UpdateSuperTeam};
pub use managers::{AddSuperTeamManagers, ChangeSuperTeamOwner, RemoveSuperTeamManagers};
pub use members::{
    InviteSuperTeamMembers, KickSuperTeamMembers, LeaveSuperTeam, SilentType,
    UpdateSuperTeamMember, UpdateSuperTeamNick,
};
pub use messages::{
    QuerySuperTeamHistory, QuerySuperTeamHistoryByIds, RecallSuperTeamMsg, SendSuperTeamAttachMsg,
    SendSuperTeamMsg, SuperTeamMessageRef,
};
pub use mutes::{ListSuperTeamMutes, MuteSuperTeam, MuteSuperTeamMembers};
pub use queries::{
    GetSuperTeams, JoinedSuperTeams, JoinedSuperTeamsList, ListSuperTeamMembers, SuperTeamInfo,
    SuperTeamInfos, SuperTeamMember, SuperTeamMemberList, TeamIdText,
};

/// The texts and modes that [`CreateSuperTeam`] and [`UpdateSuperTeam`] both take, besides
/// the name and the join mode: written as form parameters of their own (`intro`,
/// `announcement`, ...), only those set.
///
/// Limits from the legacy docs and the Java SDK's Javadoc (they agree). In an update, an
/// unset member stays as it is and `Some("")` is sent (whether the server clears the text
/// with it is not documented).
///
/// ```
/// use nim_api::superteam::{BeInviteMode, SuperTeamSettings, Permission};
/// use nim_api::validate::Validate;
/// use nim_api::{Form, FormMembers};
///
/// let settings = SuperTeamSettings::new()
///     .intro("book club")
///     .beinvitemode(BeInviteMode::NoConsent)
///     .invitemode(Permission::Managers);
/// let mut form = Form::new();
/// settings.write_form_members(&mut form);
/// assert_eq!(form.finish(), "intro=book+club&beinvitemode=1&invitemode=0");
/// assert_eq!(settings.intro("x".repeat(513)).validate().unwrap_err().field(), "intro");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters, form_members)]
#[non_exhaustive]
pub struct SuperTeamSettings {
    /// The introduction, at most 512 characters.
    #[nim(max_len = 512)]
    pub intro: Option<String>,
    /// The announcement, at most 1024 characters.
    #[nim(max_len = 1024)]
    pub announcement: Option<String>,
    /// The server-side extension (`serverCustom`), at most 1024 characters.
    #[nim(rename = "serverCustom", max_len = 1024)]
    pub server_custom: Option<String>,
    /// The icon URL, at most 1024 characters.
    #[nim(max_len = 1024)]
    pub icon: Option<String>,
    /// Whether invitees must consent (`beinvitemode`; default: they must).
    pub beinvitemode: Option<BeInviteMode>,
    /// Who may invite (`invitemode`; default: the owner and managers).
    pub invitemode: Option<Permission>,
    /// Who may edit the team's profile (`uptinfomode`; default: the owner and managers).
    pub uptinfomode: Option<Permission>,
    /// Who may edit the custom field (`upcustommode`; default: the owner and managers).
    pub upcustommode: Option<Permission>,
    /// The moderation business id (`bid`, JSON text; in both SDKs, not in the legacy docs).
    #[nim(json)]
    pub bid: Option<String>,
}

crate::catalogue::family! {
    "superteam::";
    CreateSuperTeam, DismissSuperTeam, UpdateSuperTeam, ChangeSuperTeamLevel,
    ChangeSuperTeamOwner, AddSuperTeamManagers, RemoveSuperTeamManagers,
    InviteSuperTeamMembers, KickSuperTeamMembers, LeaveSuperTeam, UpdateSuperTeamNick,
    UpdateSuperTeamMember, MuteSuperTeam, MuteSuperTeamMembers, ListSuperTeamMutes,
    GetSuperTeams, ListSuperTeamMembers, JoinedSuperTeams, SendSuperTeamMsg,
    SendSuperTeamAttachMsg, RecallSuperTeamMsg, QuerySuperTeamHistory,
    QuerySuperTeamHistoryByIds,
}
