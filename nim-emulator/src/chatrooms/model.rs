//! What the chatroom store keeps: rooms, their members and connections, the key/value queue
//! and the message history, in the words both protocols share. Each family maps its wire
//! names onto these (v1 `broadcasturl` = v2 `live_url`, v1 `ext` = v2 `extension`, v1
//! `muted` = v2 `chat_banned`, v1 `ionotify` = v2 `in_out_notification`, ...).

use std::collections::BTreeMap;

/// A member's role in a room (v2 `member_role`; v1 `type` strings in answers). The creator
/// is made with the room, guests and anonymous guests by entering, managers and normal
/// members by `setMemberRole`; virtual members by the robot actions (see the submodules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Role {
    /// The one creator (创建者, v2 `1`).
    Creator,
    /// A manager (管理员, v2 `2`): a fixed member the creator appointed.
    Manager,
    /// A normal fixed member (普通成员, v1 `COMMON`, v2 `0`).
    Normal,
    /// A guest (普通游客, v1 `TEMPORARY`, v2 `3`): in the room only while online.
    Guest,
    /// An anonymous guest (匿名游客, not a registered account, v2 `4`): only while online.
    Anonymous,
    /// A virtual member (v1 robot, v2 `5`): present until removed or expired.
    Virtual,
}

impl Role {
    /// Fixed members exist while offline: the creator, managers and normal members.
    pub(crate) fn fixed(self) -> bool {
        matches!(self, Role::Creator | Role::Manager | Role::Normal)
    }

    /// The v2 `member_role` number.
    pub(crate) fn v2(self) -> u8 {
        match self {
            Role::Normal => 0,
            Role::Creator => 1,
            Role::Manager => 2,
            Role::Guest => 3,
            Role::Anonymous => 4,
            Role::Virtual => 5,
        }
    }

    /// The v1 `type` string of a member of this role that is neither blacklisted nor
    /// chat-banned (those answer `LIMITED`, which is a state, not a role).
    pub(crate) fn v1(self) -> &'static str {
        match self {
            Role::Creator => "CREATOR",
            Role::Manager => "MANAGER",
            Role::Normal => "COMMON",
            Role::Guest => "TEMPORARY",
            Role::Anonymous => "ANONYMOUS",
            // No source lists a robot type: a virtual member is not a fixed member, so it
            // is a temporary one, told apart by `isRobot`.
            Role::Virtual => "TEMPORARY",
        }
    }
}

/// When a room closes on its own (v1 `delayClosePolicy`, v2 `delay_close_policy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum DelayPolicy {
    /// Never (`0`).
    #[default]
    None,
    /// A fixed time after the policy was set, whoever is inside (`1`).
    Fixed,
    /// A time after the room became empty (`2`).
    Idle,
}

impl DelayPolicy {
    /// The policy a wire number names, if any.
    pub(crate) fn from_number(n: i64) -> Option<DelayPolicy> {
        match n {
            0 => Some(DelayPolicy::None),
            1 => Some(DelayPolicy::Fixed),
            2 => Some(DelayPolicy::Idle),
            _ => None,
        }
    }

    /// The wire number.
    pub(crate) fn number(self) -> u8 {
        match self {
            DelayPolicy::None => 0,
            DelayPolicy::Fixed => 1,
            DelayPolicy::Idle => 2,
        }
    }
}

/// A room's delay-close state. Times are Unix ms on the emulator's state clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct DelayClose {
    pub(crate) policy: DelayPolicy,
    /// The countdown's length, in seconds.
    pub(crate) seconds: u64,
    /// When the countdown began (v1 `delayInfo.startTime`): for policy 1 when the policy was
    /// set (or the room reopened); for policy 2 when the room became empty, or when the
    /// policy was set on an empty room. While no countdown runs (policy 0, a closed room, a
    /// policy-2 room with someone inside) it keeps the later of the last such moment and
    /// the last time a policy was set: the emulator's choice, no source says what
    /// production answers then.
    pub(crate) start: u64,
    /// When the room closes, while a countdown runs: policy 1 from `start`, policy 2 from
    /// the moment the room became empty; `None` with policy 0 or a non-empty policy-2 room.
    pub(crate) deadline: Option<u64>,
}

/// The texts of a room.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Info {
    pub(crate) name: String,
    pub(crate) announcement: Option<String>,
    /// The live-stream URL (v1 `broadcasturl`, v2 `live_url`).
    pub(crate) broadcast_url: Option<String>,
    /// v1 `ext`, v2 `extension`.
    pub(crate) ext: Option<String>,
}

/// One live client connection of a member (a chatroom link of the client SDK).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Connection {
    /// The client type (1 Android, 2 iOS, 4 PC, 16 web, ...; as the client reports it).
    pub(crate) client_type: u8,
    /// When it entered (Unix ms).
    pub(crate) enter_time: u64,
}

/// One member of a room: a fixed or `LIMITED` member (online or not), an online guest, or
/// an offline guest kept by a temporary chat ban.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Member {
    pub(crate) role: Role,
    /// The nickname in the room (v1 `nick`, v2 `room_nick`).
    pub(crate) nick: Option<String>,
    /// The avatar in the room (v1 `avator`, sic; v2 `room_avatar`).
    pub(crate) avatar: Option<String>,
    /// v1 `ext`, v2 `extension`.
    pub(crate) ext: Option<String>,
    /// The developer-defined level.
    pub(crate) level: i64,
    /// On the room's blacklist: cannot enter.
    pub(crate) blocked: bool,
    /// Permanently chat-banned (v1 `muted`, opt −2).
    pub(crate) chat_banned: bool,
    /// Temporarily chat-banned until this Unix ms, if ever set. Held per account whether
    /// online or not: a guest carrying one keeps its record offline (see
    /// [`Member::kept_offline`]).
    pub(crate) temp_mute_until: Option<u64>,
    /// When it was put on the blacklist (Unix ms), while `blocked`.
    pub(crate) block_time: Option<u64>,
    /// The tags given when it entered (v1 `updateChatRoomRoleTag` / v2 `modifyMemberTags`
    /// replace them).
    pub(crate) tags: Vec<String>,
    /// Live connections; online while there is at least one.
    pub(crate) connections: Vec<Connection>,
    /// Present as a virtual member (v1 robot) until this Unix ms, without a connection.
    pub(crate) robot_until: Option<u64>,
    /// The tag expression naming who is told of its tag changes and leaving (v1
    /// `notifyTargetTags`, v2 `notify_target_tags`).
    pub(crate) notify_target_tags: Option<String>,
    /// When its latest connection entered (Unix ms); `None` if it never entered.
    pub(crate) last_enter: Option<u64>,
    /// Its nickname, avatar and extension for the current connections only (a profile
    /// change not saved): dropped with its last connection.
    pub(crate) session: Option<SessionProfile>,
}

/// What a profile change not saved sets, for the member's current connections; `None`
/// shows the member's own value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SessionProfile {
    pub(crate) nick: Option<String>,
    pub(crate) avatar: Option<String>,
    pub(crate) ext: Option<String>,
}

impl Member {
    /// A member of `role` with nothing else set and no connection.
    pub(crate) fn new(role: Role) -> Member {
        Member {
            role,
            nick: None,
            avatar: None,
            ext: None,
            level: 0,
            blocked: false,
            chat_banned: false,
            temp_mute_until: None,
            block_time: None,
            tags: Vec::new(),
            connections: Vec::new(),
            robot_until: None,
            notify_target_tags: None,
            last_enter: None,
            session: None,
        }
    }

    /// Whether it has a live connection.
    pub(crate) fn online(&self) -> bool {
        !self.connections.is_empty()
    }

    /// Whether it is a virtual member (v1 robot) now: the one mark of it, whatever its
    /// role (the creator or a manager may be added as a robot too).
    pub(crate) fn is_robot(&self) -> bool {
        self.robot_until.is_some()
    }

    /// Whether the room keeps its record: online, virtual, or [kept
    /// offline](Self::kept_offline).
    pub(crate) fn stays(&self) -> bool {
        self.online() || self.is_robot() || self.kept_offline()
    }

    /// Whether it counts among the room's fixed members (at most 1000): a fixed role, or a
    /// blacklist or permanent ban (v1 `LIMITED`) that keeps its record.
    pub(crate) fn counts_as_fixed(&self) -> bool {
        self.role.fixed() || self.blocked || self.chat_banned
    }

    /// Whether its record is kept while offline: it [counts as fixed](Self::counts_as_fixed),
    /// or it carries a temporary chat ban (held per account, online or not; such a guest is
    /// not a fixed member and is not online).
    pub(crate) fn kept_offline(&self) -> bool {
        self.counts_as_fixed() || self.temp_mute_until.is_some()
    }
}

/// One element of a room's queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QueueElement {
    pub(crate) key: String,
    pub(crate) value: String,
    /// The account that owns it (the operator that offered it, unless an admin named one).
    pub(crate) owner: String,
    /// Deleted when every connection of its owner leaves the room.
    pub(crate) transient: bool,
    /// When its key was added (Unix ms).
    pub(crate) create_time: u64,
    /// When it was last written (Unix ms).
    pub(crate) update_time: u64,
}

/// A room's key/value queue: ordered by insertion (the head is the oldest), keys unique.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Queue {
    /// The most elements it holds (`queueInit` `sizeLimit`, 0 to 1000).
    pub(crate) size_limit: usize,
    pub(crate) elements: Vec<QueueElement>,
}

impl Default for Queue {
    /// The limit before any `queueInit`: 50, the Java SDK's comment on v1 `sizeLimit` (the
    /// v2 Java comment says 100; no page settles it).
    fn default() -> Self {
        Queue {
            size_limit: 50,
            elements: Vec::new(),
        }
    }
}

/// One message of a room's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RoomMessage {
    /// The server id.
    pub(crate) server_id: u64,
    /// The sender's client id.
    pub(crate) client_id: String,
    pub(crate) from: String,
    /// The message type (0 text, 1 image, ...).
    pub(crate) msg_type: i64,
    /// The v1 `attach` as sent: the text of a text or tip message, the attachment's JSON
    /// text otherwise.
    pub(crate) body: String,
    /// Unix ms.
    pub(crate) time: u64,
    /// Recalled: kept in the history, marked.
    pub(crate) recalled: bool,
    /// Deleted from the history without a notification (v1 `deleteHistoryMessage`).
    pub(crate) deleted: bool,
    /// The app's sub-type (at least 1).
    pub(crate) sub_type: Option<u32>,
    /// The developer's extension (v1 `ext`, v2 `extension`).
    pub(crate) ext: Option<String>,
    /// The description of a non-text message (v2 `text` beside an `attachment`).
    pub(crate) description: Option<String>,
    /// The tag expression choosing receivers (`notifyTargetTags`), as sent.
    pub(crate) notify_target_tags: Option<String>,
    /// The sender's tags when it sent (what `queryTagHistoryMsg` matches).
    pub(crate) sender_tags: Vec<String>,
    /// The sender's nickname and avatar in the room when it sent (else empty).
    pub(crate) sender_nick: String,
    pub(crate) sender_avatar: String,
    /// Sent as a high-priority message.
    pub(crate) high_priority: bool,
    /// The sender's client type: always 32 (REST) for the server API.
    pub(crate) client_type: u8,
}

/// One room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Room {
    pub(crate) id: u64,
    pub(crate) creator: String,
    pub(crate) info: Info,
    /// 0: anyone may change the queue; 1: only the creator and managers.
    pub(crate) queue_level: u8,
    /// Open (`true`) or closed.
    pub(crate) valid: bool,
    /// The room-wide chat ban: only the creator and managers speak.
    pub(crate) muted: bool,
    pub(crate) delay: DelayClose,
    /// Whether entering and leaving send notifications (v1 `ionotify`).
    pub(crate) in_out_notify: bool,
    /// By accid: fixed members (kept offline), online guests, and offline guests kept by a
    /// temporary chat ban.
    pub(crate) members: BTreeMap<String, Member>,
    pub(crate) queue: Queue,
    /// Oldest first.
    pub(crate) messages: Vec<RoomMessage>,
    /// Tag chat bans: each tag banned from sending until this Unix ms (v1
    /// `tagTemporaryMute`, v2 `toggleTaggedMembersChatBan`); read by [`Room::tag_muted`].
    pub(crate) tag_mutes: BTreeMap<String, u64>,
    /// Unix ms.
    pub(crate) create_time: u64,
    /// The latest entry time given out (Unix ms): see [`Room::entry_stamp`].
    pub(crate) last_entry: u64,
}

impl Room {
    /// The time of an entry (a connection, a virtual member added) at `now`: `now`, or 1 ms
    /// after the room's previous entry when that is not earlier. The clock counts whole
    /// seconds, so entries in one second would tie; distinct times keep the lists' order
    /// and their `endtime` pages stable while members come and go between two pages.
    pub(crate) fn entry_stamp(&mut self, now: u64) -> u64 {
        let stamp = now.max(self.last_entry.saturating_add(1));
        self.last_entry = stamp;
        stamp
    }

    /// How many members are online.
    pub(crate) fn online_count(&self) -> usize {
        self.members.values().filter(|m| m.online()).count()
    }
}
