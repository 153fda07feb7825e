//! The blacklist and chat bans: v1 `setMemberRole` opt −1 and −2, `temporaryMute`,
//! `tagTemporaryMute`; v2 `toggleBlocked`, `toggleChatBan`, `toggleTempChatBan`,
//! `toggleTaggedMembersChatBan`, `queryChatroomBlacklist`, `queryChatBanned`. Whether a
//! member may send is the speak check's business; this module only keeps the state it reads
//! (`Member::blocked`, `chat_banned`, `temp_mute_until`, `Room::tag_mutes`).
//!
//! # Rules
//!
//! - **Who.** The creator or a manager; a manager acts neither on the creator nor on another
//!   manager; nobody on itself; the creator is never banned or blacklisted (403 for each).
//!   The v2 Javadoc states the manager rule for chat bans; the client guide for every
//!   member operation.
//! - **Blacklist.** A blacklisted member is disconnected at once (every connection leaves,
//!   as [`Chatrooms::leave`] does) and entering is refused with 13003 until it is taken off.
//! - **Permanent chat ban.** The member stays and reads but cannot send (13004, the speak
//!   check's).
//! - **`LIMITED`.** Blacklisting or banning an account that is not a fixed member (a guest,
//!   or an account never seen) keeps its record as a fixed member (v1 type `LIMITED`), so it
//!   counts towards the 1000 fixed members (419 beyond). Taking the last of both off makes a
//!   guest of it again: it leaves the room when offline (unless a temporary ban keeps its
//!   record). The blacklist keeps when the member was put on it (`block_time`).
//! - **Temporary chat ban.** Until now + the duration (at most [`MUTE_SECONDS_MAX`], 30
//!   days); a new one replaces the expiry (not added); 0 lifts it. It is independent of the
//!   permanent ban: lifting one leaves the other (the client guide). It is held per account,
//!   online or not, and needs no membership (the v2 docs): banning an account the room has
//!   no record of makes an offline guest record carrying the ban, and a guest keeps its
//!   record while offline as long as the ban is set (it is still not a fixed member, does
//!   not count towards the 1000, and is not online). The answer's duration is the one set,
//!   or for a lift the seconds the lifted ban still had (the tag variant's documented
//!   answer, applied to both).
//! - **Tag chat ban.** A room-level rule "tag T is banned until t", for present and future
//!   members carrying T; 0 lifts it. A tag nobody carries may be banned.
//! - **Closed rooms.** Tag bans and the restrictions above work on closed rooms too (the
//!   emulator's choice; no source says).
//! - Expiries are Unix ms on the emulator's state clock; an expired ban is no ban.

use super::model::{Member, Role, Room};
use super::roles::{check_operator, check_room_for_one_more};
use super::{ChatroomError, Chatrooms};

/// The longest temporary chat ban, in seconds (30 days): v1 `muteDuration`, v2
/// `chat_banned_duration`.
pub(crate) const MUTE_SECONDS_MAX: u64 = 2_592_000;
/// The longest notification extension of a role or ban change, in characters: v1
/// `notifyExt`, v2 `notification_extension` (checked, not kept: no clients to notify).
pub(crate) const NOTIFY_EXT_MAX: usize = 2048;
/// The longest tag of a tag chat ban, in characters: v1 `targetTag`, v2 `target_tag` (the
/// client guide's tag limit).
pub(crate) const TAG_MAX: usize = 32;
/// The longest tag expression a tag ban's notification goes to, in characters: v1
/// `notifyTargetTags`, v2 `notification_target_tags`.
pub(crate) const TARGET_TAGS_MAX: usize = 128;

/// What a restriction sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Restriction {
    /// The blacklist (v1 opt −1, v2 `blocked`).
    Blacklist,
    /// The permanent chat ban (v1 opt −2, v2 `chat_banned`).
    ChatBan,
}

impl Room {
    /// Whether any of `tags` is under a tag chat ban at `now` (Unix ms).
    pub(crate) fn tag_muted(&self, tags: &[String], now: u64) -> bool {
        tags.iter()
            .any(|t| self.tag_mutes.get(t).is_some_and(|until| *until > now))
    }
}

impl Member {
    /// The seconds its temporary chat ban still runs at `now` (Unix ms), rounded up; 0 when
    /// none runs.
    pub(crate) fn temp_mute_left(&self, now: u64) -> u64 {
        self.temp_mute_until
            .map_or(0, |until| seconds_left(until, now))
    }
}

impl Chatrooms {
    /// `operator` (`None`: the app) puts `target` on (`on`) or off the blacklist or the
    /// permanent chat ban of room `id`. Answers the target's record after the change, or
    /// `None` when it left the room (an offline guest taken off).
    pub(crate) fn restrict(
        &mut self,
        id: u64,
        operator: Option<&str>,
        target: &str,
        what: Restriction,
        on: bool,
        now: u64,
    ) -> Result<Option<&Member>, ChatroomError> {
        let room = self.get(id)?;
        check_ban_operator(room, operator, target)?;
        let becomes_kept = on
            && !room
                .members
                .get(target)
                .is_some_and(Member::counts_as_fixed);
        if becomes_kept {
            check_room_for_one_more(room)?;
        }
        let disconnect = on
            && what == Restriction::Blacklist
            && room.members.get(target).is_some_and(Member::online);
        let room = self.get_mut(id)?;
        let member = room
            .members
            .entry(target.to_owned())
            .or_insert_with(|| Member::new(Role::Guest));
        match what {
            Restriction::Blacklist => {
                if on && !member.blocked {
                    member.block_time = Some(now);
                } else if !on {
                    member.block_time = None;
                }
                member.blocked = on;
            }
            Restriction::ChatBan => member.chat_banned = on,
        }
        if !member.stays() {
            room.members.remove(target);
        }
        if disconnect {
            self.leave(id, target, None, now)?;
        }
        Ok(self.get(id)?.members.get(target))
    }

    /// `operator` (`None`: the app) bans `target` of room `id` from sending for `seconds`
    /// (0 lifts the ban). Answers the duration (see the rules).
    pub(crate) fn temp_mute(
        &mut self,
        id: u64,
        operator: Option<&str>,
        target: &str,
        seconds: u64,
        now: u64,
    ) -> Result<u64, ChatroomError> {
        check_mute_seconds("mute duration", seconds)?;
        let room = self.get_mut(id)?;
        check_ban_operator(room, operator, target)?;
        if seconds == 0 && !room.members.contains_key(target) {
            return Ok(0);
        }
        let member = room
            .members
            .entry(target.to_owned())
            .or_insert_with(|| Member::new(Role::Guest));
        let left = member.temp_mute_left(now);
        member.temp_mute_until = until(seconds, now);
        if !member.stays() {
            room.members.remove(target);
        }
        Ok(if seconds == 0 { left } else { seconds })
    }

    /// `operator` (`None`: the app) bans every member carrying `tag` in room `id` from
    /// sending for `seconds` (0 lifts it). Answers the duration (see the rules).
    pub(crate) fn tag_mute(
        &mut self,
        id: u64,
        operator: Option<&str>,
        tag: &str,
        seconds: u64,
        now: u64,
    ) -> Result<u64, ChatroomError> {
        check_mute_seconds("mute duration", seconds)?;
        let room = self.get_mut(id)?;
        if let Some(operator) = operator {
            // No target account: only the operator's own role matters.
            check_operator(room, Some(operator), "", false)?;
        }
        let left = room
            .tag_mutes
            .get(tag)
            .map_or(0, |until| seconds_left(*until, now));
        match until(seconds, now) {
            Some(t) => room.tag_mutes.insert(tag.to_owned(), t),
            None => room.tag_mutes.remove(tag),
        };
        Ok(if seconds == 0 { left } else { seconds })
    }

    /// The blacklisted members of room `id`, by accid.
    pub(crate) fn blacklist(&self, id: u64) -> Result<Vec<(&String, &Member)>, ChatroomError> {
        let room = self.get(id)?;
        Ok(room.members.iter().filter(|(_, m)| m.blocked).collect())
    }

    /// The members of room `id` banned from sending at `now`, permanently or temporarily,
    /// by accid (tag bans are rules on tags, not on members: not listed).
    pub(crate) fn chat_banned(
        &self,
        id: u64,
        now: u64,
    ) -> Result<Vec<(&String, &Member)>, ChatroomError> {
        let room = self.get(id)?;
        Ok(room
            .members
            .iter()
            .filter(|(_, m)| m.chat_banned || m.temp_mute_left(now) > 0)
            .collect())
    }
}

/// [`check_operator`], and the creator is never the target.
fn check_ban_operator(
    room: &Room,
    operator: Option<&str>,
    target: &str,
) -> Result<(), ChatroomError> {
    if target == room.creator {
        return Err(ChatroomError::NoPermission {
            operator: operator.unwrap_or("the app").to_owned(),
            what: "restrict the creator",
        });
    }
    check_operator(room, operator, target, false)
}

/// 414 when `seconds` (parameter `name`) is over [`MUTE_SECONDS_MAX`]: the one check of
/// every temporary ban's duration, v1 and v2.
pub(crate) fn check_mute_seconds(name: &str, seconds: u64) -> Result<(), ChatroomError> {
    if seconds > MUTE_SECONDS_MAX {
        return Err(ChatroomError::Refused {
            desc: format!("{name} must be at most {MUTE_SECONDS_MAX} seconds, not {seconds}"),
        });
    }
    Ok(())
}

/// The seconds from `now` to `until` (both Unix ms), rounded up; 0 once passed.
fn seconds_left(until: u64, now: u64) -> u64 {
    until.saturating_sub(now).div_ceil(1000)
}

/// The expiry of a ban of `seconds` from `now`; `None` for 0 (lifted).
fn until(seconds: u64, now: u64) -> Option<u64> {
    (seconds > 0).then(|| now.saturating_add(seconds.saturating_mul(1000)))
}
