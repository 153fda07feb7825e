//! The team store, shared by v1 `team/*` and `superteam/*` and the v2 `team` and
//! `team_member` families: a team made through one protocol is the team the other queries,
//! and team messages of both protocols ask it who may speak.
//!
//! # Rules
//!
//! - **Kinds.** Advanced teams and super teams share one id space; an action of one kind
//!   (v1 path prefix, v2 `team_type`) does not see a team of the other ("type mismatch").
//! - **Roles.** One owner, managers, ordinary members. The owner and managers invite (or
//!   everyone, with invite mode 1), kick, mute members and edit the team (or everyone, with
//!   the update modes 1). A manager cannot kick, mute or demote the owner or another
//!   manager. Only the owner adds or removes managers, transfers the team or dismisses it.
//!   In a super team only the owner changes the member limit (its level) or the whole-team
//!   mute (legacy docs and the Java SDK's Javadoc name the owner), through either protocol.
//!   The owner cannot leave; it transfers first (with or without leaving).
//!   Where the docs name only the owner as the caller (v1 `team/update`, `team/muteTlist`,
//!   `team/muteTlistAll`; the Java SDK's Javadoc for v2 mutes in advanced teams), the
//!   emulator lets managers too, as the newer docs do for updates when the app enables it
//!   and as the client SDKs do: a server that keeps to the owner answers 802 / 109427
//!   there, which the emulator does not reproduce.
//! - **Invitations.** With agree mode 0 (v1 `beinvitemode`, v2 `agree_mode`) an invitee
//!   must accept: the invitation waits (see
//!   [`Emulator::answer_team_invitation`](crate::Emulator::answer_team_invitation)) and the
//!   account is not a member until then. With mode 1, invitees join at once. v1
//!   `team/create` and `team/add` also need the call's `magree=1` for the invitation to
//!   wait (the newer docs: `magree` works together with `beinvitemode` 0); super team and
//!   v2 invitations follow the team's mode alone.
//! - **Limits.** `limit` members, the owner included; an invite that would overflow it
//!   changes nothing. At most [`MANAGERS_MAX`] managers in an advanced team and
//!   [`SUPER_MANAGERS_MAX`] in a super team. An account may be in at most
//!   [`Teams::set_team_count_limit`] teams (unlimited unless a test sets it); an invitee
//!   over it is listed as failed and the rest go on.
//! - **Mutes.** A member muted alone, or the whole team muted ([`TeamMute`]): 1 mutes the
//!   ordinary members, 3 everyone. Team messages of a muted sender are refused.
//!
//! # Codes
//!
//! v1: DOC-CODES (801-815). v2: the v2 client SDK's code map, in which only 108404 is also on
//! a server page; which operation answers which code is not documented, so these are the
//! emulator's reading of the code names.
//!
//! | refusal | v1 | v2 |
//! |---|---|---|
//! | team not found | 803 | 108404 |
//! | the other kind | 805 | 108302 |
//! | not a member | 804 | 109404 |
//! | already a member | 809 | 109311 |
//! | team full | 801 | 108419 (no documented code: the emulator's choice) |
//! | too many managers | 815 | 108303 |
//! | an account in too many teams | 806 (create) / listed in `faccid` | 108305 / `failed_list` |
//! | only the owner may (managers, transfer, dismiss; a super team's level and whole-team mute) | 802 | 109427 |
//! | only the owner or a manager may (kick, update, mute) | 802 | 109432 |
//! | no permission to invite | 802 | 109306 |
//! | a manager acting on a manager | 802 | 109305 |
//! | the owner kicked / muted / edited | 802 | 109308 / 109304 / 109314 |
//! | the owner leaving | 802 | 109307 |
//! | kicking or muting oneself | 414 | 109310 / 109303 |
//! | the owner made a manager | 414 | 108430 |
//! | transfer to the owner | 414 | 108310 |
//! | no such invitation | 414 | 109313 |
//! | muted sender: alone / ordinary members / everyone | 812 | 109424 / 108306 / 108423 |

mod error;
mod model;
mod receipts;
mod record;
mod speak;
mod team_v1_ops;

use std::collections::BTreeMap;

pub(crate) use error::TeamError;
use error::v2;
pub(crate) use model::{Info, Invite, Kind, ModeChanges, Modes, Role, Team, TeamMute};
pub(crate) use receipts::{mark_read, read_state};
pub(crate) use speak::SpeakChecks;

use model::Member;
pub use record::{TeamKind, TeamMemberRecord, TeamRecord, TeamRole};

/// The member limit of a team made without one, of either kind and through either protocol:
/// 200, the documented default (v1 team docs; the legacy super team docs: "[2, 200
/// (default)]"). There is no upper bound: the real cap is the app's console setting, which
/// the emulator does not have, so any limit of at least 2 is taken.
pub(crate) const DEFAULT_MEMBER_LIMIT: usize = 200;
/// The most managers an advanced team may have.
pub(crate) const MANAGERS_MAX: usize = 10;
/// The most managers a super team may have.
pub(crate) const SUPER_MANAGERS_MAX: usize = 100;
/// The first team id handed out.
const FIRST_TID: u64 = 6_000_000_001;

/// The team store's place in the registry (`shared::<Teams>()`).
#[derive(Debug)]
pub(crate) struct Teams {
    teams: BTreeMap<u64, Team>,
    next_tid: u64,
    /// How many teams one account may be in.
    team_count_limit: usize,
}

impl Default for Teams {
    fn default() -> Self {
        Teams {
            teams: BTreeMap::new(),
            next_tid: FIRST_TID,
            team_count_limit: usize::MAX,
        }
    }
}

/// What a new team is made of.
#[derive(Debug, Clone)]
pub(crate) struct NewTeam {
    pub(crate) kind: Kind,
    pub(crate) owner: String,
    pub(crate) info: Info,
    pub(crate) modes: Modes,
    pub(crate) limit: usize,
    pub(crate) mute: TeamMute,
    pub(crate) notify_close_online: bool,
    pub(crate) notify_close_persistent: bool,
}

/// What an invitation did: who joined, who now has to accept, who could not be invited (in
/// too many teams).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Invited {
    pub(crate) joined: Vec<String>,
    pub(crate) pending: Vec<String>,
    pub(crate) failed: Vec<String>,
}

/// The changes an update makes to a team.
#[derive(Debug, Clone, Default)]
pub(crate) struct TeamChanges {
    pub(crate) info: Info,
    pub(crate) modes: ModeChanges,
    pub(crate) limit: Option<usize>,
    pub(crate) mute: Option<TeamMute>,
}

/// The changes an update makes to one member.
#[derive(Debug, Clone, Default)]
pub(crate) struct MemberChanges {
    /// `Some("")` clears the nickname.
    pub(crate) nick: Option<String>,
    /// `Some("")` clears the extension.
    pub(crate) ext: Option<String>,
    pub(crate) muted: Option<bool>,
    pub(crate) notify_state: Option<u8>,
}

impl Teams {
    /// Team `tid` of `kind`.
    pub(crate) fn get(&self, tid: u64, kind: Kind) -> Result<&Team, TeamError> {
        let team = self.teams.get(&tid).ok_or(TeamError::NotFound { tid })?;
        if team.kind != kind {
            return Err(TeamError::WrongKind {
                tid,
                kind: team.kind,
            });
        }
        Ok(team)
    }

    fn get_mut(&mut self, tid: u64, kind: Kind) -> Result<&mut Team, TeamError> {
        self.get(tid, kind)?;
        self.teams.get_mut(&tid).ok_or(TeamError::NotFound { tid })
    }

    /// Team `tid`, of either kind.
    pub(crate) fn any(&self, tid: u64) -> Option<&Team> {
        self.teams.get(&tid)
    }

    /// Every team, ordered by id.
    pub(crate) fn all(&self) -> impl Iterator<Item = &Team> {
        self.teams.values()
    }

    /// The teams of `kind` that `accid` is a member of, ordered by id.
    pub(crate) fn joined(&self, accid: &str, kind: Kind) -> Vec<&Team> {
        self.teams
            .values()
            .filter(|t| t.kind == kind && t.members.contains_key(accid))
            .collect()
    }

    /// How many teams (of both kinds) `accid` is in.
    fn team_count(&self, accid: &str) -> usize {
        self.teams
            .values()
            .filter(|t| t.members.contains_key(accid))
            .count()
    }

    /// For tests: how many teams one account may be in.
    pub(crate) fn set_team_count_limit(&mut self, limit: usize) {
        self.team_count_limit = limit;
    }

    /// Creates a team owned by `new.owner` and invites `invitees` (`consent`: they must
    /// accept). Answers the new id and what the invitation did.
    pub(crate) fn create(
        &mut self,
        new: NewTeam,
        invitees: &[String],
        consent: bool,
        message: Option<String>,
        now: u64,
    ) -> Result<(u64, Invited), TeamError> {
        let limit = self.team_count_limit;
        if self.team_count(&new.owner) >= limit {
            return Err(TeamError::TeamCount {
                accid: new.owner,
                limit,
            });
        }
        let tid = self.next_tid;
        if !consent && distinct(invitees) + 1 > new.limit {
            return Err(TeamError::Full {
                tid,
                limit: new.limit,
            });
        }
        let mut members = BTreeMap::new();
        members.insert(new.owner.clone(), Member::new(Role::Owner, None, now));
        let team = Team {
            tid,
            kind: new.kind,
            info: new.info,
            owner: new.owner.clone(),
            members,
            limit: new.limit,
            modes: new.modes,
            mute: new.mute,
            invites: BTreeMap::new(),
            notify_close_online: new.notify_close_online,
            notify_close_persistent: new.notify_close_persistent,
            create_time: now,
            update_time: now,
        };
        self.next_tid += 1;
        self.teams.insert(tid, team);
        let invited = self.place(tid, &new.owner, invitees, consent, message, now);
        Ok((tid, invited))
    }

    /// `operator` invites `invitees` into `tid` (`consent`: they must accept). Refused as a
    /// whole when the operator may not invite, an invitee is a member already, or the team
    /// would overflow.
    pub(crate) fn invite(
        &mut self,
        (tid, kind): (u64, Kind),
        operator: &str,
        invitees: &[String],
        consent: bool,
        message: Option<String>,
        now: u64,
    ) -> Result<Invited, TeamError> {
        let team = self.get(tid, kind)?;
        let role = member_role(team, operator)?;
        if team.modes.invite == 0 && !role.manages() {
            return Err(no_permission(
                operator,
                "invite members",
                v2::NO_INVITE_PERMISSION,
            ));
        }
        if let Some(a) = invitees.iter().find(|a| team.members.contains_key(*a)) {
            return Err(TeamError::AlreadyMember {
                tid,
                accid: a.clone(),
            });
        }
        // Invitations waiting for consent take no seat until accepted.
        if !consent && team.members.len() + distinct(invitees) > team.limit {
            return Err(TeamError::Full {
                tid,
                limit: team.limit,
            });
        }
        Ok(self.place(tid, operator, invitees, consent, message, now))
    }

    /// Adds `invitees` to `tid` or records their invitations: the part of create and invite
    /// past the checks.
    fn place(
        &mut self,
        tid: u64,
        inviter: &str,
        invitees: &[String],
        consent: bool,
        message: Option<String>,
        now: u64,
    ) -> Invited {
        let mut out = Invited::default();
        let counts: Vec<usize> = invitees.iter().map(|a| self.team_count(a)).collect();
        let limit = self.team_count_limit;
        let Some(team) = self.teams.get_mut(&tid) else {
            return out;
        };
        for (accid, count) in invitees.iter().zip(counts) {
            if team.members.contains_key(accid) || out.joined.contains(accid) {
                continue;
            }
            if count >= limit {
                out.failed.push(accid.clone());
            } else if consent {
                let invite = Invite {
                    inviter: inviter.to_owned(),
                    message: message.clone(),
                    time: now,
                };
                team.invites.insert(accid.clone(), invite);
                out.pending.push(accid.clone());
            } else {
                let member = Member::new(Role::Member, Some(inviter.to_owned()), now);
                team.members.insert(accid.clone(), member);
                team.invites.remove(accid);
                out.joined.push(accid.clone());
            }
        }
        if !out.joined.is_empty() {
            team.update_time = now;
        }
        out
    }

    /// `accid` accepts its invitation into `tid`: it joins (if there is room).
    pub(crate) fn accept_invite(
        &mut self,
        tid: u64,
        accid: &str,
        now: u64,
    ) -> Result<(), TeamError> {
        let team = self
            .teams
            .get_mut(&tid)
            .ok_or(TeamError::NotFound { tid })?;
        let Some(invite) = team.invites.get(accid) else {
            return Err(no_invitation(tid, accid));
        };
        if team.members.len() >= team.limit {
            return Err(TeamError::Full {
                tid,
                limit: team.limit,
            });
        }
        let member = Member::new(Role::Member, Some(invite.inviter.clone()), now);
        team.members.insert(accid.to_owned(), member);
        team.invites.remove(accid);
        team.update_time = now;
        Ok(())
    }

    /// `accid` declines its invitation into `tid`.
    pub(crate) fn decline_invite(&mut self, tid: u64, accid: &str) -> Result<(), TeamError> {
        let team = self
            .teams
            .get_mut(&tid)
            .ok_or(TeamError::NotFound { tid })?;
        team.invites
            .remove(accid)
            .map(drop)
            .ok_or_else(|| no_invitation(tid, accid))
    }

    /// `operator` removes `targets` from `tid`: the owner removes anyone but itself, a
    /// manager only ordinary members. Refused as a whole if one target may not go.
    pub(crate) fn kick(
        &mut self,
        (tid, kind): (u64, Kind),
        operator: &str,
        targets: &[String],
        now: u64,
    ) -> Result<(), TeamError> {
        let team = self.get(tid, kind)?;
        let role = member_role(team, operator)?;
        if !role.manages() {
            return Err(no_permission(
                operator,
                "remove members",
                v2::MANAGER_REQUIRED,
            ));
        }
        for target in targets {
            let target_role = member_role(team, target)?;
            if target == operator {
                return Err(TeamError::Refused {
                    v2: v2::KICK_SELF,
                    desc: format!("{operator} cannot remove itself: leave instead"),
                });
            }
            if target_role == Role::Owner {
                return Err(no_permission(operator, "remove the owner", v2::KICK_OWNER));
            }
            if target_role == Role::Manager && role != Role::Owner {
                return Err(no_permission(operator, "remove a manager", v2::ON_MANAGER));
            }
        }
        let team = self.get_mut(tid, kind)?;
        for target in targets {
            team.members.remove(target);
        }
        team.update_time = now;
        Ok(())
    }

    /// `accid` leaves `tid`; the owner cannot.
    pub(crate) fn leave(
        &mut self,
        (tid, kind): (u64, Kind),
        accid: &str,
        now: u64,
    ) -> Result<(), TeamError> {
        let team = self.get_mut(tid, kind)?;
        if member_role(team, accid)? == Role::Owner {
            return Err(no_permission(
                accid,
                "leave a team it owns (transfer it first)",
                v2::OWNER_CANNOT_LEAVE,
            ));
        }
        team.members.remove(accid);
        team.update_time = now;
        Ok(())
    }

    /// `operator` (the owner) dismisses `tid`.
    pub(crate) fn dismiss(
        &mut self,
        (tid, kind): (u64, Kind),
        operator: &str,
    ) -> Result<(), TeamError> {
        let team = self.get(tid, kind)?;
        owner_only(team, operator, "dismiss the team")?;
        self.teams.remove(&tid);
        Ok(())
    }

    /// `operator` (the owner) makes `targets`, members all, managers (`promote`) or ordinary
    /// members again.
    pub(crate) fn set_managers(
        &mut self,
        (tid, kind): (u64, Kind),
        operator: &str,
        targets: &[String],
        promote: bool,
        now: u64,
    ) -> Result<(), TeamError> {
        let team = self.get(tid, kind)?;
        owner_only(team, operator, "change managers")?;
        for target in targets {
            if member_role(team, target)? == Role::Owner {
                return Err(TeamError::Refused {
                    v2: v2::OWNER_AS_MANAGER,
                    desc: format!("{target} is the owner, not a manager or ordinary member"),
                });
            }
        }
        if promote {
            let mut managers = team.managers();
            managers.extend(targets.iter().cloned());
            managers.sort();
            managers.dedup();
            let limit = match kind {
                Kind::Advanced => MANAGERS_MAX,
                Kind::Super => SUPER_MANAGERS_MAX,
            };
            if managers.len() > limit {
                return Err(TeamError::ManagersFull { tid, limit });
            }
        }
        let team = self.get_mut(tid, kind)?;
        let role = if promote { Role::Manager } else { Role::Member };
        for target in targets {
            if let Some(m) = team.members.get_mut(target) {
                m.role = role;
                m.update_time = now;
            }
        }
        team.update_time = now;
        Ok(())
    }

    /// `operator` (the owner) hands `tid` to `new_owner`, a member, and leaves (`leave`) or
    /// stays as an ordinary member.
    pub(crate) fn transfer(
        &mut self,
        (tid, kind): (u64, Kind),
        operator: &str,
        new_owner: &str,
        leave: bool,
        now: u64,
    ) -> Result<(), TeamError> {
        let team = self.get(tid, kind)?;
        owner_only(team, operator, "transfer the team")?;
        member_role(team, new_owner)?;
        if new_owner == operator {
            return Err(TeamError::Refused {
                v2: v2::TRANSFER_TO_OWNER,
                desc: format!("{new_owner} owns team {tid} already"),
            });
        }
        let team = self.get_mut(tid, kind)?;
        if leave {
            team.members.remove(operator);
        } else if let Some(m) = team.members.get_mut(operator) {
            m.role = Role::Member;
            m.update_time = now;
        }
        if let Some(m) = team.members.get_mut(new_owner) {
            m.role = Role::Owner;
            m.muted = false;
            m.update_time = now;
        }
        team.owner = new_owner.to_owned();
        team.update_time = now;
        Ok(())
    }

    /// `operator` changes `tid`: texts and the member limit need a manager unless update
    /// mode 1 lets every member; `custom` likewise with its own mode; the modes and the
    /// whole-team mute always need a manager. In a super team the member limit and the
    /// whole-team mute need the owner.
    pub(crate) fn update(
        &mut self,
        (tid, kind): (u64, Kind),
        operator: &str,
        changes: TeamChanges,
        now: u64,
    ) -> Result<(), TeamError> {
        let team = self.get(tid, kind)?;
        let role = member_role(team, operator)?;
        if kind == Kind::Super && (changes.limit.is_some() || changes.mute.is_some()) {
            owner_only(
                team,
                operator,
                "change a super team's member limit or whole-team mute",
            )?;
        }
        let i = &changes.info;
        let texts = [
            &i.name,
            &i.icon,
            &i.announcement,
            &i.intro,
            &i.client_custom,
        ];
        let touches_texts = texts.iter().any(|t| t.is_some()) || changes.limit.is_some();
        if touches_texts && team.modes.update_info == 0 && !role.manages() {
            return Err(no_permission(
                operator,
                "edit the team's information",
                v2::MANAGER_REQUIRED,
            ));
        }
        if i.custom.is_some() && team.modes.update_custom == 0 && !role.manages() {
            return Err(no_permission(
                operator,
                "edit the team's extension",
                v2::MANAGER_REQUIRED,
            ));
        }
        let m = &changes.modes;
        let modes = [
            m.join,
            m.be_invite,
            m.invite,
            m.update_info,
            m.update_custom,
        ];
        let touches_modes = modes.iter().any(Option::is_some) || changes.mute.is_some();
        if touches_modes && !role.manages() {
            return Err(no_permission(
                operator,
                "change the team's modes",
                v2::MANAGER_REQUIRED,
            ));
        }
        if let Some(limit) = changes.limit
            && limit < team.members.len()
        {
            return Err(TeamError::Refused {
                v2: 414,
                desc: format!(
                    "the member limit {limit} is below the {} members team {tid} has",
                    team.members.len()
                ),
            });
        }
        let team = self.get_mut(tid, kind)?;
        team.info.apply(changes.info);
        team.modes.apply(changes.modes);
        if let Some(limit) = changes.limit {
            team.limit = limit;
        }
        if let Some(mute) = changes.mute {
            team.mute = mute;
        }
        team.update_time = now;
        Ok(())
    }

    /// `operator` sets the whole-team mute of `tid`.
    pub(crate) fn mute_team(
        &mut self,
        team: (u64, Kind),
        operator: &str,
        mute: TeamMute,
        now: u64,
    ) -> Result<(), TeamError> {
        let changes = TeamChanges {
            mute: Some(mute),
            ..TeamChanges::default()
        };
        self.update(team, operator, changes, now)
    }

    /// `operator` changes member `target` of `tid`: a member changes its own nickname,
    /// extension and notify state; a manager also those of ordinary members, the owner
    /// anyone's; muting needs a manager (the owner for a manager) and the owner is never
    /// muted.
    pub(crate) fn update_member(
        &mut self,
        (tid, kind): (u64, Kind),
        operator: &str,
        target: &str,
        changes: MemberChanges,
        now: u64,
    ) -> Result<(), TeamError> {
        check_member_change(self.get(tid, kind)?, operator, target, &changes)?;
        let team = self.get_mut(tid, kind)?;
        if let Some(m) = team.members.get_mut(target) {
            apply_member_change(m, changes, now);
        }
        Ok(())
    }

    /// `operator` mutes (or unmutes) every one of `targets` in `tid`: refused as a whole if
    /// one may not be.
    pub(crate) fn mute_members(
        &mut self,
        (tid, kind): (u64, Kind),
        operator: &str,
        targets: &[String],
        muted: bool,
        now: u64,
    ) -> Result<(), TeamError> {
        let changes = MemberChanges {
            muted: Some(muted),
            ..MemberChanges::default()
        };
        let team = self.get(tid, kind)?;
        for target in targets {
            check_member_change(team, operator, target, &changes)?;
        }
        let team = self.get_mut(tid, kind)?;
        for target in targets {
            if let Some(m) = team.members.get_mut(target) {
                apply_member_change(m, changes.clone(), now);
            }
        }
        Ok(())
    }
}

/// Whether `operator` may make `changes` to member `target` of `team`: a member changes its
/// own nickname, extension and notify state; a manager also those of ordinary members, the
/// owner anyone's; muting needs a manager (the owner for a manager), and the owner is never
/// muted.
fn check_member_change(
    team: &Team,
    operator: &str,
    target: &str,
    changes: &MemberChanges,
) -> Result<(), TeamError> {
    let role = member_role(team, operator)?;
    let target_role = member_role(team, target)?;
    let outranks = role == Role::Owner || (role == Role::Manager && target_role == Role::Member);
    let edits = changes.nick.is_some() || changes.ext.is_some() || changes.notify_state.is_some();
    if edits && operator != target && !outranks {
        let v2 = match target_role {
            Role::Owner => v2::ON_OWNER,
            Role::Manager if role == Role::Manager => v2::ON_MANAGER,
            _ => v2::MANAGER_REQUIRED,
        };
        return Err(no_permission(operator, "edit another member", v2));
    }
    if changes.muted.is_some() {
        if target_role == Role::Owner {
            return Err(no_permission(operator, "mute the owner", v2::MUTE_OWNER));
        }
        if operator == target {
            return Err(TeamError::Refused {
                v2: v2::MUTE_SELF,
                desc: format!("{operator} cannot mute itself"),
            });
        }
        if !outranks {
            let v2 = if role == Role::Manager {
                v2::ON_MANAGER
            } else {
                v2::MANAGER_REQUIRED
            };
            return Err(no_permission(operator, "mute this member", v2));
        }
    }
    Ok(())
}

/// Writes `changes` on `member`; an empty text becomes unset.
fn apply_member_change(member: &mut Member, changes: MemberChanges, now: u64) {
    for (slot, value) in [
        (&mut member.nick, changes.nick),
        (&mut member.ext, changes.ext),
    ] {
        if let Some(value) = value {
            *slot = (!value.is_empty()).then_some(value);
        }
    }
    if let Some(muted) = changes.muted {
        member.muted = muted;
    }
    if let Some(state) = changes.notify_state {
        member.notify_state = state;
    }
    member.update_time = now;
}

/// How many different accounts `accounts` names.
fn distinct(accounts: &[String]) -> usize {
    let mut sorted: Vec<&String> = accounts.iter().collect();
    sorted.sort();
    sorted.dedup();
    sorted.len()
}

/// The role of `accid` in `team`, or "not a member".
fn member_role(team: &Team, accid: &str) -> Result<Role, TeamError> {
    team.role(accid).ok_or_else(|| TeamError::NotMember {
        tid: team.tid,
        accid: accid.to_owned(),
    })
}

/// Refuses unless `operator` owns `team`.
fn owner_only(team: &Team, operator: &str, what: &'static str) -> Result<(), TeamError> {
    if member_role(team, operator)? == Role::Owner {
        Ok(())
    } else {
        Err(no_permission(operator, what, v2::OWNER_REQUIRED))
    }
}

/// `operator` may not do `what`; `v2` is the precise v2 code.
fn no_permission(operator: &str, what: &'static str, v2: u32) -> TeamError {
    TeamError::NoPermission {
        operator: operator.to_owned(),
        what,
        v2,
    }
}

/// `accid` has no pending invitation to `tid`.
fn no_invitation(tid: u64, accid: &str) -> TeamError {
    TeamError::Refused {
        v2: v2::NO_INVITATION,
        desc: format!("{accid} has no pending invitation to team {tid}"),
    }
}

/// The member accounts of team `tid` (either kind), or `None` if there is no such team.
pub(crate) fn team_members(teams: &Teams, tid: &str) -> Option<Vec<String>> {
    let tid = tid.parse().ok()?;
    teams.any(tid).map(|t| t.members.keys().cloned().collect())
}

#[cfg(test)]
mod tests;
