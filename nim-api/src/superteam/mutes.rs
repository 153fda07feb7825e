//! Mutes: the whole team, single members, and the list of muted members.

use super::{MemberMute, SuperTeamMemberList, TeamMuteType};
use crate::Accid;
use crate::history::Order;

/// `superteam/mute.action`: the owner mutes the whole team: nobody (`0`, unmute),
/// ordinary members (`1`) or everyone including the owner (`3`).
///
/// Only the owner may (legacy docs and the Java SDK's Javadoc; the client SDK lets managers
/// too). There is no `mute` parameter here, only `muteType`; `0` is sent when set (the Go SDK
/// cannot unmute). `2` is undocumented and cannot be expressed. Idempotent.
///
/// ```
/// use nim_api::superteam::{MuteSuperTeam, TeamMuteType};
/// # use nim_api::Endpoint as _;
///
/// let request = MuteSuperTeam::new(6000000001u64, "zhangsan", TeamMuteType::None);
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&owner=zhangsan&muteType=0");
/// assert_eq!(MuteSuperTeam::new(1u64, "", TeamMuteType::Everyone).validate().unwrap_err().field(), "owner");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/mute.action", idempotent, setters)]
pub struct MuteSuperTeam {
    /// The team.
    pub tid: u64,
    /// The owner.
    pub owner: Accid,
    /// Who is muted (`muteType`).
    #[nim(rename = "muteType")]
    pub mute_type: TeamMuteType,
}

/// `superteam/muteTlist.action`: `owner` (the owner or a manager) mutes or unmutes 1 to 10
/// members.
///
/// At most 10 accounts per call (legacy docs and the Java SDK's Javadoc agree). The owner
/// is never muted; a manager mutes ordinary members only (whether the server allows more is
/// not documented). `mute=0` is sent when set (the Go SDK cannot unmute). Idempotent.
///
/// ```
/// use nim_api::superteam::{MuteSuperTeamMembers, MemberMute};
/// # use nim_api::Endpoint as _;
///
/// let request = MuteSuperTeamMembers::new(6000000001u64, "zhangsan", ["LiSi"], MemberMute::Unmute);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "tid=6000000001&owner=zhangsan&muteAccids=%5B%22lisi%22%5D&mute=0"
/// );
/// let twice = MuteSuperTeamMembers::new(6000000001u64, "zhangsan", ["a", "A"], MemberMute::Mute);
/// assert_eq!(twice.validate().unwrap_err().field(), "muteAccids");
/// let many = MuteSuperTeamMembers::new(6000000001u64, "zhangsan", ["a"; 11], MemberMute::Mute);
/// assert_eq!(many.validate().unwrap_err().field(), "muteAccids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/muteTlist.action", idempotent, setters)]
pub struct MuteSuperTeamMembers {
    /// The team.
    pub tid: u64,
    /// The owner or a manager.
    pub owner: Accid,
    /// The members (`muteAccids`, a JSON array), 1 to 10.
    #[nim(rename = "muteAccids", min_items = 1, max_items = 10, unique)]
    pub mute_accids: Vec<Accid>,
    /// Mute (`1`) or unmute (`0`).
    pub mute: MemberMute,
}

/// `superteam/getMuteTlists.action`: a page of the team's muted members, from the instant
/// `timetag` (milliseconds), at most `limit` (1 to 2000).
///
/// Not in the legacy docs; from both SDKs (the Java SDK's Javadoc gives the limit range).
/// `timetag` and `limit` are required here as in [`ListSuperTeamMembers`](super::ListSuperTeamMembers)
/// (for this action that is not documented). `reverse`: oldest first (`1`, the default) or
/// newest first (`2`). Answers the root key `muteTlists`. Idempotent.
///
/// ```
/// use nim_api::history::Order;
/// use nim_api::superteam::ListSuperTeamMutes;
/// # use nim_api::Endpoint as _;
///
/// let request = ListSuperTeamMutes::new(6000000001u64, 0u64, 100u32).reverse(Order::Descending);
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&timetag=0&limit=100&reverse=2");
/// assert_eq!(ListSuperTeamMutes::new(1u64, 0u64, 0u32).validate().unwrap_err().field(), "limit");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/getMuteTlists.action", idempotent, setters, response = SuperTeamMemberList)]
pub struct ListSuperTeamMutes {
    /// The team.
    pub tid: u64,
    /// The instant the page starts from, in milliseconds.
    pub timetag: u64,
    /// The most members to answer, 1 to 2000.
    #[nim(min = 1, max = 2000)]
    pub limit: u32,
    /// Oldest first (the default) or newest first.
    pub reverse: Option<Order>,
}
