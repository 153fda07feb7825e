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
//! 4. the sender is not in the room, that is neither a fixed member (creator, manager,
//!    normal member, kept while offline), nor a virtual member, nor a guest with a live
//!    connection: 404 (the docs name no code; 404 is their "object not found");
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
    /// The member `accid` of room `id` if it may send a message now (Unix ms), else why not.
    pub(crate) fn speaker(
        &self,
        id: u64,
        accid: &str,
        ignore_temp_mute: bool,
        now: u64,
    ) -> Result<&Member, ChatroomError> {
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
        let Some(member) = member.filter(|m| in_room(m)) else {
            return Err(ChatroomError::NotMember {
                room: id,
                accid: accid.to_owned(),
            });
        };
        if member.chat_banned {
            return Err(banned("chat-banned"));
        }
        if !ignore_temp_mute && member.temp_mute_until.is_some_and(|until| until > now) {
            return Err(banned("temporarily muted"));
        }
        if !ignore_temp_mute && room.tag_muted(&member.tags, now) {
            return Err(banned("a tag of it is muted"));
        }
        if room.muted && !matches!(member.role, Role::Creator | Role::Manager) {
            return Err(banned("the room is muted"));
        }
        Ok(member)
    }
}

/// Whether a member record stands for someone in the room: fixed and virtual members
/// always, guests while online (a permanently banned guest's record is kept offline, but
/// the guest is not in the room).
fn in_room(member: &Member) -> bool {
    member.role.fixed() || member.role == Role::Virtual || member.online()
}
