//! The public view of a team, as [`Emulator::team`](crate::Emulator::team) shows it.

use super::model::{Kind, Role, Team};

/// Advanced team or super team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TeamKind {
    /// An advanced team (v1 `team/*`, v2 `team_type` 1).
    Advanced,
    /// A super team (v1 `superteam/*`, v2 `team_type` 2).
    Super,
}

/// A member's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TeamRole {
    /// The owner.
    Owner,
    /// A manager.
    Manager,
    /// An ordinary member.
    Member,
}

/// One member of a team.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TeamMemberRecord {
    /// The member's account id.
    pub accid: String,
    /// Its role.
    pub role: TeamRole,
    /// Its nickname in the team (v1 `nick`, v2 `team_nick`).
    pub nick: Option<String>,
    /// Its extension (v1 `custom`, v2 `server_extension`).
    pub ext: Option<String>,
    /// Muted alone in this team.
    pub muted: bool,
    /// Who invited it, if anyone did.
    pub inviter: Option<String>,
    /// When it joined (Unix ms, state clock).
    pub join_time: u64,
}

/// One team, whichever protocol made or changed it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TeamRecord {
    /// The team id.
    pub tid: u64,
    /// Advanced or super team.
    pub kind: TeamKind,
    /// The name.
    pub name: Option<String>,
    /// The announcement.
    pub announcement: Option<String>,
    /// The introduction.
    pub intro: Option<String>,
    /// The icon URL.
    pub icon: Option<String>,
    /// v1 `custom`, v2 `server_extension`.
    pub custom: Option<String>,
    /// v1 `clientCustom`, v2 `customer_extension`.
    pub client_custom: Option<String>,
    /// The owner's account id.
    pub owner: String,
    /// Every member, the owner included, ordered by account id.
    pub members: Vec<TeamMemberRecord>,
    /// The most members the team may have.
    pub limit: usize,
    /// Whole-team mute: 0 none, 1 ordinary members, 3 everyone.
    pub mute_type: u8,
    /// Accounts invited and not yet answering, ordered by account id.
    pub pending_invitations: Vec<String>,
    /// `[join, be_invite (agree), invite, update_info, update_custom]` modes.
    pub modes: [u8; 5],
}

impl TeamRecord {
    /// The member `accid`, if any.
    pub fn member(&self, accid: &str) -> Option<&TeamMemberRecord> {
        self.members.iter().find(|m| m.accid == accid)
    }

    /// The account ids of the members with `role`.
    pub fn with_role(&self, role: TeamRole) -> Vec<&str> {
        self.members
            .iter()
            .filter(|m| m.role == role)
            .map(|m| m.accid.as_str())
            .collect()
    }
}

impl From<&Team> for TeamRecord {
    fn from(t: &Team) -> TeamRecord {
        let members = t
            .members
            .iter()
            .map(|(accid, m)| TeamMemberRecord {
                accid: accid.clone(),
                role: match m.role {
                    Role::Owner => TeamRole::Owner,
                    Role::Manager => TeamRole::Manager,
                    Role::Member => TeamRole::Member,
                },
                nick: m.nick.clone(),
                ext: m.ext.clone(),
                muted: m.muted,
                inviter: m.inviter.clone(),
                join_time: m.join_time,
            })
            .collect();
        let m = t.modes;
        TeamRecord {
            tid: t.tid,
            kind: match t.kind {
                Kind::Advanced => TeamKind::Advanced,
                Kind::Super => TeamKind::Super,
            },
            name: t.info.name.clone(),
            announcement: t.info.announcement.clone(),
            intro: t.info.intro.clone(),
            icon: t.info.icon.clone(),
            custom: t.info.custom.clone(),
            client_custom: t.info.client_custom.clone(),
            owner: t.owner.clone(),
            members,
            limit: t.limit,
            mute_type: t.mute.number(),
            pending_invitations: t.invites.keys().cloned().collect(),
            modes: [
                m.join,
                m.be_invite,
                m.invite,
                m.update_info,
                m.update_custom,
            ],
        }
    }
}
