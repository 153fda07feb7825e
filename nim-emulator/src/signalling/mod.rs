//! Signalling rooms (信令频道房间), one store shared by the v1 `signal/*` actions and the v2
//! `/im/v2/signalling_room` family: a room made through one is read, delayed and closed
//! through the other.
//!
//! # Rules
//!
//! - **Rooms.** A room has a generated channel id (32 hex digits), a name unique among open
//!   rooms (the channel id when none is given), a type (audio, video, custom), a creator,
//!   an extension, a create time and an end. The creator is not a member: members join
//!   through a client SDK, which the admin route `POST /_emulator/state/signalling_join`
//!   stands in for.
//! - **Expiry** (state clock). A room nobody is in ends 2 hours after its creation; a
//!   delay moves its end to now + 2 hours. A room with members does not end: a join moves
//!   the end to at least now + 2 hours, and so does the last member's leaving (a kick),
//!   as the signalling client page has it (the 2 hours count while nobody is in the room).
//!   A room past its end is closed: it is gone from every answer and its name is free. An
//!   invitation is pending for 90 seconds.
//! - **Limits.** At most 100 members (the client docs' default). A join or an invitation
//!   into a full room is 10419.
//! - **Who may act.** Closing, inviting and control signals need the creator or a member
//!   (10406 otherwise). Only the creator may kick (403, the generic "no permission"; no page
//!   names the code). A kick's or a control signal's target must be a member (10406).
//! - **Invitations** are recorded and nothing else is delivered. Inviting a member is
//!   10407. The same inviter, invitee and request id again renews the invitation.
//!   Cancelling needs a pending invitation with the same room, inviter, invitee and request
//!   id (10408 otherwise).
//!
//! Codes (the client docs' signalling codes): 10404 no open room, 10405 name taken, 10406
//! not in the room, 10407 already in the room, 10408 no such invitation, 10419 full, 403
//! kick by a non-creator. Unknown accounts are the protocols' own codes (v1 414, v2 102404),
//! checked by the families before the store is asked.

mod model;
#[cfg(test)]
mod tests;

pub(crate) use model::{Member, NewRoom, Room, RoomType};

use std::collections::BTreeMap;

use crate::reply::ApiError;

/// The store's codes.
pub(crate) mod code {
    /// No open room (never made, closed or expired).
    pub(crate) const NO_ROOM: u32 = 10404;
    /// An open room already has the name.
    pub(crate) const NAME_TAKEN: u32 = 10405;
    /// The account is not in the room.
    pub(crate) const NOT_IN_ROOM: u32 = 10406;
    /// The account is already in the room.
    pub(crate) const ALREADY_IN_ROOM: u32 = 10407;
    /// No such pending invitation.
    pub(crate) const NO_INVITATION: u32 = 10408;
    /// The room is full.
    pub(crate) const ROOM_FULL: u32 = 10419;
    /// Only the creator may do it.
    pub(crate) const NO_PERMISSION: u32 = 403;
}

/// How long a room lives, in ms (2 hours).
pub(crate) const ROOM_LIFETIME_MS: u64 = 2 * 60 * 60 * 1000;
/// How long an invitation stays pending, in ms (90 s).
pub(crate) const INVITATION_LIFETIME_MS: u64 = 90 * 1000;
/// The most members a room holds.
pub(crate) const MEMBERS_MAX: usize = 100;

/// One pending invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Invitation {
    pub(crate) request_id: String,
    pub(crate) inviter: String,
    pub(crate) invitee: String,
    /// When it stops being pending (Unix ms).
    pub(crate) expire_time: u64,
}

/// Every open room, by channel id. Every operation first drops what expired at `now`
/// (Unix ms), so nothing expired is ever seen.
#[derive(Debug, Default)]
pub(crate) struct Signalling {
    rooms: BTreeMap<String, Room>,
    /// Rooms made so far: part of the next channel id.
    made: u64,
    /// The last member uid given.
    last_uid: u64,
}

impl Signalling {
    /// Drops the rooms past their end and the invitations past theirs.
    fn settle(&mut self, now: u64) {
        self.rooms
            .retain(|_, room| room.expire_time > now || !room.members.is_empty());
        for room in self.rooms.values_mut() {
            room.invitations.retain(|i| i.expire_time > now);
        }
    }

    /// Makes a room; 10405 if an open room has its name.
    pub(crate) fn create(&mut self, new: NewRoom, now: u64) -> Result<&Room, ApiError> {
        self.settle(now);
        self.made += 1;
        let id = format!("{now:016x}{:016x}", self.made);
        let name = new
            .name
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| id.clone());
        if self.rooms.values().any(|r| r.name == name) {
            return Err(ApiError::with_code(
                code::NAME_TAKEN,
                format!("channel name {name} is taken by an open room"),
            ));
        }
        let room = Room {
            id: id.clone(),
            name,
            kind: new.kind,
            creator: new.creator,
            ext: new.ext,
            create_time: now,
            expire_time: now.saturating_add(ROOM_LIFETIME_MS),
            members: Vec::new(),
            invitations: Vec::new(),
        };
        Ok(self.rooms.entry(id).or_insert(room))
    }

    /// The open room `id` or, without an id, the one named `name` (the id wins, as the
    /// `getRoomInfo` page says); 10404 if there is none, 414 if neither is given.
    pub(crate) fn find(
        &mut self,
        id: Option<&str>,
        name: Option<&str>,
        now: u64,
    ) -> Result<&Room, ApiError> {
        self.settle(now);
        match (id, name) {
            (Some(id), _) => self.rooms.get(id).ok_or_else(|| no_room(id)),
            (None, Some(name)) => self
                .rooms
                .values()
                .find(|r| r.name == name)
                .ok_or_else(|| no_room(name)),
            (None, None) => Err(ApiError::param("channelId or channelName is required")),
        }
    }

    /// The open room `id`, for a change; 10404 if there is none.
    fn room_mut(&mut self, id: &str, now: u64) -> Result<&mut Room, ApiError> {
        self.settle(now);
        self.rooms.get_mut(id).ok_or_else(|| no_room(id))
    }

    /// `operator` closes room `id`: it must be the creator or a member (10406).
    pub(crate) fn close(&mut self, id: &str, operator: &str, now: u64) -> Result<(), ApiError> {
        self.room_mut(id, now)?.check_inside(operator)?;
        self.rooms.remove(id);
        Ok(())
    }

    /// Room `id` now ends [`ROOM_LIFETIME_MS`] after `now`.
    pub(crate) fn delay(&mut self, id: &str, now: u64) -> Result<&Room, ApiError> {
        let room = self.room_mut(id, now)?;
        room.expire_time = now.saturating_add(ROOM_LIFETIME_MS);
        Ok(room)
    }

    /// `inviter` (creator or member: 10406) invites `invitee` (not a member: 10407) into room
    /// `id` (not full: 10419) under `request_id`; the same three again renews it.
    pub(crate) fn invite(
        &mut self,
        id: &str,
        inviter: &str,
        invitee: &str,
        request_id: &str,
        now: u64,
    ) -> Result<(), ApiError> {
        let room = self.room_mut(id, now)?;
        room.check_inside(inviter)?;
        if room.member(invitee).is_some() {
            return Err(ApiError::with_code(
                code::ALREADY_IN_ROOM,
                format!("{invitee} is already in channel {id}"),
            ));
        }
        room.check_room_left()?;
        room.invitations.retain(|i| {
            !(i.inviter == inviter && i.invitee == invitee && i.request_id == request_id)
        });
        room.invitations.push(Invitation {
            request_id: request_id.to_owned(),
            inviter: inviter.to_owned(),
            invitee: invitee.to_owned(),
            expire_time: now.saturating_add(INVITATION_LIFETIME_MS),
        });
        Ok(())
    }

    /// `inviter` takes back its pending invitation `request_id` of `invitee` into room `id`
    /// (10408 if there is none).
    pub(crate) fn cancel_invite(
        &mut self,
        id: &str,
        inviter: &str,
        invitee: &str,
        request_id: &str,
        now: u64,
    ) -> Result<(), ApiError> {
        let room = self.room_mut(id, now)?;
        let before = room.invitations.len();
        room.invitations.retain(|i| {
            !(i.inviter == inviter && i.invitee == invitee && i.request_id == request_id)
        });
        if room.invitations.len() == before {
            return Err(ApiError::with_code(
                code::NO_INVITATION,
                format!("no pending invitation {request_id} of {invitee} by {inviter}"),
            ));
        }
        Ok(())
    }

    /// `operator`, the creator (403 otherwise), removes member `target` (10406 if it is not
    /// one) from room `id`.
    pub(crate) fn kick(
        &mut self,
        id: &str,
        operator: &str,
        target: &str,
        now: u64,
    ) -> Result<(), ApiError> {
        let room = self.room_mut(id, now)?;
        if room.creator != operator {
            return Err(ApiError::with_code(
                code::NO_PERMISSION,
                format!("only the creator of channel {id} may kick"),
            ));
        }
        room.check_member(target)?;
        room.members.retain(|m| m.accid != target);
        if room.members.is_empty() {
            room.expire_time = room.expire_time.max(now.saturating_add(ROOM_LIFETIME_MS));
        }
        Ok(())
    }

    /// `operator` (creator or member) sends a control signal in room `id`, to member
    /// `target` or to everyone; nothing is delivered, the checks are made (10406).
    pub(crate) fn control(
        &mut self,
        id: &str,
        operator: &str,
        target: Option<&str>,
        now: u64,
    ) -> Result<(), ApiError> {
        let room = self.room_mut(id, now)?;
        room.check_inside(operator)?;
        if let Some(target) = target {
            room.check_member(target)?;
        }
        Ok(())
    }

    /// `accid`'s client joins room `id` from `device_id` (what a client SDK does; the server
    /// API cannot): 10407 if it is a member, 10419 if the room is full. Its pending
    /// invitations into the room are used up.
    pub(crate) fn join(
        &mut self,
        id: &str,
        accid: &str,
        device_id: &str,
        now: u64,
    ) -> Result<Member, ApiError> {
        self.settle(now);
        let uid = self.last_uid + 1;
        let room = self.rooms.get_mut(id).ok_or_else(|| no_room(id))?;
        if room.member(accid).is_some() {
            return Err(ApiError::with_code(
                code::ALREADY_IN_ROOM,
                format!("{accid} is already in channel {id}"),
            ));
        }
        room.check_room_left()?;
        self.last_uid = uid;
        room.invitations.retain(|i| i.invitee != accid);
        let member = Member {
            accid: accid.to_owned(),
            uid,
            device_id: device_id.to_owned(),
            join_time: now,
        };
        room.members.push(member.clone());
        room.expire_time = room.expire_time.max(now.saturating_add(ROOM_LIFETIME_MS));
        Ok(member)
    }
}

/// 10404 for `what` (a channel id or name).
fn no_room(what: &str) -> ApiError {
    ApiError::with_code(
        code::NO_ROOM,
        format!("channel {what} does not exist, or is closed or expired"),
    )
}
