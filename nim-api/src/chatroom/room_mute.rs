//! The room-wide chat ban: `chatroom/muteRoom`.

use serde::Deserialize;

use crate::Accid;
use crate::wire::flag;

/// `chatroom/muteRoom.action`: `operator`, the creator or a manager, turns room `roomid`'s
/// room-wide chat ban on (`mute` true) or off. While it is on only the creator and managers
/// speak; members' own bans are not touched (the same flag as the v2 toggleChatroomMute and
/// `muted` in [`GetChatroom`](super::GetChatroom)'s answer).
///
/// Facts: the legacy official table (parameters; `needNotify` defaults to true) and both
/// SDKs. 403 for another operator; no source shows a 417 for a repeat. `mute` is always sent
/// (the Go SDK drops `false` and so can never lift the ban). Answers
/// [`RoomMuteResult`] under `desc`. Idempotent.
///
/// ```
/// use nim_api::chatroom::MuteChatroom;
/// # use nim_api::Endpoint as _;
///
/// let request = MuteChatroom::new(3000000001u64, "ZhangSan", false).need_notify(false);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=3000000001&operator=zhangsan&mute=false&needNotify=false"
/// );
/// assert_eq!(request.notify_ext("x".repeat(2049)).validate().unwrap_err().field(), "notifyExt");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/muteRoom.action", idempotent, setters, response = RoomMuteResult,
      response_field = "desc")]
pub struct MuteChatroom {
    /// The room.
    pub roomid: u64,
    /// The creator or a manager.
    pub operator: Accid,
    /// `true` bans the room, `false` lifts the ban.
    pub mute: bool,
    /// Whether to send the notification (the server's default: true).
    #[nim(rename = "needNotify")]
    pub need_notify: Option<bool>,
    /// Carried in the notification, at most 2048 characters (the newer page's limit; the
    /// legacy one states none).
    #[nim(rename = "notifyExt", max_len = 2048)]
    pub notify_ext: Option<String>,
}

/// [`MuteChatroom`]'s answer (`desc`), as a production sample shows it.
///
/// ```
/// use nim_api::chatroom::RoomMuteResult;
///
/// let result: RoomMuteResult = serde_json::from_str(r#"{"success":true}"#).unwrap();
/// assert!(result.success);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RoomMuteResult {
    /// Whether the ban changed as asked.
    #[serde(default, deserialize_with = "flag")]
    pub success: bool,
}
