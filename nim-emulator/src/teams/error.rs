//! Why a team operation is refused, and what each protocol answers for it. The codes are in
//! the table of the [store's docs](super).

use crate::reply::ApiError;

use super::model::Kind;

/// v1 codes of the team family (DOC-CODES).
pub(crate) mod v1 {
    /// The team is full.
    pub(crate) const TEAM_FULL: u32 = 801;
    /// The operator lacks the permission.
    pub(crate) const NO_PERMISSION: u32 = 802;
    /// The team does not exist.
    pub(crate) const TEAM_NOT_FOUND: u32 = 803;
    /// The account is not a member.
    pub(crate) const NOT_MEMBER: u32 = 804;
    /// The team is of the other kind (advanced vs super).
    pub(crate) const WRONG_KIND: u32 = 805;
    /// An account is in too many teams.
    pub(crate) const TEAM_COUNT: u32 = 806;
    /// The account is already a member.
    pub(crate) const ALREADY_MEMBER: u32 = 809;
    /// The team is muted and the sender may not speak.
    pub(crate) const TEAM_MUTED: u32 = 812;
    /// Too many managers.
    pub(crate) const MANAGERS_FULL: u32 = 815;
}

/// v2 codes of the team family: 108xxx for the team, 109xxx for its members.
pub(crate) mod v2 {
    /// The team is full.
    pub(crate) const TEAM_FULL: u32 = 108419;
    /// The operator lacks the permission.
    pub(crate) const NO_PERMISSION: u32 = 108403;
    /// The team does not exist (or is of the other `team_type`).
    pub(crate) const TEAM_NOT_FOUND: u32 = 108404;
    /// The account is not a member.
    pub(crate) const NOT_MEMBER: u32 = 109404;
    /// An account is in too many teams.
    pub(crate) const TEAM_COUNT: u32 = 108437;
    /// The account is already a member.
    pub(crate) const ALREADY_MEMBER: u32 = 109405;
    /// The team or the member is muted.
    pub(crate) const MUTED: u32 = 108423;
    /// Too many managers.
    pub(crate) const MANAGERS_FULL: u32 = 108418;
}

/// Why a team operation is refused, before it is put in either protocol's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TeamError {
    /// No team `tid` (of that kind).
    NotFound { tid: u64 },
    /// Team `tid` is of the other kind.
    WrongKind { tid: u64, kind: Kind },
    /// `operator` may not do `what`.
    NoPermission {
        operator: String,
        what: &'static str,
    },
    /// `accid` is not a member of `tid`.
    NotMember { tid: u64, accid: String },
    /// `accid` is already a member of `tid`.
    AlreadyMember { tid: u64, accid: String },
    /// `tid` would have more than `limit` members.
    Full { tid: u64, limit: usize },
    /// `tid` would have more than `limit` managers.
    ManagersFull { tid: u64, limit: usize },
    /// `accid` is in as many teams as an account may be.
    TeamCount { accid: String, limit: usize },
    /// `accid` may not speak in `tid`: muted alone, or by the team's mute.
    Muted { tid: u64, accid: String },
    /// A request the rules refuse (`desc` says which), answered 414.
    Invalid(String),
}

impl TeamError {
    /// The v1 answer.
    pub(crate) fn v1(&self) -> ApiError {
        match self {
            TeamError::Invalid(desc) => ApiError::param(desc.clone()),
            other => ApiError::with_code(other.v1_code(), other.describe()),
        }
    }

    /// The v2 answer.
    pub(crate) fn v2(&self) -> ApiError {
        match self {
            TeamError::Invalid(desc) => ApiError::param(desc.clone()),
            other => ApiError::with_code(other.v2_code(), other.describe()),
        }
    }

    fn v1_code(&self) -> u32 {
        match self {
            TeamError::NotFound { .. } => v1::TEAM_NOT_FOUND,
            TeamError::WrongKind { .. } => v1::WRONG_KIND,
            TeamError::NoPermission { .. } => v1::NO_PERMISSION,
            TeamError::NotMember { .. } => v1::NOT_MEMBER,
            TeamError::AlreadyMember { .. } => v1::ALREADY_MEMBER,
            TeamError::Full { .. } => v1::TEAM_FULL,
            TeamError::ManagersFull { .. } => v1::MANAGERS_FULL,
            TeamError::TeamCount { .. } => v1::TEAM_COUNT,
            TeamError::Muted { .. } => v1::TEAM_MUTED,
            TeamError::Invalid(_) => 414,
        }
    }

    fn v2_code(&self) -> u32 {
        match self {
            TeamError::NotFound { .. } | TeamError::WrongKind { .. } => v2::TEAM_NOT_FOUND,
            TeamError::NoPermission { .. } => v2::NO_PERMISSION,
            TeamError::NotMember { .. } => v2::NOT_MEMBER,
            TeamError::AlreadyMember { .. } => v2::ALREADY_MEMBER,
            TeamError::Full { .. } => v2::TEAM_FULL,
            TeamError::ManagersFull { .. } => v2::MANAGERS_FULL,
            TeamError::TeamCount { .. } => v2::TEAM_COUNT,
            TeamError::Muted { .. } => v2::MUTED,
            TeamError::Invalid(_) => 414,
        }
    }

    /// The refusal in words, as both protocols put it in `desc` / `msg`.
    pub(crate) fn describe(&self) -> String {
        match self {
            TeamError::NotFound { tid } => format!("team {tid} does not exist"),
            TeamError::WrongKind { tid, kind } => {
                let is = match kind {
                    Kind::Advanced => "an advanced team",
                    Kind::Super => "a super team",
                };
                format!("team type mismatch: team {tid} is {is}")
            }
            TeamError::NoPermission { operator, what } => {
                format!("no permission: {operator} may not {what}")
            }
            TeamError::NotMember { tid, accid } => {
                format!("{accid} is not a member of team {tid}")
            }
            TeamError::AlreadyMember { tid, accid } => {
                format!("{accid} is already a member of team {tid}")
            }
            TeamError::Full { tid, limit } => {
                format!("team {tid} is full: at most {limit} members")
            }
            TeamError::ManagersFull { tid, limit } => {
                format!("team {tid} may have at most {limit} managers")
            }
            TeamError::TeamCount { accid, limit } => {
                format!("team count exceed: {accid} is in {limit} teams already")
            }
            TeamError::Muted { tid, accid } => format!("{accid} is muted in team {tid}"),
            TeamError::Invalid(desc) => desc.clone(),
        }
    }
}
