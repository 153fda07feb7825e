//! The v1 advanced-team actions (`team/*.action`, 高级群, 21 actions): create, invite, kick,
//! dismiss and edit a team; managers and the owner; members leaving, their nicknames and
//! notification switches; speaking bans; and the queries (teams, one team's members, an
//! account's teams and member records, mutes, online members, read receipts).
//!
//! Facts: the newer official parameter tables (as copied in `com.anyex.netease.api`), the
//! legacy official tables, and both official server SDKs (Go and Java). Where the two SDKs
//! disagree the docs win; where both agree against the docs the SDKs win; each action says
//! which where it matters.
//!
//! - A team id (`tid`) is sent as a decimal integer (the newer docs type it 64-bit; the
//!   legacy docs said "string", both SDKs send numbers). Answers read it as a number or a
//!   string (`team/create` answers a string in the docs' example).
//! - Every account is an [`Accid`], checked and sent lowercased; member lists
//!   are one JSON array in one form field.
//! - Coded values are enums sent as their numbers, **always sent when set, `0` included**:
//!   the Go SDK drops zeros and so can never unmute a member (`mute=0`), lift a team ban
//!   (`muteType=0`) or create a free-join team (`joinmode=0`).
//! - Codes the server answers (DOC-CODES): 801 team full, 802 no permission, 803 no such
//!   team, 804 not a member, 805 not an advanced team, 806 too many teams for the owner,
//!   809 already a member, 812 team muted (sends), 815 too many managers; 414 for bad
//!   parameters. Which action answers which is not documented. (Read receipts not enabled
//!   for the app are said to be answered with 814 or 403: unconfirmed, not in the code
//!   table the spec holds.)
//! - Rate limit: every advanced-team action except sending shares 100 calls per second per
//!   app (then 416 and a 10 s block).
//!
//! ```
//! use nim_api::team::{CreateTeam, JoinMode, TeamSettings, Permission};
//! # use nim_api::Endpoint as _;
//!
//! let request = CreateTeam::new("Hiking", "zhangsan", ["lisi", "wangwu"], "join us", JoinMode::Approval)
//!     .settings(TeamSettings::new().intro("weekends").invitemode(Permission::Everyone));
//! assert!(request.encode().is_ok());
//! ```

mod create;
mod managers;
mod members;
mod mutes;
mod queries;

use serde::Deserialize;

use crate::message::number_or_string;
use crate::wire::{flag, int_enum, json_or_text, lenient_list};
use crate::{Accid, ValidationError};

pub use create::{CreateTeam, CreatedTeam, DismissTeam, TeamSettings, UpdateTeam};
pub use managers::{AddTeamManagers, AfterTransfer, ChangeTeamOwner, RemoveTeamManagers};
pub use members::{
    AddTeamMembers, KickTeamMembers, LeaveTeam, NotificationSwitch, SetTeamNotification,
    TeamMembersChanged, UpdateTeamMemberNick,
};
pub use mutes::{
    ListTeamMutes, MemberMute, MuteAllTeamMembers, MuteTeamMember, MutedMember, TeamMutes,
};
pub use queries::{
    CountOnlineTeamMembers, GetTeamReadInfo, JoinedTeam, JoinedTeamList, JoinedTeams,
    ListJoinedTeamMembers, ListOnlineTeamMembers, OnlineCounts, OnlineTeamMembers, QueryTeamDetail,
    QueryTeams, TeamList, TeamMemberList, TeamOnlineCount, TeamQueryScope, TeamReadInfo,
};

int_enum! {
    /// How clients may apply to join: v1 `joinmode` of teams and super teams, v2
    /// `join_mode`.
    pub enum JoinMode: u8 {
        /// Anyone may join without verification (`0`).
        Free = 0,
        /// The owner or a manager approves each application (`1`).
        Approval = 1,
        /// Nobody may apply; members are only invited (`2`).
        Closed = 2,
    }
}

int_enum! {
    /// Whether invitees of this call must accept before they join (`magree`; the newer docs
    /// make it optional, default 0; the legacy docs required it). The newer docs tie it to
    /// the team's [`BeInviteMode`]: consent is asked only when that mode asks for it too.
    pub enum InviteeConsent: u8 {
        /// Invitees join at once (`0`).
        NotNeeded = 0,
        /// Invitees join once they accept (`1`).
        Needed = 1,
    }
}

int_enum! {
    /// Whether invitees of the team must accept invitations: v1 `beinvitemode` of teams and
    /// super teams, v2 `agree_mode` (named [`AgreeMode`](crate::v2::team::AgreeMode) there).
    pub enum BeInviteMode: u8 {
        /// They must accept (`0`, the default).
        ConsentNeeded = 0,
        /// They join without consent (`1`).
        NoConsent = 1,
    }
}

int_enum! {
    /// Who may do something in a team: invite (v1 `invitemode`, v2 `invite_mode`), edit the
    /// team's information (`uptinfomode`, `update_team_info_mode`) or edit its extension
    /// (`upcustommode`, `update_extension_mode`). Named
    /// [`TeamPermission`](crate::v2::team::TeamPermission) in v2.
    pub enum Permission: u8 {
        /// The owner and the managers (`0`, the default).
        Managers = 0,
        /// Every member (`1`).
        Everyone = 1,
    }
}

int_enum! {
    /// A team-wide speaking ban: v1 `muteType` of teams and super teams, as set by
    /// [`MuteAllTeamMembers`] and [`MuteSuperTeam`](crate::superteam::MuteSuperTeam) and read
    /// in team answers; v2 `chat_banned_mode` (named
    /// [`ChatBannedMode`](crate::v2::team::ChatBannedMode) there).
    pub enum TeamMuteType: u8 {
        /// Nobody is banned (`0`).
        None = 0,
        /// Ordinary members are banned; the owner and managers still speak (`1`).
        OrdinaryMembers = 1,
        /// Everyone is banned, the owner included (`3`; there is no `2`).
        Everyone = 3,
    }
}

int_enum! {
    /// A member's role: v1 `type` in member answers of teams and super teams, v2
    /// `member_role` (the older Go SDK's `team_member_type`).
    pub enum MemberRole: u8 {
        /// An ordinary member (`0`).
        Member = 0,
        /// The owner (`1`).
        Owner = 1,
        /// A manager (`2`).
        Manager = 2,
    }
}

/// The team members shared by the answers of [`QueryTeams`] and [`QueryTeamDetail`]: the
/// texts, limits, modes and the team-wide ban. Absent members read as their defaults.
///
/// ```
/// use nim_api::team::{JoinMode, TeamProfile};
///
/// let team: TeamProfile = serde_json::from_str(
///     r#"{"tid":"6000000001","tname":"Hiking","maxusers":200,"size":3,"joinmode":1,"mute":false}"#,
/// ).unwrap();
/// assert_eq!((team.tid, team.size), (6000000001, Some(3)));
/// assert_eq!(team.joinmode, Some(JoinMode::Approval));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamProfile {
    /// The team id (a number or a string on the wire).
    #[serde(default, deserialize_with = "number_or_string")]
    pub tid: u64,
    /// The name.
    #[serde(default)]
    pub tname: Option<String>,
    /// The icon URL.
    #[serde(default)]
    pub icon: Option<String>,
    /// The announcement.
    #[serde(default)]
    pub announcement: Option<String>,
    /// The introduction.
    #[serde(default)]
    pub intro: Option<String>,
    /// The most members, the owner included.
    #[serde(default)]
    pub maxusers: Option<u32>,
    /// How many members it has.
    #[serde(default)]
    pub size: Option<u32>,
    /// How clients may apply to join.
    #[serde(default)]
    pub joinmode: Option<JoinMode>,
    /// Whether invitees must accept.
    #[serde(default)]
    pub beinvitemode: Option<BeInviteMode>,
    /// Who may invite.
    #[serde(default)]
    pub invitemode: Option<Permission>,
    /// Who may edit the team's information.
    #[serde(default)]
    pub uptinfomode: Option<Permission>,
    /// Who may edit `custom`.
    #[serde(default)]
    pub upcustommode: Option<Permission>,
    /// The team-wide speaking ban (`muteType`).
    #[serde(default, rename = "muteType")]
    pub mute_type: Option<TeamMuteType>,
    /// Whether a team-wide ban is on.
    #[serde(default)]
    pub mute: Option<bool>,
    /// The server extension.
    #[serde(default)]
    pub custom: Option<String>,
    /// The client extension (`clientCustom`).
    #[serde(default, rename = "clientCustom")]
    pub client_custom: Option<String>,
    /// When it was created, in milliseconds.
    #[serde(default)]
    pub createtime: Option<u64>,
    /// When it last changed, in milliseconds.
    #[serde(default)]
    pub updatetime: Option<u64>,
    /// Team notifications are not delivered online (only present when the feature is on).
    #[serde(default, rename = "isNotifyCloseOnline")]
    pub is_notify_close_online: Option<bool>,
    /// Team notifications are not stored (only present when the feature is on).
    #[serde(default, rename = "isNotifyClosePersistent")]
    pub is_notify_close_persistent: Option<bool>,
}

/// One team as [`QueryTeams`] answers it: the profile, the owner and the managers' and (with
/// [`TeamQueryScope::WithMembers`]) the members' accids. The lists come as JSON arrays or
/// as text holding one.
///
/// ```
/// use nim_api::team::TeamInfo;
///
/// let team: TeamInfo = serde_json::from_str(
///     r#"{"tid":6000000001,"tname":"Hiking","owner":"zhangsan","admins":["lisi"],"members":"[\"wangwu\"]"}"#,
/// ).unwrap();
/// assert_eq!((team.profile.tid, team.owner.as_str()), (6000000001, "zhangsan"));
/// assert_eq!((team.admins, team.members), (vec!["lisi".to_owned()], vec!["wangwu".to_owned()]));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamInfo {
    /// The team's own members.
    #[serde(flatten)]
    pub profile: TeamProfile,
    /// The owner's accid.
    #[serde(default)]
    pub owner: String,
    /// The managers' accids.
    #[serde(default, deserialize_with = "lenient_list")]
    pub admins: Vec<String>,
    /// The ordinary members' accids (only when asked for).
    #[serde(default, deserialize_with = "lenient_list")]
    pub members: Vec<String>,
}

/// One member record: the owner, managers and members of [`QueryTeamDetail`]'s answer, and
/// each element of [`ListJoinedTeamMembers`]' answer.
///
/// The Java SDK reads `accid`, `nick`, `mute`, `custom`, `createtime`, `updatetime`; the Go
/// SDK also `tid`, `managerPushEnable`, `pushEnable`, which `listMemberInfo` answers (the
/// docs' table adds `custom` there). Every member but `accid` is optional.
///
/// ```
/// use nim_api::team::TeamMember;
///
/// let member: TeamMember = serde_json::from_str(
///     r#"{"tid":123,"accid":"lisi","nick":"Li","mute":true,"pushEnable":false,"createtime":1}"#,
/// ).unwrap();
/// assert_eq!((member.tid, member.accid.as_str(), member.mute), (123, "lisi", true));
/// assert_eq!(member.push_enable, Some(false));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamMember {
    /// The team (only in some answers; 0 when absent).
    #[serde(default, deserialize_with = "number_or_string")]
    pub tid: u64,
    /// The member.
    #[serde(default)]
    pub accid: String,
    /// Its nickname in the team.
    #[serde(default)]
    pub nick: Option<String>,
    /// Whether it is banned from speaking in the team.
    #[serde(default, deserialize_with = "flag")]
    pub mute: bool,
    /// Its extension.
    #[serde(default)]
    pub custom: Option<String>,
    /// Whether it gets push notifications of managers' messages (`managerPushEnable`).
    #[serde(default, rename = "managerPushEnable")]
    pub manager_push_enable: Option<bool>,
    /// Whether it gets push notifications of the team's messages (`pushEnable`).
    #[serde(default, rename = "pushEnable")]
    pub push_enable: Option<bool>,
    /// When it joined, in milliseconds.
    #[serde(default)]
    pub createtime: Option<u64>,
    /// When its record last changed, in milliseconds.
    #[serde(default)]
    pub updatetime: Option<u64>,
}

/// One team as [`QueryTeamDetail`] answers it (`tinfo`): the profile with the owner, the
/// managers and the ordinary members as [`TeamMember`] records. The lists come as JSON
/// arrays or as text holding one.
///
/// ```
/// use nim_api::team::TeamDetail;
///
/// let team: TeamDetail = serde_json::from_str(
///     r#"{"tid":6000000001,"owner":{"accid":"zhangsan"},"admins":[],
///         "members":[{"accid":"lisi","mute":true}]}"#,
/// ).unwrap();
/// assert_eq!(team.owner.map(|o| o.accid).as_deref(), Some("zhangsan"));
/// assert!(team.members[0].mute);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamDetail {
    /// The team's own members.
    #[serde(flatten)]
    pub profile: TeamProfile,
    /// The owner.
    #[serde(default, deserialize_with = "json_or_text")]
    pub owner: Option<TeamMember>,
    /// The managers.
    #[serde(default, deserialize_with = "json_or_text")]
    pub admins: Vec<TeamMember>,
    /// The ordinary members.
    #[serde(default, deserialize_with = "json_or_text")]
    pub members: Vec<TeamMember>,
}

/// Refuses a create whose invitee list (`field`) names the owner (any case): the owner is a
/// member from the start, and counts in the team's limit. Shared by the three creates (v1
/// team and super team, v2).
pub(crate) fn owner_not_invited<'a>(
    field: &str,
    owner: &str,
    invitees: impl IntoIterator<Item = &'a Accid>,
) -> Result<(), ValidationError> {
    match invitees
        .into_iter()
        .position(|a| a.as_str().eq_ignore_ascii_case(owner))
    {
        Some(i) => Err(ValidationError::custom(
            format!("{field}[{i}]"),
            "names the owner, who is a member from the start: do not invite it",
        )),
        None => Ok(()),
    }
}

crate::catalogue::family! {
    "team::";
    CreateTeam, AddTeamMembers, KickTeamMembers, DismissTeam, UpdateTeam, QueryTeams,
    QueryTeamDetail, AddTeamManagers, RemoveTeamManagers, ChangeTeamOwner, LeaveTeam,
    SetTeamNotification, MuteTeamMember, MuteAllTeamMembers, ListTeamMutes,
    UpdateTeamMemberNick, JoinedTeams, GetTeamReadInfo, ListJoinedTeamMembers,
    ListOnlineTeamMembers, CountOnlineTeamMembers,
}
