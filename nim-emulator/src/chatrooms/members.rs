//! Members of a room: entering and leaving (what the client SDK does; the emulator's admin
//! route stands in for it), roles, bans, and who may speak. The rules are the
//! [store's](super).

use super::model::{Connection, DelayPolicy, Member, Role, Room};
use super::{ChatroomError, Chatrooms, FIXED_MAX, TEMP_MUTE_MAX_SECS};

/// A client entering a room.
#[derive(Debug, Clone, Default)]
pub(crate) struct Entry {
    /// The client type it reports.
    pub(crate) client_type: u8,
    /// Its tags (`None` keeps the member's).
    pub(crate) tags: Option<Vec<String>>,
    /// Its nickname, avatar and extension in the room (`None` keeps the member's).
    pub(crate) nick: Option<String>,
    pub(crate) avatar: Option<String>,
    pub(crate) ext: Option<String>,
    /// Not a registered account: an anonymous guest.
    pub(crate) anonymous: bool,
}

/// What v1 `setMemberRole` `opt` changes (v2 has one operation for each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(
    dead_code,
    reason = "set by setMemberRole, served in the next step of issue 17"
)]
pub(crate) enum RoleChange {
    /// `opt=1`: manager (the creator only).
    Manager,
    /// `opt=2`: normal fixed member.
    Normal,
    /// `opt=-1`: the blacklist.
    Blacklist,
    /// `opt=-2`: the permanent chat ban.
    ChatBan,
}

impl Chatrooms {
    /// `accid` enters open room `id` with one more connection: a guest (or anonymous
    /// guest) unless it is a member already. 13002 when closed, 13003 when blacklisted.
    pub(crate) fn enter(
        &mut self,
        id: u64,
        accid: &str,
        entry: Entry,
        now: u64,
    ) -> Result<(), ChatroomError> {
        let room = self.get_mut(id)?;
        if !room.valid {
            return Err(ChatroomError::Closed { room: id });
        }
        if room.members.get(accid).is_some_and(|m| m.blocked) {
            return Err(ChatroomError::Blocked {
                room: id,
                accid: accid.to_owned(),
            });
        }
        let role = if entry.anonymous {
            Role::Anonymous
        } else {
            Role::Guest
        };
        let member = room
            .members
            .entry(accid.to_owned())
            .or_insert_with(|| Member::new(role));
        for (field, value) in [
            (&mut member.nick, entry.nick),
            (&mut member.avatar, entry.avatar),
            (&mut member.ext, entry.ext),
        ] {
            if value.is_some() {
                *field = value;
            }
        }
        if let Some(tags) = entry.tags {
            member.tags = tags;
        }
        member.connections.push(Connection {
            client_type: entry.client_type,
            enter_time: now,
        });
        if room.delay.policy == DelayPolicy::Idle {
            room.delay.deadline = None;
        }
        Ok(())
    }

    /// `accid`'s connections of `client_type` (`None`: all) leave room `id`. With its last
    /// connection its transient queue elements go, and a guest leaves the room; when the
    /// room is then empty, a policy-2 countdown starts. 404 when it has no such connection.
    pub(crate) fn leave(
        &mut self,
        id: u64,
        accid: &str,
        client_type: Option<u8>,
        now: u64,
    ) -> Result<(), ChatroomError> {
        let room = self.get_mut(id)?;
        let not_in = || ChatroomError::NotMember {
            room: id,
            accid: accid.to_owned(),
        };
        let member = room.members.get_mut(accid).ok_or_else(not_in)?;
        let before = member.connections.len();
        match client_type {
            Some(t) => member.connections.retain(|c| c.client_type != t),
            None => member.connections.clear(),
        }
        if member.connections.len() == before {
            return Err(not_in());
        }
        if !member.online() {
            let kept = member.kept_offline();
            room.queue
                .elements
                .retain(|e| !(e.transient && e.owner == accid));
            if !kept {
                room.members.remove(accid);
            }
            if room.valid && room.delay.policy == DelayPolicy::Idle && room.online_count() == 0 {
                let secs = room.delay.seconds.saturating_mul(1000);
                room.delay.deadline = Some(now.saturating_add(secs));
            }
        }
        Ok(())
    }

    /// `operator` sets (`on`) or unsets `change` for `target` in room `id`; answers the
    /// target's record afterwards.
    #[allow(
        dead_code,
        reason = "used by setMemberRole, served in the next step of issue 17"
    )]
    pub(crate) fn set_role(
        &mut self,
        id: u64,
        operator: &str,
        target: &str,
        change: RoleChange,
        on: bool,
    ) -> Result<Member, ChatroomError> {
        let room = self.get_mut(id)?;
        let op_role = acting_role(room, operator, target)?;
        if change == RoleChange::Manager && op_role != Role::Creator {
            return Err(no_permission(
                operator,
                "appoint or remove managers (only the creator may)",
            ));
        }
        let mut member = room
            .members
            .get(target)
            .cloned()
            .unwrap_or_else(|| Member::new(Role::Guest));
        if matches!(member.role, Role::Anonymous | Role::Virtual) {
            return Err(ChatroomError::Refused {
                desc: format!("{target} is an anonymous or virtual member: its role is fixed"),
            });
        }
        let was_kept = member.kept_offline();
        match (change, on) {
            (RoleChange::Manager, true) => member.role = Role::Manager,
            (RoleChange::Normal, true) => member.role = Role::Normal,
            (RoleChange::Manager, false) if member.role == Role::Manager => {
                member.role = Role::Guest;
            }
            (RoleChange::Normal, false) if member.role == Role::Normal => {
                member.role = Role::Guest;
            }
            (RoleChange::Manager | RoleChange::Normal, false) => {}
            (RoleChange::Blacklist, on) => {
                member.blocked = on;
                if on {
                    member.connections.clear();
                }
            }
            (RoleChange::ChatBan, on) => member.chat_banned = on,
        }
        if !was_kept && member.kept_offline() && kept_count(room) >= FIXED_MAX {
            return Err(ChatroomError::FixedFull {
                room: id,
                limit: FIXED_MAX,
            });
        }
        if member.online() || member.kept_offline() {
            room.members.insert(target.to_owned(), member.clone());
        } else {
            room.members.remove(target);
        }
        Ok(member)
    }

    /// `operator` bans member `target` of room `id` from speaking for `seconds` (0 lifts the
    /// ban; a new ban replaces the expiry). Answers the expiry (Unix ms), if any.
    #[allow(
        dead_code,
        reason = "used by temporaryMute, served in the next step of issue 17"
    )]
    pub(crate) fn temp_mute(
        &mut self,
        id: u64,
        operator: &str,
        target: &str,
        seconds: u64,
        now: u64,
    ) -> Result<Option<u64>, ChatroomError> {
        if seconds > TEMP_MUTE_MAX_SECS {
            return Err(ChatroomError::Refused {
                desc: format!("muteDuration must be at most {TEMP_MUTE_MAX_SECS}, not {seconds}"),
            });
        }
        let room = self.get_mut(id)?;
        acting_role(room, operator, target)?;
        let member = room
            .members
            .get_mut(target)
            .ok_or_else(|| ChatroomError::NotMember {
                room: id,
                accid: target.to_owned(),
            })?;
        let until = (seconds > 0).then(|| now.saturating_add(seconds.saturating_mul(1000)));
        member.temp_mute_until = until;
        Ok(until)
    }

    /// Whether `accid` may send a message in room `id` now: 13002 when the room is closed,
    /// 13003 when blacklisted, 13004 when banned (permanently, temporarily, or by the
    /// room-wide mute, which spares the creator and managers).
    #[allow(
        dead_code,
        reason = "asked by the message actions, the next step of issue 17"
    )]
    pub(crate) fn check_speaker(
        &self,
        id: u64,
        accid: &str,
        now: u64,
    ) -> Result<(), ChatroomError> {
        let room = self.get(id)?;
        if !room.valid {
            return Err(ChatroomError::Closed { room: id });
        }
        let member = room.members.get(accid);
        let muted = |why| ChatroomError::Muted {
            room: id,
            accid: accid.to_owned(),
            why,
        };
        if member.is_some_and(|m| m.blocked) {
            return Err(ChatroomError::Blocked {
                room: id,
                accid: accid.to_owned(),
            });
        }
        if member.is_some_and(|m| m.chat_banned) {
            return Err(muted("permanently banned"));
        }
        if member
            .and_then(|m| m.temp_mute_until)
            .is_some_and(|t| t > now)
        {
            return Err(muted("temporarily banned"));
        }
        if room.muted && !member.is_some_and(|m| m.role.manages()) {
            return Err(muted("the room is muted"));
        }
        Ok(())
    }
}

/// The role `operator` acts with on `target`: the creator or a manager, never on the
/// creator, a manager never on another manager (403 each).
fn acting_role(room: &Room, operator: &str, target: &str) -> Result<Role, ChatroomError> {
    let role = room
        .members
        .get(operator)
        .map(|m| m.role)
        .filter(|r| r.manages())
        .ok_or_else(|| no_permission(operator, "manage members (creator or managers only)"))?;
    if target == room.creator {
        return Err(no_permission(operator, "act on the creator"));
    }
    let target_role = room.members.get(target).map(|m| m.role);
    if role == Role::Manager && target_role == Some(Role::Manager) {
        return Err(no_permission(operator, "act on another manager"));
    }
    Ok(role)
}

/// How many members count against [`FIXED_MAX`]: fixed roles and kept guests (v1
/// `LIMITED`: the Java SDK counts them among the fixed members).
fn kept_count(room: &Room) -> usize {
    room.members.values().filter(|m| m.kept_offline()).count()
}

fn no_permission(operator: &str, what: &'static str) -> ChatroomError {
    ChatroomError::NoPermission {
        operator: operator.to_owned(),
        what,
    }
}
