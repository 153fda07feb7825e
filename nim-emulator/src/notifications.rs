//! What is recorded but not stored as messages: custom system notifications (v1
//! `sendAttachMsg` / `sendBatchAttachMsg`, v2 `custom_notification`), uploaded files (v1
//! `msg/upload`) and login/logout events (v1 `history/queryUserEvents`).

/// One custom notification to one receiver, returned by
/// [`Emulator::notifications`](crate::Emulator::notifications).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Notification {
    /// The sender.
    pub sender: String,
    /// The receiver: an account, or a team id.
    pub receiver: String,
    /// 1 account, 2 advanced team, 3 super team.
    pub conversation_type: u8,
    /// The content (v1 `attach`, v2 `content`).
    pub content: String,
    /// Stored for offline delivery (v1 `save=2`, v2 `notification_config.offline_enabled`).
    pub offline: bool,
    /// Which action sent it, e.g. `msg/sendAttachMsg.action` or `/im/v2/custom_notification`.
    pub via: String,
    /// When it was sent, Unix ms.
    pub time: u64,
}

/// One uploaded file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Upload {
    pub(crate) id: u64,
    pub(crate) bytes: Vec<u8>,
    pub(crate) content_type: Option<String>,
    pub(crate) tag: Option<String>,
    pub(crate) time: u64,
}

/// A login or logout of an account, as `history/queryUserEvents` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct UserEvent {
    /// The account.
    pub accid: String,
    /// 2 login, 3 logout.
    pub event_type: u8,
    /// When, Unix ms.
    pub timestamp: u64,
    /// The platform name, e.g. `"AOS"`, `"IOS"`, `"PC"`, `"WEB"`, `"MAC"`.
    pub client_type: String,
    /// The client's IP address.
    pub client_ip: String,
    /// The device id.
    pub device_id: String,
}

impl UserEvent {
    /// A login (`event_type` 2) or logout (3) of `accid` at `timestamp` (ms) from `client_type`.
    pub fn new(
        accid: impl Into<String>,
        event_type: u8,
        timestamp: u64,
        client_type: impl Into<String>,
    ) -> UserEvent {
        UserEvent {
            accid: accid.into(),
            event_type,
            timestamp,
            client_type: client_type.into(),
            client_ip: "127.0.0.1".into(),
            device_id: String::new(),
        }
    }
}

/// The notification log, uploads and user events.
#[derive(Debug, Default)]
pub(crate) struct Notifications {
    pub(crate) log: Vec<Notification>,
    pub(crate) uploads: Vec<Upload>,
    next_upload: u64,
    pub(crate) events: Vec<UserEvent>,
}

impl Notifications {
    /// Keeps `bytes`; answers the new upload's id.
    pub(crate) fn upload(&mut self, mut upload: Upload) -> u64 {
        self.next_upload += 1;
        upload.id = self.next_upload;
        self.uploads.push(upload);
        self.next_upload
    }
}
