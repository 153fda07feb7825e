//! Making and editing a room: `chatroom/create`, `chatroom/update`.

use super::{Chatroom, DelayClosePolicy, QueueLevel};
use crate::Accid;

/// `chatroom/create.action`: `creator` makes room `name`. The creator is the room's first
/// member; the room is open.
///
/// - `delayClosePolicy` / `delaySeconds`: see [`DelayClosePolicy`]; a policy without
///   seconds takes 7 days (the docs' default). At most [`DELAY_SECONDS_MAX`](super::DELAY_SECONDS_MAX)
///   seconds: the v2 docs' maximum, which the v1 docs do not state (checked before sending).
/// - `inOutNotification`: 1 (the default) sends enter/leave notifications, 0 does not. The
///   docs type it int and give the default; the 0/1 meaning is their text's reading
///   (unconfirmed).
/// - `bid`: moderation business ids, a JSON object `{"textbid":"..","picbid":".."}`
///   (checked before sending).
///
/// Answers the new [`Chatroom`] (with its delay-close state). Not idempotent: a repeat makes
/// a second room.
///
/// ```
/// use nim_api::chatroom::{CreateChatroom, DelayClosePolicy, QueueLevel};
/// # use nim_api::Endpoint as _;
///
/// let request = CreateChatroom::new("ZhangSan", "Lobby")
///     .announcement("welcome")
///     .queuelevel(QueueLevel::Everyone)
///     .delay_close_policy(DelayClosePolicy::AtFixedTime)
///     .delay_seconds(600u64)
///     .in_out_notification(0u8);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "creator=zhangsan&name=Lobby&announcement=welcome&queuelevel=0&delayClosePolicy=1\
///      &delaySeconds=600&inOutNotification=0"
/// );
/// assert_eq!(CreateChatroom::new("zhangsan", "").validate().unwrap_err().field(), "name");
/// let long = request.clone().delay_seconds(604_801u64);
/// assert_eq!(long.validate().unwrap_err().field(), "delaySeconds");
/// assert_eq!(request.clone().bid("[1]").validate().unwrap_err().field(), "bid");
/// assert!(request.bid(r#"{"textbid":"1"}"#).validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/create.action", setters, response = Chatroom, response_field = "chatroom")]
pub struct CreateChatroom {
    /// The creator.
    pub creator: Accid,
    /// The name, at most 128 characters.
    #[nim(required, max_len = 128)]
    pub name: String,
    /// The announcement, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub announcement: Option<String>,
    /// The live-stream URL, at most 1024 characters.
    #[nim(max_len = 1024)]
    pub broadcasturl: Option<String>,
    /// The extension, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub ext: Option<String>,
    /// Who may change the queue (default: everyone).
    pub queuelevel: Option<QueueLevel>,
    /// Moderation business ids (a JSON object); when unset the app's configuration applies.
    #[nim(json, custom = super::bid_object)]
    pub bid: Option<String>,
    /// When the room closes on its own (default: never).
    #[nim(rename = "delayClosePolicy")]
    pub delay_close_policy: Option<DelayClosePolicy>,
    /// The countdown of the delay-close policy, in seconds.
    #[nim(rename = "delaySeconds", max = 604_800)]
    pub delay_seconds: Option<u64>,
    /// 1: enter/leave notifications on (the default); 0: off.
    #[nim(rename = "inOutNotification", one_of = [0, 1])]
    pub in_out_notification: Option<u8>,
}

/// `chatroom/update.action`: changes what is set on room `roomid`; what is not set keeps its
/// value. Whether an empty text clears a field is unconfirmed (the emulator clears it). No
/// operator, so no permission check; whether a closed room may be edited is unconfirmed
/// (the emulator allows it).
///
/// `needNotify` (default true) sends the "room updated" notification carrying `notifyExt`
/// (at most 2048 characters). Answers the room's first seven members ([`Chatroom`] without
/// `queuelevel`, `muted` or the delay state). Idempotent.
///
/// ```
/// use nim_api::chatroom::{QueueLevel, UpdateChatroom};
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateChatroom::new(3000000001u64)
///     .name("Renamed")
///     .announcement("")
///     .need_notify(false)
///     .queuelevel(QueueLevel::Managers);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=3000000001&name=Renamed&announcement=&needNotify=false&queuelevel=1"
/// );
/// assert_eq!(request.notify_ext("x".repeat(2049)).validate().unwrap_err().field(), "notifyExt");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/update.action", idempotent, setters, response = Chatroom,
      response_field = "chatroom")]
pub struct UpdateChatroom {
    /// The room.
    pub roomid: u64,
    /// The new name, at most 128 characters.
    #[nim(max_len = 128)]
    pub name: Option<String>,
    /// The announcement, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub announcement: Option<String>,
    /// The live-stream URL, at most 1024 characters.
    #[nim(max_len = 1024)]
    pub broadcasturl: Option<String>,
    /// The extension, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub ext: Option<String>,
    /// Whether to send the "room updated" notification (the server's default: true).
    #[nim(rename = "needNotify")]
    pub need_notify: Option<bool>,
    /// Carried in the notification, at most 2048 characters.
    #[nim(rename = "notifyExt", max_len = 2048)]
    pub notify_ext: Option<String>,
    /// Who may change the queue.
    pub queuelevel: Option<QueueLevel>,
    /// Moderation business ids (a JSON object).
    #[nim(json, custom = super::bid_object)]
    pub bid: Option<String>,
}
