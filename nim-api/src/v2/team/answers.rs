//! What the team and team member operations answer: teams, members, pages and counts.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::{MemberRole, TeamConfiguration, TeamType};
use crate::Failure;
use crate::message::number_or_string;
use crate::wire::int_enum;

int_enum! {
    /// Which messages of a team a member is notified of (`message_notify_state`, Java SDK
    /// Javadoc).
    pub enum MessageNotifyState: u8 {
        /// None: do not disturb (`0`).
        Off = 0,
        /// Every message (`1`).
        All = 1,
        /// Only the owner's and the managers' messages (`2`).
        ManagersOnly = 2,
    }
}

/// A team as create, update, get, batch query and the joined-teams query answer it
/// (`team_info`).
///
/// Every member is optional on the wire: the Java SDK's batch-query item and the official
/// get page lack `owner_account_id` (and the page `member_count`); the joined-teams items
/// carry no `team_type`, texts nor extensions, but may carry [`member_info`](Self::member_info).
/// `team_id` comes as a number (both SDKs) or a string (the official get page, an older Java
/// SDK); both are read. Times are Unix milliseconds (UNCONFIRMED unit).
///
/// ```
/// use nim_api::v2::team::{TeamInfo, TeamType};
///
/// let team: TeamInfo = serde_json::from_str(
///     r#"{"team_id":"6000000001","team_type":1,"name":"Ops","members_limit":200,
///         "configuration":{"join_mode":0,"chat_banned_mode":1}}"#,
/// ).unwrap();
/// assert_eq!((team.team_id, team.team_type), (6_000_000_001, Some(TeamType::Advanced)));
/// assert_eq!(team.name.as_deref(), Some("Ops"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamInfo {
    /// The team id (0 if the answer left it out).
    #[serde(default, deserialize_with = "number_or_string")]
    pub team_id: u64,
    /// Advanced or super team.
    #[serde(default)]
    pub team_type: Option<TeamType>,
    /// The owner.
    #[serde(default)]
    pub owner_account_id: Option<String>,
    /// The name.
    #[serde(default)]
    pub name: Option<String>,
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
    pub members_limit: Option<u32>,
    /// How many members it has.
    #[serde(default)]
    pub member_count: Option<u32>,
    /// The server extension (服务端扩展字段; v1 `custom`).
    #[serde(default)]
    pub server_extension: Option<String>,
    /// The client extension (客户端扩展字段; v1 `clientCustom`).
    #[serde(default)]
    pub customer_extension: Option<String>,
    /// When it was created (ms).
    #[serde(default)]
    pub create_time: Option<u64>,
    /// When it last changed (ms).
    #[serde(default)]
    pub update_time: Option<u64>,
    /// Its modes.
    #[serde(default)]
    pub configuration: Option<TeamConfiguration>,
    /// The querying account's own membership ([`QueryJoinedTeams`](crate::v2::team_member::QueryJoinedTeams)
    /// with `need_return_member_info` 1 only).
    #[serde(default)]
    pub member_info: Option<TeamMember>,
}

/// A member of a team: an item of [`TeamMemberPage`], the answer of
/// [`UpdateTeamMember`](crate::v2::team_member::UpdateTeamMember), and the `member_info` of a
/// joined team.
///
/// The keys are the Java SDK's and the Apifox page's; the older Go SDK's `team_member_type`
/// (for `member_role`) is read too, and its `message_notify_state` and `extension`.
/// `follow_account_ids` (the member's special-follow list) is in the Java joined-teams answer
/// only.
///
/// ```
/// use nim_api::v2::team::{MemberRole, TeamMember};
///
/// let member: TeamMember = serde_json::from_str(
///     r#"{"team_id":6000000001,"account_id":"lisi","member_role":2,"chat_banned":false}"#,
/// ).unwrap();
/// assert_eq!(member.member_role, Some(MemberRole::Manager));
/// let go: TeamMember = serde_json::from_str(r#"{"account_id":"lisi","team_member_type":1}"#).unwrap();
/// assert_eq!(go.member_role, Some(MemberRole::Owner));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamMember {
    /// The team (0 if the answer left it out).
    #[serde(default, deserialize_with = "number_or_string")]
    pub team_id: u64,
    /// The member.
    #[serde(default)]
    pub account_id: String,
    /// Its role.
    #[serde(default, alias = "team_member_type")]
    pub member_role: Option<MemberRole>,
    /// Its nickname in the team.
    #[serde(default)]
    pub team_nick: Option<String>,
    /// Its stored member extension.
    #[serde(default)]
    pub server_extension: Option<String>,
    /// Whether it is muted in the team.
    #[serde(default)]
    pub chat_banned: Option<bool>,
    /// Which messages it is notified of (older Go SDK).
    #[serde(default)]
    pub message_notify_state: Option<MessageNotifyState>,
    /// When it joined (ms).
    #[serde(default)]
    pub join_time: Option<u64>,
    /// When its membership last changed (ms).
    #[serde(default)]
    pub update_time: Option<u64>,
    /// Who invited it.
    #[serde(default)]
    pub invitor_account_id: Option<String>,
    /// The extension of the last change (older Go SDK).
    #[serde(default)]
    pub extension: Option<String>,
    /// The members it follows specially (Java joined-teams answer).
    #[serde(default)]
    pub follow_account_ids: Option<Vec<String>>,
}

/// A page of members ([`ListTeamMembers`](super::ListTeamMembers)).
pub type TeamMemberPage = crate::TokenPage<TeamMember>;

/// [`CreateTeam`](super::CreateTeam)'s answer: the new team, and the invitees who could not
/// be invited (in as many teams as an account may be, ...). [AF-CREATE] draws `failed_list`
/// as one object; both SDKs read an array, which is what is read here.
///
/// ```
/// use nim_api::v2::team::CreatedTeam;
///
/// let created: CreatedTeam = serde_json::from_str(
///     r#"{"team_info":{"team_id":6000000001},
///         "failed_list":[{"account_id":"wangwu","error_code":108305,"error_msg":"limit"}]}"#,
/// ).unwrap();
/// assert_eq!(created.team_info.team_id, 6_000_000_001);
/// assert_eq!(created.failed_list[0].error_code, 108305);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct CreatedTeam {
    /// The team.
    #[serde(default)]
    pub team_info: TeamInfo,
    /// The invitees that failed, each with its code.
    #[serde(default)]
    pub failed_list: Vec<Failure>,
}

/// The answer of [`UpdateTeam`](super::UpdateTeam) and [`GetTeamInfo`](super::GetTeamInfo):
/// the team (`team_info`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamDetails {
    /// The team.
    #[serde(default)]
    pub team_info: TeamInfo,
}

/// [`BatchQueryTeamInfo`](super::BatchQueryTeamInfo)'s answer: the teams found, and the ids
/// that name none (`invalid_tids`, Java SDK only; empty when absent).
///
/// ```
/// use nim_api::v2::team::TeamInfoList;
///
/// let list: TeamInfoList =
///     serde_json::from_str(r#"{"team_info_list":[{"team_id":1}],"invalid_tids":["2"]}"#).unwrap();
/// assert_eq!((list.team_info_list[0].team_id, list.invalid_tids.as_slice()), (1, [2u64].as_slice()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamInfoList {
    /// The teams found.
    #[serde(default)]
    pub team_info_list: Vec<TeamInfo>,
    /// The ids that name no team of this kind.
    #[serde(default, deserialize_with = "ids")]
    pub invalid_tids: Vec<u64>,
}

/// A list of ids, each a number or a string holding one; `null` is empty.
fn ids<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u64>, D::Error> {
    #[derive(Deserialize)]
    struct Id(#[serde(deserialize_with = "number_or_string")] u64);
    let ids = Option::<Vec<Id>>::deserialize(d)?.unwrap_or_default();
    Ok(ids.into_iter().map(|Id(id)| id).collect())
}

/// [`ListOnlineTeamMembers`](super::ListOnlineTeamMembers)'s answer: the members with at
/// least one client online.
///
/// ```
/// use nim_api::v2::team::OnlineTeamMembers;
///
/// let online: OnlineTeamMembers = serde_json::from_str(
///     r#"{"items":[{"account_id":"lisi","online_status":[{"login_time":1700000000000,"client_type":1}]}]}"#,
/// ).unwrap();
/// assert_eq!(online.items[0].online_status[0].client_type, 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct OnlineTeamMembers {
    /// The online members.
    #[serde(default)]
    pub items: Vec<OnlineTeamMember>,
}

/// One online member and its clients.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct OnlineTeamMember {
    /// The member.
    #[serde(default)]
    pub account_id: String,
    /// Its logged-in clients.
    #[serde(default)]
    pub online_status: Vec<OnlineClient>,
}

/// One logged-in client of a member.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct OnlineClient {
    /// When it logged in (ms).
    #[serde(default)]
    pub login_time: u64,
    /// Its client type (1 Android, 2 iOS, 4 PC, 16 Web, 64 Mac, 65 HarmonyOS; the official
    /// page also shows 8, unexplained).
    #[serde(default)]
    pub client_type: u32,
}

/// [`BatchQueryTeamOnlineMembersCount`](super::BatchQueryTeamOnlineMembersCount)'s answer:
/// counts per team, and the teams that failed. Its failures name a `team_id`, not an
/// account, so they are [`TeamFailure`]s rather than [`Failure`]s.
///
/// ```
/// use nim_api::v2::team::OnlineMemberCounts;
///
/// let counts: OnlineMemberCounts = serde_json::from_str(
///     r#"{"success_list":[{"team_id":1,"online_count":2,"offline_count":3}],
///         "failed_list":[{"team_id":"9","error_code":108404,"error_msg":"not found"}]}"#,
/// ).unwrap();
/// assert_eq!(counts.success_list[0].online_count, 2);
/// assert_eq!((counts.failed_list[0].team_id, counts.failed_list[0].error_code), (9, 108404));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct OnlineMemberCounts {
    /// The teams counted.
    #[serde(default)]
    pub success_list: Vec<OnlineMemberCount>,
    /// The teams that could not be counted.
    #[serde(default)]
    pub failed_list: Vec<TeamFailure>,
}

/// One team's online and offline member counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct OnlineMemberCount {
    /// The team.
    #[serde(default, deserialize_with = "number_or_string")]
    pub team_id: u64,
    /// Members with a client online.
    #[serde(default)]
    pub online_count: u32,
    /// The other members.
    #[serde(default)]
    pub offline_count: u32,
}

/// A team a batch operation could not serve.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamFailure {
    /// The team.
    #[serde(default, deserialize_with = "number_or_string")]
    pub team_id: u64,
    /// Why: the code a single call would have answered (108404 no such team, ...).
    #[serde(default)]
    pub error_code: u32,
    /// The server's explanation.
    #[serde(default)]
    pub error_msg: String,
}

/// A page of [`QueryJoinedTeams`](crate::v2::team_member::QueryJoinedTeams): the teams an
/// account is in (`team_info_list`), with the cursor of the next page.
///
/// ```
/// use nim_api::Page;
/// use nim_api::v2::team::JoinedTeamsPage;
///
/// let page: JoinedTeamsPage = serde_json::from_str(
///     r#"{"has_more":true,"next_token":"t2","team_info_list":[{"team_id":1,"member_info":{"account_id":"lisi","member_role":0}}]}"#,
/// ).unwrap();
/// assert_eq!(page.next_page_token(), Some("t2"));
/// assert_eq!(page.team_info_list[0].member_info.as_ref().unwrap().account_id, "lisi");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct JoinedTeamsPage {
    /// Whether more pages follow.
    #[serde(default)]
    pub has_more: bool,
    /// The cursor of the next page.
    #[serde(default)]
    pub next_token: Option<String>,
    /// This page's teams.
    #[serde(default)]
    pub team_info_list: Vec<TeamInfo>,
}

impl nim_core::Page for JoinedTeamsPage {
    fn next_page_token(&self) -> Option<&str> {
        crate::wire::next_token(self.has_more, &self.next_token)
    }
}

/// [`UpdateTeamMember`](crate::v2::team_member::UpdateTeamMember)'s answer: the member after
/// the change.
///
/// The Java SDK and the Apifox page read the member's keys directly in `data`; the Go SDK
/// reads them inside `member_info`. The flat form is the documented one; both are read.
///
/// ```
/// use nim_api::v2::team::UpdatedTeamMember;
///
/// let flat: UpdatedTeamMember = serde_json::from_str(r#"{"account_id":"lisi","team_nick":"Li"}"#).unwrap();
/// let wrapped: UpdatedTeamMember =
///     serde_json::from_str(r#"{"member_info":{"account_id":"lisi","team_nick":"Li"}}"#).unwrap();
/// assert_eq!(flat, wrapped);
/// assert_eq!(flat.member.team_nick.as_deref(), Some("Li"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdatedTeamMember {
    /// The member.
    pub member: TeamMember,
}

impl<'de> Deserialize<'de> for UpdatedTeamMember {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut value = Option::<Value>::deserialize(d)?.unwrap_or(Value::Null);
        if let Some(inner) = value.get_mut("member_info").filter(|v| v.is_object()) {
            value = inner.take();
        }
        if value.is_null() {
            return Ok(UpdatedTeamMember::default());
        }
        let member = TeamMember::deserialize(value).map_err(serde::de::Error::custom)?;
        Ok(UpdatedTeamMember { member })
    }
}
