//! What the team store keeps: teams, their members and pending invitations, in the words both
//! protocols share. Each family maps its wire names onto these (v1 `custom` = v2
//! `server_extension`, v1 `clientCustom` = v2 `customer_extension`, v1 `beinvitemode` = v2
//! `agree_mode`, ...).

use std::collections::BTreeMap;

/// Advanced team (v1 `team/*`, v2 `team_type` 1) or super team (v1 `superteam/*`, v2
/// `team_type` 2). The two live in one id space; an action of one kind does not see teams of
/// the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    /// 高级群.
    Advanced,
    /// 超大群.
    Super,
}

impl Kind {
    /// The v2 `team_type`.
    pub(crate) fn v2(self) -> u8 {
        match self {
            Kind::Advanced => 1,
            Kind::Super => 2,
        }
    }

    /// The kind a v2 `team_type` names, if any.
    pub(crate) fn from_v2(team_type: i64) -> Option<Kind> {
        match team_type {
            1 => Some(Kind::Advanced),
            2 => Some(Kind::Super),
            _ => None,
        }
    }

    /// The message conversation kind (1 p2p, 2 team, 3 super team) of this team kind.
    pub(crate) fn conversation(self) -> u8 {
        match self {
            Kind::Advanced => 2,
            Kind::Super => 3,
        }
    }
}

/// A member's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Role {
    /// The one owner (群主).
    Owner,
    /// A manager (管理员).
    Manager,
    /// An ordinary member.
    Member,
}

impl Role {
    /// The number both protocols give a role (v1 `type`, v2 `member_role`): 0 ordinary
    /// member, 1 owner, 2 manager.
    pub(crate) fn number(self) -> u8 {
        match self {
            Role::Member => 0,
            Role::Owner => 1,
            Role::Manager => 2,
        }
    }

    /// Whether this role manages the team (owner or manager).
    pub(crate) fn manages(self) -> bool {
        matches!(self, Role::Owner | Role::Manager)
    }
}

/// One member of a team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Member {
    pub(crate) role: Role,
    /// The member's nickname in the team (v1 `nick`, v2 `team_nick`).
    pub(crate) nick: Option<String>,
    /// The member's extension (v1 `custom`, v2 `server_extension`).
    pub(crate) ext: Option<String>,
    /// Muted in this team (v1 `muteTlist`, v2 `chat_banned`).
    pub(crate) muted: bool,
    /// v2 `message_notify_state` (0 notify all, 1 none, 2 only managers' messages).
    pub(crate) notify_state: u8,
    /// Who invited the member (none for the creator and applicants).
    pub(crate) inviter: Option<String>,
    /// Unix ms of the state clock.
    pub(crate) join_time: u64,
    /// Unix ms of the state clock.
    pub(crate) update_time: u64,
}

impl Member {
    /// A new member with `role`, invited by `inviter`, joined at `now`.
    pub(crate) fn new(role: Role, inviter: Option<String>, now: u64) -> Member {
        Member {
            role,
            nick: None,
            ext: None,
            muted: false,
            notify_state: 0,
            inviter,
            join_time: now,
            update_time: now,
        }
    }
}

/// The texts of a team. `None` leaves a text as it is in an update; `Some("")` clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Info {
    pub(crate) name: Option<String>,
    pub(crate) icon: Option<String>,
    pub(crate) announcement: Option<String>,
    pub(crate) intro: Option<String>,
    /// v1 `custom`, v2 `server_extension`.
    pub(crate) custom: Option<String>,
    /// v1 `clientCustom`, v2 `customer_extension`.
    pub(crate) client_custom: Option<String>,
}

impl Info {
    /// Writes the texts `changes` sets; an empty one becomes unset (the name excepted, which
    /// a family refuses empty).
    pub(crate) fn apply(&mut self, changes: Info) {
        for (slot, value) in [
            (&mut self.name, changes.name),
            (&mut self.icon, changes.icon),
            (&mut self.announcement, changes.announcement),
            (&mut self.intro, changes.intro),
            (&mut self.custom, changes.custom),
            (&mut self.client_custom, changes.client_custom),
        ] {
            if let Some(value) = value {
                *slot = (!value.is_empty()).then_some(value);
            }
        }
    }
}

/// Who may do what. Every mode is 0 or 1 except `join` (0, 1 or 2); unset in an update
/// means unchanged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Modes {
    /// v1 `joinmode`, v2 `join_mode`: 0 anyone may join, 1 needs a manager's approval, 2
    /// nobody may apply.
    pub(crate) join: u8,
    /// v1 `beinvitemode`, v2 `agree_mode`: 0 an invitee must accept, 1 invitees join at once.
    pub(crate) be_invite: u8,
    /// v1 `invitemode`, v2 `invite_mode`: 0 only the owner and managers invite, 1 everyone.
    pub(crate) invite: u8,
    /// v1 `uptinfomode`, v2 `update_team_info_mode`: 0 only the owner and managers edit the
    /// team's texts, 1 everyone.
    pub(crate) update_info: u8,
    /// v1 `upcustommode`, v2 `update_extension_mode`: 0 only the owner and managers edit
    /// `custom`, 1 everyone.
    pub(crate) update_custom: u8,
}

/// The changes an update makes to [`Modes`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ModeChanges {
    pub(crate) join: Option<u8>,
    pub(crate) be_invite: Option<u8>,
    pub(crate) invite: Option<u8>,
    pub(crate) update_info: Option<u8>,
    pub(crate) update_custom: Option<u8>,
}

impl Modes {
    /// Writes the modes `changes` sets.
    pub(crate) fn apply(&mut self, changes: ModeChanges) {
        for (slot, value) in [
            (&mut self.join, changes.join),
            (&mut self.be_invite, changes.be_invite),
            (&mut self.invite, changes.invite),
            (&mut self.update_info, changes.update_info),
            (&mut self.update_custom, changes.update_custom),
        ] {
            if let Some(value) = value {
                *slot = value;
            }
        }
    }
}

/// Who is muted as a whole (v1 `muteType`, v2 `chat_banned_mode`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum TeamMute {
    /// Nobody (0).
    #[default]
    None,
    /// Ordinary members; the owner and managers still speak (1).
    Members,
    /// Everyone, the owner and managers included (3).
    All,
}

impl TeamMute {
    /// The wire number (0, 1, 3).
    pub(crate) fn number(self) -> u8 {
        match self {
            TeamMute::None => 0,
            TeamMute::Members => 1,
            TeamMute::All => 3,
        }
    }

    /// The mute a wire number names (0, 1, 3), if any.
    pub(crate) fn from_number(n: i64) -> Option<TeamMute> {
        match n {
            0 => Some(TeamMute::None),
            1 => Some(TeamMute::Members),
            3 => Some(TeamMute::All),
            _ => None,
        }
    }

    /// Whether a member of `role` may speak under this mute.
    pub(crate) fn lets_speak(self, role: Role) -> bool {
        match self {
            TeamMute::None => true,
            TeamMute::Members => role.manages(),
            TeamMute::All => false,
        }
    }
}

/// An invitation waiting for the invitee's consent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Invite {
    pub(crate) inviter: String,
    pub(crate) message: Option<String>,
    pub(crate) time: u64,
}

/// One team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Team {
    pub(crate) tid: u64,
    pub(crate) kind: Kind,
    pub(crate) info: Info,
    pub(crate) owner: String,
    /// Every member, the owner included, by account id.
    pub(crate) members: BTreeMap<String, Member>,
    /// The most members the team may have, the owner included.
    pub(crate) limit: usize,
    pub(crate) modes: Modes,
    pub(crate) mute: TeamMute,
    /// Invitations waiting for consent, by invitee.
    pub(crate) invites: BTreeMap<String, Invite>,
    /// v1 `isNotifyCloseOnline`: team notifications are not delivered online.
    pub(crate) notify_close_online: bool,
    /// v1 `isNotifyClosePersistent`: team notifications are not stored.
    pub(crate) notify_close_persistent: bool,
    /// Unix ms of the state clock.
    pub(crate) create_time: u64,
    /// Unix ms of the state clock.
    pub(crate) update_time: u64,
}

impl Team {
    /// The role of `accid`, if a member.
    pub(crate) fn role(&self, accid: &str) -> Option<Role> {
        self.members.get(accid).map(|m| m.role)
    }

    /// The managers, ordered by account id.
    pub(crate) fn managers(&self) -> Vec<String> {
        self.with_role(Role::Manager)
    }

    /// The members with `role`, ordered by account id.
    pub(crate) fn with_role(&self, role: Role) -> Vec<String> {
        self.members
            .iter()
            .filter(|(_, m)| m.role == role)
            .map(|(a, _)| a.clone())
            .collect()
    }

    /// The muted members, ordered by account id.
    pub(crate) fn muted(&self) -> Vec<String> {
        self.members
            .iter()
            .filter(|(_, m)| m.muted)
            .map(|(a, _)| a.clone())
            .collect()
    }
}
