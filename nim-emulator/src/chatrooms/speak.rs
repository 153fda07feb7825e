//! Who may send a message into a room, as every send action (v1 `sendMsg`, `batchSendMsg`,
//! `sendMsgToSomeone`, ...; v2 `chatroom_message`) checks it before anything is stored.
//!
//! # Rules
//!
//! In this order, the first that applies refuses:
//!
//! 1. no such room: 404;
//! 2. the room is closed: 13002 ("chat room status abnormal", the docs' code);
//! 3. the sender is on the room's blacklist: 13003;
//! 4. (no rule on presence: no source says the sender must be in the room, so any
//!    registered account may send, as the app server speaks for its users; an account with
//!    no record in the room sends with an empty profile and no tags, and the rules below
//!    apply to whatever record the room keeps for it);
//! 5. the sender is chat-banned (v1 `muted`, v2 `chat_banned`): 13004;
//! 6. the sender is temporarily muted and the mute has not expired on the emulator's clock,
//!    unless the send asks to ignore temporary mutes (v1 `ignoreMute`, v2
//!    `ignore_chat_banned`, which per the docs ignores only the temporary mute): 13004;
//! 7. one of the sender's tags is under a running tag mute (v1 `tagTemporaryMute`, v2
//!    `toggleTaggedMembersChatBan`), unless the send ignores temporary mutes, as a tag mute
//!    is one: 13004;
//! 8. the whole room is muted and the sender is neither the creator nor a manager: 13004 —
//!    the emulator's choice; the client SDKs' tables suggest 13006, which no server page
//!    confirms.

use super::model::{Member, Role};
use super::{ChatroomError, Chatrooms};

impl Chatrooms {
    /// Whether `accid` may send a message into room `id` now (Unix ms), with the room's
    /// record of it while it is in the room (its profile and tags go with the message).
    pub(crate) fn speaker(
        &self,
        id: u64,
        accid: &str,
        ignore_temp_mute: bool,
        now: u64,
    ) -> Result<Option<&Member>, ChatroomError> {
        let room = self.get(id)?;
        if !room.valid {
            return Err(ChatroomError::Closed { room: id });
        }
        let banned = |why| ChatroomError::ChatBanned {
            room: id,
            accid: accid.to_owned(),
            why,
        };
        let member = room.members.get(accid);
        if member.is_some_and(|m| m.blocked) {
            return Err(ChatroomError::Blocked {
                room: id,
                accid: accid.to_owned(),
            });
        }
        if member.is_some_and(|m| m.chat_banned) {
            return Err(banned("chat-banned"));
        }
        let present = member.filter(|m| in_room(m));
        if !ignore_temp_mute {
            if member.is_some_and(|m| m.temp_mute_until.is_some_and(|until| until > now)) {
                return Err(banned("temporarily muted"));
            }
            if present.is_some_and(|m| room.tag_muted(&m.tags, now)) {
                return Err(banned("a tag of it is muted"));
            }
        }
        let manages = member.is_some_and(|m| matches!(m.role, Role::Creator | Role::Manager));
        if room.muted && !manages {
            return Err(banned("the room is muted"));
        }
        Ok(present)
    }
}

/// Whether a member record stands for someone in the room: fixed and virtual members
/// always, guests while online (a permanently banned guest's record is kept offline, but
/// the guest is not in the room).
fn in_room(member: &Member) -> bool {
    member.role.fixed() || member.is_robot() || member.online()
}
