//! Every v1 signalling action (`signal/*.action`, 独立信令): a signalling room (信令频道房间)
//! is made ([`CreateSignalRoom`]), kept alive ([`DelaySignalRoom`]), read
//! ([`GetSignalRoomInfo`]) and closed ([`CloseSignalRoom`]) by the app server, which can also
//! invite an account into it ([`InviteToSignalRoom`]) and take the invitation back
//! ([`CancelSignalRoomInvite`]), remove a member ([`KickFromSignalRoom`]) and send a custom
//! control signal ([`ControlSignalRoom`]). Members join through the client SDKs; the server
//! API has no join action. The v2 twins are in [`crate::v2::signal`]; both act on the same
//! rooms.
//!
//! Facts: the official server pages for `delayRoom` and `getRoomInfo` (2025), the official
//! client pages (room lifetime, member limit, invitation lifetime, codes), and both official
//! server SDKs (Go and Java), which agree on every v1 parameter. No official page was found
//! for the other six v1 actions: their parameters are the SDKs', and which are required is
//! this crate's reading (the v2 SDKs' comments mark the same fields 必选). Limits no v1
//! source states are v2's (the Go and Java v2 SDKs' comments) and say so.
//!
//! - A room nobody is in lives **2 hours** from its creation; [`DelaySignalRoom`] moves its
//!   end to now + 2 hours. While members are in it, it does not end; it ends 2 hours after
//!   the last one leaves (the signalling client page). A room past its end is closed.
//! - A room holds at most **100** members (the client docs' default limit).
//! - An invitation is valid for **90 seconds**.
//! - Yes/no parameters (`isRoute`, `isSave`, `needPush`, `needBadge`) are `0`/`1` numbers
//!   on the wire (both SDKs send integers), declared `Option<u8>` limited to 0 and 1.
//! - Codes (client docs): 10404 the room does not exist (or is closed or expired), 10405 a
//!   room of that name is open, 10406 the account is not in the room, 10407 the invitee is
//!   already in the room, 10408 the invitation does not exist or expired, 10409 it was
//!   rejected, 10410 it was accepted, 10419 the room is full, 10201 the invitee is offline
//!   (an invitation without offline storage), 10202 push unreachable.
//!
//! ```
//! use nim_api::signal::{ChannelType, CreateSignalRoom, InviteToSignalRoom, SignalPush};
//! # use nim_api::Endpoint as _;
//!
//! let create = CreateSignalRoom::new(ChannelType::Video, "ZhangSan").channel_name("call-1");
//! assert_eq!(create.to_form().unwrap(), "type=2&from=zhangsan&channelName=call-1");
//! let invite = InviteToSignalRoom::new("c0ffee", "zhangsan", "lisi", "req-1")
//!     .push(SignalPush::new().need_push(1u8).push_content("Incoming call"));
//! assert!(invite.validate().is_ok());
//! ```

mod calls;
mod push;
mod room;
mod rooms;

pub use calls::{
    CancelSignalRoomInvite, ControlSignalRoom, InviteToSignalRoom, KickFromSignalRoom,
};
pub use push::SignalPush;
pub use room::{SignalRoom, SignalRoomMember};
pub(crate) use rooms::one_of_present;
pub use rooms::{CloseSignalRoom, CreateSignalRoom, DelaySignalRoom, GetSignalRoomInfo};

use crate::wire::int_enum;

/// How long a room lives after its creation or its last delay, in seconds (2 hours: the
/// `delayRoom` page and the client docs).
pub const ROOM_LIFETIME_SECS: u64 = 2 * 60 * 60;

/// How long an invitation stays valid, in seconds (90: the client docs' invitation page).
pub const INVITATION_LIFETIME_SECS: u64 = 90;

/// The most members a room holds (100: the client docs' default limit).
pub const MEMBERS_MAX: usize = 100;

int_enum! {
    /// What a room is for (`type` in v1 requests, `channel_type` in v2). v1 answers spell it
    /// as text (`AUDIO`, `VIDEO`, `CUSTOM`); v2 answers as the number.
    pub enum ChannelType: u8 {
        /// An audio call (`1`, `AUDIO`).
        Audio = 1,
        /// A video call (`2`, `VIDEO`).
        Video = 2,
        /// Anything else (`3`, `CUSTOM`).
        Custom = 3,
    }
}

impl ChannelType {
    /// The name v1 answers use: `AUDIO`, `VIDEO` or `CUSTOM`.
    ///
    /// ```
    /// use nim_api::signal::ChannelType;
    /// assert_eq!(ChannelType::Video.as_name(), "VIDEO");
    /// assert_eq!(ChannelType::from_name("vedio"), Some(ChannelType::Video));
    /// ```
    pub fn as_name(self) -> &'static str {
        match self {
            ChannelType::Audio => "AUDIO",
            ChannelType::Video => "VIDEO",
            ChannelType::Custom => "CUSTOM",
        }
    }

    /// The type a v1 answer's name (any case) or number text names. `VEDIO` is read as
    /// video: the official `getRoomInfo` page spells it so.
    pub fn from_name(name: &str) -> Option<ChannelType> {
        let name = name.trim();
        match name.to_ascii_uppercase().as_str() {
            "AUDIO" => Some(ChannelType::Audio),
            "VIDEO" | "VEDIO" => Some(ChannelType::Video),
            "CUSTOM" => Some(ChannelType::Custom),
            _ => name.parse().ok().and_then(ChannelType::from_number),
        }
    }
}

crate::catalogue::family! {
    "signal::";
    CreateSignalRoom, CloseSignalRoom, DelaySignalRoom, GetSignalRoomInfo,
    InviteToSignalRoom, CancelSignalRoomInvite, KickFromSignalRoom, ControlSignalRoom,
}
