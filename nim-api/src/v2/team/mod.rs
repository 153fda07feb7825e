//! v2 `team` family: create, update, disband and read advanced teams and super teams, hand
//! them over, appoint managers, and list their members (`/im/v2.1/teams...` and
//! `/im/v2/teams/...`). Members join, leave and change through
//! [`team_member`](crate::v2::team_member).
//!
//! **Kinds.** Every operation names the kind of team it acts on ([`TeamType`], required
//! everywhere): advanced teams (高级群) and super teams (超大群) share one id space, and an
//! operation of one kind does not see a team of the other. The online-member operations
//! take advanced teams only.
//!
//! **Paths.** create, update, disband, batch query, get and list members are on `/im/v2.1/`;
//! transfer, the manager operations and the online-member operations on `/im/v2/`, as both
//! official SDKs' current versions send them. Older SDK versions and the Apifox pages use
//! `/im/v2/` for all; the emulator serves both.
//!
//! **Limits** (Java SDK Javadoc, and the official create page for create): `name` at most
//! 64 characters, `icon` and `announcement` 1024, `intro` 512, `server_extension` 1024,
//! the notification `extension` 512 (not stored; advanced teams only), `members_limit` at
//! least 2 (the owner included; at most 200 by default, or the cap set in the console, so
//! no upper bound is checked here). `customer_extension` has no documented limit.
//!
//! **Answers.** Teams come back as [`TeamInfo`], members as [`TeamMember`]. Every member of
//! both is optional on the wire; `team_id` is read as a number or a string (the SDKs read a
//! number, the official get page types it as text).

mod answers;
mod manage;
mod query;

use serde::{Deserialize, Deserializer};

/// The modes and roles are the v1 team family's, under their v2 names where the v2 fields
/// use other words: `agree_mode` is [`BeInviteMode`](crate::team::BeInviteMode) (Java SDK
/// Javadoc; the older Go SDK's comments swap `agree_mode` and `invite_mode`), the
/// `*_mode` permissions are [`Permission`](crate::team::Permission), and `chat_banned_mode`
/// is [`TeamMuteType`](crate::team::TeamMuteType) (values from the Java SDK Javadoc only).
pub use crate::team::{
    AfterTransfer, BeInviteMode as AgreeMode, JoinMode, MemberRole, Permission as TeamPermission,
    TeamMuteType as ChatBannedMode,
};
pub use answers::*;
pub use manage::*;
pub use query::*;

use crate::ValidationError;
use crate::wire::int_enum;

int_enum! {
    /// The kind of team (`team_type`), required on every team and team member operation.
    pub enum TeamType: u8 {
        /// An advanced team (高级群, `1`).
        Advanced = 1,
        /// A super team (超大群, `2`; the service must be enabled for the app).
        Super = 2,
    }
}

/// A team's modes (`configuration`), sent by [`CreateTeam`] and [`UpdateTeam`] and answered
/// in [`TeamInfo`]. Unset modes are left out of a request (create uses the defaults, update
/// keeps them).
///
/// `chat_banned_mode` (the whole-team mute) can only be set by [`UpdateTeam`]: neither SDK
/// sends it on create, and [`CreateTeam`] refuses it before sending. Answers carry it as a
/// number or as a string (the Java SDK's versions disagree); both are read.
///
/// ```
/// use nim_api::v2::team::{AgreeMode, ChatBannedMode, JoinMode, TeamConfiguration};
///
/// let config = TeamConfiguration::new().join_mode(JoinMode::Free).agree_mode(AgreeMode::NoConsent);
/// assert_eq!(serde_json::to_string(&config).unwrap(), r#"{"join_mode":0,"agree_mode":1}"#);
/// let answer: TeamConfiguration = serde_json::from_str(r#"{"join_mode":1,"chat_banned_mode":"3"}"#).unwrap();
/// assert_eq!(answer.chat_banned_mode, Some(ChatBannedMode::Everyone));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct TeamConfiguration {
    /// Who may join by applying.
    #[serde(default)]
    pub join_mode: Option<JoinMode>,
    /// Whether invitees must accept.
    #[serde(default)]
    pub agree_mode: Option<AgreeMode>,
    /// Who may invite.
    #[serde(default)]
    pub invite_mode: Option<TeamPermission>,
    /// Who may edit the team's name, icon, announcement and intro.
    #[serde(default)]
    pub update_team_info_mode: Option<TeamPermission>,
    /// Who may edit `server_extension`.
    #[serde(default)]
    pub update_extension_mode: Option<TeamPermission>,
    /// The whole-team mute: [`UpdateTeam`] only.
    #[serde(default, deserialize_with = "chat_banned_mode")]
    pub chat_banned_mode: Option<ChatBannedMode>,
}

/// `chat_banned_mode` as a number or a string holding one; absent or `null` is `None`.
fn chat_banned_mode<'de, D: Deserializer<'de>>(d: D) -> Result<Option<ChatBannedMode>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Number(u8),
        Text(String),
    }
    let number = match Option::<Either>::deserialize(d)? {
        None => return Ok(None),
        Some(Either::Number(n)) => n,
        Some(Either::Text(text)) => text.trim().parse().map_err(serde::de::Error::custom)?,
    };
    ChatBannedMode::from_number(number)
        .map(Some)
        .ok_or_else(|| {
            serde::de::Error::custom(format_args!("{number} is not a known ChatBannedMode"))
        })
}

/// Refuses a super team where only advanced teams are served (the online-member
/// operations; the Java SDK checks the same before sending).
fn advanced_only(team_type: &TeamType) -> Result<(), ValidationError> {
    match team_type {
        TeamType::Advanced => Ok(()),
        TeamType::Super => Err(ValidationError::custom(
            "",
            "must be 1 (advanced team): online members are not served for super teams",
        )),
    }
}

crate::catalogue::family! {
    "v2::team::";
    CreateTeam, UpdateTeam, DisbandTeam, BatchQueryTeamInfo, TransferOwner, AddManagers,
    RemoveManagers, GetTeamInfo, ListTeamMembers, ListOnlineTeamMembers,
    BatchQueryTeamOnlineMembersCount,
}
