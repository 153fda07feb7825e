//! Why a team operation is refused, and what each protocol answers for it. The codes are in
//! the table of the [store's docs](super).

use crate::reply::ApiError;

use super::model::Kind;

/// v1 codes of the team family (DOC-CODES; the table is in `shared/spec/v1-families.md` §0.3).
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

/// v2 codes of the team family (the v2 client SDK's code map, `V2NIMErrorCode`; only 108404
/// is on a server page): 108xxx for the team, 109xxx for its members.
pub(crate) mod v2 {
    /// Not an advanced team (the team is of the other `team_type`).
    pub(crate) const WRONG_KIND: u32 = 108302;
    /// Too many managers.
    pub(crate) const MANAGERS_FULL: u32 = 108303;
    /// An account is in too many teams.
    pub(crate) const TEAM_COUNT: u32 = 108305;
    /// Ordinary members are muted by the team's mute.
    pub(crate) const MEMBERS_MUTED: u32 = 108306;
    /// Transferring the team to its owner.
    pub(crate) const TRANSFER_TO_OWNER: u32 = 108310;
    /// The team does not exist (documented).
    pub(crate) const TEAM_NOT_FOUND: u32 = 108404;
    /// The team is full. No code is documented for it: the emulator's choice, in the
    /// `<family>419` pattern of the other families.
    pub(crate) const TEAM_FULL: u32 = 108419;
    /// Everyone is muted by the team's mute.
    pub(crate) const ALL_MUTED: u32 = 108423;
    /// Making the owner a manager.
    pub(crate) const OWNER_AS_MANAGER: u32 = 108430;
    /// A mute list names the operator.
    pub(crate) const MUTE_SELF: u32 = 109303;
    /// A mute list names the owner.
    pub(crate) const MUTE_OWNER: u32 = 109304;
    /// A manager acting on another manager.
    pub(crate) const ON_MANAGER: u32 = 109305;
    /// No permission to invite.
    pub(crate) const NO_INVITE_PERMISSION: u32 = 109306;
    /// The owner cannot leave.
    pub(crate) const OWNER_CANNOT_LEAVE: u32 = 109307;
    /// A kick list names the owner.
    pub(crate) const KICK_OWNER: u32 = 109308;
    /// A kick list names the operator.
    pub(crate) const KICK_SELF: u32 = 109310;
    /// The account is already a member.
    pub(crate) const ALREADY_MEMBER: u32 = 109311;
    /// No such invitation.
    pub(crate) const NO_INVITATION: u32 = 109313;
    /// Acting on the owner.
    pub(crate) const ON_OWNER: u32 = 109314;
    /// The account is not a member.
    pub(crate) const NOT_MEMBER: u32 = 109404;
    /// The member is muted alone.
    pub(crate) const MEMBER_MUTED: u32 = 109424;
    /// Only the owner may do this.
    pub(crate) const OWNER_REQUIRED: u32 = 109427;
    /// Only the owner or a manager may do this.
    pub(crate) const MANAGER_REQUIRED: u32 = 109432;
}

/// Why a team operation is refused, before it is put in either protocol's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TeamError {
    /// No team `tid`.
    NotFound { tid: u64 },
    /// Team `tid` is of the other kind.
    WrongKind { tid: u64, kind: Kind },
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
    /// `accid` may not speak in `tid`; `v2` says why (muted alone, ordinary members muted,
    /// everyone muted).
    Muted { tid: u64, accid: String, v2: u32 },
    /// `operator` may not `what`: v1 802 (no permission), `v2` the precise v2 code.
    NoPermission {
        operator: String,
        what: &'static str,
        v2: u32,
    },
    /// A request the rules refuse: v1 414, `v2` the precise v2 code (414 when none).
    Refused { v2: u32, desc: String },
}

impl TeamError {
    /// The v1 answer.
    pub(crate) fn v1(&self) -> ApiError {
        ApiError::with_code(self.v1_code(), self.describe())
    }

    /// The v2 answer.
    pub(crate) fn v2(&self) -> ApiError {
        ApiError::with_code(self.v2_code(), self.describe())
    }

    fn v1_code(&self) -> u32 {
        match self {
            TeamError::NotFound { .. } => v1::TEAM_NOT_FOUND,
            TeamError::WrongKind { .. } => v1::WRONG_KIND,
            TeamError::NotMember { .. } => v1::NOT_MEMBER,
            TeamError::AlreadyMember { .. } => v1::ALREADY_MEMBER,
            TeamError::Full { .. } => v1::TEAM_FULL,
            TeamError::ManagersFull { .. } => v1::MANAGERS_FULL,
            TeamError::TeamCount { .. } => v1::TEAM_COUNT,
            TeamError::Muted { .. } => v1::TEAM_MUTED,
            TeamError::NoPermission { .. } => v1::NO_PERMISSION,
            TeamError::Refused { .. } => 414,
        }
    }

    fn v2_code(&self) -> u32 {
        match self {
            TeamError::NotFound { .. } => v2::TEAM_NOT_FOUND,
            TeamError::WrongKind { .. } => v2::WRONG_KIND,
            TeamError::NotMember { .. } => v2::NOT_MEMBER,
            TeamError::AlreadyMember { .. } => v2::ALREADY_MEMBER,
            TeamError::Full { .. } => v2::TEAM_FULL,
            TeamError::ManagersFull { .. } => v2::MANAGERS_FULL,
            TeamError::TeamCount { .. } => v2::TEAM_COUNT,
            TeamError::Muted { v2, .. }
            | TeamError::NoPermission { v2, .. }
            | TeamError::Refused { v2, .. } => *v2,
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
            TeamError::Muted { tid, accid, .. } => format!("{accid} is muted in team {tid}"),
            TeamError::NoPermission { operator, what, .. } => {
                format!("no permission: {operator} may not {what}")
            }
            TeamError::Refused { desc, .. } => desc.clone(),
        }
    }
}
