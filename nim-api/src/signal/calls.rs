//! What happens inside a room: `signal/invite`, `signal/cancelInvite`, `signal/kick`,
//! `signal/ctrlRoom`.

use super::SignalPush;
use crate::Accid;

/// `signal/invite.action`: `from` invites `to` into room `channelId`, under the
/// invitation id `requestId`. The invitation is valid for 90 seconds
/// ([`INVITATION_LIFETIME_SECS`](super::INVITATION_LIFETIME_SECS)). Answers nothing
/// beyond success.
///
/// `from` must be the creator or a member (10406); `to` must not be in the room (10407);
/// a full room is 10419; no room 10404; an unknown account 414. `requestId` is at most 128
/// characters (v2's limit; no v1 source states one); `attachExt` at most 4096 (likewise).
/// `isSave=1` stores the invitation for an offline invitee (and allows the push in
/// [`SignalPush`]).
///
/// Not idempotent: the invitee is notified again.
///
/// ```
/// use nim_api::signal::{InviteToSignalRoom, SignalPush};
/// # use nim_api::Endpoint as _;
///
/// let request = InviteToSignalRoom::new("c0ffee", "ZhangSan", "LiSi", "req-1")
///     .is_save(1u8)
///     .push(SignalPush::new().need_push(1u8));
/// assert_eq!(
///     request.to_form().unwrap(),
///     "channelId=c0ffee&from=zhangsan&to=lisi&requestId=req-1&needPush=1&isSave=1"
/// );
/// let mut long = request.clone();
/// long.request_id = "r".repeat(129);
/// assert_eq!(long.validate().unwrap_err().field(), "requestId");
/// let bad = request.push(SignalPush::new().push_title("t".repeat(33)));
/// assert_eq!(bad.validate().unwrap_err().field(), "pushTitle");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "signal/invite.action", setters)]
pub struct InviteToSignalRoom {
    /// The room (`channelId`).
    #[nim(rename = "channelId", required)]
    pub channel_id: String,
    /// The inviter: the creator or a member.
    pub from: Accid,
    /// The invitee.
    pub to: Accid,
    /// The invitation's id, at most 128 characters (`requestId`); cancelling names it.
    #[nim(rename = "requestId", required, max_len = 128)]
    pub request_id: String,
    /// The notification's extension, at most 4096 characters (`attachExt`).
    #[nim(rename = "attachExt", max_len = 4096)]
    pub attach_ext: Option<String>,
    /// The push to an offline invitee (`needPush`, `pushTitle`, `pushContent`,
    /// `pushPayload`, `needBadge`).
    #[nim(flatten, default)]
    pub push: SignalPush,
    /// `1`: store the invitation for an offline invitee; `0`: do not (`isSave`).
    #[nim(rename = "isSave", one_of = [0, 1])]
    pub is_save: Option<u8>,
    /// `1`: copy to the app server; `0`: do not (`isRoute`).
    #[nim(rename = "isRoute", one_of = [0, 1])]
    pub is_route: Option<u8>,
}

/// `signal/cancelInvite.action`: `from` takes back its invitation `requestId` of `to` into
/// room `channelId`. The same parameters as [`InviteToSignalRoom`] (both SDKs): the
/// cancellation is a notification of its own, with its own push. Answers nothing beyond
/// success.
///
/// 10408 when there is no such pending invitation (never made, cancelled, or past its 90
/// seconds); 10409 / 10410 when the invitee already rejected / accepted it (the client
/// docs); 10404 no room.
///
/// Not idempotent: a repeat is refused with 10408.
///
/// ```
/// use nim_api::signal::CancelSignalRoomInvite;
/// # use nim_api::Endpoint as _;
///
/// let request = CancelSignalRoomInvite::new("c0ffee", "zhangsan", "lisi", "req-1");
/// assert_eq!(request.to_form().unwrap(), "channelId=c0ffee&from=zhangsan&to=lisi&requestId=req-1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "signal/cancelInvite.action", setters)]
pub struct CancelSignalRoomInvite {
    /// The room (`channelId`).
    #[nim(rename = "channelId", required)]
    pub channel_id: String,
    /// The inviter.
    pub from: Accid,
    /// The invitee.
    pub to: Accid,
    /// The invitation's id, as sent with the invitation, at most 128 characters
    /// (`requestId`).
    #[nim(rename = "requestId", required, max_len = 128)]
    pub request_id: String,
    /// The notification's extension, at most 4096 characters (`attachExt`).
    #[nim(rename = "attachExt", max_len = 4096)]
    pub attach_ext: Option<String>,
    /// The push to an offline invitee.
    #[nim(flatten, default)]
    pub push: SignalPush,
    /// `1`: store the cancellation for an offline invitee; `0`: do not (`isSave`).
    #[nim(rename = "isSave", one_of = [0, 1])]
    pub is_save: Option<u8>,
    /// `1`: copy to the app server; `0`: do not (`isRoute`).
    #[nim(rename = "isRoute", one_of = [0, 1])]
    pub is_route: Option<u8>,
}

/// `signal/kick.action`: `from`, the room's creator, removes member `to` from room
/// `channelId`. Answers nothing beyond success.
///
/// Only the creator may kick (the v2 SDKs' comments): anyone else is 403 (the generic "no
/// permission"; no page names the code). `to` not in the room is 10406; no room 10404.
///
/// Not idempotent: a repeat is refused with 10406.
///
/// ```
/// use nim_api::signal::KickFromSignalRoom;
/// # use nim_api::Endpoint as _;
///
/// let request = KickFromSignalRoom::new("c0ffee", "zhangsan", "LiSi").attach_ext("bye");
/// assert_eq!(request.to_form().unwrap(), "channelId=c0ffee&from=zhangsan&to=lisi&attachExt=bye");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "signal/kick.action", setters)]
pub struct KickFromSignalRoom {
    /// The room (`channelId`).
    #[nim(rename = "channelId", required)]
    pub channel_id: String,
    /// Who kicks: the room's creator.
    pub from: Accid,
    /// The member removed.
    pub to: Accid,
    /// The notification's extension, at most 4096 characters (`attachExt`).
    #[nim(rename = "attachExt", max_len = 4096)]
    pub attach_ext: Option<String>,
    /// `1`: store the notification for an offline member; `0`: do not (`isSave`).
    #[nim(rename = "isSave", one_of = [0, 1])]
    pub is_save: Option<u8>,
    /// `1`: copy to the app server; `0`: do not (`isRoute`).
    #[nim(rename = "isRoute", one_of = [0, 1])]
    pub is_route: Option<u8>,
}

/// `signal/ctrlRoom.action`: `from` sends a custom control signal in room `channelId`, to
/// member `to` or, without `to`, to everyone in the room. The signal's content is
/// `attachExt` (at most 4096 characters: v2's limit). Answers nothing beyond success.
///
/// `from` must be the creator or a member, and `to` a member: 10406 otherwise; no room
/// 10404.
///
/// Not idempotent: the signal is delivered again.
///
/// ```
/// use nim_api::signal::ControlSignalRoom;
/// # use nim_api::Endpoint as _;
///
/// let everyone = ControlSignalRoom::new("c0ffee", "zhangsan").attach_ext(r#"{"mute":true}"#);
/// assert_eq!(everyone.to_form().unwrap(), "channelId=c0ffee&from=zhangsan&attachExt=%7B%22mute%22%3Atrue%7D");
/// let one = ControlSignalRoom::new("c0ffee", "zhangsan").to("lisi");
/// assert!(one.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "signal/ctrlRoom.action", setters)]
pub struct ControlSignalRoom {
    /// The room (`channelId`).
    #[nim(rename = "channelId", required)]
    pub channel_id: String,
    /// The sender: the creator or a member.
    pub from: Accid,
    /// The member it is for; absent: everyone in the room.
    pub to: Option<Accid>,
    /// The signal's content, at most 4096 characters (`attachExt`).
    #[nim(rename = "attachExt", max_len = 4096)]
    pub attach_ext: Option<String>,
    /// `1`: copy to the app server; `0`: do not (`isRoute`).
    #[nim(rename = "isRoute", one_of = [0, 1])]
    pub is_route: Option<u8>,
}
