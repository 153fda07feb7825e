//! Virtual members (v1 robots, v2 `virtual_members`): accounts the app server makes present
//! in a room without a client connection, to swell its member count.
//!
//! # Rules
//!
//! - **Present without a connection.** A virtual member has no connection; it is in the
//!   room until removed, cleared, or [`ROBOT_TTL_MS`] (24 hours) after it was last added
//!   (the official "Manage chatbots" page and the Java SDK's addVirtualMembers Javadoc:
//!   "leave automatically after 24 hours"; adding it again within the 24 hours restarts the
//!   countdown, the Java SDK's words, applied to v1 too).
//! - **Role.** An account with no record in the room becomes a member of role
//!   [`Role::Virtual`]; a member that already has one (the creator, a manager, an online
//!   guest) keeps its role and is also marked virtual, as a production sample shows for the
//!   creator and a manager added as robots.
//! - **Removing** ends the virtual presence; a `Virtual` member's record goes with it, any
//!   other member stays as it would without it (a guest offline leaves the room).
//! - **Closed rooms.** Closing a room ends every virtual presence (the v2 open/close page:
//!   closing removes everyone who is not a fixed member). Adding to a closed room is 13002
//!   (the emulator's choice: nobody can be in a closed room); removing and clearing work.
//! - **Refused accounts.** A blacklisted account is not added (13003 in the answer's failed
//!   list). Whether accounts must be registered is the families' check (v1: "existing
//!   accounts").
//! - **Limits.** At most 100 accounts per call (checked by the families); no per-room cap
//!   is documented, so none is applied.

use super::model::{Member, Role, Room};
use super::{ChatroomError, Chatrooms};

/// How long a virtual member stays after it was added: 24 hours, in ms.
pub(crate) const ROBOT_TTL_MS: u64 = 24 * 3600 * 1000;

/// The room profile a virtual member is added with (`None` keeps the member's).
#[derive(Debug, Clone, Default)]
pub(crate) struct RobotProfile {
    pub(crate) nick: Option<String>,
    pub(crate) avatar: Option<String>,
    pub(crate) ext: Option<String>,
}

/// Accounts an operation refused, each with why.
pub(crate) type Refused = Vec<(String, ChatroomError)>;

/// What adding virtual members did, account by account.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RobotsAdded {
    /// Made virtual now.
    pub(crate) added: Vec<String>,
    /// Virtual already (their countdown restarted).
    pub(crate) renewed: Vec<String>,
    /// Not added, with why.
    pub(crate) refused: Refused,
}

impl Chatrooms {
    /// Makes each `(accid, profile)` a virtual member of open room `id` until `now` + 24 h.
    pub(crate) fn add_robots(
        &mut self,
        id: u64,
        robots: Vec<(String, RobotProfile)>,
        now: u64,
    ) -> Result<RobotsAdded, ChatroomError> {
        let room = self.get_mut_room(id)?;
        if !room.valid {
            return Err(ChatroomError::Closed { room: id });
        }
        let mut done = RobotsAdded::default();
        for (accid, profile) in robots {
            if room.members.get(&accid).is_some_and(|m| m.blocked) {
                done.refused.push((
                    accid.clone(),
                    ChatroomError::Blocked {
                        room: id,
                        accid: accid.clone(),
                    },
                ));
                continue;
            }
            // Not in the room yet, it enters now: lists order members by their latest entry.
            let enters = room
                .members
                .get(&accid)
                .is_none_or(|m| !m.is_robot() && !m.online());
            let stamp = enters.then(|| room.entry_stamp(now));
            let member = room
                .members
                .entry(accid.clone())
                .or_insert_with(|| Member::new(Role::Virtual));
            let renewed = member.is_robot();
            if stamp.is_some() {
                member.last_enter = stamp;
            }
            member.robot_until = Some(now.saturating_add(ROBOT_TTL_MS));
            for (field, value) in [
                (&mut member.nick, profile.nick),
                (&mut member.avatar, profile.avatar),
                (&mut member.ext, profile.ext),
            ] {
                if value.is_some() {
                    *field = value;
                }
            }
            if renewed {
                done.renewed.push(accid);
            } else {
                done.added.push(accid);
            }
        }
        Ok(done)
    }

    /// Ends the virtual presence of `accids` in room `id`; answers the accounts removed and
    /// those that were not virtual members (404 each).
    pub(crate) fn remove_robots(
        &mut self,
        id: u64,
        accids: &[String],
    ) -> Result<(Vec<String>, Refused), ChatroomError> {
        let room = self.get_mut_room(id)?;
        let mut removed = Vec::new();
        let mut refused = Vec::new();
        for accid in accids {
            if room
                .members
                .get(accid)
                .is_some_and(|m| m.robot_until.is_some())
            {
                end_robot(room, accid);
                removed.push(accid.clone());
            } else {
                let not_robot = ChatroomError::NotMember {
                    room: id,
                    accid: accid.clone(),
                };
                refused.push((accid.clone(), not_robot));
            }
        }
        Ok((removed, refused))
    }

    /// Ends every virtual presence in room `id`; answers how many there were.
    pub(crate) fn clear_robots(&mut self, id: u64) -> Result<usize, ChatroomError> {
        let room = self.get_mut_room(id)?;
        let robots: Vec<String> = robot_ids(room).collect();
        for accid in &robots {
            end_robot(room, accid);
        }
        Ok(robots.len())
    }

    /// The virtual members of room `id`, ordered by accid.
    pub(crate) fn robots(&self, id: u64) -> Result<Vec<(&str, &Member)>, ChatroomError> {
        let room = self.get(id)?;
        Ok(room
            .members
            .iter()
            .filter(|(_, m)| m.robot_until.is_some())
            .map(|(accid, m)| (accid.as_str(), m))
            .collect())
    }

    /// Ends the virtual presences whose 24 hours are over at `now` (called by `settle`).
    pub(super) fn expire_robots(&mut self, now: u64) {
        for room in self.rooms.values_mut() {
            let expired: Vec<String> = room
                .members
                .iter()
                .filter(|(_, m)| m.robot_until.is_some_and(|until| until <= now))
                .map(|(accid, _)| accid.clone())
                .collect();
            for accid in &expired {
                end_robot(room, accid);
            }
        }
    }

    /// Room `id`, to change (the store's own `get_mut` is private to its module).
    pub(super) fn get_mut_room(&mut self, id: u64) -> Result<&mut Room, ChatroomError> {
        self.rooms
            .get_mut(&id)
            .ok_or(ChatroomError::NotFound { room: id })
    }
}

impl Room {
    /// How many accounts are in the room now: online members and virtual members, each
    /// account once (the v2 `online_user_count`: virtual members exist to raise it, the Java
    /// SDK's Javadoc).
    pub(crate) fn present_count(&self) -> usize {
        self.members
            .values()
            .filter(|m| m.online() || m.is_robot())
            .count()
    }
}

/// The accids of `room`'s virtual members.
fn robot_ids(room: &Room) -> impl Iterator<Item = String> + '_ {
    room.members
        .iter()
        .filter(|(_, m)| m.robot_until.is_some())
        .map(|(accid, _)| accid.clone())
}

/// Ends `accid`'s virtual presence: a `Virtual` record goes, as does any other member that
/// neither is online nor belongs to the room offline.
fn end_robot(room: &mut Room, accid: &str) {
    let Some(member) = room.members.get_mut(accid) else {
        return;
    };
    member.robot_until = None;
    if member.role == Role::Virtual || !member.stays() {
        room.members.remove(accid);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Entry, Info, NewRoom};
    use super::*;

    const NOW: u64 = 1_700_000_000_000;

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
        let id = rooms.create(new, NOW).unwrap();
        (rooms, id)
    }

    fn robots(accids: &[&str]) -> Vec<(String, RobotProfile)> {
        accids
            .iter()
            .map(|a| (a.to_string(), RobotProfile::default()))
            .collect()
    }

    fn role(rooms: &Chatrooms, id: u64, accid: &str) -> Option<Role> {
        rooms.get(id).unwrap().members.get(accid).map(|m| m.role)
    }

    #[test]
    fn a_new_robot_is_a_virtual_member_present_without_a_connection() {
        let (mut rooms, id) = room();
        let profile = RobotProfile {
            nick: Some("bot".into()),
            ..RobotProfile::default()
        };
        let done = rooms
            .add_robots(id, vec![("r1".into(), profile)], NOW)
            .unwrap();
        assert_eq!(done.added, ["r1"]);
        let r = rooms.get(id).unwrap();
        let m = &r.members["r1"];
        assert_eq!(m.role, Role::Virtual);
        assert!(!m.online());
        assert_eq!(m.nick.as_deref(), Some("bot"));
        assert_eq!(m.robot_until, Some(NOW + ROBOT_TTL_MS));
        assert_eq!((r.online_count(), r.present_count()), (0, 1));
    }

    #[test]
    fn adding_again_renews_and_a_member_keeps_its_role() {
        let (mut rooms, id) = room();
        rooms.add_robots(id, robots(&["r1"]), NOW).unwrap();
        let later = NOW + 1000;
        let done = rooms
            .add_robots(id, robots(&["r1", "owner"]), later)
            .unwrap();
        assert_eq!(
            (done.added, done.renewed),
            (vec!["owner".to_string()], vec!["r1".to_string()])
        );
        assert_eq!(role(&rooms, id, "owner"), Some(Role::Creator));
        let until = rooms.get(id).unwrap().members["r1"].robot_until;
        assert_eq!(until, Some(later + ROBOT_TTL_MS));
    }

    #[test]
    fn robots_leave_after_24_hours_on_settle() {
        let (mut rooms, id) = room();
        rooms.add_robots(id, robots(&["r1", "owner"]), NOW).unwrap();
        rooms.settle(NOW + ROBOT_TTL_MS - 1);
        assert_eq!(rooms.robots(id).unwrap().len(), 2);
        rooms.settle(NOW + ROBOT_TTL_MS);
        assert!(rooms.robots(id).unwrap().is_empty());
        assert_eq!(role(&rooms, id, "r1"), None);
        assert_eq!(role(&rooms, id, "owner"), Some(Role::Creator));
    }

    #[test]
    fn removing_ends_only_virtual_presences() {
        let (mut rooms, id) = room();
        let entry = Entry {
            client_type: 16,
            ..Entry::default()
        };
        rooms.enter(id, "guest", entry, NOW).unwrap();
        rooms
            .add_robots(id, robots(&["r1", "guest", "owner"]), NOW)
            .unwrap();
        let accids = ["r1".to_string(), "guest".into(), "nobody".into()];
        let (removed, refused) = rooms.remove_robots(id, &accids).unwrap();
        assert_eq!(removed, ["r1", "guest"]);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].1.v1().code(), 404);
        assert_eq!(role(&rooms, id, "r1"), None);
        assert_eq!(role(&rooms, id, "guest"), Some(Role::Guest), "still online");
        assert_eq!(rooms.clear_robots(id).unwrap(), 1, "the owner");
        assert_eq!(role(&rooms, id, "owner"), Some(Role::Creator));
        assert_eq!(rooms.clear_robots(id).unwrap(), 0);
    }

    #[test]
    fn closed_rooms_refuse_robots_and_closing_ends_them() {
        let (mut rooms, id) = room();
        rooms.add_robots(id, robots(&["r1"]), NOW).unwrap();
        rooms
            .set_valid(id, "owner", false, (None, None), NOW)
            .unwrap();
        assert!(rooms.robots(id).unwrap().is_empty());
        let err = rooms.add_robots(id, robots(&["r1"]), NOW).unwrap_err();
        assert_eq!(err.v1().code(), 13002);
        assert_eq!(
            rooms
                .add_robots(id + 1, robots(&["r1"]), NOW)
                .unwrap_err()
                .v1()
                .code(),
            404
        );
    }

    #[test]
    fn a_blacklisted_account_is_not_added() {
        let (mut rooms, id) = room();
        let mut blocked = Member::new(Role::Guest);
        blocked.blocked = true;
        rooms
            .get_mut_room(id)
            .unwrap()
            .members
            .insert("bad".into(), blocked);
        let done = rooms.add_robots(id, robots(&["bad", "r1"]), NOW).unwrap();
        assert_eq!(done.added, ["r1"]);
        assert_eq!(done.refused[0].0, "bad");
        assert_eq!(done.refused[0].1.v1().code(), 13003);
    }

    #[test]
    fn a_robot_enters_when_added_and_stays_when_its_connection_leaves() {
        let (mut rooms, id) = room();
        let later = NOW + 5000;
        // A guest that is also added as a robot, and the creator added while offline.
        let entry = Entry {
            client_type: 16,
            ..Entry::default()
        };
        rooms.enter(id, "guest", entry, NOW).unwrap();
        rooms
            .add_robots(id, robots(&["guest", "owner", "r1"]), later)
            .unwrap();
        let r = rooms.get(id).unwrap();
        assert_eq!(r.members["owner"].last_enter, Some(later));
        assert_eq!(
            r.members["r1"].last_enter,
            Some(later + 1),
            "added now, in order"
        );
        assert_eq!(r.members["guest"].last_enter, Some(NOW), "online already");
        let view = r.member_view("owner", later).unwrap();
        assert_eq!(
            view.v1(false)["isRobot"],
            true,
            "a creator robot is flagged too"
        );
        assert!(view.online(), "and present");

        rooms.leave(id, "guest", None, later).unwrap();
        assert_eq!(
            role(&rooms, id, "guest"),
            Some(Role::Guest),
            "still a robot"
        );
        assert_eq!(rooms.get(id).unwrap().present_count(), 3);
        // Tags live on connections: a robot takes none.
        let tags = super::super::TagChange {
            tags: Some(vec!["vip".into()]),
            notify_target_tags: None,
        };
        let refused = rooms.set_tags(id, "r1", tags).unwrap_err();
        assert_eq!(refused.v1().code(), 404);
    }
}
