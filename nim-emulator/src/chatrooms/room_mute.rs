//! The room-wide chat ban (v1 `muteRoom`, v2 `toggleChatroomMute`): while a room is muted
//! only its creator and managers speak; members' own bans are separate flags and stay as
//! they are.
//!
//! # Rules
//!
//! - **Who.** The operator must be the creator or a manager of the room (the legacy
//!   muteRoom table and the Java SDK's comment on toggleChatroomMute); anyone else is 403.
//! - **Repeats.** Muting a muted room (or unmuting an open one) succeeds again: no source
//!   shows a 417 for it.
//! - **Closed rooms** may be muted and unmuted: the flag is kept for when it reopens (the
//!   emulator's choice).

use super::model::Role;
use super::{ChatroomError, Chatrooms, Room};

impl Chatrooms {
    /// `operator`, the creator or a manager of room `id`, turns its room-wide chat ban on
    /// (`muted`) or off.
    pub(crate) fn set_muted(
        &mut self,
        id: u64,
        operator: &str,
        muted: bool,
    ) -> Result<&Room, ChatroomError> {
        let room = self.get_mut_room(id)?;
        let role = room.members.get(operator).map(|m| m.role);
        if !matches!(role, Some(Role::Creator | Role::Manager)) {
            return Err(ChatroomError::NoPermission {
                operator: operator.to_owned(),
                what: "mute the room (only its creator and managers may)",
            });
        }
        room.muted = muted;
        Ok(room)
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::Member;
    use super::super::{Info, NewRoom};
    use super::*;

    fn room() -> (Chatrooms, u64) {
        let mut rooms = Chatrooms::default();
        let new = NewRoom {
            creator: "owner".into(),
            info: Info {
                name: "room".into(),
                ..Info::default()
            },
            ..NewRoom::default()
        };
        let id = rooms.create(new, 0).unwrap();
        (rooms, id)
    }

    #[test]
    fn the_creator_and_managers_mute_and_unmute_the_room() {
        let (mut rooms, id) = room();
        assert!(rooms.set_muted(id, "owner", true).unwrap().muted);
        assert!(
            rooms.set_muted(id, "owner", true).unwrap().muted,
            "a repeat is fine"
        );
        rooms
            .get_mut_room(id)
            .unwrap()
            .members
            .insert("boss".into(), Member::new(Role::Manager));
        assert!(!rooms.set_muted(id, "boss", false).unwrap().muted);
    }

    #[test]
    fn others_are_refused_and_nothing_changes() {
        let (mut rooms, id) = room();
        rooms
            .get_mut_room(id)
            .unwrap()
            .members
            .insert("member".into(), Member::new(Role::Normal));
        for operator in ["member", "stranger"] {
            let err = rooms.set_muted(id, operator, true).unwrap_err();
            assert_eq!(err.v1().code(), 403);
        }
        assert!(!rooms.get(id).unwrap().muted);
        assert_eq!(
            rooms
                .set_muted(id + 1, "owner", true)
                .unwrap_err()
                .v1()
                .code(),
            404
        );
    }

    #[test]
    fn a_closed_room_keeps_its_flag() {
        let (mut rooms, id) = room();
        rooms
            .set_valid(id, "owner", false, (None, None), 0)
            .unwrap();
        assert!(rooms.set_muted(id, "owner", true).unwrap().muted);
    }
}
