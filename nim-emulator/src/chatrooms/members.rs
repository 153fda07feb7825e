//! Members of a room: entering and leaving (what the client SDK does; the emulator's admin
//! route stands in for it). The rules are the [store's](super).

use super::model::{Connection, DelayPolicy, Member, Role};
use super::{ChatroomError, Chatrooms};
use crate::accounts::Accounts;
use crate::params::check_accid;
use crate::reply::ApiError;

/// The account a client enters with, checked as both the admin route and
/// [`Emulator::enter_chatroom`](crate::Emulator::enter_chatroom) check it: an account id (at
/// most 32 characters of its alphabet), registered unless `anonymous`. Answers it
/// lowercased; 414 otherwise (`accid <id> not register` for an unknown account).
pub(crate) fn entrant(
    accounts: &Accounts,
    accid: &str,
    anonymous: bool,
) -> Result<String, ApiError> {
    check_accid("accid", accid)?;
    let accid = accid.to_ascii_lowercase();
    if !anonymous && !accounts.contains(&accid) {
        return Err(ApiError::param(format!("accid {accid} not register")));
    }
    Ok(accid)
}

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
        let stamp = room.entry_stamp(now);
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
            enter_time: stamp,
        });
        member.last_enter = Some(stamp);
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
            member.session = None;
            let kept = member.stays();
            room.queue
                .elements
                .retain(|e| !(e.transient && e.owner == accid));
            if !kept {
                room.members.remove(accid);
            }
            if room.valid && room.delay.policy == DelayPolicy::Idle && room.online_count() == 0 {
                let secs = room.delay.seconds.saturating_mul(1000);
                room.delay.start = now;
                room.delay.deadline = Some(now.saturating_add(secs));
            }
        }
        Ok(())
    }
}
