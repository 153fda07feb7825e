//! Why a chatroom operation is refused, and what each protocol answers for it. The codes are
//! in the table of the [store's docs](super).

use crate::reply::ApiError;

/// The codes of the chatroom family. v1: DOC-CODES (200/403/404/414/417/419 generic,
/// 13001-13005 the chatroom block). v2: no chatroom page's error table was found; the same
/// codes are answered (the client SDK's `NIMChatroomErrors` has 404 for "room not exists"
/// and 403 "forbidden"): see [`ChatroomError::v2`].
pub(crate) mod code {
    /// The operator lacks the permission.
    pub(crate) const NO_PERMISSION: u32 = 403;
    /// The room (or the member) does not exist.
    pub(crate) const NOT_FOUND: u32 = 404;
    /// A parameter the rules refuse.
    pub(crate) const PARAMETER: u32 = 414;
    /// The operation repeats the current state (reopening an open room).
    pub(crate) const REPEATED: u32 = 417;
    /// The room is closed ("chat room status abnormal").
    pub(crate) const CLOSED: u32 = 13002;
    /// The account is on the room's blacklist and may not enter.
    pub(crate) const BLOCKED: u32 = 13003;
    /// Over a limit (1000 fixed members, a full queue): the generic "over limit"; no page
    /// names the code.
    pub(crate) const TOO_MANY: u32 = 419;
    /// The account may not speak: chat-banned, temporarily muted, or the room is muted.
    pub(crate) const CHAT_BANNED: u32 = 13004;
}

/// Why a chatroom operation is refused, before it is put in either protocol's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ChatroomError {
    /// No room `room`.
    NotFound { room: u64 },
    /// Room `room` is closed.
    Closed { room: u64 },
    /// `accid` is on the blacklist of `room`.
    Blocked { room: u64, accid: String },
    /// `accid` is not a member of `room` (not fixed and not online).
    NotMember { room: u64, accid: String },
    /// `accid` has no live connection in `room` (kicks, tag and session profile changes).
    NotOnline { room: u64, accid: String },
    /// `operator` may not `what`.
    NoPermission {
        operator: String,
        what: &'static str,
    },
    /// The operation repeats the current state.
    Repeated { desc: String },
    /// A request the rules refuse.
    Refused { desc: String },
    /// Over a limit of the room.
    TooMany { desc: String },
    /// Something inside a room does not exist (a queue element).
    Missing { desc: String },
    /// `accid` may not speak in `room`, for reason `why`.
    ChatBanned {
        room: u64,
        accid: String,
        why: &'static str,
    },
    /// No message of `room` matches `what`.
    NoMessage { room: u64, what: String },
}

impl ChatroomError {
    /// The v1 answer: `(code, desc)` as [`ApiError`].
    pub(crate) fn v1(&self) -> ApiError {
        ApiError::with_code(self.code(), self.describe())
    }

    /// The v2 answer: `(code, msg)` as [`ApiError`]. No v2 chatroom page's code table was
    /// found; the client SDK's chatroom errors keep the v1 numbers (404 room not found, 403
    /// forbidden) and the v1 block 13001-13005 is the only chatroom block known, so v2
    /// answers the v1 codes (unlike the six-digit codes of the account and team families).
    pub(crate) fn v2(&self) -> ApiError {
        self.v1()
    }

    fn code(&self) -> u32 {
        match self {
            ChatroomError::NotFound { .. } | ChatroomError::NotMember { .. } => code::NOT_FOUND,
            ChatroomError::NotOnline { .. } => code::NOT_FOUND,
            ChatroomError::Closed { .. } => code::CLOSED,
            ChatroomError::Blocked { .. } => code::BLOCKED,
            ChatroomError::NoPermission { .. } => code::NO_PERMISSION,
            ChatroomError::Repeated { .. } => code::REPEATED,
            ChatroomError::Refused { .. } => code::PARAMETER,
            ChatroomError::TooMany { .. } => code::TOO_MANY,
            ChatroomError::Missing { .. } => code::NOT_FOUND,
            ChatroomError::ChatBanned { .. } => code::CHAT_BANNED,
            ChatroomError::NoMessage { .. } => code::NOT_FOUND,
        }
    }

    /// The refusal in words, as both protocols put it in `desc` / `msg`.
    pub(crate) fn describe(&self) -> String {
        match self {
            ChatroomError::NotFound { room } => format!("chatroom {room} does not exist"),
            ChatroomError::Closed { room } => format!("chatroom {room} is closed"),
            ChatroomError::Blocked { room, accid } => {
                format!("{accid} is on the blacklist of chatroom {room}")
            }
            ChatroomError::NotMember { room, accid } => {
                format!("{accid} is not in chatroom {room}")
            }
            ChatroomError::NotOnline { room, accid } => {
                format!("{accid} is not online in chatroom {room}")
            }
            ChatroomError::NoPermission { operator, what } => {
                format!("no permission: {operator} may not {what}")
            }
            ChatroomError::Repeated { desc } | ChatroomError::Refused { desc } => desc.clone(),
            ChatroomError::TooMany { desc } | ChatroomError::Missing { desc } => desc.clone(),
            ChatroomError::ChatBanned { room, accid, why } => {
                format!("{accid} may not speak in chatroom {room}: {why}")
            }
            ChatroomError::NoMessage { room, what } => {
                format!("chatroom {room} has no message {what}")
            }
        }
    }
}
