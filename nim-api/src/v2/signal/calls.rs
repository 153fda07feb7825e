//! What happens inside a room: `POST /im/v2/signalling_room/actions/{invite, cancel_invite,
//! kick, control}`.

use super::{PushConfig, RouteConfig};
use crate::Accid;

/// `POST /im/v2/signalling_room/actions/invite` (invite): `inviter_account_id`, the
/// creator or a member (10406), invites `invitee_account_id` (not in the room: 10407)
/// under the invitation id `request_id` (at most 128 characters). Valid for 90 seconds. A
/// full room is 10419; an unknown account 102404. Answers nothing beyond success.
///
/// `server_extension` at most 4096 characters; `offline_enabled` stores the invitation for
/// an offline invitee (default `false`); `unread_enabled` counts it as unread (default
/// `true`). Not idempotent.
///
/// ```
/// use nim_api::v2::signal::Invite;
/// # use nim_api::Endpoint as _;
///
/// let request = Invite::new("c0ffee", "ZhangSan", "lisi", "req-1").unread_enabled(false);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/signalling_room/actions/invite");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"channel_id":"c0ffee","inviter_account_id":"zhangsan","invitee_account_id":"lisi","request_id":"req-1","unread_enabled":false}"#
/// );
/// let mut empty = request;
/// empty.request_id.clear();
/// assert_eq!(empty.validate().unwrap_err().field(), "request_id");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/signalling_room/actions/invite", setters)]
pub struct Invite {
    /// The room.
    #[nim(required)]
    pub channel_id: String,
    /// The inviter: the creator or a member.
    pub inviter_account_id: Accid,
    /// The invitee.
    pub invitee_account_id: Accid,
    /// The invitation's id, at most 128 characters; cancelling names it.
    #[nim(required, max_len = 128)]
    pub request_id: String,
    /// The notification's extension, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub server_extension: Option<String>,
    /// Whether the event is copied to the app server.
    pub route_config: Option<RouteConfig>,
    /// Store the invitation for an offline invitee (default `false`).
    pub offline_enabled: Option<bool>,
    /// Count it as unread (default `true`).
    pub unread_enabled: Option<bool>,
    /// The push to an offline invitee.
    pub push_config: Option<PushConfig>,
}

/// `POST /im/v2/signalling_room/actions/cancel_invite` (cancelInvite): the inviter takes
/// back invitation `request_id`. The same fields as [`Invite`] (both SDKs). 10408 when
/// there is no such pending invitation (never made, cancelled, or past its 90 seconds).
/// Answers nothing beyond success. Not idempotent.
///
/// ```
/// use nim_api::v2::signal::CancelInvite;
/// # use nim_api::Endpoint as _;
///
/// let encoded = CancelInvite::new("c0ffee", "zhangsan", "lisi", "req-1").encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/signalling_room/actions/cancel_invite");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/signalling_room/actions/cancel_invite", setters)]
pub struct CancelInvite {
    /// The room.
    #[nim(required)]
    pub channel_id: String,
    /// The inviter.
    pub inviter_account_id: Accid,
    /// The invitee.
    pub invitee_account_id: Accid,
    /// The invitation's id, as sent with the invitation, at most 128 characters.
    #[nim(required, max_len = 128)]
    pub request_id: String,
    /// The notification's extension, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub server_extension: Option<String>,
    /// Store the cancellation for an offline invitee (default `false`).
    pub offline_enabled: Option<bool>,
    /// Count it as unread (default `true`).
    pub unread_enabled: Option<bool>,
    /// The push to an offline invitee.
    pub push_config: Option<PushConfig>,
    /// Whether the event is copied to the app server.
    pub route_config: Option<RouteConfig>,
}

/// `POST /im/v2/signalling_room/actions/kick` (kickMember): `operator_account_id`, the
/// room's creator (anyone else: 403), removes member `target_account_id` (not in the room:
/// 10406). Answers nothing beyond success. Not idempotent.
///
/// ```
/// use nim_api::v2::signal::KickMember;
/// # use nim_api::Endpoint as _;
///
/// let encoded = KickMember::new("c0ffee", "zhangsan", "lisi").offline_enabled(true).encode().unwrap();
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"channel_id":"c0ffee","operator_account_id":"zhangsan","target_account_id":"lisi","offline_enabled":true}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/signalling_room/actions/kick", setters)]
pub struct KickMember {
    /// The room.
    #[nim(required)]
    pub channel_id: String,
    /// Who kicks: the room's creator.
    pub operator_account_id: Accid,
    /// The member removed.
    pub target_account_id: Accid,
    /// The notification's extension, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub server_extension: Option<String>,
    /// Store the notification for an offline member (default `false`).
    pub offline_enabled: Option<bool>,
    /// Whether the event is copied to the app server.
    pub route_config: Option<RouteConfig>,
}

/// `POST /im/v2/signalling_room/actions/control` (sendControl): `operator_account_id`,
/// the creator or a member, sends a custom control signal (`server_extension`, at most
/// 4096 characters) to member `target_account_id` or, without it, to everyone in the room.
/// Not in the room: 10406. Answers nothing beyond success. Not idempotent.
///
/// ```
/// use nim_api::v2::signal::SendControl;
/// # use nim_api::Endpoint as _;
///
/// let encoded = SendControl::new("c0ffee", "zhangsan").server_extension("hold").encode().unwrap();
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"channel_id":"c0ffee","operator_account_id":"zhangsan","server_extension":"hold"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/signalling_room/actions/control", setters)]
pub struct SendControl {
    /// The room.
    #[nim(required)]
    pub channel_id: String,
    /// The sender: the creator or a member.
    pub operator_account_id: Accid,
    /// The member it is for; absent: everyone in the room.
    pub target_account_id: Option<Accid>,
    /// The signal's content, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub server_extension: Option<String>,
    /// Whether the event is copied to the app server.
    pub route_config: Option<RouteConfig>,
}
