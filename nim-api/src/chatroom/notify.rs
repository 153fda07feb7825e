//! The room notification some member actions may send, shared by the temporary bans and the
//! queue's batch actions: the same two parameters with the same limit.

/// Whether the action notifies the room (`needNotify`; the server's default: yes) and the
/// notification's extension (`notifyExt`, JSON, at most 2048 characters), written into the
/// form as the action's own parameters (`#[nim(flatten)]`). Unset members are not sent.
///
/// Used by [`TemporaryMute`](super::TemporaryMute), [`TagTemporaryMute`](super::TagTemporaryMute),
/// [`BatchUpdateChatroomQueue`](super::BatchUpdateChatroomQueue) and
/// [`BatchOfferChatroomQueue`](super::BatchOfferChatroomQueue).
///
/// ```
/// use nim_api::chatroom::ChatroomNotify;
/// use nim_api::validate::Validate;
/// use nim_api::{Form, FormMembers};
///
/// let notify = ChatroomNotify::new().need_notify(false).notify_ext("{}");
/// let mut form = Form::new();
/// notify.write_form_members(&mut form);
/// assert_eq!(form.finish(), "needNotify=false&notifyExt=%7B%7D");
/// let err = notify.notify_ext("x".repeat(2049)).validate().unwrap_err();
/// assert_eq!(err.field(), "notifyExt");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters, form_members)]
#[non_exhaustive]
pub struct ChatroomNotify {
    /// Notify the room (default: yes).
    #[nim(rename = "needNotify")]
    pub need_notify: Option<bool>,
    /// The notification's extension (JSON), at most 2048 characters.
    #[nim(rename = "notifyExt", max_len = 2048)]
    pub notify_ext: Option<String>,
}
