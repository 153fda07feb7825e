//! Member roles (v1 `setMemberRole` opt 1 and 2, v2 `setMemberRole`): who may appoint whom,
//! and how a member becomes fixed or goes back to being a guest.
//!
//! # Rules
//!
//! - **Roles set.** Manager, normal (fixed) member and guest. The creator's role is never
//!   changed, and anonymous guests and virtual members get no role: 414 (the v2 client rules:
//!   "not supported, parameter error").
//! - **Who.** The creator appoints and removes managers; the creator or a manager makes a
//!   guest a normal member or a normal member a guest. A manager never acts on the creator
//!   or another manager (403). An operator that is neither creator nor manager is 403. No
//!   operator (v2 leaves it optional) acts with the app's authority.
//! - **Fixed members.** A target with no record (offline, never entered) becomes a fixed
//!   member at once. A room holds at most [`FIXED_MAX`] fixed members, the blacklisted and
//!   chat-banned (v1 `LIMITED`) included: one more is 419 (the generic "over limit"; no page
//!   names the code).
//! - **Back to guest.** A member made a guest stays while online; offline it leaves the room,
//!   unless it is blacklisted or chat-banned (then it stays, v1 `LIMITED`) or carries a
//!   temporary chat ban (then its record stays, not a fixed member). Setting the role
//!   a member already has changes nothing and succeeds (no source answers 417 for it).
//! - **v1 unset.** v1 `optvalue=false` unsets a role: opt 1 false makes a manager a guest,
//!   opt 2 false makes a normal member a guest; unsetting a role the member does not hold
//!   changes nothing.

use super::model::{Member, Role, Room};
use super::{ChatroomError, Chatrooms};

/// The most fixed members a room holds (creator, managers, normal members and `LIMITED`
/// ones; the Java SDK's setMemberRole Javadoc and the client guide).
pub(crate) const FIXED_MAX: usize = 1000;

/// The fixed-member profile v2 setMemberRole may set with the role; `None` keeps a value.
#[derive(Debug, Clone, Default)]
pub(crate) struct RoleProfile {
    pub(crate) nick: Option<String>,
    pub(crate) avatar: Option<String>,
    pub(crate) ext: Option<String>,
    pub(crate) level: Option<u64>,
}

impl Role {
    /// The role a v2 `member_role` number names, if any.
    pub(crate) fn from_v2(n: i64) -> Option<Role> {
        [
            Role::Normal,
            Role::Creator,
            Role::Manager,
            Role::Guest,
            Role::Anonymous,
            Role::Virtual,
        ]
        .into_iter()
        .find(|r| i64::from(r.v2()) == n)
    }
}

impl Chatrooms {
    /// Sets what `profile` sets on member `target` of room `id`, if it is one (a guest
    /// that left after [`set_role`](Self::set_role) keeps nothing), and only if it is a
    /// normal member or a manager: the profile is a fixed member's, not a guest's.
    pub(crate) fn set_profile(&mut self, id: u64, target: &str, profile: RoleProfile) {
        let Some(member) = self
            .rooms
            .get_mut(&id)
            .and_then(|r| r.members.get_mut(target))
            .filter(|m| matches!(m.role, Role::Normal | Role::Manager))
        else {
            return;
        };
        for (field, value) in [
            (&mut member.nick, profile.nick),
            (&mut member.avatar, profile.avatar),
            (&mut member.ext, profile.ext),
        ] {
            if value.is_some() {
                *field = value;
            }
        }
        if let Some(level) = profile.level {
            member.level = i64::try_from(level).unwrap_or(i64::MAX);
        }
    }

    /// `operator` (`None`: the app) gives `target` role `to` (manager, normal or guest) in
    /// room `id`. Answers the target's member record after the change, or `None` when it
    /// left the room (an offline guest).
    pub(crate) fn set_role(
        &mut self,
        id: u64,
        operator: Option<&str>,
        target: &str,
        to: Role,
    ) -> Result<Option<&Member>, ChatroomError> {
        let room = self.get_mut(id)?;
        if !matches!(to, Role::Manager | Role::Normal | Role::Guest) {
            return Err(refused(format!("role {} cannot be set", to.v2())));
        }
        let from = room.members.get(target).map(|m| m.role);
        if let Some(from @ (Role::Creator | Role::Anonymous | Role::Virtual)) = from {
            return Err(refused(format!(
                "the role of {target} ({}) cannot be changed",
                from.v1()
            )));
        }
        let creator_only = to == Role::Manager || from == Some(Role::Manager);
        check_operator(room, operator, target, creator_only)?;
        let becomes_fixed = to.fixed()
            && !room
                .members
                .get(target)
                .is_some_and(Member::counts_as_fixed);
        if becomes_fixed {
            check_room_for_one_more(room)?;
        }
        let member = room
            .members
            .entry(target.to_owned())
            .or_insert_with(|| Member::new(Role::Guest));
        member.role = to;
        if !member.stays() {
            room.members.remove(target);
        }
        Ok(room.members.get(target))
    }
}

/// 419 when the room already holds [`FIXED_MAX`] fixed members.
pub(super) fn check_room_for_one_more(room: &Room) -> Result<(), ChatroomError> {
    let fixed = room
        .members
        .values()
        .filter(|m| m.counts_as_fixed())
        .count();
    if fixed >= FIXED_MAX {
        return Err(ChatroomError::TooMany {
            desc: format!(
                "chatroom {} already has {FIXED_MAX} fixed members (limited ones included)",
                room.id
            ),
        });
    }
    Ok(())
}

/// The operator rules every role and ban change shares: `operator` (`None`: the app, which
/// may do anything) is the creator or a manager; a manager acts neither on the creator nor on
/// another manager, nor where `creator_only`; nobody acts on itself.
pub(super) fn check_operator(
    room: &Room,
    operator: Option<&str>,
    target: &str,
    creator_only: bool,
) -> Result<(), ChatroomError> {
    let Some(operator) = operator else {
        return Ok(());
    };
    let denied = |what| ChatroomError::NoPermission {
        operator: operator.to_owned(),
        what,
    };
    if operator == target {
        return Err(denied("act on itself"));
    }
    let target_role = room.members.get(target).map(|m| m.role);
    match room.members.get(operator).map(|m| m.role) {
        Some(Role::Creator) => Ok(()),
        Some(Role::Manager) if creator_only => Err(denied("do this (only the creator may)")),
        Some(Role::Manager) if target_role == Some(Role::Creator) => {
            Err(denied("act on the creator"))
        }
        Some(Role::Manager) if target_role == Some(Role::Manager) => {
            Err(denied("act on another manager"))
        }
        Some(Role::Manager) => Ok(()),
        _ => Err(denied("do this (only the creator and managers may)")),
    }
}

fn refused(desc: String) -> ChatroomError {
    ChatroomError::Refused { desc }
}
