//! Opening, closing and the room's switches: `chatroom/toggleCloseStat`,
//! `chatroom/updateDelayClosePolicy`, `chatroom/updateInOutNotification`.

use super::{Chatroom, DelayClosePolicy};
use crate::Accid;

/// `chatroom/toggleCloseStat.action`: `operator`, the room's creator, opens (`valid` true)
/// or closes (false) room `roomid`. Closing disconnects every online member and refuses
/// entering until the room is reopened; fixed members and their state are kept.
///
/// 403 when the operator is not the creator; **417 when the room already is in that
/// state** (the Java SDK's live test reopens a fresh room and gets 417). A delay-close
/// policy and seconds may be set with it (their countdown runs while the room is open).
/// Answers the [`Chatroom`] with its delay-close state, under `desc`. Not idempotent for
/// retries: a repeat after a lost answer is 417 although the first call took effect.
///
/// ```
/// use nim_api::chatroom::{DelayClosePolicy, ToggleChatroomStatus};
/// # use nim_api::Endpoint as _;
///
/// let reopen = ToggleChatroomStatus::new(3000000001u64, "ZhangSan", true)
///     .delay_close_policy(DelayClosePolicy::Never);
/// assert_eq!(
///     reopen.to_form().unwrap(),
///     "roomid=3000000001&operator=zhangsan&valid=true&delayClosePolicy=0"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/toggleCloseStat.action", setters, response = Chatroom,
      response_field = "desc")]
pub struct ToggleChatroomStatus {
    /// The room.
    pub roomid: u64,
    /// The creator.
    pub operator: Accid,
    /// `true` opens, `false` closes.
    pub valid: bool,
    /// The delay-close policy to keep.
    #[nim(rename = "delayClosePolicy")]
    pub delay_close_policy: Option<DelayClosePolicy>,
    /// Its countdown, in seconds (at most 7 days).
    #[nim(rename = "delaySeconds", max = 604_800)]
    pub delay_seconds: Option<u64>,
}

/// `chatroom/updateDelayClosePolicy.action`: sets room `roomid`'s delay-close policy (the
/// docs and both SDKs make it optional: unset keeps the room's) and seconds (a policy
/// without seconds takes 7 days), and restarts the countdown from now.
///
/// Answers the [`Chatroom`] with its delay-close state under `chatroom`: the docs' table
/// shows the members without their nesting; both SDKs read `chatroom`, so the SDKs win.
/// Idempotent (a repeat restarts the countdown again, from a moment later).
///
/// ```
/// use nim_api::chatroom::{DelayClosePolicy, UpdateChatroomDelayClose};
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateChatroomDelayClose::new(3000000001u64)
///     .delay_close_policy(DelayClosePolicy::WhenIdle)
///     .delay_seconds(300u64);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=3000000001&delayClosePolicy=2&delaySeconds=300"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/updateDelayClosePolicy.action", idempotent, setters,
      response = Chatroom, response_field = "chatroom")]
pub struct UpdateChatroomDelayClose {
    /// The room.
    pub roomid: u64,
    /// The policy (unset: the room's).
    #[nim(rename = "delayClosePolicy")]
    pub delay_close_policy: Option<DelayClosePolicy>,
    /// The countdown, in seconds (at most 7 days).
    #[nim(rename = "delaySeconds", max = 604_800)]
    pub delay_seconds: Option<u64>,
}

/// `chatroom/updateInOutNotification.action`: `close` true stops the notifications sent
/// when members enter and leave room `roomid`, false restores them (`ionotify` in
/// [`GetChatroom`](super::GetChatroom)'s answer). 403 `app io notify closed` when the app's
/// console switch for them is off. Answers nothing but the code. Idempotent.
///
/// ```
/// use nim_api::chatroom::UpdateChatroomInOutNotification;
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateChatroomInOutNotification::new(3000000001u64, false);
/// assert_eq!(request.to_form().unwrap(), "roomid=3000000001&close=false");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/updateInOutNotification.action", idempotent, setters)]
pub struct UpdateChatroomInOutNotification {
    /// The room.
    pub roomid: u64,
    /// `true`: no enter/leave notifications.
    pub close: bool,
}
