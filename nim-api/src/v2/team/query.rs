//! The operations that read teams, their members and their online counts.

use super::{
    OnlineMemberCounts, OnlineTeamMembers, TeamDetails, TeamInfoList, TeamMemberPage, TeamType,
    advanced_only,
};
use crate::wire::int_enum;
use crate::{Form, FormValue, ValidationError};

/// `GET /im/v2.1/teams/{team_id}?team_type=` (getTeamInfo): one team (official get page,
/// both SDKs). A team of the other kind is not found.
///
/// ```
/// use nim_api::v2::team::{GetTeamInfo, TeamType};
/// # use nim_api::Endpoint as _;
/// let encoded = GetTeamInfo::new(6_000_000_001u64, TeamType::Advanced).encode().unwrap();
/// assert_eq!((encoded.method.as_str(), encoded.path.as_str()), ("GET", "/im/v2.1/teams/6000000001?team_type=1"));
/// # use nim_api::validate::Validate as _;
/// assert!(GetTeamInfo::new(6_000_000_001u64, TeamType::Super).validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/teams/{team_id}", method = "GET", idempotent, setters,
      response = TeamDetails)]
pub struct GetTeamInfo {
    /// The team.
    #[nim(path)]
    pub team_id: u64,
    /// Advanced or super team.
    #[nim(query)]
    pub team_type: TeamType,
}

/// The team ids of [`BatchQueryTeamInfo`], sent as one JSON array of numbers in the query
/// (`team_ids=[1,2]`), as both SDKs do (the Java SDK's older versions sent the ids quoted;
/// that the server takes quoted ids is UNCONFIRMED, so numbers are sent).
///
/// ```
/// use nim_api::v2::team::TeamIds;
/// use nim_api::{Form, FormValue};
///
/// let mut query = Form::new();
/// TeamIds::from([1u64, 2]).write_query("team_ids", &mut query);
/// assert_eq!(query.as_str(), "team_ids=%5B1%2C2%5D");
///
/// // Read as the list it holds (an action called by name).
/// let ids: TeamIds = serde_json::from_str("[1,2]").unwrap();
/// assert_eq!(ids, TeamIds::from([1, 2]));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(transparent)]
pub struct TeamIds(pub Vec<u64>);

impl<const N: usize> From<[u64; N]> for TeamIds {
    fn from(ids: [u64; N]) -> Self {
        TeamIds(ids.to_vec())
    }
}

impl From<Vec<u64>> for TeamIds {
    fn from(ids: Vec<u64>) -> Self {
        TeamIds(ids)
    }
}

impl FormValue for TeamIds {
    fn write_form(&self, name: &str, form: &mut Form) {
        // A list of integers always serialises.
        if let Ok(json) = serde_json::to_string(&self.0) {
            form.append(name, &json);
        }
    }

    fn is_empty_value(&self) -> bool {
        self.0.is_empty()
    }
}

impl crate::validate::List for TeamIds {
    fn items(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

impl crate::validate::UniqueList for TeamIds {
    fn first_repeat(&self) -> Option<(String, usize, usize)> {
        self.0.first_repeat()
    }
}

/// `GET /im/v2.1/teams?team_type=&team_ids=[...]` (batchQueryTeamInfo): several teams of one
/// kind at once: at most 30 advanced teams or 20 super teams per call (Java Javadoc).
///
/// Ids that name no team of this kind come back in `invalid_tids` (Java SDK only).
///
/// ```
/// use nim_api::v2::team::{BatchQueryTeamInfo, TeamType};
/// # use nim_api::Endpoint as _;
/// let request = BatchQueryTeamInfo::new(TeamType::Advanced, [6_000_000_001u64, 6_000_000_002]);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2.1/teams?team_type=1&team_ids=%5B6000000001%2C6000000002%5D",
/// );
/// let twice = BatchQueryTeamInfo::new(TeamType::Advanced, [1u64, 1]);
/// assert_eq!(twice.validate().unwrap_err().field(), "team_ids");
/// let super_teams = BatchQueryTeamInfo::new(TeamType::Super, (1..=21u64).collect::<Vec<_>>());
/// assert_eq!(super_teams.validate().unwrap_err().field(), "team_ids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/teams", method = "GET", idempotent, setters, custom = check_batch,
      response = TeamInfoList)]
pub struct BatchQueryTeamInfo {
    /// Advanced or super team.
    #[nim(query)]
    pub team_type: TeamType,
    /// The teams: 1 to 30 advanced, 1 to 20 super, each once.
    #[nim(query, min_items = 1, max_items = 30, unique)]
    pub team_ids: TeamIds,
}

/// The most super teams one [`BatchQueryTeamInfo`] reads.
const SUPER_BATCH_MAX: usize = 20;

/// At most 20 ids for super teams (30 for advanced teams is the field's own rule).
fn check_batch(request: &BatchQueryTeamInfo) -> Result<(), ValidationError> {
    let count = request.team_ids.0.len();
    if request.team_type == TeamType::Super && count > SUPER_BATCH_MAX {
        return Err(ValidationError::new(
            "team_ids",
            crate::validate::Rule::TooManyItems {
                limit: SUPER_BATCH_MAX,
                actual: count,
            },
        ));
    }
    Ok(())
}

int_enum! {
    /// Which members [`ListTeamMembers`] lists by role (`member_type`).
    pub enum MemberFilter: u8 {
        /// Everyone (`0`, the default).
        All = 0,
        /// The owner and the managers (`1`).
        Managers = 1,
        /// The ordinary members (`2`).
        Normal = 2,
    }
}

int_enum! {
    /// Which members [`ListTeamMembers`] lists by mute (`chat_banned_type`).
    pub enum ChatBannedFilter: u8 {
        /// Everyone (`0`, the default).
        All = 0,
        /// Only muted members (`1`).
        Banned = 1,
        /// Only members not muted (`2`).
        NotBanned = 2,
    }
}

/// `GET /im/v2.1/teams/{team_id}/actions/list_members` (listTeamMembers): a team's members,
/// page by page (`Client::pages` walks them), ordered by join time.
///
/// The parameters are the Java SDK's (`member_type`, `chat_banned_type`, `descending`,
/// `page_token`, `limit`); no official page was found. The Go SDK sends `limit`, `offset` and
/// `next_token` (its name for the cursor) instead; they are not declared here (the emulator
/// takes both spellings). `limit` is at most 100 (Java Javadoc).
///
/// ```
/// use nim_api::v2::team::{ListTeamMembers, MemberFilter, TeamType};
/// # use nim_api::Endpoint as _;
/// let request = ListTeamMembers::new(6_000_000_001u64, TeamType::Advanced)
///     .member_type(MemberFilter::Managers)
///     .descending(false)
///     .limit(50u32);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2.1/teams/6000000001/actions/list_members?team_type=1&member_type=1&descending=false&limit=50",
/// );
/// assert_eq!(request.limit(101u32).validate().unwrap_err().field(), "limit");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/teams/{team_id}/actions/list_members", method = "GET", idempotent,
      setters, response = TeamMemberPage)]
pub struct ListTeamMembers {
    /// The team.
    #[nim(path)]
    pub team_id: u64,
    /// Advanced or super team.
    #[nim(query)]
    pub team_type: TeamType,
    /// Only members of these roles (default all).
    #[nim(query)]
    pub member_type: Option<MemberFilter>,
    /// Only muted or unmuted members (default all).
    #[nim(query)]
    pub chat_banned_type: Option<ChatBannedFilter>,
    /// Newest members first (default `false`: oldest first).
    #[nim(query)]
    pub descending: Option<bool>,
    /// The previous page's `next_token`; none for the first page.
    #[nim(query, page_token)]
    pub page_token: Option<String>,
    /// Members per page, 1 to 100.
    #[nim(query, min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// `GET /im/v2/teams/{team_id}/actions/list_online_members` (listOnlineTeamMembers): the
/// members of an advanced team with a client online, and their clients (official page).
///
/// Advanced teams only: `team_type` must be [`TeamType::Advanced`], refused before sending
/// otherwise. The official page says the flagship plan (旗舰版) or above is needed.
///
/// ```
/// use nim_api::v2::team::{ListOnlineTeamMembers, TeamType};
/// # use nim_api::Endpoint as _;
/// let encoded = ListOnlineTeamMembers::new(6_000_000_001u64, TeamType::Advanced).encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/teams/6000000001/actions/list_online_members?team_type=1");
/// let super_team = ListOnlineTeamMembers::new(6_000_000_001u64, TeamType::Super);
/// assert_eq!(super_team.validate().unwrap_err().field(), "team_type");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/teams/{team_id}/actions/list_online_members", method = "GET",
      idempotent, setters, response = OnlineTeamMembers)]
pub struct ListOnlineTeamMembers {
    /// The team.
    #[nim(path)]
    pub team_id: u64,
    /// Must be [`TeamType::Advanced`].
    #[nim(query, custom = advanced_only)]
    pub team_type: TeamType,
}

/// `GET /im/v2/teams/actions/online_members_count` (batchQueryTeamOnlineMembersCount): how
/// many members of each advanced team are online, at most 100 teams per call (Java SDK;
/// comma-joined ids). Teams that cannot be counted are listed with their code; the service
/// may be disabled for the app (108406).
///
/// ```
/// use nim_api::v2::team::{BatchQueryTeamOnlineMembersCount, TeamType};
/// # use nim_api::Endpoint as _;
/// let request = BatchQueryTeamOnlineMembersCount::new(TeamType::Advanced, [1u64, 2]);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2/teams/actions/online_members_count?team_type=1&team_ids=1%2C2",
/// );
/// let none = BatchQueryTeamOnlineMembersCount::new(TeamType::Advanced, Vec::<u64>::new());
/// assert_eq!(none.validate().unwrap_err().field(), "team_ids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/teams/actions/online_members_count", method = "GET", idempotent, setters,
      response = OnlineMemberCounts)]
pub struct BatchQueryTeamOnlineMembersCount {
    /// Must be [`TeamType::Advanced`].
    #[nim(query, custom = advanced_only)]
    pub team_type: TeamType,
    /// The teams, 1 to 100.
    #[nim(query, min_items = 1, max_items = 100, unique)]
    pub team_ids: Vec<u64>,
}
