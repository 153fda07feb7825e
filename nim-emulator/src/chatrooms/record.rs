//! The public view of a chatroom, as [`Emulator::chatroom`](crate::Emulator::chatroom) shows
//! it.

use std::collections::BTreeMap;

use super::model::{Member, Role, Room};

/// A member's role in a room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChatroomRole {
    /// The creator.
    Creator,
    /// A manager.
    Manager,
    /// A normal fixed member.
    Normal,
    /// A guest: in the room while online.
    Guest,
    /// An anonymous guest (not a registered account).
    Anonymous,
    /// A virtual member (v1 robot).
    Virtual,
}

impl From<Role> for ChatroomRole {
    fn from(role: Role) -> Self {
        match role {
            Role::Creator => ChatroomRole::Creator,
            Role::Manager => ChatroomRole::Manager,
            Role::Normal => ChatroomRole::Normal,
            Role::Virtual => ChatroomRole::Virtual,
            Role::Guest => ChatroomRole::Guest,
            Role::Anonymous => ChatroomRole::Anonymous,
        }
    }
}

/// One member of a room.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChatroomMemberRecord {
    /// The account id.
    pub accid: String,
    /// Its role.
    pub role: ChatroomRole,
    /// Its nickname in the room.
    pub nick: Option<String>,
    /// Its avatar in the room.
    pub avatar: Option<String>,
    /// Its extension in the room.
    pub ext: Option<String>,
    /// Its level.
    pub level: i64,
    /// On the room's blacklist.
    pub blocked: bool,
    /// Permanently chat-banned.
    pub chat_banned: bool,
    /// Temporarily chat-banned until (Unix ms, state clock), if a ban was set (an expired
    /// one may still be shown).
    pub temp_mute_until: Option<u64>,
    /// Its tags.
    pub tags: Vec<String>,
    /// The client types of its live connections, in the order they entered; empty when
    /// offline.
    pub connections: Vec<u8>,
}

impl ChatroomMemberRecord {
    /// Whether it has a live connection.
    pub fn online(&self) -> bool {
        !self.connections.is_empty()
    }
}

/// One room, as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChatroomRecord {
    /// The room id.
    pub id: u64,
    /// The creator.
    pub creator: String,
    /// The name.
    pub name: String,
    /// The announcement.
    pub announcement: Option<String>,
    /// The live-stream URL (v1 `broadcasturl`).
    pub broadcast_url: Option<String>,
    /// The extension.
    pub ext: Option<String>,
    /// Open (`true`) or closed.
    pub valid: bool,
    /// The room-wide chat ban (no served action sets it yet).
    pub muted: bool,
    /// 0: anyone may change the queue; 1: the creator and managers only.
    pub queue_level: u8,
    /// Whether entering and leaving send notifications.
    pub in_out_notification: bool,
    /// The delay-close policy: 0 none, 1 fixed time, 2 when idle.
    pub delay_close_policy: u8,
    /// The delay-close countdown's length, in seconds.
    pub delay_seconds: u64,
    /// When the room closes by its policy (Unix ms), while a countdown runs.
    pub close_deadline: Option<u64>,
    /// Fixed members and online guests, ordered by accid.
    pub members: Vec<ChatroomMemberRecord>,
    /// How many elements its queue holds.
    pub queue_len: usize,
    /// How many messages its history holds.
    pub message_count: usize,
    /// When it was made (Unix ms).
    pub create_time: u64,
    /// Tag chat bans: each banned tag and until when (Unix ms, state clock; expired ones
    /// may still be listed).
    pub tag_mutes: BTreeMap<String, u64>,
}

impl ChatroomRecord {
    /// Member `accid`, if it is one.
    pub fn member(&self, accid: &str) -> Option<&ChatroomMemberRecord> {
        self.members.iter().find(|m| m.accid == accid)
    }

    /// How many members are online.
    pub fn online_count(&self) -> usize {
        self.members.iter().filter(|m| m.online()).count()
    }
}

fn member_record(accid: &str, m: &Member) -> ChatroomMemberRecord {
    ChatroomMemberRecord {
        accid: accid.to_owned(),
        role: m.role.into(),
        nick: m.nick.clone(),
        avatar: m.avatar.clone(),
        ext: m.ext.clone(),
        level: m.level,
        blocked: m.blocked,
        chat_banned: m.chat_banned,
        temp_mute_until: m.temp_mute_until,
        tags: m.tags.clone(),
        connections: m.connections.iter().map(|c| c.client_type).collect(),
    }
}

impl From<&Room> for ChatroomRecord {
    fn from(r: &Room) -> Self {
        ChatroomRecord {
            id: r.id,
            creator: r.creator.clone(),
            name: r.info.name.clone(),
            announcement: r.info.announcement.clone(),
            broadcast_url: r.info.broadcast_url.clone(),
            ext: r.info.ext.clone(),
            valid: r.valid,
            muted: r.muted,
            queue_level: r.queue_level,
            in_out_notification: r.in_out_notify,
            delay_close_policy: r.delay.policy.number(),
            delay_seconds: r.delay.seconds,
            close_deadline: r.delay.deadline,
            members: r
                .members
                .iter()
                .map(|(accid, m)| member_record(accid, m))
                .collect(),
            queue_len: r.queue.elements.len(),
            message_count: r.messages.len(),
            create_time: r.create_time,
            tag_mutes: r.tag_mutes.clone(),
        }
    }
}
