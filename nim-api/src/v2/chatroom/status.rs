//! Opening, closing and the room's switches: updateChatroomStatus, toggleChatroomMute,
//! toggleInOutNotification; and where clients connect: getChatroomAddress.

use super::{ChatroomAddressList, ChatroomInfo, DelayCloseSettings, RoomNotification};
use crate::Accid;
use crate::chatroom::AddressClientType;

/// `PATCH /im/v2/chatrooms/{room_id}/actions/update_status` (updateChatroomStatus; the
/// official v2 "开放/关闭聊天室" page): `operator_account_id`, the creator, opens (`valid`
/// true) or closes the room, optionally setting its delay-close policy (the countdown
/// restarts from now).
///
/// Closing force-kicks every online member and removes the guests and virtual members;
/// fixed members are kept. 403 for another operator, 417 when the room already is in that
/// state (as v1 `toggleCloseStat`: the same server), 414 for more than 7 days. Answers the
/// [`ChatroomInfo`] (the docs and the Java SDK; the Go SDK reads nothing). Not idempotent
/// for retries: a repeat after a lost answer is 417.
///
/// ```
/// use nim_api::chatroom::DelayClosePolicy;
/// use nim_api::v2::chatroom::{DelayCloseSettings, UpdateChatroomStatus};
/// # use nim_api::Endpoint as _;
///
/// let reopen = UpdateChatroomStatus::new(3000000001u64, "ZhangSan", true)
///     .delay(DelayCloseSettings::new().delay_close_policy(DelayClosePolicy::Never));
/// let encoded = reopen.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/chatrooms/3000000001/actions/update_status");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"operator_account_id":"zhangsan","valid":true,"delay_close_policy":0}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/chatrooms/{room_id}/actions/update_status", method = "PATCH", setters,
      response = ChatroomInfo)]
pub struct UpdateChatroomStatus {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// The creator.
    pub operator_account_id: Accid,
    /// `true` opens, `false` closes.
    pub valid: bool,
    /// The delay-close policy and countdown to keep.
    #[nim(flatten, default)]
    pub delay: DelayCloseSettings,
}

/// `PATCH /im/v2/chatrooms/{room_id}/actions/chat_banned` (toggleChatroomMute; v1
/// `muteRoom`): `operator_account_id`, the creator or a manager, turns the room-wide chat
/// ban on (`chat_banned` true) or off. While it is on only the creator and managers speak;
/// members' own bans are not touched. 403 for another operator. The notification is sent
/// by default (the Java SDK's comment; the member operations default to off). Answers
/// nothing. Idempotent.
///
/// ```
/// use nim_api::v2::chatroom::{RoomNotification, ToggleChatroomMute};
/// # use nim_api::Endpoint as _;
///
/// let request = ToggleChatroomMute::new(3000000001u64, "ZhangSan", true)
///     .notification(RoomNotification::new().notification_enabled(false));
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     r#"{"operator_account_id":"zhangsan","chat_banned":true,"notification_enabled":false}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2/chatrooms/{room_id}/actions/chat_banned",
    method = "PATCH",
    idempotent,
    setters
)]
pub struct ToggleChatroomMute {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// The creator or a manager.
    pub operator_account_id: Accid,
    /// `true` bans the room, `false` lifts the ban.
    pub chat_banned: bool,
    /// The notification (default: sent).
    #[nim(flatten, default)]
    pub notification: RoomNotification,
}

/// `PATCH /im/v2/chatrooms/{room_id}/actions/in_out_notification` (toggleInOutNotification;
/// v1 `updateInOutNotification`): turns the notifications sent when members enter and
/// leave on (`in_out_notification` true) or off. The switch goes in the **query**, with no
/// body, as both SDKs send it. Answers nothing. Idempotent.
///
/// ```
/// use nim_api::v2::chatroom::ToggleInOutNotification;
/// # use nim_api::Endpoint as _;
///
/// let encoded = ToggleInOutNotification::new(3000000001u64, false).encode().unwrap();
/// assert_eq!(
///     encoded.path,
///     "/im/v2/chatrooms/3000000001/actions/in_out_notification?in_out_notification=false"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2/chatrooms/{room_id}/actions/in_out_notification",
    method = "PATCH",
    idempotent,
    setters
)]
pub struct ToggleInOutNotification {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// `true`: notifications on.
    #[nim(query)]
    pub in_out_notification: bool,
}

/// `GET /im/v2/chatrooms/{room_id}/actions/address` (getChatroomAddress; v1
/// `requestAddr`): the addresses `account_id`'s client connects to. Nothing changes:
/// entering is the client's step.
///
/// `client_ip` is required: the Go SDK checks it and the Java SDK's constructor takes it
/// (the v1 page makes it optional; the SDKs agree, so they win). `client_type` is the v1
/// link kind (1 web, the default; 2 other; 3 WeChat mini program); `ip_type` is in both SDKs
/// and documented nowhere (sent as given). 404 for an unknown room; 13002 for a closed one.
/// Answers [`ChatroomAddressList`]. Idempotent.
///
/// ```
/// use nim_api::chatroom::AddressClientType;
/// use nim_api::v2::chatroom::GetChatroomAddress;
/// # use nim_api::Endpoint as _;
///
/// let request = GetChatroomAddress::new(3000000001u64, "ZhangSan", "203.0.113.7")
///     .client_type(AddressClientType::Common);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2/chatrooms/3000000001/actions/address?account_id=zhangsan&client_ip=203.0.113.7&client_type=2"
/// );
/// assert_eq!(GetChatroomAddress::new(1u64, "a", "").validate().unwrap_err().field(), "client_ip");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/chatrooms/{room_id}/actions/address", method = "GET", idempotent,
      setters, response = ChatroomAddressList)]
pub struct GetChatroomAddress {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// The account that will enter.
    #[nim(query)]
    pub account_id: Accid,
    /// The client's IP address, at most 64 characters (an IPv6 address is at most 45).
    #[nim(query, required, max_len = 64)]
    pub client_ip: String,
    /// The kind of link (default: web).
    #[nim(query)]
    pub client_type: Option<AddressClientType>,
    /// Undocumented (presumably IPv4 or IPv6).
    #[nim(query)]
    pub ip_type: Option<u8>,
}
