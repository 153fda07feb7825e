//! The chatroom store (聊天室), shared by the v1 `chatroom/*` actions and the v2 chatroom
//! families: a room made through one protocol is the room the other sees.
//!
//! Rooms (create, read, update, open and close, delay close, the enter/leave notification
//! switch) and members entering and leaving through the admin route (which stands in for
//! the client SDK) are here; member roles, the blacklist and the chat bans are in the
//! `roles` and `bans` submodules. For what else is kept, see the submodules.
//!
//! Times are Unix ms on the emulator's state clock. Nothing runs in the background: every
//! reader first calls [`Chatrooms::settle`] with the current time, which closes the rooms
//! whose delay-close deadline has passed, so a test that moves the clock sees them closed.
//!
//! # Rules
//!
//! - **Rooms.** The store assigns ids. A new room is open (`valid`), not muted, with
//!   enter/leave notifications on unless the create says otherwise; its creator is its
//!   first member (fixed, offline).
//! - **Open and closed.** Only the creator opens or closes a room (403 otherwise); asking
//!   for the state the room is in is 417 (the Java SDK's live test reopens a fresh room and
//!   expects 417). A refused request changes nothing. Closing drops every connection (the
//!   docs: "force-kicks all online members"), so guests leave the room; fixed members (and
//!   kept records) are there again on reopening. A closed room refuses entering (13002)
//!   and is left out of a creator's open rooms; it can still be read and updated.
//! - **Delay close.** Policy 0 never closes; 1 closes `seconds` after the policy was set,
//!   whoever is inside; 2 closes `seconds` after the room became empty (at once counting
//!   from the call when it is empty then). Every call that sets a policy (create, reopen,
//!   `updateDelayClosePolicy`) restarts the countdown from now. Policy 1 or 2 without
//!   seconds takes [`DELAY_SECONDS_MAX`], the docs' default; more is 414 (the v2 docs' max;
//!   the v1 docs give only the default).
//! - **Members.** The creator is a fixed member: it exists while offline. Everyone else
//!   enters as a guest (an unregistered client as an anonymous guest) and belongs to the
//!   room only while online, unless a role, a restriction or a temporary chat ban keeps its
//!   record (see `roles` and `bans`). Online means at least one live connection; the admin route
//!   stands in for the client SDK that enters and leaves. Entering a closed room is 13002;
//!   an account on the blacklist gets 13003.
//! - **Roles and bans.** Managers, normal members, the blacklist and the chat bans (per
//!   member, temporary, per tag): the rules are in the `roles` and `bans` modules.
//! - **Roster.** Member lists and their paging, the in-room profile, tags and kicks have
//!   their rules in `roster.rs`; the v1 member record and the v2 member object are both
//!   written from one view of a member (`member_view.rs`).
//! - **Messages.** Who may send is in [`speak`]; the history (sending, recall, delete,
//!   queries) in [`history`].
//! - **Queue.** Transient elements are deleted when their owner's last connection leaves
//!   (also when a close drops every connection). The queue's own rules are in [`queue`].
//! - **Virtual members** (v1 robots, v2 virtual members) and **the room-wide mute** (v1
//!   `muteRoom`, v2 `toggleChatroomMute`): their rules are in the `robots` and `room_mute`
//!   modules (present without a connection for 24 hours; creator and managers only).
//!
//! # Codes
//!
//! The v1 codes; the v2 families answer the same numbers (see [`error::code`]). An
//! unregistered account is the families' check, not the store's (v1 404 in the role and ban
//! actions, v2 102404).
//!
//! | refusal | code |
//! |---|---|
//! | no such room | 404 |
//! | the member is not in the room (leaving) | 404 |
//! | the member is not online (kick, tag change, profile change not kept) | 404 |
//! | a kick by a member that is not the creator or a manager, or of a peer | 403 |
//! | not the creator (open/close) | 403 |
//! | not the creator or a manager (room-wide mute) | 403 |
//! | not a virtual member (removing one: a failed-list entry) | 404 |
//! | closed room (adding virtual members) | 13002 |
//! | bad value (delay seconds) | 414 |
//! | reopening an open room, closing a closed one | 417 |
//! | closed room (entering) | 13002 |
//! | blacklisted account entering | 13003 |
//! | more than 1000 fixed members (roles, bans) | 419 |
//! | a new key for a full queue | 419 |
//! | no such queue element, an empty queue (poll) | 404 |
//! | a queue change by an operator neither creator nor online, a transient element of an offline owner | 403 |
//! | sending into a closed room | 13002 |
//! | sending: blacklisted | 13003 |
//! | sending: chat-banned, temporarily muted, or the room muted (not creator/manager) | 13004 |
//! | recalling or deleting: not the sender, creator or a manager | 403 |
//! | recalling or deleting: no such message (v1 answers 200, see its family) | 404 |
//!
//! The 419 for more than 1000 fixed members is the generic "over limit" (no page names the
//! code). A banned sender is 13004 (the docs' code table), the speak check's business.

mod bans;
mod error;
mod history;
mod member_view;
mod members;
mod model;
mod queue;
mod record;
mod robots;
mod roles;
mod room_mute;
mod roster;

#[cfg(test)]
mod roster_tests;
mod speak;

#[cfg(test)]
mod message_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_roles;

use std::collections::BTreeMap;

pub(crate) use bans::{
    MUTE_SECONDS_MAX, NOTIFY_EXT_MAX, Restriction, TAG_MAX, TARGET_TAGS_MAX, check_mute_seconds,
};
pub(crate) use error::{ChatroomError, code};
pub(crate) use history::{HistoryQuery, Outgoing, Target};
pub(crate) use member_view::MemberView;
pub(crate) use members::{Entry, entrant};
pub(crate) use model::QueueElement;
pub(crate) use model::RoomMessage;
pub(crate) use model::{DelayPolicy, Info, Room};
pub(crate) use queue::{
    AddPolicy, QUEUE_LIMIT_MAX, QueueOperator, QueueWrite, Written, select, select_in_order,
};
pub use record::{ChatroomMemberRecord, ChatroomRecord, ChatroomRole};
pub(crate) use robots::{ROBOT_TTL_MS, RobotProfile};
pub(crate) use roles::RoleProfile;
pub(crate) use roster::{
    EXPRESSION_MAX, MemberFilter, ProfileChange, ProfileOutcome, TagChange, check_tags, page_at,
    page_before,
};

use model::{DelayClose, Member, Role};
pub(crate) use model::{Member as RoomMember, Role as RoomRole};

/// The longest delay-close countdown, and the one policy 1 or 2 gets without seconds, in
/// seconds (7 days).
pub(crate) const DELAY_SECONDS_MAX: u64 = 604_800;
/// The first room id handed out.
const FIRST_ROOM_ID: u64 = 3_000_000_001;

/// The chatroom store's place in the registry (`shared::<Chatrooms>()`).
#[derive(Debug)]
pub(crate) struct Chatrooms {
    rooms: BTreeMap<u64, Room>,
    next_id: u64,
}

impl Default for Chatrooms {
    fn default() -> Self {
        Chatrooms {
            rooms: BTreeMap::new(),
            next_id: FIRST_ROOM_ID,
        }
    }
}

/// What a new room is made of.
#[derive(Debug, Clone, Default)]
pub(crate) struct NewRoom {
    pub(crate) creator: String,
    pub(crate) info: Info,
    pub(crate) queue_level: u8,
    /// The delay-close policy and its seconds, if the create sets one.
    pub(crate) delay: Option<(DelayPolicy, Option<u64>)>,
    pub(crate) in_out_notify: bool,
}

/// The changes an update makes to a room; `None` keeps a value.
#[derive(Debug, Clone, Default)]
pub(crate) struct RoomChanges {
    pub(crate) name: Option<String>,
    pub(crate) announcement: Option<String>,
    pub(crate) broadcast_url: Option<String>,
    pub(crate) ext: Option<String>,
    pub(crate) queue_level: Option<u8>,
}

impl Chatrooms {
    /// Closes every open room whose delay-close deadline is at or before `now`.
    pub(crate) fn settle(&mut self, now: u64) {
        for room in self.rooms.values_mut() {
            if room.valid && room.delay.deadline.is_some_and(|d| d <= now) {
                close(room);
            }
        }
        self.expire_robots(now);
    }

    /// Room `id`.
    pub(crate) fn get(&self, id: u64) -> Result<&Room, ChatroomError> {
        self.rooms
            .get(&id)
            .ok_or(ChatroomError::NotFound { room: id })
    }

    fn get_mut(&mut self, id: u64) -> Result<&mut Room, ChatroomError> {
        self.rooms
            .get_mut(&id)
            .ok_or(ChatroomError::NotFound { room: id })
    }

    /// Every room, ordered by id.
    pub(crate) fn all(&self) -> impl Iterator<Item = &Room> {
        self.rooms.values()
    }

    /// The ids of the open rooms `creator` made, ascending.
    pub(crate) fn open_rooms_of(&self, creator: &str) -> Vec<u64> {
        self.rooms
            .values()
            .filter(|r| r.valid && r.creator == creator)
            .map(|r| r.id)
            .collect()
    }

    /// Makes a room; answers its id.
    pub(crate) fn create(&mut self, new: NewRoom, now: u64) -> Result<u64, ChatroomError> {
        let id = self.next_id;
        let mut members = BTreeMap::new();
        members.insert(new.creator.clone(), Member::new(Role::Creator));
        let mut room = Room {
            id,
            creator: new.creator,
            info: new.info,
            queue_level: new.queue_level,
            valid: true,
            muted: false,
            delay: DelayClose::default(),
            in_out_notify: new.in_out_notify,
            members,
            queue: model::Queue::default(),
            messages: Vec::new(),
            tag_mutes: BTreeMap::new(),
            create_time: now,
            last_entry: 0,
        };
        if let Some((policy, seconds)) = new.delay {
            set_delay(&mut room, Some(policy), seconds, now)?;
        }
        self.next_id += 1;
        self.rooms.insert(id, room);
        Ok(id)
    }

    /// Changes what `changes` sets; an empty text clears the announcement, the URL or the
    /// extension (stored as absent). No operator, so no permission check; closed rooms too.
    pub(crate) fn update(&mut self, id: u64, changes: RoomChanges) -> Result<&Room, ChatroomError> {
        let room = self.get_mut(id)?;
        let info = &mut room.info;
        if let Some(name) = changes.name {
            info.name = name;
        }
        for (field, value) in [
            (&mut info.announcement, changes.announcement),
            (&mut info.broadcast_url, changes.broadcast_url),
            (&mut info.ext, changes.ext),
        ] {
            if let Some(value) = value {
                *field = (!value.is_empty()).then_some(value);
            }
        }
        if let Some(level) = changes.queue_level {
            room.queue_level = level;
        }
        Ok(room)
    }

    /// `operator` opens (`valid`) or closes room `id`, with a delay-close policy and seconds
    /// to keep (the countdown runs from now while the room is open). Everything is checked
    /// before anything changes: a refusal leaves the room as it was.
    pub(crate) fn set_valid(
        &mut self,
        id: u64,
        operator: &str,
        valid: bool,
        delay: (Option<DelayPolicy>, Option<u64>),
        now: u64,
    ) -> Result<&Room, ChatroomError> {
        let room = self.get_mut(id)?;
        if room.creator != operator {
            return Err(ChatroomError::NoPermission {
                operator: operator.to_owned(),
                what: "open or close the room (only its creator may)",
            });
        }
        if room.valid == valid {
            let state = if valid { "open" } else { "closed" };
            return Err(ChatroomError::Repeated {
                desc: format!("chatroom {id} is already {state}"),
            });
        }
        check_delay(delay.0, delay.1)?;
        if valid {
            room.valid = true;
            set_delay(room, delay.0, delay.1, now)?;
        } else {
            close(room);
            if delay.0.is_some() || delay.1.is_some() {
                store_delay(room, delay.0, delay.1, now);
            }
            room.delay.deadline = None;
        }
        Ok(room)
    }

    /// Sets room `id`'s delay-close policy (`None` keeps it) and seconds, restarting the
    /// countdown from now.
    pub(crate) fn set_delay(
        &mut self,
        id: u64,
        policy: Option<DelayPolicy>,
        seconds: Option<u64>,
        now: u64,
    ) -> Result<&Room, ChatroomError> {
        let room = self.get_mut(id)?;
        set_delay(room, policy, seconds, now)?;
        Ok(room)
    }

    /// Turns room `id`'s enter/leave notifications on or off.
    pub(crate) fn set_in_out_notify(&mut self, id: u64, on: bool) -> Result<(), ChatroomError> {
        self.get_mut(id)?.in_out_notify = on;
        Ok(())
    }
}

/// Refuses seconds over [`DELAY_SECONDS_MAX`].
fn check_delay(_policy: Option<DelayPolicy>, seconds: Option<u64>) -> Result<(), ChatroomError> {
    match seconds {
        Some(s) if s > DELAY_SECONDS_MAX => Err(ChatroomError::Refused {
            desc: format!("delaySeconds must be at most {DELAY_SECONDS_MAX}, not {s}"),
        }),
        _ => Ok(()),
    }
}

/// Keeps `policy` and `seconds` with `now` as the start, without computing a deadline.
/// `None` keeps the room's policy, and its seconds too when the policy is not named;
/// policy 1 or 2 left without seconds (or with 0) takes the default.
fn store_delay(room: &mut Room, policy: Option<DelayPolicy>, seconds: Option<u64>, now: u64) {
    let seconds = seconds.or(match policy {
        None => Some(room.delay.seconds),
        Some(_) => None,
    });
    let policy = policy.unwrap_or(room.delay.policy);
    let seconds = match (policy, seconds) {
        (DelayPolicy::None, s) => s.unwrap_or(0),
        (_, Some(0) | None) => DELAY_SECONDS_MAX,
        (_, Some(s)) => s,
    };
    room.delay.policy = policy;
    room.delay.seconds = seconds;
    room.delay.start = now;
}

/// [`store_delay`], then the deadline of an open room: policy 1 from now, policy 2 from now
/// when the room is empty (else when it becomes empty).
fn set_delay(
    room: &mut Room,
    policy: Option<DelayPolicy>,
    seconds: Option<u64>,
    now: u64,
) -> Result<(), ChatroomError> {
    check_delay(policy, seconds)?;
    store_delay(room, policy, seconds, now);
    restart_countdown(room, now);
    Ok(())
}

/// The deadline of room's policy counted from `now`, if a countdown runs now.
fn restart_countdown(room: &mut Room, now: u64) {
    let end = now.saturating_add(room.delay.seconds.saturating_mul(1000));
    room.delay.deadline = match room.delay.policy {
        _ if !room.valid => None,
        DelayPolicy::None => None,
        DelayPolicy::Fixed => Some(end),
        DelayPolicy::Idle if room.online_count() == 0 => Some(end),
        DelayPolicy::Idle => None,
    };
}

/// Closes `room`: every connection dropped, guests gone, transient queue elements deleted.
fn close(room: &mut Room) {
    room.valid = false;
    room.delay.deadline = None;
    for member in room.members.values_mut() {
        member.connections.clear();
        member.robot_until = None;
        member.session = None;
    }
    room.members.retain(|_, m| m.kept_offline());
    room.queue.elements.retain(|e| !e.transient);
}
