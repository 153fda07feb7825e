//! Speaking bans: `team/muteTlist` (one member), `team/muteTlistAll` (the whole team),
//! `team/listTeamMute` (who is banned).

use serde::Deserialize;

use super::{MemberRole, TeamMuteType};
use crate::message::number_or_string;
use crate::wire::{int_enum, json_or_text};
use crate::{Accid, ValidationError};

int_enum! {
    /// Ban or lift the ban (`mute` of [`MuteTeamMember`] and of
    /// [`MuteSuperTeamMembers`](crate::superteam::MuteSuperTeamMembers)).
    pub enum MemberMute: u8 {
        /// Lift the ban (`0`; the Go SDK cannot send it).
        Unmute = 0,
        /// Ban the member from speaking (`1`).
        Mute = 1,
    }
}

/// `team/muteTlist.action`: `owner` bans member `accid` from speaking in team `tid`, or
/// lifts the ban. The docs name the team owner as the caller (whether a manager may is
/// unconfirmed); the owner cannot be banned, so `accid` must differ from `owner` (checked
/// before sending). `Unmute` is sent as `mute=0`. Idempotent.
///
/// ```
/// use nim_api::team::{MemberMute, MuteTeamMember};
/// # use nim_api::Endpoint as _;
///
/// let request = MuteTeamMember::new(6000000001u64, "zhangsan", "lisi", MemberMute::Unmute);
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&owner=zhangsan&accid=lisi&mute=0");
/// let myself = MuteTeamMember::new(6000000001u64, "zhangsan", "zhangsan", MemberMute::Mute);
/// assert_eq!(myself.validate().unwrap_err().field(), "accid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/muteTlist.action", idempotent, setters, distinct = [owner, accid])]
pub struct MuteTeamMember {
    /// The team.
    pub tid: u64,
    /// The owner.
    pub owner: Accid,
    /// The member banned or released.
    pub accid: Accid,
    /// Ban or lift.
    pub mute: MemberMute,
    /// Carried in the team notification, at most 512 characters.
    #[nim(max_len = 512)]
    pub attach: Option<String>,
}

/// `team/muteTlistAll.action`: `owner` bans the whole team from speaking, or lifts the ban:
/// `mute` (`true` bans the ordinary members, `false` lifts) or `muteType` (0 lift, 1
/// ordinary members, 3 everyone, the owner included).
///
/// At least one of the two must be set (the server answers 414 otherwise; checked before
/// sending); with both, the server follows `mute` and ignores `muteType`. `false` and `0`
/// are sent (the Go SDK drops both, so it cannot lift a ban). Idempotent.
///
/// ```
/// use nim_api::team::{MuteAllTeamMembers, TeamMuteType};
/// # use nim_api::Endpoint as _;
///
/// let all = MuteAllTeamMembers::new(6000000001u64, "zhangsan").mute_type(TeamMuteType::Everyone);
/// assert_eq!(all.to_form().unwrap(), "tid=6000000001&owner=zhangsan&muteType=3");
/// let lift = MuteAllTeamMembers::new(6000000001u64, "zhangsan").mute(false);
/// assert_eq!(lift.to_form().unwrap(), "tid=6000000001&owner=zhangsan&mute=false");
/// let neither = MuteAllTeamMembers::new(6000000001u64, "zhangsan");
/// assert_eq!(neither.validate().unwrap_err().field(), "mute");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/muteTlistAll.action", idempotent, setters, custom = mute_or_mute_type)]
pub struct MuteAllTeamMembers {
    /// The team.
    pub tid: u64,
    /// The owner.
    pub owner: Accid,
    /// `true` bans the ordinary members, `false` lifts any ban; wins over `muteType`.
    pub mute: Option<bool>,
    /// Who is banned (`muteType`).
    #[nim(rename = "muteType")]
    pub mute_type: Option<TeamMuteType>,
    /// Carried in the team notification, at most 512 characters.
    #[nim(max_len = 512)]
    pub attach: Option<String>,
}

/// The server answers 414 when neither `mute` nor `muteType` is given.
fn mute_or_mute_type(request: &MuteAllTeamMembers) -> Result<(), ValidationError> {
    if request.mute.is_some() || request.mute_type.is_some() {
        Ok(())
    } else {
        Err(ValidationError::custom("mute", "set mute or muteType"))
    }
}

/// `team/listTeamMute.action`: the members of team `tid` banned one by one
/// ([`MuteTeamMember`]); a team-wide ban is read from the team's `muteType`
/// ([`QueryTeamDetail`](super::QueryTeamDetail)). The docs name the owner as the caller.
/// Idempotent.
///
/// ```
/// use nim_api::team::ListTeamMutes;
/// # use nim_api::Endpoint as _;
///
/// let request = ListTeamMutes::new(6000000001u64, "ZhangSan");
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&owner=zhangsan");
/// assert_eq!(ListTeamMutes::new(1u64, "").validate().unwrap_err().field(), "owner");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/listTeamMute.action", idempotent, setters, response = TeamMutes)]
pub struct ListTeamMutes {
    /// The team.
    pub tid: u64,
    /// The owner.
    pub owner: Accid,
}

/// The answer to [`ListTeamMutes`] (`mutes`, a JSON array or text holding one).
///
/// ```
/// use nim_api::team::{MemberRole, TeamMutes};
///
/// let answer: TeamMutes = serde_json::from_str(
///     r#"{"code":200,"mutes":[{"nick":"Li","accid":"lisi","tid":123,"type":0}]}"#,
/// ).unwrap();
/// assert_eq!(answer.mutes[0].accid, "lisi");
/// assert_eq!(answer.mutes[0].role, Some(MemberRole::Member));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamMutes {
    /// The banned members.
    #[serde(default, deserialize_with = "json_or_text")]
    pub mutes: Vec<MutedMember>,
}

/// One banned member.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct MutedMember {
    /// The member.
    #[serde(default)]
    pub accid: String,
    /// Its nickname in the team.
    #[serde(default)]
    pub nick: Option<String>,
    /// The team (0 when absent).
    #[serde(default, deserialize_with = "number_or_string")]
    pub tid: u64,
    /// Its role (`type`).
    #[serde(default, rename = "type")]
    pub role: Option<MemberRole>,
}
