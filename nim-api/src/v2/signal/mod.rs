//! v2 `signal` family (`/im/v2/signalling_room`, 信令): the same rooms as the v1
//! [`crate::signal`] actions (a room made through one is read, delayed and closed through
//! the other). The room's life is four methods on one path (`POST` create, `PUT` delay,
//! `GET` query, `DELETE` close); what happens inside it is four `POST`s below
//! `/actions/` (invite, cancel an invitation, kick, send a control signal).
//!
//! Facts: both official SDKs (Go and Java), which agree on every path, method and field;
//! the v2 operations are not on the official API list page, so the required fields are the
//! Java SDK's comments (必选) and the limits the SDKs' comments. The room's type, its
//! record and the lifetimes are v1's: [`ChannelType`], [`SignalRoom`],
//! [`ROOM_LIFETIME_SECS`](crate::signal::ROOM_LIFETIME_SECS) and the rest. Codes as v1
//! (10404 no room, 10405 name taken, 10406 not in the room, 10407 already in it, 10408 no
//! such invitation, 10419 full), with 102404 for an unknown account.
//!
//! ```
//! use nim_api::v2::signal::{ChannelType, CreateRoom, Invite, PushConfig};
//! # use nim_api::Endpoint as _;
//!
//! let create = CreateRoom::new("ZhangSan", ChannelType::Audio).channel_name("call-1");
//! assert_eq!(
//!     create.encode().unwrap().body.unwrap().1,
//!     r#"{"channel_name":"call-1","creator_account_id":"zhangsan","channel_type":1}"#
//! );
//! let invite = Invite::new("c0ffee", "zhangsan", "lisi", "req-1")
//!     .push_config(PushConfig::new().push_enabled(true).push_title("Call"));
//! assert!(invite.validate().is_ok());
//! ```

mod calls;
mod rooms;

pub use calls::{CancelInvite, Invite, KickMember, SendControl};
pub use rooms::{CloseRoom, CreateRoom, DelayRoom, QueryRoom};

pub use crate::signal::{ChannelType, SignalRoom, SignalRoomMember};

/// Whether the event is copied to the app server (`route_config`).
///
/// ```
/// use nim_api::v2::signal::RouteConfig;
/// assert_eq!(serde_json::to_string(&RouteConfig::new().route_enabled(true)).unwrap(), r#"{"route_enabled":true}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct RouteConfig {
    /// Copy the event to the app server (default `false`).
    pub route_enabled: Option<bool>,
}

/// How an offline invitee's device is notified of an invitation or its cancellation
/// (`push_config`). The v1 actions send the same options as flat parameters,
/// [`SignalPush`](crate::signal::SignalPush), which also has the badge switch v2 lacks.
///
/// ```
/// use nim_api::v2::signal::PushConfig;
/// use nim_api::validate::Validate;
///
/// let push = PushConfig::new().push_enabled(true).push_content("Incoming call");
/// assert_eq!(
///     serde_json::to_string(&push).unwrap(),
///     r#"{"push_enabled":true,"push_content":"Incoming call"}"#
/// );
/// assert_eq!(push.clone().push_title("t".repeat(33)).validate().unwrap_err().field(), "push_title");
/// assert_eq!(push.push_payload("[").validate().unwrap_err().field(), "push_payload");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct PushConfig {
    /// Push to the invitee's offline devices (default `false`).
    pub push_enabled: Option<bool>,
    /// The push's title, at most 32 characters.
    #[nim(max_len = 32)]
    pub push_title: Option<String>,
    /// The push's text, at most 500 characters.
    #[nim(max_len = 500)]
    pub push_content: Option<String>,
    /// The push's payload: JSON text, at most 4096 characters.
    #[nim(json, max_len = 4096)]
    pub push_payload: Option<String>,
}

crate::catalogue::family! {
    "v2::signal::";
    CreateRoom, CloseRoom, DelayRoom, QueryRoom, Invite, CancelInvite, KickMember, SendControl,
}
